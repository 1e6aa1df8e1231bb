import path from 'node:path';
import { badInput } from '../../errors/app-error';
import { runInWorker, workerTask, WorkerLimitError } from '../worker-pool';
import { refusals, resolveLimits, type Refusal, type SheetData, type SpreadsheetData, type SpreadsheetFormat, type SpreadsheetOptions } from './sheet-limits';
import type * as SpreadsheetTask from './spreadsheet.task';

/**
 * The one way an uploaded spreadsheet (.xlsx or .csv) is read, whichever upload it comes through. The file is judged
 * by its content, read in the worker pool within the caller's limits, and every refusal is a 422 with its message on
 * the `file` field; nothing is written before the caller has the sheets in hand.
 */

const READ_TASK = workerTask<typeof SpreadsheetTask, 'readSpreadsheetTask'>(path.join(__dirname, 'spreadsheet.task'), 'readSpreadsheetTask');
/** How long reading one file may take (a legitimate 100.000-row file takes a few seconds). */
const READ_TIMEOUT_MS = 30_000;

export interface SpreadsheetFile {
  originalName: string;
  data: Buffer;
}

function refuse(refusal: Refusal, opts: SpreadsheetOptions): Error {
  return badInput({ file: refusal.kind === 'format' && opts.wrongFileMessage ? opts.wrongFileMessage : refusal.message });
}

function formatOf(fileName: string, formats: readonly SpreadsheetFormat[]): SpreadsheetFormat | null {
  const ext = path.extname(fileName).toLowerCase().slice(1);
  return (formats as readonly string[]).includes(ext) ? (ext as SpreadsheetFormat) : null;
}

/**
 * Reads the sheets asked for (or the first) of an uploaded .xlsx, or the table of a .csv, within `opts`' limits.
 * Sheets that are not in the workbook are simply absent from the result: the caller says what is missing.
 */
export async function readSpreadsheet(file: SpreadsheetFile, opts: SpreadsheetOptions): Promise<SpreadsheetData> {
  const format = formatOf(file.originalName, opts.formats);
  if (!format) throw refuse(refusals.wrongKind(opts.formats).refusal, opts);
  try {
    const result = await runInWorker(READ_TASK, { format, data: file.data, sheets: opts.sheets, limits: resolveLimits(opts) }, { timeoutMs: READ_TIMEOUT_MS });
    if (!result.ok) throw refuse(result.refusal, opts);
    return result.data;
  } catch (err) {
    if (err instanceof WorkerLimitError) throw refuse(refusals.tooHeavy().refusal, opts);
    throw err;
  }
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** The sheet of that name (case-insensitive) among those read; a CSV's one table answers to any name. */
export function sheetNamed(read: SpreadsheetData, name: string): SheetData | undefined {
  return read.format === 'csv' ? read.sheets[0] : read.sheets.find((s) => sameName(s.name, name));
}

/** The sheet of that name, or a 422 on `file` naming the sheets the workbook has. */
export function requireSheet(read: SpreadsheetData, name: string): SheetData {
  const sheet = sheetNamed(read, name);
  if (sheet) return sheet;
  const names = read.sheetNames.map((n) => `"${n}"`).join(', ') || 'tidak ada';
  throw badInput({ file: `Lembar "${name}" tidak ditemukan (lembar di berkas: ${names}). Isi data pada lembar "${name}" seperti di templat.` });
}

/** The first (or only) sheet read, or a 422 when the workbook has none. */
export function firstSheet(read: SpreadsheetData): SheetData {
  const sheet = read.sheets[0];
  if (!sheet) throw badInput({ file: 'Berkas .xlsx tidak berisi lembar kerja.' });
  return sheet;
}

/** The text of cell (row, col), 1-based; '' when empty. */
export function cellText(sheet: SheetData, row: number, col: number): string {
  return sheet.rows[row - 1]?.[col - 1] ?? '';
}
