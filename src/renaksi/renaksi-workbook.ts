import type ExcelJS from 'exceljs';
import {
  addTitle, commitSheet, estimateRowHeight, fitColumnWidths, landscapeWidthUnits, roman, styleCell, styleHeader, widthForWord, GROUP_FILL,
  type PaperKind,
} from '../shared/workbook-style';
import { columnLetter } from '../shared/xlsx-stream/sheet-writer';
// NOTE: the recap sheets' pure builder, not the exports entry: this file runs in a worker thread (renaksi-workbook.task),
// which should not load the exports module's routes and services (a named exception in .dependency-cruiser.cjs).
import { addRecapSheets } from '../exports/recap-sheets';
import type { RenaksiTextField } from './renaksi-draft';
import type { RenaksiDocRow, RenaksiDocument } from './renaksi-document';
import { lampiranPageSetup, writeClosing, writeLampiranBlock, yearSpan } from './renaksi-lampiran';
import { addTargetMapSheet } from './renaksi-target-map-sheet';

export type { RenaksiDocRow, RenaksiDocument, TargetMapDoc } from './renaksi-document';

/** `wordy`: the column holds running text, so a long word of the body must fit too. */
type ColumnSpec = { header: string; weight: number; key: keyof RenaksiDocRow; wordy?: boolean };

const TEXT_COLUMNS: ColumnSpec[] = [
  { header: 'Sasaran', weight: 13, key: 'goal', wordy: true },
  { header: 'Permasalahan / Kondisi Awal', weight: 15, key: 'problem', wordy: true },
  { header: 'Kegiatan', weight: 17, key: 'activity', wordy: true },
  { header: 'Indikator Keberhasilan (Output, Satuan)', weight: 11, key: 'outputIndicator', wordy: true },
  { header: 'Baseline', weight: 8, key: 'baseline' },
];
const TAIL_COLUMNS: ColumnSpec[] = [
  { header: 'Waktu (Triwulan)', weight: 7, key: 'schedule' },
  { header: 'Penanggung Jawab', weight: 9, key: 'responsible' },
  { header: 'Unit Sasaran', weight: 7, key: 'unitScope' },
  { header: 'Program / Kegiatan / Sub Kegiatan (DPA)', weight: 9, key: 'dpa', wordy: true },
  { header: 'Anggaran dan Sumber Dana', weight: 7, key: 'budget' },
  { header: 'Dukungan Kebijakan, Kelembagaan, Sumber Daya', weight: 10, key: 'support', wordy: true },
  { header: 'Bukti Dukung / Cara Verifikasi', weight: 10, key: 'verification', wordy: true },
];

export const RENAKSI_SHEET = 'Lampiran I';
/** First row of the column headers (rows above hold the lampiran block and the title). */
export const HEADER_ROW = 8;
/** First row of the table body (below the two header rows and the column numbers). */
export const FIRST_BODY_ROW = HEADER_ROW + 3;
export const ROW_KEY_HEADER = 'ID baris (jangan diubah)';
export const UNIT_TARGETS_HEADER = 'Target per Tahun (jumlah unit yang mencapai tingkat target)';
export const OUTPUT_TARGETS_HEADER = 'Target Output per Tahun';
/** Header texts of the document columns before and after the year columns, for reading an uploaded copy back. */
export const LEADING_HEADERS = ['No', ...TEXT_COLUMNS.map((c) => c.header)];
export const TAIL_HEADERS = TAIL_COLUMNS.map((c) => c.header);
/** Editable fields in column order: the texts before the years (Baseline is computed), then the tail. */
export const LEADING_FIELDS = TEXT_COLUMNS.map((c) => c.key).filter((k): k is RenaksiTextField => k !== 'baseline');
export const TAIL_FIELDS = TAIL_COLUMNS.map((c) => c.key) as RenaksiTextField[];

/** Where each part of Lampiran I sits for a plan of `yearCount` years (1-based columns). */
export function planLayout(yearCount: number) {
  const yearCol = LEADING_HEADERS.length + 1;
  const outputCol = yearCol + yearCount;
  const tailStart = outputCol + yearCount;
  const lastCol = tailStart + TAIL_HEADERS.length - 1;
  return {
    yearCol, outputCol, tailStart, lastCol, keyCol: lastCol + 1,
    /** The column of an editable text field. */
    columnOf: (field: RenaksiTextField): number => {
      const lead = LEADING_FIELDS.indexOf(field);
      return lead >= 0 ? 2 + lead : tailStart + TAIL_FIELDS.indexOf(field);
    },
  };
}

const BODY_FONT = 8;
const HEADER_FONT = 7.5;
const MARGIN_SIDE_IN = 0.4;
const NO_WIDTH = 5;
const YEAR_WIDTH = 4.2;
const OUTPUT_WIDTH = 6;
/**
 * NOTE: measured on the Kutai Timur plan converted by LibreOffice, running text at 8 pt fits about 1,4 times the
 * characters per line that the shared estimate (half an em per character, 7 px per width unit) assumes, so rows came
 * out about 70 % taller than their text. The body rows are sized with that measured factor.
 */
