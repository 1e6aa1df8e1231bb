import { once } from 'node:events';
import type { EventEmitter } from 'node:events';
import type ExcelJS from 'exceljs';

/** The one set of workbook styles: thin borders, wrapped text, bold headers, category fills. */
export const THIN_BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

export const FONT = 'Arial';

/** The dashboard's Viridis tones (readable in grey print and for colour-blind readers); the label is always written too. */
export const CATEGORY_FILLS: Record<string, string> = {
  'Sangat Baik': 'FFFDE725',
  Baik: 'FF5EC962',
  Sedang: 'FF3B528B',
  Kurang: 'FF440154',
};
const LIGHT_TEXT = new Set(['Sedang', 'Kurang']);

export const HEADER_FILL = 'FFD9E1F2';
export const GROUP_FILL = 'FFF2F2F2';

/**
 * Style parts are made once per distinct value and shared by every cell that uses them (see shareStyles); they
 * are never changed in place: a cell that needs a variant is given a new object.
 */
const parts = new Map<string, object>();
function part<T extends object>(key: string, make: () => T): T {
  let p = parts.get(key);
  if (!p) parts.set(key, (p = make()));
  return p as T;
}

function solid(argb: string): ExcelJS.Fill {
  return part(`fill:${argb}`, () => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } }));
}

/** A bordered, wrapped cell; `bold` for headers, `fill` an ARGB colour, `size` the font size (10 unless given). */
export function styleCell(
  cell: ExcelJS.Cell,
  opts: { bold?: boolean; fill?: string; align?: 'left' | 'center' | 'right'; numFmt?: string; size?: number } = {},
): void {
  const size = opts.size ?? 10;
  const bold = opts.bold ?? false;
  const horizontal = opts.align ?? 'left';
  cell.border = THIN_BORDER;
  cell.font = part(`font:${size}:${String(bold)}`, () => ({ name: FONT, size, bold }));
  cell.alignment = part(`align:${horizontal}`, () => ({ wrapText: true, vertical: 'top', horizontal }));
  if (opts.fill) cell.fill = solid(opts.fill);
  if (opts.numFmt) cell.numFmt = opts.numFmt;
}

