import type ExcelJS from 'exceljs';
import {
  addTitle, commitSheet, estimateRowHeight, fitColumnWidths, landscapeWidthUnits, styleCell, styleHeader, widthForWord, FONT, GROUP_FILL, PERCENT_FORMAT,
  type PaperKind,
} from '../shared/workbook-style';
import { columnLetter } from '../shared/xlsx-stream/sheet-writer';
// NOTE: the lampiran form's pure helpers (a named exception in .dependency-cruiser.cjs; this file runs in a worker).
import { lampiranPageSetup, writeClosing, writeLampiranBlock, yearSpan } from '../renaksi/renaksi-lampiran';
import type { MonevDocCell, MonevDocRow, MonevDocument, MonevYearSheet } from './monev-document';
import { addEvidenceSheet } from './monev-evidence-sheet';
import { addKemajuanSheet } from './monev-kemajuan-sheet';
import { addUnitReportsSheet } from './monev-units-sheet';

/**
 * Lampiran III — Matriks Monitoring dan Evaluasi, one sheet per plan year. Realisasi is cumulative within a plan
 * year and measured against that year's output target, so a year is the natural page: its two semesters side by
 * side show how far the year got by June and by December, and the sheet stays 17 columns wide however many years the
 * plan has (a 2022–2026 plan simply has five sheets).
 */

const monevSheetName = (year: number): string => `Lampiran III ${year}`;
/** First row of the column headers (rows above hold the lampiran block and the titles). */
const MONEV_HEADER_ROW = 8;
const MONEV_FIRST_BODY_ROW = MONEV_HEADER_ROW + 3;

type Field = keyof MonevDocCell;
interface SemesterColumn { header: string; field: Field; fixed?: number; weight?: number }

const PLAN_HEADERS = ['No', 'Kegiatan', 'Indikator Keberhasilan (Output, Satuan)', 'Target Output', 'Penanggung Jawab'];
const SEMESTER_COLUMNS: SemesterColumn[] = [
  { header: 'Realisasi', field: 'realisasi', fixed: 6.5 },
  { header: 'Capaian (%)', field: 'capaian', fixed: 6.5 },
  { header: 'Status', field: 'status', fixed: 9 },
  { header: 'Kendala', field: 'kendala', weight: 9 },
  { header: 'Tindak Lanjut', field: 'tindakLanjut', weight: 9 },
  { header: 'Bukti Dukung', field: 'bukti', weight: 5 },
];
/** Columns of a year sheet: the plan's five, then six per semester. */
const MONEV_WIDTH = PLAN_HEADERS.length + 2 * SEMESTER_COLUMNS.length;

const BODY_FONT = 8;
const HEADER_FONT = 7.5;
/** Measured on Lampiran I in LibreOffice (renaksi-workbook.ts, TEXT_FIT): 8 pt text fits ~1,4 × the estimate. */
const TEXT_FIT = 1.4;
const OVER_TARGET_FILL = 'FFFFF2CC';

/** Column widths that fill the landscape page at 100 % scale; text columns never narrower than their header words. */
function monevColumnWidths(paper: PaperKind, noWidth = 5): number[] {
  const available = landscapeWidthUnits(paper, 0.8) * 0.96;
  // A long word of the body ("Penganggaran") fits unbroken: LibreOffice fits TEXT_FIT × the estimated characters.
  const min = (header: string) => Math.max(widthForWord('Penganggaran', BODY_FONT, false) / TEXT_FIT, ...header.split(/\s+/).map((w) => widthForWord(w, HEADER_FONT)));
  const semester = SEMESTER_COLUMNS.map((c) => (c.fixed !== undefined ? { fixed: c.fixed } : { weight: c.weight as number, min: min(c.header) }));
  return fitColumnWidths([
    { fixed: noWidth }, { weight: 26, min: min('Kegiatan') }, { weight: 13, min: min(PLAN_HEADERS[2] as string) }, { fixed: 7.5 },
    { weight: 9, min: min('Penanggung Jawab') }, ...semester, ...semester,
  ], available);
}

