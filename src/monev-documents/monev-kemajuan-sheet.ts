import type ExcelJS from 'exceljs';
import {
  addTitle, estimateRowHeight, fitColumnWidths, landscapeWidthUnits, styleCell, styleHeader, FONT, GROUP_FILL, PERCENT_FORMAT,
} from '../shared/workbook-style';
import { columnLetter } from '../shared/xlsx-stream/sheet-writer';
import { lampiranPageSetup, yearSpan } from '../renaksi/renaksi-lampiran';
import type { KemajuanDoc, MonevDocument } from './monev-document';

const KEMAJUAN_SHEET = 'Kemajuan';
const KEMAJUAN_HEADER_ROW = 4;
const PER_YEAR = ['Target (unit)', 'Tercapai (unit)', 'Capaian (%)'];
const FONT_SIZE = 8;
const TEXT_FIT = 1.4;

/** Units reached ÷ units expected × 100; null when either is unknown or nothing was expected. */
export function kemajuanShare(expected: number | null, achieved: number | null): number | null {
  return expected === null || achieved === null || expected <= 0 ? null : (achieved / expected) * 100;
}

function widthsFor(doc: MonevDocument, years: number): number[] {
  const available = landscapeWidthUnits(doc.paper, 0.8) * 0.96;
  return fitColumnWidths([{ fixed: 5 }, { weight: 1, min: 30 }, ...Array.from({ length: years * PER_YEAR.length }, () => ({ fixed: 8.5 }))], available);
}

function writeHeader(ws: ExcelJS.Worksheet, k: KemajuanDoc, width: number): void {
  const top = KEMAJUAN_HEADER_ROW;
  ['No', 'Indikator'].forEach((h, i) => {
    ws.mergeCells(top, i + 1, top + 1, i + 1);
    ws.getCell(top, i + 1).value = h;
  });
  k.years.forEach((y, yi) => {
    const from = 3 + yi * PER_YEAR.length;
    ws.mergeCells(top, from, top, from + PER_YEAR.length - 1);
    ws.getCell(top, from).value = `${y.year} (${y.measuredBy ? `diukur: ${y.measuredBy}` : 'belum ada penilaian yang mengukur'})`;
    PER_YEAR.forEach((h, i) => { ws.getCell(top + 1, from + i).value = h; });
  });
  for (let c = 1; c <= width; c++) {
    styleHeader(ws.getCell(top, c), 7.5);
    styleHeader(ws.getCell(top + 1, c), 7.5);
  }
  ws.getRow(top).height = 32;
  ws.getRow(top + 1).height = 22;
}

function writeBody(ws: ExcelJS.Worksheet, k: KemajuanDoc, widths: number[]): number {
  const width = widths.length;
  let r = KEMAJUAN_HEADER_ROW + 2;
  for (const g of k.groups) {
    ws.getCell(r, 1).value = g.number;
    styleCell(ws.getCell(r, 1), { bold: true, fill: GROUP_FILL, align: 'center', size: FONT_SIZE });
    ws.mergeCells(r, 2, r, width);
    ws.getCell(r, 2).value = `Sasaran ${g.number}: Aspek ${g.aspectCode}. ${g.aspectName}`;
    for (let c = 2; c <= width; c++) styleCell(ws.getCell(r, c), { bold: true, fill: GROUP_FILL, size: FONT_SIZE });
    ws.getRow(r).height = 13;
    r++;
    for (const row of g.rows) {
      const values: (string | number | null)[] = [
        row.no, row.indicator, ...row.cells.flatMap((c) => [c.expected, c.achieved, kemajuanShare(c.expected, c.achieved)]),
      ];
      values.forEach((v, i) => {
        const cell = ws.getCell(r, i + 1);
        cell.value = v;
        const share = i >= 2 && (i - 2) % PER_YEAR.length === 2;
        styleCell(cell, { align: i === 1 ? 'left' : 'center', size: FONT_SIZE, numFmt: i < 2 ? undefined : share ? PERCENT_FORMAT : '0' });
      });
      ws.getRow(r).height = estimateRowHeight(values.map((v, i) => ({ text: typeof v === 'string' ? v : '', width: (widths[i] ?? 8) * TEXT_FIT })), FONT_SIZE);
      r++;
    }
  }
  return r;
}

/**
 * Kemajuan: the plan against the assessments. Per Lampiran I row and plan year, the units the plan expected at the
 * target level by the end of that year against the units that reached it in the assessment measuring that year,
 * with the share; blank while no assessment measures the year.
 */
export function addKemajuanSheet(wb: ExcelJS.Workbook, doc: MonevDocument, k: KemajuanDoc): ExcelJS.Worksheet {
  const width = 2 + k.years.length * PER_YEAR.length;
  const ws = wb.addWorksheet(KEMAJUAN_SHEET, {
    ...lampiranPageSetup(doc.paper, [KEMAJUAN_HEADER_ROW, KEMAJUAN_HEADER_ROW + 1], 'III – Kemajuan'),
    views: [{ state: 'frozen', ySplit: KEMAJUAN_HEADER_ROW + 1, xSplit: 0 }],
  });
  const widths = widthsFor(doc, k.years.length);
  ws.columns = widths.map((w) => ({ width: w }));
  addTitle(ws, 1, width, `KEMAJUAN TERHADAP TARGET RENCANA AKSI SP4N-LAPOR! ${doc.regionName.toUpperCase()} TAHUN ${yearSpan(doc.years)}`, 11);
  ws.getRow(1).height = 18;
  addTitle(ws, 2, width, `Jumlah unit yang mencapai tingkat target indikator: target Lampiran I dan hasil penilaian mandiri (dari ${k.unitTotal} unit)`, 9);
  ws.getRow(2).height = 14;
  writeHeader(ws, k, width);
  const end = writeBody(ws, k, widths);
  const note = ws.getCell(end + 1, 1);
  ws.mergeCells(end + 1, 1, end + 1, width);
  note.value = 'Tercapai: unit yang diajukan atau diverifikasi dan lengkap dengan tingkat (hasil verifikasi) sama dengan atau di atas tingkat target; ' +
    'unit baru sejak Renaksi disusun ikut dihitung. Capaian (%) = tercapai ÷ target × 100. Kosong: tahun itu belum diukur.';
  note.font = { name: FONT, size: 7.5, italic: true };
  note.alignment = { wrapText: true, vertical: 'top' };
  ws.getRow(end + 1).height = 24;
  ws.pageSetup.printArea = `A1:${columnLetter(width)}${end + 1}`;
  return ws;
}
