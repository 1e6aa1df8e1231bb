import type ExcelJS from 'exceljs';

/** The one set of workbook styles: thin borders, wrapped text, bold headers, category fills. */
export const THIN_BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

export const FONT = 'Arial';

export const CATEGORY_FILLS: Record<string, string> = {
  'Sangat Baik': 'FF1B7837',
  Baik: 'FFA6DBA0',
  Sedang: 'FFFEE08B',
  Kurang: 'FFD73027',
};
const LIGHT_TEXT = new Set(['Sangat Baik', 'Kurang']);

export const HEADER_FILL = 'FFD9E1F2';
export const GROUP_FILL = 'FFF2F2F2';

function solid(argb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

/** A bordered, wrapped cell; `bold` for headers, `fill` an ARGB colour. */
export function styleCell(
  cell: ExcelJS.Cell,
  opts: { bold?: boolean; fill?: string; align?: 'left' | 'center' | 'right'; numFmt?: string } = {},
): void {
  cell.border = THIN_BORDER;
  cell.font = { name: FONT, size: 10, bold: opts.bold ?? false };
  cell.alignment = { wrapText: true, vertical: 'top', horizontal: opts.align ?? 'left' };
  if (opts.fill) cell.fill = solid(opts.fill);
  if (opts.numFmt) cell.numFmt = opts.numFmt;
}

/** Header cell: bold, centred, shaded. */
export function styleHeader(cell: ExcelJS.Cell): void {
  styleCell(cell, { bold: true, fill: HEADER_FILL, align: 'center' });
  cell.alignment = { ...cell.alignment, vertical: 'middle' };
}

/** Colours a score cell by its category label (text stays readable on the dark fills). */
export function styleCategory(cell: ExcelJS.Cell, category: string | null): void {
  const fill = category ? CATEGORY_FILLS[category] : undefined;
  if (!fill) return;
  cell.fill = solid(fill);
  cell.font = { ...cell.font, color: { argb: LIGHT_TEXT.has(category as string) ? 'FFFFFFFF' : 'FF000000' } };
}

/** A title line merged across `width` columns. */
export function addTitle(ws: ExcelJS.Worksheet, row: number, width: number, text: string, size = 12): void {
  ws.mergeCells(row, 1, row, width);
  const cell = ws.getCell(row, 1);
  cell.value = text;
  cell.font = { name: FONT, size, bold: true };
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
}

/** Number format for scores: two decimals (shown with the reader's locale separators). */
export const SCORE_FORMAT = '0.00';

/** Roman numerals for aspect group numbers (I, II, …). */
export function roman(n: number): string {
  const table: [number, string][] = [[10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  let rest = n;
  for (const [v, s] of table) while (rest >= v) { out += s; rest -= v; }
  return out;
}

/**
 * Sets a row's height for its wrapped text. NOTE: exceljs writes no height, and neither Excel nor LibreOffice grows a
 * row for wrapped text on opening, so long cells would be cut off; this estimates lines from each cell's text and
 * column width (about one character per width unit at 10 pt).
 */
export function fitRowHeight(row: ExcelJS.Row, widths: number[], lineHeight = 13): void {
  let lines = 1;
  widths.forEach((width, i) => {
    const cell = row.getCell(i + 1);
    const text = cell.value instanceof Date ? 'dd/mm/yyyy hh:mm' : cell.text ?? '';
    const perLine = Math.max(1, Math.floor(width * 1.1));
    const cellLines = text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
    lines = Math.max(lines, cellLines);
  });
  row.height = Math.min(409, lines * lineHeight + 4);
}