const TEXT_FIT = 1.4;

/**
 * The width a column needs so neither its header's longest word ("Kelembagaan,") nor a long word of the body
 * ("Penganggaran", 12 letters) is broken.
 */
function columnMin(c: ColumnSpec): number {
  const body = c.wordy ? widthForWord('Penganggaran', BODY_FONT, false) : 0;
  return Math.max(body, ...c.header.split(/\s+/).map((w) => widthForWord(w, HEADER_FONT)));
}

/**
 * Column widths that fill the landscape page at 100 % scale: No, unit-count and output years fixed, texts sharing the
 * rest by weight but never narrower than their header's longest word. A small reserve keeps LibreOffice and Excel
 * from squeezing the page (their width arithmetic differs slightly).
 */
export function planColumnWidths(paper: PaperKind, yearCount: number, noWidth = NO_WIDTH): number[] {
  const available = landscapeWidthUnits(paper, 2 * MARGIN_SIDE_IN) * 0.96;
  const text = (c: ColumnSpec) => ({ weight: c.weight, min: columnMin(c) });
  return fitColumnWidths(
    [
      { fixed: noWidth },
      ...TEXT_COLUMNS.map(text),
      ...Array.from({ length: yearCount }, () => ({ fixed: YEAR_WIDTH })),
      ...Array.from({ length: yearCount }, () => ({ fixed: OUTPUT_WIDTH })),
      ...TAIL_COLUMNS.map(text),
    ],
    available,
  );
}

function writeHeader(ws: ExcelJS.Worksheet, years: number[], widths: number[]): void {
  const top = HEADER_ROW;
  const layout = planLayout(years.length);
  const single = (col: number, text: string) => {
    ws.mergeCells(top, col, top + 1, col);
    ws.getCell(top, col).value = text;
  };
  LEADING_HEADERS.forEach((h, i) => single(i + 1, h));
  for (const [start, text] of [[layout.yearCol, UNIT_TARGETS_HEADER], [layout.outputCol, OUTPUT_TARGETS_HEADER]] as const) {
    if (years.length > 1) ws.mergeCells(top, start, top, start + years.length - 1);
    ws.getCell(top, start).value = text;
    years.forEach((y, i) => {
      ws.getCell(top + 1, start + i).value = y;
    });
  }
  TAIL_HEADERS.forEach((h, i) => single(layout.tailStart + i, h));
  for (let c = 1; c <= layout.lastCol; c++) {
    styleHeader(ws.getCell(top, c), HEADER_FONT);
    styleHeader(ws.getCell(top + 1, c), HEADER_FONT);
    const num = ws.getCell(top + 2, c);
    num.value = `(${c})`;
    styleHeader(num, 7);
  }
  const headerCells = [...LEADING_HEADERS, ...TAIL_HEADERS].map((text, i) => ({
    text, width: widths[i < LEADING_HEADERS.length ? i : i + 2 * years.length] ?? 10, bold: true,
  }));
  const yearsRow = 12;
  ws.getRow(top + 1).height = yearsRow;
  ws.getRow(top).height = Math.max(
    estimateRowHeight([{ text: UNIT_TARGETS_HEADER, width: YEAR_WIDTH * years.length, bold: true }], HEADER_FONT),
    estimateRowHeight(headerCells, HEADER_FONT) - yearsRow,
  );
  ws.getRow(top + 2).height = 11;
}

function writeRowKeyColumn(ws: ExcelJS.Worksheet, col: number): void {
  const column = ws.getColumn(col);
  column.width = 14;
  column.hidden = true;
  ws.getCell(HEADER_ROW, col).value = ROW_KEY_HEADER;
}

/** The cells of one Lampiran I row in column order. */
function rowValues(no: string, row: RenaksiDocRow, years: number[]): (string | number | null)[] {
  return [
    no,
    ...TEXT_COLUMNS.map((c) => row[c.key] as string),
    ...years.map((y) => row.targets[String(y)] ?? null),
    ...years.map((y) => row.outputTargets[String(y)] ?? ''),
    ...TAIL_COLUMNS.map((c) => row[c.key] as string),
  ];
}