function writeHeader(ws: ExcelJS.Worksheet, sheet: MonevYearSheet, widths: number[]): void {
  const top = MONEV_HEADER_ROW;
  PLAN_HEADERS.forEach((h, i) => {
    ws.mergeCells(top, i + 1, top + 1, i + 1);
    ws.getCell(top, i + 1).value = i === 3 ? `${h} ${sheet.year}` : h;
  });
  sheet.semesters.forEach((s, si) => {
    const from = PLAN_HEADERS.length + 1 + si * SEMESTER_COLUMNS.length;
    ws.mergeCells(top, from, top, from + SEMESTER_COLUMNS.length - 1);
    ws.getCell(top, from).value = `${s.label} (${s.months} ${sheet.year})`;
    SEMESTER_COLUMNS.forEach((c, ci) => { ws.getCell(top + 1, from + ci).value = c.header; });
  });
  for (let c = 1; c <= MONEV_WIDTH; c++) {
    styleHeader(ws.getCell(top, c), HEADER_FONT);
    styleHeader(ws.getCell(top + 1, c), HEADER_FONT);
    const num = ws.getCell(top + 2, c);
    num.value = `(${c})`;
    styleHeader(num, 7);
  }
  const headerCells = (texts: string[], offset: number) => texts.map((text, i) => ({ text, width: widths[offset + i] ?? 8, bold: true }));
  const second = estimateRowHeight(headerCells(SEMESTER_COLUMNS.map((c) => c.header), PLAN_HEADERS.length), HEADER_FONT);
  ws.getRow(top).height = Math.max(14, estimateRowHeight(headerCells(PLAN_HEADERS, 0), HEADER_FONT) - second);
  ws.getRow(top + 1).height = second;
  ws.getRow(top + 2).height = 11;
}

function cellValues(row: MonevDocRow): (string | number | null)[] {
  return [
    row.no, row.activity, row.outputIndicator, row.targetText, row.responsible,
    ...row.cells.flatMap((c) => SEMESTER_COLUMNS.map((s) => c[s.field] as string | number | null)),
  ];
}

function writeRow(ws: ExcelJS.Worksheet, r: number, row: MonevDocRow, widths: number[]): void {
  const values = cellValues(row);
  values.forEach((v, i) => {
    const cell = ws.getCell(r, i + 1);
    cell.value = v === '' ? null : v;
    const semesterCol = i - PLAN_HEADERS.length;
    const spec = semesterCol >= 0 ? SEMESTER_COLUMNS[semesterCol % SEMESTER_COLUMNS.length] : undefined;
    const numeric = spec?.field === 'realisasi' || spec?.field === 'capaian';
    const over = spec?.field === 'capaian' && row.cells[Math.floor(semesterCol / SEMESTER_COLUMNS.length)]?.overTarget;
    styleCell(cell, {
      align: i === 0 || i === 3 || numeric ? 'center' : 'left', size: BODY_FONT,
      numFmt: spec?.field === 'capaian' ? PERCENT_FORMAT : spec?.field === 'realisasi' ? 'General' : undefined, fill: over ? OVER_TARGET_FILL : undefined,
    });
  });
  ws.getRow(r).height = estimateRowHeight(values.map((v, i) => ({ text: typeof v === 'string' ? v : '', width: (widths[i] ?? 8) * TEXT_FIT })), BODY_FONT);
}

function writeBody(ws: ExcelJS.Worksheet, sheet: MonevYearSheet, widths: number[]): number {
  let r = MONEV_FIRST_BODY_ROW;
  const groupWidth = widths.slice(1).reduce((s, w) => s + w, 0);
  for (const g of sheet.groups) {
    ws.getCell(r, 1).value = g.number;
    styleCell(ws.getCell(r, 1), { bold: true, fill: GROUP_FILL, align: 'center', size: BODY_FONT });
    ws.mergeCells(r, 2, r, MONEV_WIDTH);
    const title = `Sasaran ${g.number}: Aspek ${g.aspectCode}. ${g.aspectName}`;
    ws.getCell(r, 2).value = title;
    for (let c = 2; c <= MONEV_WIDTH; c++) styleCell(ws.getCell(r, c), { bold: true, fill: GROUP_FILL, size: BODY_FONT });
    ws.getRow(r).height = estimateRowHeight([{ text: title, width: groupWidth, bold: true }], BODY_FONT);
    r++;
    for (const row of g.rows) writeRow(ws, r++, row, widths);
  }
  return r;
}

/** The notes a reader needs to read the numbers, under the table. */
function monevNotes(asOf: string): string[] {
  return [
    `Keadaan laporan per ${asOf}. Realisasi: keluaran yang dicapai sejak awal tahun sampai akhir semester (kumulatif dalam tahun), ` +
      'dalam satuan target output tahun itu, per keluaran bila target memuat beberapa keluaran. Capaian (%) = realisasi ÷ target output tahun × 100; ' +
      'bila beberapa keluaran: rata-rata capaian setiap keluaran yang targetnya berangka, masing-masing paling tinggi 100 %; ' +
      'sel berwarna = capaian, atau capaian salah satu keluarannya, di atas 100 % (periksa kembali).',
    'Hanya laporan yang telah diajukan yang dimuat; "belum diverifikasi" = diajukan, belum diperiksa verifikator. Kolom semester yang belum berjalan dibiarkan kosong. ' +
      'Bukti dukung: berkas menurut namanya, tautan menurut jumlahnya; setiap tautan lengkap ada pada lembar Bukti Dukung.',
  ];
}

