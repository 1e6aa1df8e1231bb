import ExcelJS from 'exceljs';
import {
  addTitle, estimateRowHeight, fitColumnWidths, landscapeWidthUnits, roman, styleCell, styleHeader, widthForWord, GROUP_FILL, FONT,
  PAPERS, type PaperKind,
  shareStyles,
} from '../shared/workbook-style';
// NOTE: the recap sheets' pure builder, not the exports entry: this file runs in a worker thread (renaksi-workbook.task),
// which should not load the exports module's routes and services (a named exception in .dependency-cruiser.cjs).
import { addRecapSheets, type RecapData } from '../exports/recap-sheets';

export interface RenaksiDocRow {
  aspect: string;
  problem: string;
  goal: string;
  activity: string;
  outputIndicator: string;
  targets: Record<string, number>;
  schedule: string;
  responsible: string;
  budget: string;
  support: string;
  verification: string;
  /** NOTE: realisasi leaves Lampiran I (issue 14; the monitoring matrix takes it); printed empty until the workbook
   * is rebuilt for the new plan. */
  realization: string;
  /** Target cells accept 0…targetMax units (the units the row's indicator applies to). */
  targetMax?: number;
  /** Row id and version in the hidden column ("R12-V3"), so an edited copy can be uploaded back. */
  rowKey?: string;
}

export interface RenaksiDocument {
  regionName: string;
  periodName: string;
  years: number[];
  aspects: { code: string; name: string; rows: RenaksiDocRow[] }[];
  paper: PaperKind;
  signature: { place: string; date: string; office: string; name: string; nip: string };
  recap: RecapData;
  /** Target cells of a row without its own targetMax accept 0…unitTotal units. */
  unitTotal?: number;
}

/** `wordy`: the column holds running text, so a long word of the body must fit too. */
type ColumnSpec = { header: string; weight: number; key: keyof RenaksiDocRow; wordy?: boolean };

const TEXT_COLUMNS: ColumnSpec[] = [
  { header: 'Aspek', weight: 11, key: 'aspect', wordy: true },
  { header: 'Permasalahan / Kesenjangan', weight: 20, key: 'problem', wordy: true },
  { header: 'Sasaran', weight: 15, key: 'goal', wordy: true },
  { header: 'Kegiatan (Rencana Aksi)', weight: 20, key: 'activity', wordy: true },
  { header: 'Indikator Keberhasilan (Output, Satuan)', weight: 15, key: 'outputIndicator', wordy: true },
];
const TAIL_COLUMNS: ColumnSpec[] = [
  { header: 'Waktu Pelaksanaan (Triwulan)', weight: 8.5, key: 'schedule' },
  { header: 'Penanggung Jawab dan Pihak Terkait', weight: 14, key: 'responsible', wordy: true },
  { header: 'Anggaran dan Sumber Dana', weight: 10, key: 'budget' },
  { header: 'Dukungan yang Dibutuhkan (Kebijakan, Kelembagaan, Sumber Daya)', weight: 12.5, key: 'support' },
  { header: 'Bukti Dukung / Cara Verifikasi', weight: 14, key: 'verification', wordy: true },
  { header: 'Realisasi / Status', weight: 10, key: 'realization' },
];

export const RENAKSI_SHEET = 'Renaksi';
/** First row of the column headers (rows above hold the title block). */
export const HEADER_ROW = 5;
/** First row of the table body (below the two header rows and the column numbers). */
export const FIRST_BODY_ROW = HEADER_ROW + 3;
export const ROW_KEY_HEADER = 'ID baris (jangan diubah)';
/** Header texts of the document columns before and after the year columns, for reading an uploaded copy back. */
export const LEADING_HEADERS = ['No', ...TEXT_COLUMNS.map((c) => c.header)];
export const TAIL_HEADERS = TAIL_COLUMNS.map((c) => c.header);
/** Editable fields in column order: the text columns after Aspek, then the tail (targets sit in between). */
export const LEADING_FIELDS = TEXT_COLUMNS.slice(1).map((c) => c.key);
export const TAIL_FIELDS = TAIL_COLUMNS.map((c) => c.key).filter((k) => k !== 'realization');

const BODY_FONT = 9;
const HEADER_FONT = 8;
const MARGIN_SIDE_IN = 0.4;
const NO_WIDTH = 5;
const YEAR_WIDTH = 4.5;

/**
 * The width a column needs so neither its header's longest word ("Pelaksanaan", "Kelembagaan,") nor a long word of
 * the body ("Penganggaran", 12 letters) is broken.
 */
