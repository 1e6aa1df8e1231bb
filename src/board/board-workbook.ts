import ExcelJS from 'exceljs';
import { addTitle, fitRowHeight, styleCell, styleHeader } from '../shared/workbook-style';
import { formatInt } from '../shared/format';
import type { BoardRow } from './board.repo';

export interface BoardDocument {
  periodName: string;
  /** Indicators in the period's instrument ("x dari 30"). */
  total: number;
  /** Every unit of the period (the board before filtering): the rows are "18 dari 57 unit". */
  unitTotal: number;
  /** Human description of the filter, e.g. "Kelompok: Kecamatan · Status: semua". */
  filterLabel: string;
  /** "27 November 2026 pukul 18.05" (already id-ID formatted). */
  generatedLabel: string;
  rows: BoardRow[];
  statusLabel: (r: BoardRow) => string;
  groupLabel: (r: BoardRow) => string;
}

const HEADERS = ['No.', 'Kode', 'Unit', 'Kelompok', 'Status', 'Indikator terjawab', 'Jumlah indikator', 'Bukti dukung', 'Aktivitas terakhir (WITA)', 'Narahubung'];
const WIDTHS = [6, 24, 48, 18, 14, 12, 12, 12, 20, 36];
const HEADER_ROW = 4;
const WITA_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * NOTE: Excel dates carry no time zone; exceljs writes a Date as UTC, so the WITA wall-clock time is stored by
 * shifting the instant by +8 hours.
 */
export function witaDate(iso: string): Date {
  return new Date(Date.parse(iso) + WITA_OFFSET_MS);
}

/** The completion board as a workbook: title, filter line, one row per unit with numbers stored as numbers. */
export function buildBoardWorkbook(d: BoardDocument): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'SP4N-LAPOR! Penilaian Mandiri';
  const ws = wb.addWorksheet('Status Pengisian', {
    pageSetup: { orientation: 'landscape', paperSize: 9 as ExcelJS.PaperSize, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}` },
    headerFooter: { oddFooter: 'Halaman &P dari &N' },
  });
  ws.columns = WIDTHS.map((width) => ({ width }));
  addTitle(ws, 1, HEADERS.length, `Status Pengisian Penilaian Mandiri – ${d.periodName}`);
  ws.mergeCells(2, 1, 2, HEADERS.length);
  const shown = d.rows.length === d.unitTotal ? `${formatInt(d.unitTotal)} unit` : `${formatInt(d.rows.length)} dari ${formatInt(d.unitTotal)} unit`;
  ws.getCell(2, 1).value = `${d.filterLabel} · ${shown} · dibuat ${d.generatedLabel}`;
  ws.getCell(2, 1).alignment = { horizontal: 'center' };
  HEADERS.forEach((h, i) => {
    const cell = ws.getCell(HEADER_ROW, i + 1);
    cell.value = h;
    styleHeader(cell);
  });
  fitRowHeight(ws.getRow(HEADER_ROW), WIDTHS);
  d.rows.forEach((r, i) => {
    const values: ExcelJS.CellValue[] = [
      i + 1, r.code, r.name, d.groupLabel(r), d.statusLabel(r), r.answered, d.total, r.evidenceCount,
      r.lastActivity ? witaDate(r.lastActivity) : '–', r.narahubung.join(', ') || '–',
    ];
    values.forEach((v, ci) => {
      const cell = ws.getCell(HEADER_ROW + 1 + i, ci + 1);
      cell.value = v;
      const numeric = typeof v === 'number';
      styleCell(cell, { align: numeric ? 'right' : 'left', numFmt: v instanceof Date ? 'dd/mm/yyyy hh:mm' : numeric ? '0' : undefined });
    });
    fitRowHeight(ws.getRow(HEADER_ROW + 1 + i), WIDTHS);
  });
  ws.views = [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 0 }];
  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW + Math.max(d.rows.length, 1), column: HEADERS.length } };
  return wb;
}
