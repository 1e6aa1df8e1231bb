import ExcelJS from 'exceljs';

type LoadInput = Parameters<ExcelJS.Workbook['xlsx']['load']>[0];

/**
 * The text a person typed in a cell, whatever exceljs made of it: numbers, rich text, hyperlinks (Excel turns a
 * typed URL into one), formula results, dates. Empty cells give ''.
 */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join('');
    if ('hyperlink' in value) {
      const text = (value as { text?: unknown }).text;
      return typeof text === 'string' ? text : cellText(text as ExcelJS.CellValue) || String(value.hyperlink);
    }
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
  }
  return '';
}

/**
 * Worksheet parts no reader uses that exceljs expands cell by cell: one data validation or merged range over a whole
 * column (which Excel writes when a person picks the column) costs seconds and hundreds of MB, one over the whole
 * sheet never finishes — from a file of a few KB. Skipped, slave cells of a merge read as the empty cells they are
 * in the file, which is what every reader here wants (the value sits on the range's first cell).
 */
const IGNORED_NODES = ['dataValidations', 'mergeCells'];

/**
 * Loads an .xlsx held in memory; null when the bytes are not a readable workbook.
 * NOTE: exceljs' types predate Node's generic Buffer, hence the cast.
 */
export async function loadWorkbook(data: Buffer): Promise<ExcelJS.Workbook | null> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as LoadInput, { ignoreNodes: IGNORED_NODES });
    return wb;
  } catch {
    return null;
  }
}

/** The number of the last row holding a value (0 for an empty sheet); rows with formatting only do not count. */
export function lastValueRow(ws: ExcelJS.Worksheet): number {
  let last = 0;
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (row.hasValues) last = n;
  });
  return last;
}

/** A worksheet as rows of trimmed cell texts (row 1 first); trailing empty rows dropped. */
export function sheetTable(ws: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  const last = lastValueRow(ws);
  for (let r = 1; r <= last; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, 1); c++) cells.push(cellText(row.getCell(c).value).trim());
    rows.push(cells);
  }
  while (rows.length > 0 && (rows[rows.length - 1] ?? []).every((c) => c === '')) rows.pop();
  return rows;
}

/** True when the bytes start like a zip archive (an .xlsx is one). */
export function looksLikeZip(data: Buffer): boolean {
  return data.length > 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;
}

/** Addresses ("C4") of the cells holding a formula, in row order; their cached results are not to be trusted. */
export function formulaCells(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    row.eachCell({ includeEmpty: false }, (cell) => {
      const v = cell.value;
      if (v !== null && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) out.push(cell.address);
    });
  });
  return out;
}
