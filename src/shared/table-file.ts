import path from 'node:path';
import type ExcelJS from 'exceljs';
import { badInput } from '../errors/app-error';
import { sniffFileType, zipUncompressedBytes } from './file-sniffer';
import { formatInt } from './format';
import { formulaCells, lastValueRow, loadWorkbook, sheetTable } from './sheet-cells';

/**
 * The one way an admin's spreadsheet upload (.xlsx or .csv) becomes a table of cell texts. The file is judged by its
 * content, not its name: an .xlsx must be a real workbook (no macros) that does not unpack into more than
 * UNPACKED_MAX_BYTES, a .csv must be UTF-8 text. Every refusal is a 422 with its message on the `file` field.
 */

export interface TableFileOptions {
  /** The worksheet to read (matched case-insensitively); the first sheet when omitted. */
  sheetName?: string;
  /** Refuse cells holding a formula (xlsx) or text starting with "=" (csv) instead of reading their result. */
  refuseFormulas?: boolean;
  /** Data beyond this row count (plus a few rows for a title and the header) is refused before rows are read. */
  maxDataRows: number;
}

/**
 * NOTE: exceljs unpacks the whole archive and builds every row in memory (≈ 400 MB for 10 MB of sheet XML); a list of
 * 5.000 users or units is about 2 MB unpacked.
 */
export const UNPACKED_MAX_BYTES = 8 * 1024 * 1024;
const HEADER_SLACK = 10;
const FORMULAS_NAMED = 5;

const refuse = (message: string) => badInput({ file: message });

/** Splits CSV text (comma, semicolon or tab, detected on the first line; quotes as in RFC 4180). */
export function parseCsv(text: string): string[][] {
  const src = text.replace(/^\uFEFF/, '');
  const firstLine = src.split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length] as const);
  const delimiter = counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i] as string;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) { row.push(cell); cell = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row); }
  return rows.map((r) => r.map((c) => c.trim()));
}

/** 1 → "A", 28 → "AB": the column letters a spreadsheet shows. */
export function columnLetters(n: number): string {
  let out = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) out = String.fromCharCode(65 + ((x - 1) % 26)) + out;
  return out;
}

function formulaRefusal(addresses: string[]): Error {
  const named = addresses.slice(0, FORMULAS_NAMED).join(', ');
  const more = addresses.length > FORMULAS_NAMED ? ` dan ${formatInt(addresses.length - FORMULAS_NAMED)} sel lainnya` : '';
  return refuse(`Berkas berisi rumus di sel ${named}${more}. Ganti rumus dengan nilainya (salin, lalu "Tempel Khusus → Nilai") dan unggah lagi.`);
}

/** The 1-based number of the last row with any text (0 when there is none). */
function lastNonEmpty(table: string[][]): number {
  for (let i = table.length - 1; i >= 0; i--) if ((table[i] ?? []).some((c) => c !== '')) return i + 1;
  return 0;
}

async function readXlsx(data: Buffer, opts: TableFileOptions): Promise<string[][]> {
  const unreadable = refuse('Berkas tidak dapat dibaca sebagai lembar kerja Excel (.xlsx). Simpan sebagai "Excel Workbook (.xlsx)" lalu unggah lagi.');
  if (sniffFileType(data) !== 'xlsx') throw unreadable;
  if ((zipUncompressedBytes(data) ?? Infinity) > UNPACKED_MAX_BYTES) {
    throw refuse(`Isi berkas .xlsx terlalu besar setelah dibuka (lebih dari ${formatInt(UNPACKED_MAX_BYTES / 1024 / 1024)} MB).`);
  }
  const wb = await loadWorkbook(data);
  if (!wb) throw unreadable;
  const ws = pickSheet(wb, opts.sheetName);
  const last = lastValueRow(ws);
  if (last > opts.maxDataRows + HEADER_SLACK) throw tooManyRows(last, opts.maxDataRows);
  if (opts.refuseFormulas) {
    const formulas = formulaCells(ws);
    if (formulas.length > 0) throw formulaRefusal(formulas);
  }
  return sheetTable(ws);
}

function pickSheet(wb: ExcelJS.Workbook, sheetName: string | undefined): ExcelJS.Worksheet {
  const wanted = sheetName?.toLowerCase();
  const ws = wanted === undefined ? wb.worksheets[0] : wb.worksheets.find((w) => w.name.trim().toLowerCase() === wanted);
  if (ws) return ws;
  if (sheetName === undefined) throw refuse('Berkas .xlsx tidak berisi lembar kerja.');
  const names = wb.worksheets.map((w) => `"${w.name}"`).join(', ') || 'tidak ada';
  throw refuse(`Lembar "${sheetName}" tidak ditemukan (lembar di berkas: ${names}). Isi data pada lembar "${sheetName}" seperti di templat.`);
}

const tooManyRows = (lastRow: number, maxDataRows: number) =>
  refuse(`Berkas berisi data sampai baris ${formatInt(lastRow)}; maksimal ${formatInt(maxDataRows)} baris data dalam satu berkas.`);

function readCsv(data: Buffer, opts: TableFileOptions): string[][] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    text = '\u0000';
  }
  if (text.includes('\u0000')) throw refuse('Berkas .csv harus berupa teks (UTF-8). Di Excel pilih Simpan Sebagai → "CSV UTF-8 (dipisahkan koma)".');
  const table = parseCsv(text);
  const last = lastNonEmpty(table);
  if (last > opts.maxDataRows + HEADER_SLACK) throw tooManyRows(last, opts.maxDataRows);
  if (opts.refuseFormulas) {
    const formulas = table.flatMap((r, i) => r.flatMap((c, j) => (c.startsWith('=') ? [`${columnLetters(j + 1)}${i + 1}`] : [])));
    if (formulas.length > 0) throw formulaRefusal(formulas);
  }
  return table;
}

/**
 * Reads an uploaded .xlsx (the named or first sheet) or .csv into rows of trimmed cell texts, row 1 first, so that
 * index + 1 is the row number the person sees in their spreadsheet. Throws a 422 on `file` for any refusal.
 */
export async function readTableFile(fileName: string, data: Buffer, opts: TableFileOptions): Promise<string[][]> {
  const ext = path.extname(fileName).toLowerCase();
  if (ext === '.xlsx') return readXlsx(data, opts);
  if (ext === '.csv') return readCsv(data, opts);
  throw refuse('Pilih berkas .xlsx atau .csv.');
}
