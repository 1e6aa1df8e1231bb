import zlib from 'node:zlib';

/**
 * Reading ZIP archives held in memory (Office files are ZIPs): the central directory, and an entry's bytes inflated
 * chunk by chunk against a budget of bytes actually produced. The sizes an archive declares are never trusted: a
 * 1 MB file can declare 4,000 bytes and inflate into 1 GB.
 */

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else cannot be read. */
  method: number;
  flags: number;
  compressedSize: number;
  /** The uncompressed size the directory declares (informative only). */
  declaredSize: number;
  localOffset: number;
}

/** The bytes of one or more entries went past what the reader allowed. */
export class UnpackLimitError extends Error {
  constructor(readonly limit: number) {
    super(`unpacked more than ${limit} bytes`);
  }
}

/** The archive is damaged, encrypted or uses a method this reader does not know. */
export class ZipFormatError extends Error {}

/** What may still be inflated from one file, shared by every entry read from it. */
export interface InflateBudget {
  readonly limit: number;
  remaining: number;
}

const u16 = (d: Uint8Array, at: number): number => (d[at] ?? 0) | ((d[at + 1] ?? 0) << 8);
const u32 = (d: Uint8Array, at: number): number => (u16(d, at) + u16(d, at + 2) * 0x10000) >>> 0;
const startsWith = (d: Uint8Array, sig: readonly number[], at = 0): boolean => d.length >= at + sig.length && sig.every((b, i) => d[at + i] === b);

const EOCD = [0x50, 0x4b, 0x05, 0x06];
const CENTRAL = [0x50, 0x4b, 0x01, 0x02];
const LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ENCRYPTED = 0x0001;
const CHUNK = 64 * 1024;

/** The entries of the central directory, or null when the archive is malformed. ZIP64 sizes count as malformed. */
export function zipEntries(d: Uint8Array): ZipEntry[] | null {
  let eocd = -1;
  for (let i = d.length - 22; i >= Math.max(0, d.length - 22 - 0xffff); i--) {
    if (startsWith(d, EOCD, i)) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = u16(d, eocd + 10);
  const offset = u32(d, eocd + 16);
  if (offset + u32(d, eocd + 12) > eocd) return null;
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (!startsWith(d, CENTRAL, p)) return null;
    const nameLen = u16(d, p + 28);
    const next = p + 46 + nameLen + u16(d, p + 30) + u16(d, p + 32);
    if (next > eocd) return null;
    entries.push({
      name: decoder.decode(d.subarray(p + 46, p + 46 + nameLen)),
      flags: u16(d, p + 8),
      method: u16(d, p + 10),
      compressedSize: u32(d, p + 20),
      declaredSize: u32(d, p + 24),
      localOffset: u32(d, p + 42),
    });
    p = next;
  }
  return entries;
}

/** The Office Open XML document kind of an archive with these entry names; macro-enabled documents are none. */
export function ooxmlKind(names: string[] | null): 'docx' | 'xlsx' | 'pptx' | null {
  if (!names || !names.includes('[Content_Types].xml')) return null;
  // NOTE: macro-enabled documents (docm/xlsm/pptm) carry vbaProject.bin; they are refused outright.
  if (names.some((n) => n.toLowerCase().endsWith('vbaproject.bin'))) return null;
  if (names.includes('word/document.xml')) return 'docx';
  if (names.includes('xl/workbook.xml')) return 'xlsx';
  if (names.includes('ppt/presentation.xml')) return 'pptx';
  return null;
}

/** The compressed bytes of an entry, located through its local header. */
function compressedBytes(d: Buffer, e: ZipEntry): Buffer {
  const at = e.localOffset;
  if (!startsWith(d, LOCAL, at)) throw new ZipFormatError(`${e.name}: no local header`);
  if ((e.flags & ENCRYPTED) !== 0) throw new ZipFormatError(`${e.name}: encrypted`);
  const start = at + 30 + u16(d, at + 26) + u16(d, at + 28);
  const end = start + e.compressedSize;
  if (e.compressedSize === 0xffffffff || end > d.length) throw new ZipFormatError(`${e.name}: truncated`);
  return d.subarray(start, end);
}

function spend(budget: InflateBudget, bytes: number): void {
  budget.remaining -= bytes;
  if (budget.remaining < 0) throw new UnpackLimitError(budget.limit);
}

/**
 * An entry's content, chunk by chunk (at most 64 KB each), counting every byte inflated against `budget`: the moment
 * the file as a whole has produced more than its limit, UnpackLimitError is thrown and inflating stops.
 */
export async function* entryChunks(d: Buffer, e: ZipEntry, budget: InflateBudget): AsyncGenerator<Buffer> {
  const packed = compressedBytes(d, e);
  if (e.method === 0) {
    for (let at = 0; at < packed.length; at += CHUNK) {
      const chunk = packed.subarray(at, at + CHUNK);
      spend(budget, chunk.length);
      yield chunk;
    }
    return;
  }
  if (e.method !== 8) throw new ZipFormatError(`${e.name}: method ${e.method}`);
  const inflater = zlib.createInflateRaw({ chunkSize: CHUNK });
  inflater.end(packed);
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      spend(budget, chunk.length);
      yield chunk;
    }
  } catch (err) {
    if (err instanceof UnpackLimitError) throw err;
    throw new ZipFormatError(`${e.name}: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    inflater.destroy();
  }
}