function writeRows(ws: ExcelJS.Worksheet, doc: RenaksiDocument, widths: number[]): number {
  const layout = planLayout(doc.years.length);
  const width = layout.lastCol;
  let r = FIRST_BODY_ROW;
  const groupWidth = widths.slice(1).reduce((s, w) => s + w, 0);
  doc.aspects.forEach((aspect, ai) => {
    const group = ws.getCell(r, 1);
    group.value = roman(ai + 1);
    styleCell(group, { bold: true, fill: GROUP_FILL, align: 'center', size: BODY_FONT });
    ws.mergeCells(r, 2, r, width);
    const title = `Sasaran ${roman(ai + 1)}: Aspek ${aspect.code}. ${aspect.name}`;
    ws.getCell(r, 2).value = title;
    for (let c = 2; c <= width; c++) styleCell(ws.getCell(r, c), { bold: true, fill: GROUP_FILL, size: BODY_FONT });
    ws.getRow(r).height = estimateRowHeight([{ text: title, width: groupWidth, bold: true }], BODY_FONT);
    r++;
    aspect.rows.forEach((row, i) => {
      const values = rowValues(`${roman(ai + 1)}.${i + 1}`, row, doc.years);
      values.forEach((v, ci) => {
        const col = ci + 1;
        const cell = ws.getCell(r, col);
        cell.value = v;
        const isTarget = col >= layout.yearCol && col < layout.outputCol;
        const centred = col === 1 || (col >= layout.yearCol && col < layout.tailStart);
        styleCell(cell, { align: centred ? 'center' : 'left', numFmt: isTarget ? '0' : undefined, size: BODY_FONT });
        if (isTarget) {
          const max = row.targetMax ?? doc.unitTotal ?? 0;
          cell.dataValidation = {
            type: 'whole', operator: 'between', allowBlank: true, formulae: [0, max], showErrorMessage: true,
            errorStyle: 'stop', errorTitle: 'Target tidak valid', error: `Isi target dengan jumlah unit 0 sampai ${max}.`,
          };
        }
      });
      if (row.rowKey) ws.getCell(r, layout.keyCol).value = row.rowKey;
      ws.getRow(r).height = estimateRowHeight(values.map((v, ci) => ({ text: typeof v === 'string' ? v : '', width: (widths[ci] ?? 10) * TEXT_FIT })), BODY_FONT);
      r++;
    });
  });
  return r;
}

/**
 * Builds the Renaksi document: Lampiran I (the kabupaten matrix under the lampiran block: sasaran I … VI with their
 * rows, unit counts and output targets per year, a hidden row-id column for uploading an edited copy back, the
 * closing), Lampiran II (the target map per unit) and the assessment recap sheets. Each lampiran prints landscape with
 * its header rows repeated and its own page numbers. Written into `wb`: exceljs's streaming WorkbookWriter
 * (renaksi-workbook.task), where the sheets that grow with the units are written out row by row; the tests also build
 * it in memory, to show the streamed copy reads back the same.
 */
export async function buildRenaksiWorkbook(doc: RenaksiDocument, wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  wb.creator = 'SP4N-LAPOR! Penilaian Mandiri';
  // NOTE: a fixed creation time keeps the bytes a function of the document alone (the build cache and the finalized
  // copy rely on it).
  wb.created = new Date(Date.UTC(doc.years[0] ?? 2022, 0, 1));
  wb.modified = wb.created;
  const layout = planLayout(doc.years.length);
  const width = layout.lastCol;
  const ws = wb.addWorksheet(RENAKSI_SHEET, {
    ...lampiranPageSetup(doc.paper, [HEADER_ROW, HEADER_ROW + 2], 'I'),
    views: [{ state: 'frozen', ySplit: HEADER_ROW + 2, xSplit: 0 }],
  });
  // The No column fits the longest row number ("VI.14") on one line.
  const longestNo = doc.aspects.reduce((m, a, ai) => Math.max(m, `${roman(ai + 1)}.${a.rows.length}`.length), 0);
  const noWidth = Math.max(NO_WIDTH, Math.ceil(widthForWord('0'.repeat(longestNo), BODY_FONT, false) * 2) / 2);
  const widths = planColumnWidths(doc.paper, doc.years.length, noWidth);
  ws.columns = widths.map((w) => ({ width: w }));
  const blockFrom = layout.tailStart + 1;
  const decree = { regionName: doc.regionName, years: doc.years, ...doc.decree };
  writeLampiranBlock(ws, 'I', decree, { fromCol: blockFrom, width, valueWidth: widths.slice(blockFrom).reduce((s, w) => s + w, 0) });
  addTitle(ws, 6, width, `MATRIKS RENCANA AKSI PENGELOLAAN PENGADUAN PELAYANAN PUBLIK MELALUI SP4N-LAPOR! ${doc.regionName.toUpperCase()} TAHUN ${yearSpan(doc.years)}`, 11);
  ws.getRow(6).height = 18;
  writeHeader(ws, doc.years, widths);
  writeRowKeyColumn(ws, layout.keyCol);
  const end = writeRows(ws, doc, widths);
  const last = writeClosing(ws, end, layout.tailStart + 2, width, doc.closing);
  ws.pageSetup.printArea = `A1:${columnLetter(width)}${last}`;
  commitSheet(ws);
  await addTargetMapSheet(wb, doc);
  await addRecapSheets(wb, doc.recap);
  return wb;
}