function columnMin(c: ColumnSpec): number {
  const body = c.wordy ? widthForWord('Penganggaran', BODY_FONT, false) : 0;
  return Math.max(body, ...c.header.split(/\s+/).map((w) => widthForWord(w, HEADER_FONT)));
}

/**
 * Column widths that fill the landscape page at 100 % scale: No and years fixed, texts sharing the rest by weight
 * but never narrower than their header's longest word. A small reserve keeps LibreOffice and Excel from squeezing
 * the page (their width arithmetic differs slightly).
 */
export function planColumnWidths(paper: PaperKind, yearCount: number, noWidth = NO_WIDTH): number[] {
  const available = landscapeWidthUnits(paper, 2 * MARGIN_SIDE_IN) * 0.96;
  const text = (c: ColumnSpec) => ({ weight: c.weight, min: columnMin(c) });
  return fitColumnWidths(
    [
      { fixed: noWidth },
      ...TEXT_COLUMNS.map(text),
      ...Array.from({ length: yearCount }, () => ({ fixed: YEAR_WIDTH })),
      ...TAIL_COLUMNS.map(text),
    ],
    available,
  );
}

function writeHeader(ws: ExcelJS.Worksheet, years: number[], widths: number[]): number {
  const top = HEADER_ROW;
  LEADING_HEADERS.forEach((h, i) => {
    ws.mergeCells(top, i + 1, top + 1, i + 1);
    ws.getCell(top, i + 1).value = h;
  });
  const yearStart = LEADING_HEADERS.length + 1;
  ws.mergeCells(top, yearStart, top, yearStart + years.length - 1);
  ws.getCell(top, yearStart).value = 'Target per Tahun (jumlah unit yang mencapai tingkat target)';
  years.forEach((y, i) => {
    ws.getCell(top + 1, yearStart + i).value = y;
  });
  const tailStart = yearStart + years.length;
  TAIL_HEADERS.forEach((h, i) => {
    ws.mergeCells(top, tailStart + i, top + 1, tailStart + i);
    ws.getCell(top, tailStart + i).value = h;
  });
  const width = tailStart + TAIL_HEADERS.length - 1;
  for (let c = 1; c <= width; c++) {
    styleHeader(ws.getCell(top, c), HEADER_FONT);
    styleHeader(ws.getCell(top + 1, c), HEADER_FONT);
    const num = ws.getCell(top + 2, c);
    num.value = `(${c})`;
    styleHeader(num, 8);
  }
  const headerCells = [...LEADING_HEADERS, ...TAIL_HEADERS].map((text, i) => ({
    text, width: widths[i < LEADING_HEADERS.length ? i : i + years.length] ?? 10, bold: true,
  }));
  const yearsRow = 13;
  ws.getRow(top + 1).height = yearsRow;
  ws.getRow(top).height = Math.max(13, estimateRowHeight(headerCells, HEADER_FONT) - yearsRow);
  ws.getRow(top + 2).height = 12;
  return width;
}

function writeRowKeyColumn(ws: ExcelJS.Worksheet, col: number): void {
  const column = ws.getColumn(col);
  column.width = 14;
  column.hidden = true;
  ws.getCell(HEADER_ROW, col).value = ROW_KEY_HEADER;
}

function writeRows(ws: ExcelJS.Worksheet, doc: RenaksiDocument, width: number, widths: number[]): number {
  let r = FIRST_BODY_ROW;
  const unitTotal = doc.unitTotal ?? 0;
  const groupWidth = widths.slice(1).reduce((s, w) => s + w, 0);
  doc.aspects.forEach((aspect, ai) => {
    const group = ws.getCell(r, 1);
    group.value = roman(ai + 1);
    styleCell(group, { bold: true, fill: GROUP_FILL, align: 'center', size: BODY_FONT });
    ws.mergeCells(r, 2, r, width);
    const title = `Aspek ${aspect.code}. ${aspect.name}`;
    ws.getCell(r, 2).value = title;
    for (let c = 2; c <= width; c++) styleCell(ws.getCell(r, c), { bold: true, fill: GROUP_FILL, size: BODY_FONT });
    ws.getRow(r).height = estimateRowHeight([{ text: title, width: groupWidth, bold: true }], BODY_FONT);
    r++;
    aspect.rows.forEach((row, i) => {
      const values: (string | number | null)[] = [
        `${roman(ai + 1)}.${i + 1}`,
        ...TEXT_COLUMNS.map((c) => row[c.key] as string),
        ...doc.years.map((y) => row.targets[String(y)] ?? null),
        ...TAIL_COLUMNS.map((c) => row[c.key] as string),
      ];
      values.forEach((v, ci) => {
        const cell = ws.getCell(r, ci + 1);
        cell.value = v;
        const isTarget = ci > TEXT_COLUMNS.length && ci <= TEXT_COLUMNS.length + doc.years.length;
        styleCell(cell, { align: ci === 0 || isTarget ? 'center' : 'left', numFmt: isTarget ? '0' : undefined, size: BODY_FONT });
        if (isTarget) {
          const max = row.targetMax ?? unitTotal;
          cell.dataValidation = {
            type: 'whole', operator: 'between', allowBlank: true, formulae: [0, max], showErrorMessage: true,
            errorStyle: 'stop', errorTitle: 'Target tidak valid', error: `Isi target dengan jumlah unit 0 sampai ${max}.`,
          };
        }
      });
      if (row.rowKey) ws.getCell(r, width + 1).value = row.rowKey;
      ws.getRow(r).height = estimateRowHeight(values.map((v, ci) => ({ text: typeof v === 'string' ? v : '', width: widths[ci] ?? 10 })), BODY_FONT);
      r++;
    });
  });
  return r;
}

