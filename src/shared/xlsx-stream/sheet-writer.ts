import type { ZipEntryWriter } from './zip-writer';
import { escapeXml } from './xml-text';

/** A cell showing an entry of the workbook's shared strings (WorkbookSpec.sharedStrings), by its index. */
export interface SharedString {
  readonly sst: number;
}

export type CellValue = string | number | SharedString | null | undefined;

/** What a worksheet looks like apart from its rows. */
export interface SheetLayout {
  /** 1–31 characters, none of []:*?/\ (Excel's rules). */
  name: string;
  /** Widths in Excel's character units, first column first. */
  columns: { width: number }[];
  /** Rows kept in view while scrolling (the title and the header). */
  frozenRows?: number;
  /** The row of column headers (1-based; default 1): filter buttons go on it, and printing repeats it. */
  headerRow?: number;
  /** Filter buttons on the header row, across every column. */
  autoFilter?: boolean;
  /**
   * Printing: paper size is Excel's code (9 = A4, 14 = F4/folio); fitToWidth prints all columns across one page;
   * printTitles repeats the header row at the top of every page; footer is Excel's header/footer code
   * ('&C…&P dari &N' for a centred page number); firstPageNumber starts the sheet's own numbering there (LibreOffice
   * otherwise numbers the pages across the whole workbook).
   */
  page?: { orientation: 'portrait' | 'landscape'; paperSize: number; fitToWidth?: boolean; printTitles?: boolean; footer?: string; firstPageNumber?: number };
}

/** The first row of a layout's column headers. */
export function headerRowOf(layout: SheetLayout): number {
  return layout.headerRow ?? 1;
}

export interface RowOptions {
  /** A style index for every cell, or one per column (undefined: default look). */
  styles?: number | readonly (number | undefined)[];
  /** Row height in points; the default height when left out. */
  height?: number;
}

export interface SheetWriter {
  /** Appends the next row; resolves at once unless a chunk went to the compressor and it asked to wait. */
  addRow(values: readonly CellValue[], opts?: RowOptions): Promise<void>;
  /** Writes the sheet's closing parts and ends its zip entry. */
  end(): Promise<void>;
}

/** Excel's limits: a cell holds at most 32 767 characters, a sheet 1 048 576 rows and 16 384 columns. */
export const MAX_CELL_TEXT = 32_767;
export const MAX_SHEET_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
/**
 * Rows are encoded into buffers of this size, each handed to the compressor when full. Encoding row by row keeps
 * the row strings short-lived (a long concatenated string would outlive young-generation GC and pile up in old
 * space); a quarter megabyte per chunk keeps the event-loop turns per chunk few.
 */
const CHUNK_BYTES = 256 * 1024;
const DONE: Promise<void> = Promise.resolve();

/** Column letters: 1 → A, 26 → Z, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** A sheet name as a formula reference: quoted (apostrophes doubled) unless it is a plain word. */
export function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/**
 * One cell's XML: text as an inline string (truncated to Excel's limit), a shared string by its index, numbers as
 * values; an empty cell only if it is styled.
 */
export function cellXml(ref: string, value: CellValue, style: number | undefined): string {
  const s = style ? ` s="${style}"` : '';
  if (typeof value === 'number') return Number.isFinite(value) ? `<c r="${ref}"${s}><v>${value}</v></c>` : s ? `<c r="${ref}"${s}/>` : '';
  if (value === null || value === undefined || value === '') return s ? `<c r="${ref}"${s}/>` : '';
  if (typeof value === 'object') return `<c r="${ref}"${s} t="s"><v>${value.sst}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is>${textXml(value)}</is></c>`;
}

/** A `<t>` element: escaped, cut at Excel's limit, its spaces kept where a reader would trim them. */
export function textXml(value: string): string {
  const text = escapeXml(value.length > MAX_CELL_TEXT ? value.slice(0, MAX_CELL_TEXT) : value);
  return /^\s|\s$|\n/.test(text) ? `<t xml:space="preserve">${text}</t>` : `<t>${text}</t>`;
}

function sheetStart(layout: SheetLayout): string {
  const frozen = layout.frozenRows ?? 0;
  const top = `A${frozen + 1}`;
  const pane = frozen > 0
    ? `<pane ySplit="${frozen}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/>`
    : '';
  const cols = layout.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join('');
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    + '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    + (layout.page?.fitToWidth ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '')
    + `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>`
    + '<sheetFormatPr defaultRowHeight="15"/>'
    + (cols ? `<cols>${cols}</cols>` : '')
    + '<sheetData>';
}

function sheetEnd(layout: SheetLayout): string {
  const last = columnLetter(Math.max(1, layout.columns.length));
  const header = headerRowOf(layout);
  const page = layout.page;
  return '</sheetData>'
    + (layout.autoFilter ? `<autoFilter ref="A${header}:${last}${header}"/>` : '')
    + '<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>'
    + (page ? `<pageSetup paperSize="${page.paperSize}"${page.firstPageNumber === undefined ? '' : ` firstPageNumber="${page.firstPageNumber}"`} orientation="${page.orientation}"${page.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ''}${page.firstPageNumber === undefined ? '' : ' useFirstPageNumber="1"'}/>` : '')
    + (page?.footer ? `<headerFooter><oddFooter>${escapeXml(page.footer)}</oddFooter></headerFooter>` : '')
    + '</worksheet>';
}

/**
 * Streams one worksheet into a zip entry: each row becomes XML, is encoded into the current chunk, and full chunks
 * go to the compressor, so a sheet of a million rows never sits in memory.
 */
export function createSheetWriter(entry: ZipEntryWriter, layout: SheetLayout): SheetWriter {
  const letters: string[] = [];
  let rowNumber = 0;
  let buf = Buffer.allocUnsafe(CHUNK_BYTES);
  let used = 0;

  /** Appends text to the chunk; returns the previous chunk's write when it had to be handed over first. */
  function append(text: string): Promise<void> {
    // NOTE: a UTF-16 code unit never takes more than 3 bytes in UTF-8, so this bound always fits.
    const room = text.length * 3;
    let handed = DONE;
    if (used + room > buf.length) {
      if (used > 0) handed = entry.write(buf.subarray(0, used));
      buf = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, room));
      used = 0;
    }
    used += buf.write(text, used);
    return handed;
  }

  // Nothing to hand over yet: the chunk is empty.
  void append(sheetStart(layout));
  return {
    addRow(values, opts = {}) {
      if (++rowNumber > MAX_SHEET_ROWS) throw new Error(`sheet "${layout.name}" is full (${MAX_SHEET_ROWS} rows)`);
      if (values.length > MAX_COLUMNS) throw new Error(`row ${rowNumber} has more than ${MAX_COLUMNS} columns`);
      const { styles, height } = opts;
      const ht = height === undefined ? '' : ` ht="${height}" customHeight="1"`;
      let xml = `<row r="${rowNumber}"${ht}>`;
      for (let i = 0; i < values.length; i++) {
        const style = typeof styles === 'number' ? styles : styles?.[i];
        xml += cellXml((letters[i] ??= columnLetter(i + 1)) + rowNumber, values[i], style);
      }
      return append(`${xml}</row>`);
    },
    async end() {
      await append(sheetEnd(layout));
      if (used > 0) await entry.write(buf.subarray(0, used));
      used = 0;
      await entry.end();
    },
  };
}
