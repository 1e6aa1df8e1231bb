import type ExcelJS from 'exceljs';
import { addTitle, commitRow, estimateRowHeight, fitColumnWidths, landscapeWidthUnits, styleCell, styleHeader, FONT } from '../shared/workbook-style';
import { columnLetter } from '../shared/xlsx-stream/sheet-writer';
import { lampiranPageSetup, yearSpan } from '../renaksi/renaksi-lampiran';
import type { MonevDocument } from './monev-document';

export const UNITS_SHEET = 'Laporan Unit';
const UNITS_HEADER_ROW = 4;
const FONT_SIZE = 8;

/**
 * Laporan Unit: each unit's own part (its Lampiran II indicators) per semester of the plan, in official order: what
 * its report stands at and how much evidence it carries, so the workbook shows who reported beside Lampiran III's
 * rows. The reports themselves (per indicator) stay in the application.
 */
export async function addUnitReportsSheet(wb: ExcelJS.Workbook, doc: MonevDocument): Promise<ExcelJS.Worksheet> {
  const u = doc.unitReports;
  const width = 3 + u.semesters.length;
  const ws = wb.addWorksheet(UNITS_SHEET, {
    ...lampiranPageSetup(doc.paper, [UNITS_HEADER_ROW, UNITS_HEADER_ROW], 'III – Laporan Unit'),
    views: [{ state: 'frozen', ySplit: UNITS_HEADER_ROW, xSplit: 2 }],
  });
  const widths = fitColumnWidths(
    [{ fixed: 5 }, { weight: 1, min: 26 }, { fixed: 9 }, ...u.semesters.map(() => ({ fixed: 16 }))], landscapeWidthUnits(doc.paper, 0.8) * 0.96,
  );
  ws.columns = widths.map((w) => ({ width: w }));
  addTitle(ws, 1, width, `LAPORAN BAGIAN UNIT (LAMPIRAN II) RENCANA AKSI SP4N-LAPOR! ${doc.regionName.toUpperCase()} TAHUN ${yearSpan(doc.years)}`, 11);
  ws.mergeCells(2, 1, 2, width);
  ws.getCell(2, 1).value = `Keadaan laporan per ${doc.asOf}; rincian per indikator dan bukti dukung ada di aplikasi.`;
  ws.getCell(2, 1).font = { name: FONT, size: FONT_SIZE, italic: true };
  ws.getCell(2, 1).alignment = { horizontal: 'center' };
  ['No', 'Unit', 'Indikator Lampiran II', ...u.semesters].forEach((h, i) => {
    ws.getCell(UNITS_HEADER_ROW, i + 1).value = h;
    styleHeader(ws.getCell(UNITS_HEADER_ROW, i + 1), FONT_SIZE);
  });
  ws.getRow(UNITS_HEADER_ROW).height = 22;
  let r = UNITS_HEADER_ROW + 1;
  for (const unit of u.units) {
    [unit.no, unit.name, unit.indicators, ...unit.cells].forEach((v, i) => {
      const cell = ws.getCell(r, i + 1);
      cell.value = v;
      styleCell(cell, { size: FONT_SIZE, align: i === 0 || i === 2 ? 'center' : 'left', numFmt: i === 0 || i === 2 ? '0' : undefined });
    });
    ws.getRow(r).height = estimateRowHeight(unit.cells.map((text, i) => ({ text, width: widths[3 + i] ?? 16 })).concat({ text: unit.name, width: widths[1] ?? 26 }), FONT_SIZE);
    await commitRow(ws, r);
    r++;
  }
  ws.pageSetup.printArea = `A1:${columnLetter(width)}${Math.max(r - 1, UNITS_HEADER_ROW)}`;
  return ws;
}
