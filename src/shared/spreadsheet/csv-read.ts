import { CsvError, parse } from 'csv-parse/sync';
import { cellAddress, refusals, MAX_CELL_CHARS, type ReadLimits, type SpreadsheetData } from './sheet-limits';

/**
 * Reads a CSV upload (UTF-8, comma, semicolon or tab as Excel writes them in any locale, quotes as in RFC 4180) into
 * the same shape as a worksheet, with the same row, column, cell and cell-length limits checked record by record.
 */

const DELIMITERS = [',', ';', '\t'] as const;

/** The delimiter of the header line: whichever of comma, semicolon and tab it holds most. */
function detectDelimiter(text: string): string {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/, 1)[0] ?? '';
  return DELIMITERS.map((d) => [d, firstLine.split(d).length] as const).reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

function decodeUtf8(data: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw refusals.csvNotText();
  }
  if (text.includes('\u0000')) throw refusals.csvNotText();
  return text;
}

/** Reads a CSV within the limits (formulas: text starting with "="); throws SheetRefusal otherwise. */
export function readCsv(data: Buffer, limits: ReadLimits): SpreadsheetData {
  const text = decodeUtf8(data);
  const rows: string[][] = [];
  const formulas: string[] = [];
  let cells = 0;
  const take = (record: string[], row: number): string[] => {
    const trimmed = record.map((c) => c.trim());
    trimmed.forEach((c, i) => {
      if (c === '') return;
      const address = cellAddress(row, i + 1);
      if (row > limits.rowLimit) throw refusals.tooManyRows(row, limits.maxDataRows);
      if (i + 1 > limits.maxColumns) throw refusals.tooManyColumns(address, limits.maxColumns);
      if (++cells > limits.maxCells) throw refusals.tooManyCells(limits.maxCells);
      if (c.length > MAX_CELL_CHARS) throw refusals.cellTooLong(address);
      if (c.startsWith('=')) formulas.push(address);
    });
    return trimmed;
  };
  try {
    parse(text, {
      delimiter: detectDelimiter(text),
      record_delimiter: ['\r\n', '\n', '\r'],
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      on_record: (record: string[], context) => {
        rows.push(take(record, context.records));
        return null;
      },
    });
  } catch (err) {
    if (err instanceof CsvError) throw refusals.csvMalformed(typeof err.lines === 'number' ? err.lines : 1);
    throw err;
  }
  while (rows.length > 0 && (rows[rows.length - 1] ?? []).every((c) => c === '')) rows.pop();
  if (limits.refuseFormulas && formulas.length > 0) throw refusals.formulas(formulas);
  return { format: 'csv', sheetNames: [], sheets: [{ name: '', rows, formulas, unreadable: {} }] };
}