/** Header cell: bold, centred, shaded. */
export function styleHeader(cell: ExcelJS.Cell, size = 10): void {
  styleCell(cell, { bold: true, fill: HEADER_FILL, align: 'center', size });
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

/**
 * Number format for a share (0–100) in a column headed "(%)": one decimal, as fmt.percent writes it on pages and in
 * documents. The cell keeps the full value.
 */
export const PERCENT_FORMAT = '0.0';

/** Roman numerals for aspect group numbers (I, II, …). */
export function roman(n: number): string {
  const table: [number, string][] = [[10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  let rest = n;
  for (const [v, s] of table) while (rest >= v) { out += s; rest -= v; }
  return out;
}

/** Landscape paper for printed documents: Excel paper size code and page size in inches. */
export const PAPERS = {
  a4: { code: 9, label: 'A4', widthIn: 11.69, heightIn: 8.27 },
  folio: { code: 14, label: 'F4/Folio', widthIn: 13, heightIn: 8.5 },
} as const;
export type PaperKind = keyof typeof PAPERS;

/**
 * NOTE: a column width is counted in the default font's digit widths (Calibri 11: 7 px at 96 dpi), so a column of
 * width w prints about 7·w px wide at 100 % scale.
 */
const PX_PER_WIDTH_UNIT = 7;

/** Column width units that fit across a landscape page between the side margins (inches), at 100 % scale. */
export function landscapeWidthUnits(paper: PaperKind, sideMarginsIn: number): number {
  return ((PAPERS[paper].widthIn - sideMarginsIn) * 96) / PX_PER_WIDTH_UNIT;
}

/** A column for fitColumnWidths: a fixed width, or a share of the rest by weight (never below `min`). */
export type ColumnFit = { fixed: number } | { weight: number; min?: number };

/**
 * Fits columns into `available` width units: fixed columns keep their width, weighted columns share the rest in
 * proportion, a weighted column below its minimum is held at it and the others share what is left. Widths are
 * rounded down to half units so the sum never exceeds what is available (unless the minimums alone do).
 */
export function fitColumnWidths(columns: ColumnFit[], available: number): number[] {
  const held = new Map<number, number>();
  let widths: number[] = [];
  for (let pass = 0; pass <= columns.length; pass++) {
    const fixed = columns.reduce((s, c, i) => s + ('fixed' in c ? c.fixed : held.get(i) ?? 0), 0);
    const weights = columns.reduce((s, c, i) => s + ('weight' in c && !held.has(i) ? c.weight : 0), 0);
    const perWeight = weights === 0 ? 0 : Math.max(0, available - fixed) / weights;
    widths = columns.map((c, i) => ('fixed' in c ? c.fixed : held.get(i) ?? Math.floor(c.weight * perWeight * 2) / 2));
    const below = columns.findIndex((c, i) => 'weight' in c && !held.has(i) && (widths[i] as number) < (c.min ?? 0));
    if (below < 0) break;
    const col = columns[below] as { min: number };
    held.set(below, Math.ceil(col.min * 2) / 2);
  }
  // NOTE: exceljs treats width 9 as its default and leaves such a column out of the file, so 9 becomes 8.5.
  return widths.map((w) => (w === 9 ? 8.5 : w));
}

/** Average character width in pixels (96 dpi) of Arial/Liberation Sans text at a font size, spaces included. */
export function charWidthPx(fontSize: number, bold = false): number {
  return ((fontSize * 96) / 72) * (bold ? 0.55 : 0.5);
}

/** Width units a column needs so that `word` fits on one line (bold header text, cell padding included). */
export function widthForWord(word: string, fontSize: number, bold = true): number {
  return (word.length * charWidthPx(fontSize, bold) + 6) / PX_PER_WIDTH_UNIT;
}

/** Lines a text takes in a column `perLine` characters wide, wrapping at spaces like Excel and LibreOffice. */
export function wrappedLines(text: string, perLine: number): number {
  // Most cells fit on one line: no need to split them into words (a million rows in the national recap).
  if (text.length <= perLine && !text.includes('\n')) return 1;
  let lines = 0;
  for (const para of text.split('\n')) {
    let used = 0;
    let n = 1;
    for (const word of para.split(/\s+/).filter(Boolean)) {
      let w = word.length;
      if (used > 0 && used + 1 + w <= perLine) {
        used += 1 + w;
        continue;
      }
      if (used > 0) n++;
      while (w > perLine) {
        n++;
        w -= perLine;
      }
      used = w;
    }
    lines += n;
  }
  return lines;
}

/** Points per text line for a font size (LibreOffice and Excel leave about 25 % leading). */
export function lineHeight(fontSize: number): number {
  return Math.ceil(fontSize * 1.25 * 4) / 4;
}

/** Excel's largest row height in points. */
export const MAX_ROW_HEIGHT = 409;

/**
 * NOTE: neither Excel nor LibreOffice grows a row to fit wrapped text written by a library (and never for merged
 * cells), so rows are sized here: each cell's text is wrapped word by word at the characters its column holds
 * (Excel's narrower pixel width per unit, so LibreOffice has a little room to spare), and the tallest cell sets the
 * row height in points.
 */
export function estimateRowHeight(cells: { text: string; width: number; bold?: boolean }[], fontSize: number): number {
  let lines = 1;
  for (const { text, width, bold } of cells) {
    if (!text) continue;
    const perLine = Math.max(1, Math.floor((width * PX_PER_WIDTH_UNIT - 4) / charWidthPx(fontSize, bold)));
    lines = Math.max(lines, wrappedLines(text, perLine));
  }
  return Math.min(MAX_ROW_HEIGHT, lines * lineHeight(fontSize) + 4);
}

/** Sets a row's height for its wrapped text at 10 pt, from each cell's text and its column width (see estimateRowHeight). */
export function fitRowHeight(row: ExcelJS.Row, widths: number[]): void {
  row.height = estimateRowHeight(
    widths.map((width, i) => {
      const cell = row.getCell(i + 1);
      return { width, text: cell.value instanceof Date ? 'dd/mm/yyyy hh:mm' : cell.text ?? '' };
    }),
    10,
  );
}

/**
 * NOTE: exceljs finds a styled cell's style id by rendering its font, border, fill and alignment to XML, unless it
 * has seen that cell's style *object* before. Cells styled alike here each hold their own objects, so before a
 * large workbook is written, cells with equal styles are given one shared style object (measured on the Kutai
 * Timur Renaksi: writing takes less than half the time). Call it last: the shared objects must not change after.
 */
export function shareStyles(wb: ExcelJS.Workbook): void {
  const share = styleSharer();
  wb.eachSheet((ws) => ws.eachRow({ includeEmpty: true }, share));
}

/**
 * What shareStyles does, one row at a time: a streamed sheet (exceljs's WorkbookWriter) shares each row's styles just
 * before the row is written out (see commitRow).
 */
function styleSharer(): (row: ExcelJS.Row) => void {
  const ids = new WeakMap<object, string>();
  const byContent = new Map<string, string>();
  const idOf = (part: unknown): string => {
    if (part === undefined || part === null || typeof part !== 'object') return String(part ?? '');
    let id = ids.get(part);
    if (id === undefined) {
      const json = JSON.stringify(part);
      id = byContent.get(json) ?? `#${byContent.size}`;
      byContent.set(json, id);
      ids.set(part, id);
    }
    return id;
  };
  const shared = new Map<string, Partial<ExcelJS.Style>>();
  return (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      const s = cell.style;
      const key = [s.font, s.border, s.fill, s.alignment, s.numFmt, s.protection].map(idOf).join('|');
      const same = shared.get(key);
      if (same) cell.style = same;
      else shared.set(key, s);
    });
  };
}

/** A sheet of exceljs's streaming WorkbookWriter: its rows are written out when committed. */
type StreamedSheet = ExcelJS.Worksheet & { commit(): void };
// NOTE: exceljs's types give every worksheet commit(); only the streaming writer's sheets have it at run time.
const isStreamed = (ws: ExcelJS.Worksheet): ws is StreamedSheet => typeof (ws as Partial<StreamedSheet>).commit === 'function';
const rowSharers = new WeakMap<ExcelJS.Worksheet, (row: ExcelJS.Row) => void>();

/**
 * On a streamed sheet, shares row `r`'s styles (see styleSharer) and writes it out with every row above it, then waits
 * while the compressor is behind (see drained), so a sheet of many rows is never held whole, neither as rows nor as
 * XML; an in-memory sheet is left as it is. NOTE: a committed row can no longer be changed: commit a row only once
 * nothing below it writes into it. The sheet's columns and views must be set before its first row is committed.
 * Stream one sheet at a time (commitSheet before the next sheet's rows): the zip's entries are deflated in order, so
 * rows waiting behind a sheet still open would wait until the worker pool's time limit.
 */
export async function commitRow(ws: ExcelJS.Worksheet, r: number): Promise<void> {
  if (!isStreamed(ws)) return;
  let share = rowSharers.get(ws);
  if (!share) rowSharers.set(ws, (share = styleSharer()));
  const row = ws.getRow(r);
  share(row);
  row.commit();
  await drained(ws);
}

/**
 * NOTE: exceljs's streaming sheet writes its XML into the stream archiver made for its zip entry (a readable-stream 2
 * PassThrough, hence `_writableState`, attached as soon as the sheet's stream is opened) without heeding backpressure,
 * so rows written in one go would pile up there (a country's sheets: 800 MB of XML) while the deflater works through
 * them. Waits until that stream has room again; rejects if it fails (a stalled deflater is ended by the worker pool's
 * time limit).
 */
async function drained(ws: StreamedSheet): Promise<void> {
  const entry = (ws as unknown as StreamedSheetInternals).stream.pipes[0];
  while (entry?._writableState.needDrain) await once(entry, 'drain');
}

/** What keepPrintOptions and drained reach inside exceljs's streaming sheet. */
interface StreamedSheetInternals {
  /** exceljs's StreamBuf, piped into the stream of its zip entry. */
  stream: { write(xml: string): void; pipes: (EventEmitter & { _writableState: { needDrain: boolean } })[] };
  _writePageMargins(): void;
}

/**
 * NOTE: exceljs's streaming sheets (4.4) leave out <printOptions>, where the in-memory writer records a sheet centred
 * on the page (the lampiran set horizontalCentered). It is written here where the in-memory writer puts it: just
 * before the page margins.
 */
function keepPrintOptions(ws: StreamedSheet): void {
  const p = ws.pageSetup;
  const attrs = ([['headings', p.showRowColHeaders], ['gridLines', p.showGridLines], ['horizontalCentered', p.horizontalCentered], ['verticalCentered', p.verticalCentered]] as const)
    .filter(([, on]) => on).map(([name]) => ` ${name}="1"`).join('');
  if (!attrs) return;
  const internals = ws as unknown as StreamedSheetInternals;
  const margins = internals._writePageMargins.bind(ws);
  internals._writePageMargins = () => {
    internals.stream.write(`<printOptions${attrs}/>`);
    margins();
  };
}

/** Ends a streamed sheet (its last rows, merges, validations and print setup are written out); nothing in memory. */
export function commitSheet(ws: ExcelJS.Worksheet): void {
  if (!isStreamed(ws)) return;
  keepPrintOptions(ws);
  ws.commit();
}
