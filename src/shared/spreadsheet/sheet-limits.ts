import { columnLetter } from '../xlsx-stream/sheet-writer';
import { formatInt } from '../format';

/**
 * What a spreadsheet upload may hold, what reading one gives back, and the message for every refusal. Shared by the
 * reader (run in a worker) and the request side that calls it; plain data only, so it crosses the thread boundary.
 */

export type SpreadsheetFormat = 'xlsx' | 'csv';

export interface SpreadsheetOptions {
  /** The kinds of file this upload takes, judged by name and then by content. */
  formats: readonly SpreadsheetFormat[];
  /** The worksheets to read (matched case-insensitively); the first sheet when omitted. A CSV is one sheet. */
  sheets?: readonly string[];
  /** Data rows allowed; a value in a row past this (plus HEADER_SLACK rows for a title and header) is refused. */
  maxDataRows: number;
  /** Columns allowed (DEFAULT_MAX_COLUMNS unless given). */
  maxColumns?: number;
  /** Cells holding a value, over all sheets read (20 per allowed row unless given). */
  maxCells?: number;
  /** Bytes the .xlsx may inflate into, counted as they are inflated (DEFAULT_MAX_UNPACKED_BYTES unless given). */
  maxUnpackedBytes?: number;
  /** Refuse cells holding a formula (xlsx) or text starting with "=" (csv) instead of reading their result. */
  refuseFormulas?: boolean;
  /** Replaces the message for a file of the wrong kind or one that cannot be read (e.g. "the questionnaire"). */
  wrongFileMessage?: string;
}

/** The limits as the reader applies them. */
export interface ReadLimits {
  maxDataRows: number;
  /** The last row number that may hold a value. */
  rowLimit: number;
  maxColumns: number;
  maxCells: number;
  maxUnpackedBytes: number;
  refuseFormulas: boolean;
}

/** One worksheet as read: texts by row, and the cells whose text cannot be taken at face value. */
export interface SheetData {
  name: string;
  /** rows[r - 1][c - 1] is the trimmed text of cell (r, c) as a person sees it; '' when empty. No trailing empties. */
  rows: string[][];
  /** Addresses ("C4") of the cells holding a formula, in row order. */
  formulas: string[];
  /** Cells with no usable value, by address: an error value or a formula whose result the file does not carry. */
  unreadable: Record<string, string>;
}

export interface SpreadsheetData {
  format: SpreadsheetFormat;
  /** Every worksheet of the workbook in order ([] for a CSV). */
  sheetNames: string[];
  /** The sheets asked for that exist, in the order asked. */
  sheets: SheetData[];
}

export type RefusalKind = 'format' | 'limit' | 'formula';

export interface Refusal {
  kind: RefusalKind;
  message: string;
}

/** Thrown inside the reader; the worker hands the refusal back as data. */
export class SheetRefusal extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

const HEADER_SLACK = 10;
const DEFAULT_MAX_COLUMNS = 100;
const DEFAULT_MAX_UNPACKED_BYTES = 8 * 1024 * 1024;
/** Excel's own limit for the text of one cell. */
export const MAX_CELL_CHARS = 32_767;
const FORMULAS_NAMED = 5;

export function resolveLimits(o: SpreadsheetOptions): ReadLimits {
  const rowLimit = o.maxDataRows + HEADER_SLACK;
  return {
    maxDataRows: o.maxDataRows,
    rowLimit,
    maxColumns: o.maxColumns ?? DEFAULT_MAX_COLUMNS,
    maxCells: o.maxCells ?? rowLimit * 20,
    maxUnpackedBytes: o.maxUnpackedBytes ?? DEFAULT_MAX_UNPACKED_BYTES,
    refuseFormulas: o.refuseFormulas ?? false,
  };
}

export const cellAddress = (row: number, col: number): string => `${columnLetter(col)}${row}`;

const mb = (bytes: number) => formatInt(Math.round(bytes / 1024 / 1024));
const refuse = (kind: RefusalKind, message: string) => new SheetRefusal({ kind, message });

/** Every refusal the reader gives, worded for the person who uploaded the file. */
export const refusals = {
  wrongKind: (formats: readonly SpreadsheetFormat[]) => refuse('format', formats.includes('csv') ? 'Pilih berkas .xlsx atau .csv.' : 'Pilih berkas Excel (.xlsx).'),
  unreadableXlsx: () => refuse('format', 'Berkas tidak dapat dibaca sebagai lembar kerja Excel (.xlsx). Simpan sebagai "Excel Workbook (.xlsx)" lalu unggah lagi.'),
  csvNotText: () => refuse('format', 'Berkas .csv harus berupa teks (UTF-8). Di Excel pilih Simpan Sebagai → "CSV UTF-8 (dipisahkan koma)".'),
  csvMalformed: (line: number) => refuse('format', `Berkas .csv tidak dapat dibaca: tanda kutip (") di baris ${formatInt(line)} tidak ditutup. Simpan ulang dari Excel lalu unggah lagi.`),
  unpackedTooLarge: (limit: number) => refuse('limit', `Isi berkas .xlsx terlalu besar setelah dibuka (lebih dari ${mb(limit)} MB); berkas tidak dibaca. Simpan hanya lembar yang diperlukan, tanpa gambar, lalu unggah lagi.`),
  tooManyRows: (row: number, maxDataRows: number) => refuse('limit', `Berkas berisi data sampai baris ${formatInt(row)} atau lebih; maksimal ${formatInt(maxDataRows)} baris data dalam satu berkas. Bagi menjadi beberapa berkas.`),
  tooManyColumns: (address: string, maxColumns: number) => refuse('limit', `Sel ${address} berisi data di luar ${formatInt(maxColumns)} kolom pertama; maksimal ${formatInt(maxColumns)} kolom. Hapus isi kolom yang tidak dipakai lalu unggah lagi.`),
  tooManyCells: (maxCells: number) => refuse('limit', `Berkas berisi lebih dari ${formatInt(maxCells)} sel berisi data; maksimal ${formatInt(maxCells)} sel dalam satu berkas. Bagi menjadi beberapa berkas.`),
  cellTooLong: (address: string | null) => refuse('limit', `${address ? `Sel ${address}` : 'Satu sel'} berisi lebih dari ${formatInt(MAX_CELL_CHARS)} karakter, batas Excel untuk satu sel.`),
  formulas: (addresses: string[]) => {
    const named = addresses.slice(0, FORMULAS_NAMED).join(', ');
    const more = addresses.length > FORMULAS_NAMED ? ` dan ${formatInt(addresses.length - FORMULAS_NAMED)} sel lainnya` : '';
    return refuse('formula', `Berkas berisi rumus di sel ${named}${more}. Ganti rumus dengan nilainya (salin, lalu "Tempel Khusus → Nilai") dan unggah lagi.`);
  },
  tooHeavy: () => refuse('limit', 'Berkas terlalu berat untuk dibaca (melampaui batas memori atau waktu pembacaan); berkas tidak dibaca. Simpan ulang sebagai .xlsx biasa, atau bagi menjadi beberapa berkas, lalu unggah lagi.'),
};