function writeSignature(ws: ExcelJS.Worksheet, startRow: number, width: number, sig: RenaksiDocument['signature']): number {
  const col = Math.max(1, width - 3);
  const lines: [string, boolean][] = [
    [`${sig.place}, ${sig.date}`, false],
    [sig.office, true],
    ['', false],
    ['', false],
    ['', false],
    [sig.name, true],
    [sig.nip ? `NIP. ${sig.nip}` : '', false],
  ];
  lines.forEach(([text, bold], i) => {
    const r = startRow + 1 + i;
    ws.mergeCells(r, col, r, width);
    const cell = ws.getCell(r, col);
    cell.value = text;
    cell.font = { name: FONT, size: 10, bold, underline: bold && i === 5 };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  return startRow + lines.length;
}

/** A1-style letters of a 1-based column number. */
function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/**
 * Builds the Renaksi document: the plan sheet (title block, merged group headers, numbered rows under aspects,
 * print setup for a Keputusan Bupati attachment, signature block, a hidden row-id column for uploading an edited copy
 * back) and the assessment recap sheets.
 */
export function buildRenaksiWorkbook(doc: RenaksiDocument): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'SP4N-LAPOR! Penilaian Mandiri';
  wb.created = new Date();
  const ws = wb.addWorksheet(RENAKSI_SHEET, {
    pageSetup: {
      paperSize: PAPERS[doc.paper].code as ExcelJS.PaperSize,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: MARGIN_SIDE_IN, right: MARGIN_SIDE_IN, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW + 2}`,
    },
    headerFooter: { oddFooter: '&C&"Arial"&8Halaman &P dari &N', evenFooter: '&C&"Arial"&8Halaman &P dari &N' },
    views: [{ state: 'frozen', ySplit: HEADER_ROW + 2, xSplit: 0 }],
  });
  const width = 1 + TEXT_COLUMNS.length + doc.years.length + TAIL_COLUMNS.length;
  // The No column fits the longest row number ("VI.147") on one line.
  const longestNo = doc.aspects.reduce((m, a, ai) => Math.max(m, `${roman(ai + 1)}.${a.rows.length}`.length), 0);
  const noWidth = Math.max(NO_WIDTH, Math.ceil(widthForWord('0'.repeat(longestNo), BODY_FONT, false) * 2) / 2);
  const widths = planColumnWidths(doc.paper, doc.years.length, noWidth);
  const span = `${doc.years[0]}–${doc.years[doc.years.length - 1]}`;
  addTitle(ws, 1, width, `RENCANA AKSI SP4N-LAPOR! ${doc.regionName.toUpperCase()}`, 14);
  addTitle(ws, 2, width, `TAHUN ${span}`, 12);
  addTitle(ws, 3, width, `Disusun berdasarkan hasil ${doc.periodName}`, 10);
  ws.getRow(3).font = { name: FONT, size: 10, italic: true };
  [20, 18, 15].forEach((h, i) => {
    ws.getRow(i + 1).height = h;
  });
  ws.columns = widths.map((w) => ({ width: w }));
  writeHeader(ws, doc.years, widths);
  writeRowKeyColumn(ws, width + 1);
  const end = writeRows(ws, doc, width, widths);
  const last = writeSignature(ws, end, width, doc.signature);
  ws.pageSetup.printArea = `A1:${columnLetter(width)}${last}`;
  addRecapSheets(wb, doc.recap);
  shareStyles(wb);
  return wb;
}
