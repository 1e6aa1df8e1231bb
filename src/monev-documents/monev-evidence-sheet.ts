import type ExcelJS from 'exceljs';
import { addTitle, commitRow, estimateRowHeight, fitColumnWidths, landscapeWidthUnits, styleCell, styleHeader } from '../shared/workbook-style';
import { columnLetter } from '../shared/xlsx-stream/sheet-writer';
import { lampiranPageSetup, yearSpan } from '../renaksi/renaksi-lampiran';
import type { MonevDocument } from './monev-document';

const EVIDENCE_SHEET = 'Bukti Dukung';
const EVIDENCE_HEADER_ROW = 3;
const HEADERS = ['No', 'Tahun', 'Semester', 'Jenis', 'Berkas / tautan'];
const FONT_SIZE = 8;

/**
 * Bukti Dukung: every evidence item of the submitted row reports, by Lampiran I row and semester, links whole and
 * clickable (the matrix's narrow column shows them shortened); files by name (kept in the application).
 */
export async function addEvidenceSheet(wb: ExcelJS.Workbook, doc: MonevDocument): Promise<ExcelJS.Worksheet> {
  const width = HEADERS.length;
  const ws = wb.addWorksheet(EVIDENCE_SHEET, {
    ...lampiranPageSetup(doc.paper, [EVIDENCE_HEADER_ROW, EVIDENCE_HEADER_ROW], 'III – Bukti Dukung'),
    views: [{ state: 'frozen', ySplit: EVIDENCE_HEADER_ROW, xSplit: 0 }],
  });
  const widths = fitColumnWidths([{ fixed: 6 }, { fixed: 7 }, { fixed: 10 }, { fixed: 8 }, { weight: 1 }], landscapeWidthUnits(doc.paper, 0.8) * 0.96);
  ws.columns = widths.map((w) => ({ width: w }));
  addTitle(ws, 1, width, `BUKTI DUKUNG REALISASI RENCANA AKSI SP4N-LAPOR! ${doc.regionName.toUpperCase()} TAHUN ${yearSpan(doc.years)}`, 11);
  ws.getRow(1).height = 18;
  HEADERS.forEach((h, i) => {
    ws.getCell(EVIDENCE_HEADER_ROW, i + 1).value = h;
    styleHeader(ws.getCell(EVIDENCE_HEADER_ROW, i + 1), FONT_SIZE);
  });
  let r = EVIDENCE_HEADER_ROW + 1;
  if (doc.evidence.length === 0) {
    ws.mergeCells(r, 1, r, width);
    ws.getCell(r, 1).value = 'Belum ada bukti dukung pada laporan yang diajukan.';
    styleCell(ws.getCell(r, 1), { size: FONT_SIZE });
    r++;
  }
  for (const e of doc.evidence) {
    const values: ExcelJS.CellValue[] = [e.no, e.year, e.semester, e.kind, e.url ? { text: e.name, hyperlink: e.url } : e.name];
    values.forEach((v, i) => {
      const cell = ws.getCell(r, i + 1);
      cell.value = v;
      styleCell(cell, { size: FONT_SIZE, align: i < 2 ? 'center' : 'left', numFmt: i === 1 ? '0' : undefined });
    });
    ws.getRow(r).height = estimateRowHeight([{ text: e.name, width: widths[4] ?? 60 }], FONT_SIZE);
    await commitRow(ws, r);
    r++;
  }
  ws.pageSetup.printArea = `A1:${columnLetter(width)}${r - 1}`;
  return ws;
}
