import type ExcelJS from 'exceljs';
import { addTitle, commitRow, commitSheet, estimateRowHeight, landscapeWidthUnits, styleCell, styleHeader, FONT, GROUP_FILL } from '../shared/workbook-style';
import { columnLetter } from '../shared/xlsx-stream/sheet-writer';
import { lampiranPageSetup, writeClosing, writeLampiranBlock, yearSpan } from './renaksi-lampiran';
import type { RenaksiDocument } from './renaksi-document';

const TARGET_MAP_SHEET = 'Lampiran II';
/** Row of the indicator codes (the table's header). */
const MAP_HEADER_ROW = 8;

const FONT_SIZE = 8;
const NO_WIDTH = 4.5;
const NAME_WIDTH = 30;
const NOTES_MIN = 14;
const CELL_MIN = 4.6;

/** Widths: No, unit name, one narrow column per indicator, notes taking what is left. */
function mapWidths(doc: RenaksiDocument, count: number): number[] {
  const available = landscapeWidthUnits(doc.paper, 0.8) * 0.96;
  const cell = Math.max(CELL_MIN, Math.min(6, (available - NO_WIDTH - NAME_WIDTH - NOTES_MIN) / Math.max(1, count)));
  const notes = Math.max(NOTES_MIN, available - NO_WIDTH - NAME_WIDTH - cell * count);
  return [NO_WIDTH, NAME_WIDTH, ...Array.from({ length: count }, () => cell), notes];
}

function writeLegend(ws: ExcelJS.Worksheet, row: number, width: number, doc: RenaksiDocument): number {
  const last = doc.years[doc.years.length - 1];
  const lines = [
    `Isi sel: tingkat saat ini → tingkat yang ditargetkan pada akhir tahun ${last}; kosong = sudah mencapai tingkat target; ` +
      '"–" = tidak berlaku bagi unit; * = unit belum mengajukan penilaian mandiri (dihitung dari tingkat 0).',
    `Indikator: ${doc.targetMap.indicators.map((i) => `${i.code} ${i.title}`).join('; ')}.`,
  ];
  let r = row;
  for (const text of lines) {
    ws.mergeCells(r, 1, r, width);
    const cell = ws.getCell(r, 1);
    cell.value = text;
    cell.font = { name: FONT, size: 7.5, italic: r === row };
    cell.alignment = { wrapText: true, vertical: 'top' };
    ws.getRow(r).height = estimateRowHeight([{ text, width: 190 }], 7.5);
    r++;
  }
  return r;
}

/**
 * Lampiran II — Peta target per unit: the units in their official order, grouped perangkat daerah then kecamatan, ×
 * the indicators of Lampiran I; each cell "1→3", blank at target, "–" N/A, "*" where the unit did not submit; the
 * team's notes per unit; the lampiran block, a legend naming every indicator, and the closing. On a streamed
 * workbook each unit's row is written out once done (one row per unit: a province has thousands).
 */
export async function addTargetMapSheet(wb: ExcelJS.Workbook, doc: RenaksiDocument): Promise<void> {
  const { indicators, groups } = doc.targetMap;
  const width = 2 + indicators.length + 1;
  const ws = wb.addWorksheet(TARGET_MAP_SHEET, {
    ...lampiranPageSetup(doc.paper, [MAP_HEADER_ROW, MAP_HEADER_ROW], 'II'),
    views: [{ state: 'frozen', ySplit: MAP_HEADER_ROW, xSplit: 2 }],
  });
  const widths = mapWidths(doc, indicators.length);
  ws.columns = widths.map((w) => ({ width: w }));
  const blockFrom = Math.max(3, width - 10);
  // The indicator columns are narrow: the label ("TANGGAL") spans up to three of them.
  const labelSpan = Math.max(1, Math.min(3, width - blockFrom));
  const valueWidth = widths.slice(blockFrom + labelSpan - 1).reduce((s, w) => s + w, 0);
  writeLampiranBlock(ws, 'II', { regionName: doc.regionName, years: doc.years, ...doc.decree }, { fromCol: blockFrom, width, valueWidth, labelSpan });
  addTitle(ws, 6, width, `PETA TARGET PER UNIT RENCANA AKSI SP4N-LAPOR! ${doc.regionName.toUpperCase()} TAHUN ${yearSpan(doc.years)}`, 11);
  ws.getRow(6).height = 18;
  const headers = ['No', 'Unit', ...indicators.map((i) => i.code), 'Catatan'];
  headers.forEach((h, i) => {
    const cell = ws.getCell(MAP_HEADER_ROW, i + 1);
    cell.value = h;
    styleHeader(cell, FONT_SIZE);
  });
  ws.getRow(MAP_HEADER_ROW).height = 14;
  let r = MAP_HEADER_ROW + 1;
  let no = 0;
  for (const group of groups) {
    ws.mergeCells(r, 1, r, width);
    ws.getCell(r, 1).value = group.label;
    for (let c = 1; c <= width; c++) styleCell(ws.getCell(r, c), { bold: true, fill: GROUP_FILL, size: FONT_SIZE });
    r++;
    for (const unit of group.units) {
      const values = [++no, unit.name, ...unit.cells, unit.notes];
      values.forEach((v, ci) => {
        const cell = ws.getCell(r, ci + 1);
        cell.value = v;
        styleCell(cell, { align: ci === 0 || (ci >= 2 && ci < width - 1) ? 'center' : 'left', size: FONT_SIZE });
      });
      ws.getRow(r).height = estimateRowHeight([{ text: unit.name, width: NAME_WIDTH }, { text: unit.notes, width: widths[width - 1] ?? NOTES_MIN }], FONT_SIZE);
      await commitRow(ws, r);
      r++;
    }
  }
  const afterLegend = writeLegend(ws, r + 1, width, doc);
  const last = writeClosing(ws, afterLegend, Math.max(3, width - 6), width, doc.closing);
  ws.pageSetup.printArea = `A1:${columnLetter(width)}${last}`;
  commitSheet(ws);
}
