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
 * Loads an .xlsx held in memory; null when the bytes are not a readable workbook.
 * NOTE: exceljs' types predate Node's generic Buffer, hence the cast.
 */
export async function loadWorkbook(data: Buffer): Promise<ExcelJS.Workbook | null> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as LoadInput);
    return wb;
  } catch {
    return null;
  }
}

/** A worksheet as rows of trimmed cell texts (row 1 first); trailing empty rows dropped. */
export function sheetTable(ws: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
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
