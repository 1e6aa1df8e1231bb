import fs from 'node:fs';
import path from 'node:path';

/** Real files made by independent writers (python-xlwt, python-docx) for the content checks. */
export const FIXTURES_DIR = path.resolve(__dirname, '..', 'fixtures', 'evidence');
export const fixture = (name: string): Buffer => fs.readFileSync(path.join(FIXTURES_DIR, name));

/** A small, valid one-page PDF. */
export function pdfBytes(text = 'Bukti dukung'): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n` +
      `3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
  );
}

export const PNG_BYTES = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);
export const JPEG_HEAD = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex');
/** The start of a Windows program: what a renamed .exe looks like. */
export const EXE_BYTES = Buffer.concat([Buffer.from('4d5a90000300000004000000ffff0000', 'hex'), Buffer.alloc(512)]);

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** A stored (uncompressed) ZIP archive with the given entries. */
export function zipBytes(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const nameBuf = Buffer.from(name);
    const data = Buffer.from(text);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(data.length, 20);
    cd.writeUInt32LE(data.length, 24);
    cd.writeUInt16LE(nameBuf.length, 28);
    cd.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, data);
    central.push(cd, nameBuf);
    offset += 30 + nameBuf.length + data.length;
  }
  const cdBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(cdBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cdBuf, end]);
}

export const pptxBytes = () =>
  zipBytes({ '[Content_Types].xml': '<Types/>', 'ppt/presentation.xml': '<p:presentation/>', '_rels/.rels': '<Relationships/>' });

/**
 * A minimal OLE2 compound file (MS-CFB v3, 512-byte sectors) whose root holds the named streams: header, one FAT
 * sector, one directory sector, and 4096 bytes of data per stream.
 */
export function cfbBytes(streamNames: string[]): Buffer {
  if (streamNames.length > 3) throw new Error('one directory sector holds the root and 3 entries');
  const FREE = 0xffffffff;
  const header = Buffer.alloc(512);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18);
  header.writeUInt16LE(3, 0x1a);
  header.writeUInt16LE(0xfffe, 0x1c);
  header.writeUInt16LE(9, 0x1e);
  header.writeUInt16LE(6, 0x20);
  header.writeUInt32LE(1, 0x2c); // one FAT sector
  header.writeUInt32LE(1, 0x30); // directory starts at sector 1
  header.writeUInt32LE(0x1000, 0x38);
  header.writeUInt32LE(0xfffffffe, 0x3c); // no mini FAT
  header.writeUInt32LE(0xfffffffe, 0x44); // no DIFAT sectors
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : FREE, 0x4c + i * 4);
  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0); // sector 0: FAT itself
  fat.writeUInt32LE(0xfffffffe, 4); // sector 1: directory, end of chain
  // Each stream: 8 chained sectors (4096 bytes, the smallest size kept outside the mini stream).
  const SECTORS = 8;
  streamNames.forEach((_, i) => {
    for (let k = 0; k < SECTORS; k++) {
      const s = 2 + i * SECTORS + k;
      fat.writeUInt32LE(k === SECTORS - 1 ? 0xfffffffe : s + 1, s * 4);
    }
  });
  const dir = Buffer.alloc(512);
  const entry = (i: number, name: string, type: number, child: number, right: number, start: number, size: number) => {
    const o = i * 128;
    Buffer.from(`${name}\0`, 'utf16le').copy(dir, o);
    dir.writeUInt16LE((name.length + 1) * 2, o + 0x40);
    dir.writeUInt8(type, o + 0x42);
    dir.writeUInt8(1, o + 0x43);
    dir.writeUInt32LE(FREE, o + 0x44);
    dir.writeUInt32LE(right, o + 0x48);
    dir.writeUInt32LE(child, o + 0x4c);
    dir.writeUInt32LE(start, o + 0x74);
    dir.writeUInt32LE(size, o + 0x78);
  };
  entry(0, 'Root Entry', 5, streamNames.length > 0 ? 1 : FREE, FREE, 0xfffffffe, 0);
  // Siblings chained through the right pointers (a degenerate but valid red-black tree).
  streamNames.forEach((n, i) => entry(i + 1, n, 2, FREE, i + 1 < streamNames.length ? i + 2 : FREE, 2 + i * SECTORS, 512 * SECTORS));
  const data = streamNames.map(() => Buffer.alloc(512 * SECTORS, 0x20));
  return Buffer.concat([header, fat, dir, ...data]);
}