function writeNotes(ws: ExcelJS.Worksheet, row: number, asOf: string, textWidth: number): number {
  let r = row;
  for (const text of monevNotes(asOf)) {
    ws.mergeCells(r, 1, r, MONEV_WIDTH);
    const cell = ws.getCell(r, 1);
    cell.value = text;
    cell.font = { name: FONT, size: 7.5, italic: true };
    cell.alignment = { wrapText: true, vertical: 'top' };
    ws.getRow(r).height = estimateRowHeight([{ text, width: textWidth * TEXT_FIT }], 7.5);
    r++;
  }
  return r;
}

function addYearSheet(wb: ExcelJS.Workbook, doc: MonevDocument, sheet: MonevYearSheet): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(monevSheetName(sheet.year), {
    ...lampiranPageSetup(doc.paper, [MONEV_HEADER_ROW, MONEV_HEADER_ROW + 2], `III – Tahun ${sheet.year}`),
    views: [{ state: 'frozen', ySplit: MONEV_HEADER_ROW + 2, xSplit: 0 }],
  });
  const longestNo = sheet.groups.reduce((m, g) => Math.max(m, `${g.number}.${g.rows.length}`.length), 0);
  const widths = monevColumnWidths(doc.paper, Math.max(5, Math.ceil(widthForWord('0'.repeat(longestNo), BODY_FONT, false) * 2) / 2));
  ws.columns = widths.map((w) => ({ width: w }));
  // The block sits over semester II, its label over the two number columns.
  const blockFrom = PLAN_HEADERS.length + SEMESTER_COLUMNS.length + 1;
  writeLampiranBlock(ws, 'III', { regionName: doc.regionName, years: doc.years, ...doc.decree }, {
    fromCol: blockFrom, width: MONEV_WIDTH, labelSpan: 2, valueWidth: widths.slice(blockFrom + 1).reduce((s, w) => s + w, 0),
  });
  addTitle(ws, 6, MONEV_WIDTH, `MATRIKS MONITORING DAN EVALUASI RENCANA AKSI PENGELOLAAN PENGADUAN PELAYANAN PUBLIK MELALUI SP4N-LAPOR! ${doc.regionName.toUpperCase()} TAHUN ${yearSpan(doc.years)}`, 11);
  ws.getRow(6).height = 30;
  addTitle(ws, 7, MONEV_WIDTH, `REALISASI TAHUN ${sheet.year}`, 10);
  ws.getRow(7).height = 15;
  writeHeader(ws, sheet, widths);
  const end = writeNotes(ws, writeBody(ws, sheet, widths) + 1, doc.asOf, widths.reduce((s, w) => s + w, 0));
  const last = writeClosing(ws, end, PLAN_HEADERS.length + SEMESTER_COLUMNS.length + 2, MONEV_WIDTH, doc.closing);
  ws.pageSetup.printArea = `A1:${columnLetter(MONEV_WIDTH)}${last}`;
  return ws;
}

/**
 * Builds the monev workbook: Lampiran III, one sheet per plan year (the lampiran block, the row's plan columns and per
 * semester realisasi, capaian, status, kendala, tindak lanjut and bukti dukung, the notes, the closing), then the
 * Kemajuan sheet when the plan's progress is known, the units' own parts per semester (Laporan Unit), then every
 * evidence item whole on the Bukti Dukung sheet. Each sheet prints landscape with its header rows repeated and its own
 * page numbers. Written into `wb`: exceljs's streaming WorkbookWriter (monev-workbook.task), where Laporan Unit and
 * Bukti Dukung are written out row by row and each sheet is ended before the next begins.
 */
export async function buildMonevWorkbook(doc: MonevDocument, wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  wb.creator = 'SP4N-LAPOR! Penilaian Mandiri';
  wb.created = new Date(Date.UTC(doc.years[0] ?? 2022, 0, 1));
  wb.modified = wb.created;
  for (const sheet of doc.sheets) commitSheet(addYearSheet(wb, doc, sheet));
  if (doc.kemajuan) commitSheet(addKemajuanSheet(wb, doc, doc.kemajuan));
  commitSheet(await addUnitReportsSheet(wb, doc));
  commitSheet(await addEvidenceSheet(wb, doc));
  return wb;
}
