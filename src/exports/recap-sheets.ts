import type ExcelJS from 'exceljs';
import { formatInt } from '../shared/format';
import { addTitle, commitRow, commitSheet, estimateRowHeight, styleCategory, styleCell, styleHeader, SCORE_FORMAT } from '../shared/workbook-style';

export interface RecapData {
  periodName: string;
  basisLabel: string;
  index: number | null;
  category: string | null;
  includedCount: number;
  /** Every unit of the period: the denominator of includedCount. */
  unitTotal: number;
  /** The units left out and why, e.g. ["35 belum mengajukan penilaian", "1 belum lengkap"]. */
  uncounted: string[];
  aspects: { code: string; name: string; weight: number; score: number | null; pd: number | null; kecamatan: number | null }[];
  units: { code: string; name: string; group: string; status: string; index: number | null; category: string | null; aspectScores: Record<string, number | null> }[];
  /** Kesenjangan's indicators in instrument order with their final target levels. */
  indicators: { code: string; title: string; target: number }[];
  /**
   * The units Kesenjangan lists (submitted and complete), each with its level on every indicator of `indicators`
   * (same order; null where none counts). Levels, not one entry per gap: a country's 30.039 units have 740.000 gaps,
   * which as objects would not fit the worker that writes the workbook.
   */
  unitLevels: { unit: string; group: string; levels: (number | null)[] }[];
}

/** One row of Kesenjangan: a unit below the target level on an indicator. */
interface GapRow {
  unit: string;
  group: string;
  indicator: string;
  title: string;
  level: number;
  target: number;
  /** target − level, at least 1. */
  gap: number;
}

/** Kesenjangan's rows, made one at a time: each unit in order, its levels below target in instrument order. */
function* gapRows(d: Pick<RecapData, 'indicators' | 'unitLevels'>): Generator<GapRow> {
  for (const u of d.unitLevels) {
    for (let i = 0; i < d.indicators.length; i++) {
      const level = u.levels[i];
      const ind = d.indicators[i];
      if (ind && typeof level === 'number' && level < ind.target) {
        yield { unit: u.unit, group: u.group, indicator: ind.code, title: ind.title, level, target: ind.target, gap: ind.target - level };
      }
    }
  }
}

/** A sheet's page setup and a view that keeps its rows 1…`frozen` in sight (set before any row is written out). */
function sheetOptions(orientation: 'portrait' | 'landscape', frozen: number): Partial<ExcelJS.AddWorksheetOptions> {
  return {
    pageSetup: { orientation, paperSize: 9 as ExcelJS.PaperSize, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: frozen, xSplit: 0 }],
  };
}

/**
 * Writes the header row at `top` and one row per entry of `rows` below it (each written out once done on a streamed
 * sheet: see commitRow; `decorate` styles a row further before that), then the sheet's print setup, and ends it.
 */
async function writeTable<T>(
  ws: ExcelJS.Worksheet,
  top: number,
  headers: string[],
  rows: Iterable<T>,
  cells: { values: (row: T) => (string | number | null)[]; numeric: (col: number) => string | undefined; decorate?: (row: T, r: number) => void },
): Promise<void> {
  const { numeric } = cells;
  const widthOf = (ci: number) => ws.getColumn(ci + 1).width ?? 9;
  headers.forEach((h, i) => {
    const cell = ws.getCell(top, i + 1);
    cell.value = h;
    styleHeader(cell);
  });
  ws.getRow(top).height = estimateRowHeight(headers.map((h, ci) => ({ text: h, width: widthOf(ci), bold: true })), 10);
  await commitRow(ws, top);
  let r = top;
  for (const row of rows) {
    r++;
    const values = cells.values(row);
    values.forEach((v, ci) => {
      const cell = ws.getCell(r, ci + 1);
      cell.value = v;
      const fmt = numeric(ci);
      styleCell(cell, { align: fmt ? 'right' : 'left', numFmt: fmt });
    });
    cells.decorate?.(row, r);
    ws.getRow(r).height = estimateRowHeight(values.map((v, ci) => ({ text: typeof v === 'string' ? v : '', width: widthOf(ci) })), 10);
    await commitRow(ws, r);
  }
  ws.pageSetup.printTitlesRow = `${top}:${top}`;
  // Each sheet is numbered from its own page 1 and named in the footer: "dari &N" would count the pages of the whole
  // Renaksi workbook in LibreOffice ("Halaman 3 dari 55" on Ringkasan's only page).
  ws.pageSetup.firstPageNumber = 1;
  ws.headerFooter.oddFooter = '&L&"Arial"&8&A&R&"Arial"&8Halaman &P';
  commitSheet(ws);
}

