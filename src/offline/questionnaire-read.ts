import { cellText, sheetNamed } from '../shared/spreadsheet/read-spreadsheet';
import type { SheetData, SpreadsheetData } from '../shared/spreadsheet/sheet-limits';
import { COLUMN_HEADERS, LEGACY_LEVEL_HEADER, META_SHEET, QUESTIONNAIRE_FORMAT, QUESTIONNAIRE_SHEET } from './questionnaire-workbook';

/** What the hidden metadata sheet says about the file. */
export interface WorkbookMeta {
  periodId: number;
  periodName: string;
  unitId: number;
  unitCode: string;
  instrumentCode: string;
  instrumentVersion: string;
  generatedAt: string;
  /** The answers as downloaded: Level cell text and note digest per indicator code. */
  original: Record<string, { level: string; noteDigest: string }>;
}

/** One filled row of the questionnaire sheet (texts as typed; row is the spreadsheet row number). */
export interface SheetLine {
  row: number;
  code: string;
  level: string;
  note: string;
  link: string;
}

export type ReadResult = { meta: WorkbookMeta; lines: SheetLine[] } | { error: string };

function readMeta(ws: SheetData): WorkbookMeta | null {
  const facts = new Map<string, string>();
  for (let r = 1; r <= 9; r++) facts.set(cellText(ws, r, 1), cellText(ws, r, 2));
  const periodId = Number(facts.get('periodId'));
  const unitId = Number(facts.get('unitId'));
  if (facts.get('format') !== QUESTIONNAIRE_FORMAT || !Number.isSafeInteger(periodId) || !Number.isSafeInteger(unitId)) return null;
  const original: WorkbookMeta['original'] = {};
  for (let r = 11; r <= ws.rows.length; r++) {
    const code = cellText(ws, r, 1);
    if (code) original[code] = { level: cellText(ws, r, 2), noteDigest: cellText(ws, r, 3) };
  }
  return {
    periodId,
    periodName: facts.get('periodName') ?? '',
    unitId,
    unitCode: facts.get('unitCode') ?? '',
    instrumentCode: facts.get('instrumentCode') ?? '',
    instrumentVersion: facts.get('instrumentVersion') ?? '',
    generatedAt: facts.get('generatedAt') ?? '',
    original,
  };
}

/**
 * Reads an uploaded offline questionnaire (its Metadata and Kuesioner sheets as read by readSpreadsheet): the
 * metadata and every non-empty row under the header row (columns found by their header text). A file that is not
 * this application's questionnaire gives an error.
 */
export function readQuestionnaire(file: SpreadsheetData): ReadResult {
  const metaSheet = sheetNamed(file, META_SHEET);
  const ws = sheetNamed(file, QUESTIONNAIRE_SHEET);
  const meta = metaSheet ? readMeta(metaSheet) : null;
  if (!meta || !ws) return { error: 'Berkas ini bukan kuesioner luring dari aplikasi ini (metadata atau lembar "Kuesioner" tidak ditemukan). Unduh kuesioner unit Anda lalu isi berkas itu.' };
  let headerRow = 0;
  for (let r = 1; r <= Math.min(ws.rows.length, 20) && headerRow === 0; r++) {
    if (cellText(ws, r, 1) === COLUMN_HEADERS.code) headerRow = r;
  }
  const header = headerRow ? ws.rows[headerRow - 1] ?? [] : [];
  const col = (title: string) => header.indexOf(title) + 1;
  const [levelCol, noteCol, linkCol] = [col(COLUMN_HEADERS.level) || col(LEGACY_LEVEL_HEADER), col(COLUMN_HEADERS.note), col(COLUMN_HEADERS.link)];
  if (!headerRow || !levelCol || !noteCol || !linkCol) return { error: 'Judul kolom lembar "Kuesioner" berubah; unduh ulang kuesioner lalu isi tanpa mengubah susunan kolom.' };
  const lines: SheetLine[] = [];
  for (let r = headerRow + 1; r <= ws.rows.length; r++) {
    const text = (c: number) => cellText(ws, r, c);
    const line = { row: r, code: text(1), level: text(levelCol), note: text(noteCol).replace(/\r\n/g, '\n').trim(), link: text(linkCol) };
    if (line.code || line.level || line.note || line.link) lines.push(line);
  }
  return { meta, lines };
}
