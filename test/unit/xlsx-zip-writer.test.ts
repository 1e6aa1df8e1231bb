import crypto from 'node:crypto';
import { PassThrough, Writable } from 'node:stream';
import { createZipWriter, dosDateTime, type ZipWriterOptions } from '../../src/shared/xlsx-stream/zip-writer';
import { HAS_UNZIP, readZip, unzipTest } from '../helpers/zip';

/** Writes entries (each a list of chunks) through the zip writer and returns the archive's bytes. */
async function zipOf(entries: [string, (string | Buffer)[]][], opts?: ZipWriterOptions): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const zip = createZipWriter(out, opts);
  for (const [name, parts] of entries) {
    const e = zip.entry(name);
    for (const p of parts) await e.write(p);
    await e.end();
  }
  await zip.finish();
  return Buffer.concat(chunks);
}

const SAMPLE: [string, (string | Buffer)[]][] = [
  ['[Content_Types].xml', ['<Types/>']],
  ['xl/worksheets/lembar ü.xml', ['<row>Kecamatan ', 'Busang – Kutai Timur</row>', Buffer.from(' & lain-lain')]],
  ['kosong.txt', []],
];

describe('createZipWriter', () => {
  it('stores each entry deflated, with CRC and sizes in a data descriptor and the central directory', async () => {
    const zip = await zipOf(SAMPLE);

    const archive = readZip(zip);

    expect(archive.entries.map((e) => [e.name, e.data.toString('utf8'), e.version, e.descriptorLength])).toEqual([
      ['[Content_Types].xml', '<Types/>', 20, 16],
      ['xl/worksheets/lembar ü.xml', '<row>Kecamatan Busang – Kutai Timur</row> & lain-lain', 20, 16],
      ['kosong.txt', '', 20, 16],
    ]);
    expect(archive.zip64End).toBe(false);
    // local header: streamed sizes (bit 3) and a UTF-8 name (bit 11)
    expect(zip.readUInt16LE(6)).toBe(0x0808);
  });

  (HAS_UNZIP ? it : it.skip)('writes archives that Info-ZIP unzip tests without error', async () => {
    const zip = await zipOf(SAMPLE);

    const r = unzipTest(zip);

    expect(r.output).toContain('No errors detected');
    expect(r.status).toBe(0);
  });

  it('keeps a large entry intact across many chunks', async () => {
    const random = crypto.randomBytes(3 * 1024 * 1024);
    const text = 'baris rekap\n'.repeat(200_000);
    const parts = [...Array.from({ length: 48 }, (_, i) => random.subarray(i * 65536, (i + 1) * 65536)), text];

    const archive = readZip(await zipOf([['besar.bin', parts]]));

    expect(archive.entries[0]?.data.equals(Buffer.concat([random, Buffer.from(text)]))).toBe(true);
  });

  it('writes ZIP64 sizes, offsets and end records once they pass the limit', async () => {
    // With the limit lowered to 64 bytes: the first entry's sizes, the second's offset and the directory need ZIP64.
    const zip = await zipOf([['besar.txt', ['x'.repeat(5000), crypto.randomBytes(200)]], ['kecil.txt', ['ok']]], { zip64From: 64 });

    const archive = readZip(zip);

    expect(archive.zip64End).toBe(true);
    expect(archive.entries.map((e) => [e.name, e.data.length, e.version, e.descriptorLength])).toEqual([
      ['besar.txt', 5200, 45, 24],
      ['kecil.txt', 2, 45, 16],
    ]);
    if (HAS_UNZIP) expect(unzipTest(zip).status).toBe(0);
  });

  it('waits for a slow destination instead of buffering the entry', async () => {
    let consumed = 0;
    const slow = new Writable({
      highWaterMark: 16 * 1024,
      write: (c: Buffer, _e, cb) => {
        consumed += c.length;
        setTimeout(cb, 1);
      },
    });
    const zip = createZipWriter(slow, { level: 1 });
    const e = zip.entry('acak.bin');

    // 8 MB of incompressible data (deflated to about its own size): without backpressure it would pile up in
    // the compressor's or the destination's buffer, far ahead of what the destination took
    let accepted = 0;
    let backlog = 0;
    for (let i = 0; i < 128; i++) {
      await e.write(crypto.randomBytes(65536));
      accepted += 65536;
      backlog = Math.max(backlog, accepted - consumed);
    }
    await e.end();
    await zip.finish();

    // the compressor's queue (1 MB) plus a chunk in hand and the destination's buffer
    expect(backlog).toBeLessThan(2 * 1024 * 1024);
    expect(consumed).toBeGreaterThan(128 * 65536);
  });

  it('rejects instead of hanging when the destination closes before the end', async () => {
    const stuck = new Writable({ highWaterMark: 1024, write: () => undefined });
    const zip = createZipWriter(stuck);
    const e = zip.entry('acak.bin');
    setTimeout(() => stuck.destroy(), 20);

    const writing = (async () => {
      for (let i = 0; i < 1000; i++) await e.write(crypto.randomBytes(65536));
    })();

    await expect(writing).rejects.toThrow(/closed/);
  });

  it('refuses to start an entry before the previous one has ended', () => {
    const zip = createZipWriter(new PassThrough());
    zip.entry('a.txt');

    expect(() => zip.entry('b.txt')).toThrow(/previous entry/);
  });

  it('stores times as MS-DOS date and time fields', () => {
    // 27 Nov 2026 14:30:58 → date (46 << 9) | (11 << 5) | 27, time (14 << 11) | (30 << 5) | 29 (two-second steps)
    expect(dosDateTime(new Date(2026, 10, 27, 14, 30, 58))).toEqual({ date: 23931, time: 29661 });
  });
});
