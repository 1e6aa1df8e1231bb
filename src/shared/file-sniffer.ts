/**
 * Recognises an evidence file by its content (magic bytes and container directory), never by its name or the
 * browser's MIME type: PDF, JPEG, PNG, Office Open XML (docx/xlsx/pptx, without macros) and the legacy binary
 * Word/Excel formats (doc/xls, OLE2 compound files). Pure: bytes in, a kind or null out.
 */
import { ooxmlKind, zipEntries } from './zip-read';

export type EvidenceFileKind = 'pdf' | 'jpeg' | 'png' | 'docx' | 'xlsx' | 'pptx' | 'doc' | 'xls';

export interface EvidenceFileType {
  mime: string;
  extensions: readonly string[];
  label: string;
}

export const EVIDENCE_FILE_TYPES: Readonly<Record<EvidenceFileKind, EvidenceFileType>> = {
  pdf: { mime: 'application/pdf', extensions: ['pdf'], label: 'PDF' },
  jpeg: { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'gambar JPEG' },
  png: { mime: 'image/png', extensions: ['png'], label: 'gambar PNG' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'], label: 'dokumen Word (DOCX)' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'], label: 'lembar kerja Excel (XLSX)' },
  pptx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', extensions: ['pptx'], label: 'presentasi PowerPoint (PPTX)' },
  doc: { mime: 'application/msword', extensions: ['doc'], label: 'dokumen Word 97–2003 (DOC)' },
  xls: { mime: 'application/vnd.ms-excel', extensions: ['xls'], label: 'lembar kerja Excel 97–2003 (XLS)' },
};

/** What the upload hint and the file picker offer. */
export const ACCEPTED_EXTENSIONS: readonly string[] = Object.values(EVIDENCE_FILE_TYPES).flatMap((t) => t.extensions);

const startsWith = (d: Uint8Array, sig: readonly number[], at = 0): boolean =>
  d.length >= at + sig.length && sig.every((b, i) => d[at + i] === b);

const u16 = (d: Uint8Array, at: number): number => (d[at] ?? 0) | ((d[at + 1] ?? 0) << 8);
const u32 = (d: Uint8Array, at: number): number => (u16(d, at) + u16(d, at + 2) * 0x10000) >>> 0;

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The kind of file these bytes hold, or null when it is none of the accepted kinds. */
export function sniffFileType(data: Uint8Array): EvidenceFileKind | null {
  if (startsWith(data, PDF)) return 'pdf';
  if (startsWith(data, JPEG)) return 'jpeg';
  if (startsWith(data, PNG)) return 'png';
  if (startsWith(data, ZIP_LOCAL)) return ooxmlKind(zipEntries(data)?.map((e) => e.name) ?? null);
  if (startsWith(data, CFB)) return classifyCfb(cfbRootNames(data));
  return null;
}

/** True when the file name's extension is one of the kind's (case-insensitive). */
export function extensionMatches(fileName: string, kind: EvidenceFileKind): boolean {
  const m = /\.([A-Za-z0-9]+)$/.exec(fileName);
  return !!m?.[1] && EVIDENCE_FILE_TYPES[kind].extensions.includes(m[1].toLowerCase());
}

function classifyCfb(names: string[] | null): EvidenceFileKind | null {
  if (!names) return null;
  const has = (n: string) => names.includes(n);
  if (has('WordDocument') && !has('Workbook') && !has('Book')) return 'doc';
  if ((has('Workbook') || has('Book')) && !has('WordDocument')) return 'xls';
  return null;
}

const END_OF_CHAIN = 0xfffffffe;
const NO_STREAM = 0xffffffff;

/**
 * Names of the streams and storages directly under the root of an OLE2 compound file (MS-CFB), or null when
 * the structure is broken. Only the root level counts, so a Word file with an embedded sheet stays a Word file.
 */
function cfbRootNames(d: Uint8Array): string[] | null {
  if (d.length < 512 || u16(d, 0x1c) !== 0xfffe) return null;
  const shift = u16(d, 0x1e);
  if (shift !== 9 && shift !== 12) return null;
  const sectorSize = 1 << shift;
  const sector = (n: number) => (n + 1) * sectorSize;
  const fat = readFat(d, sectorSize, sector);
  if (!fat) return null;
  const dir: Uint8Array[] = [];
  const seen = new Set<number>();
  for (let s = u32(d, 0x30); s !== END_OF_CHAIN; s = fat[s] ?? NO_STREAM) {
    if (seen.has(s) || sector(s) + sectorSize > d.length) return null;
    seen.add(s);
    for (let o = 0; o < sectorSize; o += 128) dir.push(d.subarray(sector(s) + o, sector(s) + o + 128));
  }
  const root = dir[0];
  if (!root || root[0x42] !== 5) return null;
  const names: string[] = [];
  const visited = new Set<number>();
  const stack = [u32(root, 0x4c)];
  while (stack.length > 0) {
    const id = stack.pop() as number;
    if (id === NO_STREAM) continue;
    const e = dir[id];
    if (!e || visited.has(id)) return null;
    visited.add(id);
    const nameBytes = Math.min(64, Math.max(0, u16(e, 0x40) - 2));
    let name = '';
    for (let i = 0; i < nameBytes; i += 2) name += String.fromCharCode(u16(e, i));
    names.push(name);
    stack.push(u32(e, 0x44), u32(e, 0x48));
  }
  return names;
}

/** The file allocation table as sector numbers, gathered from the header's and the chained DIFAT entries. */
function readFat(d: Uint8Array, sectorSize: number, sector: (n: number) => number): number[] | null {
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) fatSectors.push(u32(d, 0x4c + i * 4));
  const seen = new Set<number>();
  for (let s = u32(d, 0x44), n = u32(d, 0x48); n > 0 && s !== END_OF_CHAIN && s !== NO_STREAM; n--) {
    if (seen.has(s) || sector(s) + sectorSize > d.length) return null;
    seen.add(s);
    const per = sectorSize / 4 - 1;
    for (let i = 0; i < per; i++) fatSectors.push(u32(d, sector(s) + i * 4));
    s = u32(d, sector(s) + per * 4);
  }
  const fat: number[] = [];
  const count = u32(d, 0x2c);
  for (const s of fatSectors.filter((x) => x !== NO_STREAM).slice(0, count)) {
    if (sector(s) + sectorSize > d.length) return null;
    for (let i = 0; i < sectorSize; i += 4) fat.push(u32(d, sector(s) + i));
  }
  return fat;
}
