import { PassThrough } from 'node:stream';
import { createZipWriter } from './zip-writer';

const LOCAL_HEADER = 0x04034b50;
const STORE = 0;
/** General-purpose flag bit 3: sizes follow the data (the local header's sizes are then zero). */
const SIZES_AFTER_DATA = 0x0008;

/** The entries of a ZIP whose entries are stored uncompressed with their sizes in the local headers. */
export function storedEntries(zip: Buffer): { name: string; data: Buffer }[] {
  const out: { name: string; data: Buffer }[] = [];
  let at = 0;
  while (at + 30 <= zip.length && zip.readUInt32LE(at) === LOCAL_HEADER) {
    const flags = zip.readUInt16LE(at + 6);
    const method = zip.readUInt16LE(at + 8);
    const size = zip.readUInt32LE(at + 22);
    if (method !== STORE || (flags & SIZES_AFTER_DATA) !== 0 || size !== zip.readUInt32LE(at + 18)) {
      throw new Error('ZIP ini tidak disimpan tanpa kompresi dengan ukuran di header lokal');
    }
    const nameLength = zip.readUInt16LE(at + 26);
    const start = at + 30 + nameLength + zip.readUInt16LE(at + 28);
    if (start + size > zip.length) throw new Error('ZIP terpotong');
    out.push({ name: zip.toString('utf8', at + 30, at + 30 + nameLength), data: zip.subarray(start, start + size) });
    at = start + size;
  }
  return out;
}

/**
 * Re-packs a ZIP written uncompressed (exceljs with `compression: 'STORE'`) with Node's native deflate.
 * NOTE: exceljs deflates through JSZip's JavaScript port of zlib; for the Renaksi workbook that was the largest
 * part of writing it (measured: the workbook is written in about two thirds of the time, same size).
 */
export async function deflateStoredZip(stored: Buffer): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  const collected = new Promise<Buffer>((resolve, reject) => {
    sink.on('data', (c: Buffer) => chunks.push(c));
    sink.once('end', () => resolve(Buffer.concat(chunks)));
    sink.once('error', reject);
  });
  const zip = createZipWriter(sink);
  for (const e of storedEntries(stored)) {
    const entry = zip.entry(e.name);
    await entry.write(e.data);
    await entry.end();
  }
  await zip.finish();
  return collected;
}
