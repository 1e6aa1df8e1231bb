import { formatInt, formatPercentFigure, formatScore } from './format';

/**
 * CSV for Indonesian spreadsheet users. NOTE: Excel with the id-ID locale splits fields on ';' (the list
 * separator where ',' is the decimal mark), reads "72,50" as a number and needs the UTF-8 byte-order mark to show
 * "–" and "÷" correctly; LibreOffice asks and accepts the same. Scores carry two decimals and shares (a column
 * headed "(%)") one, exactly as on the page (full precision is in the JSON twin of every table).
 */

export type CsvKind = 'text' | 'score' | 'percent' | 'int';

export interface CsvColumn<Row> {
  header: string;
  kind: CsvKind;
  value: (row: Row) => string | number | null;
}

const BOM = '\uFEFF';
const SEPARATOR = ';';
const FORMULA_START = /^[=+\-@\t\r]/;

function quote(text: string): string {
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function cell(kind: CsvKind, value: string | number | null): string {
  if (value === null || value === '') return '';
  if (typeof value === 'number') return kind === 'int' ? formatInt(value) : kind === 'percent' ? formatPercentFigure(value) : formatScore(value);
  // A text starting like a formula would run in Excel (CSV injection); a leading apostrophe keeps it text.
  return quote(FORMULA_START.test(value) ? `'${value}` : value);
}

/** A whole CSV document: BOM, header row, one line per row, CRLF line ends. */
export function toCsv<Row>(columns: CsvColumn<Row>[], rows: Row[]): string {
  const lines = [columns.map((c) => quote(c.header)).join(SEPARATOR)];
  for (const row of rows) lines.push(columns.map((c) => cell(c.kind, c.value(row))).join(SEPARATOR));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
