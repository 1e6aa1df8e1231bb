import type ExcelJS from 'exceljs';
import { cellText } from '../shared/sheet-cells';
import { COLUMN_HEADERS, META_SHEET, QUESTIONNAIRE_FORMAT, QUESTIONNAIRE_SHEET } from './questionnaire-workbook';

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

function readMeta(ws: ExcelJS.Worksheet): WorkbookMeta | null {
  const facts = new Map<string, string>();
  for (let r = 1; r <= 9; r++) facts.set(cellText(ws.getCell(r, 1).value), cellText(ws.getCell(r, 2).value).trim());
  const periodId = Number(facts.get('periodId'));
  const unitId = Number(facts.get('unitId'));
  if (facts.get('format') !== QUESTIONNAIRE_FORMAT || !Number.isSafeInteger(periodId) || !Number.isSafeInteger(unitId)) return null;
  const original: WorkbookMeta['original'] = {};
  for (let r = 11; r <= ws.rowCount; r++) {
    const code = cellText(ws.getCell(r, 1).value).trim();
    if (code) original[code] = { level: cellText(ws.getCell(r, 2).value).trim(), noteDigest: cellText(ws.getCell(r, 3).value).trim() };
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
 * Reads an uploaded offline questionnaire: the metadata sheet and every non-empty row under the header row
 * (columns found by their header text). A file that is not this application's questionnaire gives an error.
 */
export function readQuestionnaire(wb: ExcelJS.Workbook): ReadResult {
  const metaSheet = wb.getWorksheet(META_SHEET);
  const ws = wb.getWorksheet(QUESTIONNAIRE_SHEET);
  const meta = metaSheet ? readMeta(metaSheet) : null;
  if (!meta || !ws) return { error: 'Berkas ini bukan kuesioner luring dari aplikasi ini (metadata atau lembar "Kuesioner" tidak ditemukan). Unduh kuesioner unit Anda lalu isi berkas itu.' };
  let headerRow = 0;
  for (let r = 1; r <= Math.min(ws.rowCount, 20) && headerRow === 0; r++) {
    if (cellText(ws.getCell(r, 1).value).trim() === COLUMN_HEADERS.code) headerRow = r;
  }
  const header = headerRow ? ws.getRow(headerRow) : null;
  const col = (title: string) => {
    for (let c = 1; header && c <= header.cellCount; c++) if (cellText(header.getCell(c).value).trim() === title) return c;
    return 0;
  };
  const [levelCol, noteCol, linkCol] = [col(COLUMN_HEADERS.level), col(COLUMN_HEADERS.note), col(COLUMN_HEADERS.link)];
  if (!headerRow || !levelCol || !noteCol || !linkCol) return { error: 'Judul kolom lembar "Kuesioner" berubah; unduh ulang kuesioner lalu isi tanpa mengubah susunan kolom.' };
  const lines: SheetLine[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const text = (c: number) => cellText(ws.getCell(r, c).value);
    const line = { row: r, code: text(1).trim(), level: text(levelCol).trim(), note: text(noteCol).replace(/\r\n/g, '\n').trim(), link: text(linkCol).trim() };
    if (line.code || line.level || line.note || line.link) lines.push(line);
  }
  return { meta, lines };
}