async function addSummary(wb: ExcelJS.Workbook, d: RecapData): Promise<void> {
  const ws = wb.addWorksheet('Ringkasan', sheetOptions('portrait', 8));
  ws.columns = [{ width: 8 }, { width: 44 }, { width: 10 }, { width: 14 }, { width: 16 }, { width: 14 }];
  addTitle(ws, 1, 6, `Ringkasan Hasil ${d.periodName}`);
  const facts: [string, string | number | null][] = [
    ['Indeks kabupaten', d.index],
    ['Kategori', d.category ?? 'Belum dapat dihitung'],
    ['Jumlah unit yang dihitung', `${formatInt(d.includedCount)} dari ${formatInt(d.unitTotal)} unit${d.uncounted.length > 0 ? ` (tidak dihitung: ${d.uncounted.join(', ')})` : ''}`],
    ['Dasar tingkat', d.basisLabel],
  ];
  facts.forEach(([label, value], i) => {
    const l = ws.getCell(3 + i, 2);
    l.value = label;
    styleCell(l, { bold: true });
    ws.mergeCells(3 + i, 3, 3 + i, 6);
    const v = ws.getCell(3 + i, 3);
    v.value = value;
    for (let c = 3; c <= 6; c++) styleCell(ws.getCell(3 + i, c), { numFmt: typeof value === 'number' && i === 0 ? SCORE_FORMAT : undefined, align: 'left' });
    if (i === 1) styleCategory(v, d.category);
  });
  await writeTable(
    ws,
    8,
    ['Kode', 'Aspek', 'Bobot (%)', 'Skor kabupaten', 'Perangkat daerah', 'Kecamatan'],
    d.aspects,
    { values: (a) => [a.code, a.name, a.weight, a.score, a.pd, a.kecamatan], numeric: (c) => (c === 2 ? '0' : c >= 3 ? SCORE_FORMAT : undefined) },
  );
}

async function addUnitScores(wb: ExcelJS.Workbook, d: RecapData): Promise<void> {
  const ws = wb.addWorksheet('Skor per Unit', sheetOptions('landscape', 3));
  const codes = d.aspects.map((a) => a.code);
  ws.columns = [{ width: 24 }, { width: 46 }, { width: 17 }, { width: 13 }, ...codes.map(() => ({ width: 10 })), { width: 10 }, { width: 14 }];
  addTitle(ws, 1, 6 + codes.length, `Skor per Unit – ${d.periodName}`);
  await writeTable(ws, 3, ['Kode', 'Unit', 'Kelompok', 'Status', ...codes.map((c) => `Aspek ${c}`), 'Indeks', 'Kategori'], d.units, {
    values: (u) => [u.code, u.name, u.group, u.status, ...codes.map((c) => u.aspectScores[c] ?? null), u.index, u.category ?? 'Belum lengkap'],
    numeric: (c) => (c >= 4 && c < 5 + codes.length ? SCORE_FORMAT : undefined),
    decorate: (u, r) => styleCategory(ws.getCell(r, 6 + codes.length), u.category),
  });
}

async function addGaps(wb: ExcelJS.Workbook, d: RecapData): Promise<void> {
  const ws = wb.addWorksheet('Kesenjangan', sheetOptions('landscape', 3));
  ws.columns = [{ width: 46 }, { width: 17 }, { width: 10 }, { width: 50 }, { width: 11 }, { width: 10 }, { width: 13 }];
  addTitle(ws, 1, 7, `Daftar Kesenjangan – ${d.periodName}`);
  await writeTable(
    ws,
    3,
    ['Unit', 'Kelompok', 'Indikator', 'Uraian indikator', 'Tingkat saat ini', 'Target', 'Kesenjangan'],
    gapRows(d),
    { values: (g) => [g.unit, g.group, g.indicator, g.title, g.level, g.target, g.gap], numeric: (c) => (c >= 4 ? '0' : undefined) },
  );
}

/**
 * Adds the assessment recap sheets (Ringkasan, Skor per Unit, Kesenjangan) to a workbook, in memory or streamed
 * (exceljs's WorkbookWriter: each row is written out as soon as it is done, each sheet ended before the next).
 */
export async function addRecapSheets(wb: ExcelJS.Workbook, d: RecapData): Promise<void> {
  await addSummary(wb, d);
  await addUnitScores(wb, d);
  await addGaps(wb, d);
}
