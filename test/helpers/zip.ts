import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

export interface ZipEntry {
  name: string;
  data: Buffer;
  /** Version needed to extract, from the central directory (20, or 45 with ZIP64 fields). */
  version: number;
  /** Length of the data descriptor after the compressed bytes (16, or 24 with 8-byte sizes). */
  descriptorLength: number;
}

export interface ZipArchive {
  entries: ZipEntry[];
  /** Whether the archive ends with a ZIP64 end of central directory record and locator. */
  zip64End: boolean;
}

const U32_MAX = 0xffffffff;

function expectSig(buf: Buffer, at: number, sig: number, what: string): void {
  if (buf.readUInt32LE(at) !== sig) throw new Error(`${what}: no signature 0x${sig.toString(16)} at ${at}`);
}

/**
 * Reads a ZIP strictly, from its central directory (as Excel does), and checks each entry against its local header
 * and data descriptor: same name, deflated data that inflates to the recorded size and CRC-32.
 */
export function readZip(buf: Buffer): ZipArchive {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('no end of central directory record');
  let count = buf.readUInt16LE(eocd + 10);
  let dirOffset = buf.readUInt32LE(eocd + 16);
  const zip64End = eocd >= 20 && buf.readUInt32LE(eocd - 20) === 0x07064b50;
  if (zip64End) {
    const rec = Number(buf.readBigUInt64LE(eocd - 20 + 8));
    expectSig(buf, rec, 0x06064b50, 'zip64 end record');
    count = Number(buf.readBigUInt64LE(rec + 32));
    dirOffset = Number(buf.readBigUInt64LE(rec + 48));
  }
  const entries: ZipEntry[] = [];
  let at = dirOffset;
  for (let i = 0; i < count; i++) {
    expectSig(buf, at, 0x02014b50, 'central header');
    const version = buf.readUInt16LE(at + 6);
    const crc = buf.readUInt32LE(at + 16);
    let compressed = buf.readUInt32LE(at + 20);
    let size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    let offset = buf.readUInt32LE(at + 42);
    // Sizes moved to the ZIP64 extra field mean 8-byte sizes in the data descriptor too.
    const wide = size === U32_MAX || compressed === U32_MAX;
    const name = buf.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    let e = at + 46 + nameLength;
    const extraEnd = e + extraLength;
    while (e < extraEnd) {
      const id = buf.readUInt16LE(e);
      const len = buf.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let f = e + 4;
        const next = (): number => { const v = Number(buf.readBigUInt64LE(f)); f += 8; return v; };
        if (size === U32_MAX) size = next();
        if (compressed === U32_MAX) compressed = next();
        if (offset === U32_MAX) offset = next();
      }
      e += 4 + len;
    }
    at = extraEnd + buf.readUInt16LE(at + 32);

    expectSig(buf, offset, 0x04034b50, `local header of ${name}`);
    if (buf.readUInt16LE(offset + 8) !== 8) throw new Error(`${name}: not deflated`);
    const localName = buf.subarray(offset + 30, offset + 30 + buf.readUInt16LE(offset + 26)).toString('utf8');
    if (localName !== name) throw new Error(`${name}: local header names ${localName}`);
    const start = offset + 30 + buf.readUInt16LE(offset + 26) + buf.readUInt16LE(offset + 28);
    const data = zlib.inflateRawSync(buf.subarray(start, start + compressed));
    if (data.length !== size) throw new Error(`${name}: ${data.length} bytes, directory says ${size}`);
    if (zlib.crc32(data) !== crc) throw new Error(`${name}: CRC mismatch`);
    const d = start + compressed;
    expectSig(buf, d, 0x08074b50, `data descriptor of ${name}`);
    const descCompressed = wide ? Number(buf.readBigUInt64LE(d + 8)) : buf.readUInt32LE(d + 8);
    const descSize = wide ? Number(buf.readBigUInt64LE(d + 16)) : buf.readUInt32LE(d + 12);
    if (buf.readUInt32LE(d + 4) !== crc || descCompressed !== compressed || descSize !== size) throw new Error(`${name}: data descriptor disagrees`);
    entries.push({ name, data, version, descriptorLength: wide ? 24 : 16 });
  }
  return { entries, zip64End };
}

/** Whether Info-ZIP's unzip is installed (it is on the development machine; tests using it skip elsewhere). */
export const HAS_UNZIP = spawnSync('unzip', ['-v']).status === 0;

/** `unzip -t` on the archive: its exit status and report. */
export function unzipTest(buf: Buffer): { status: number | null; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp4n-zip-'));
  const file = path.join(dir, 'test.zip');
  try {
    fs.writeFileSync(file, buf);
    const r = spawnSync('unzip', ['-t', file], { encoding: 'utf8' });
    return { status: r.status, output: `${r.stdout}${r.stderr}` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
