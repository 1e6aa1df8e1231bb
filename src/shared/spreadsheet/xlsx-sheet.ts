import { cellAddress, refusals, MAX_CELL_CHARS, type ReadLimits, type SheetData } from './sheet-limits';
import { decodeXmlText, xmlAttr, type XmlHandler } from './xml-scan';

/** What every sheet of one file shares: the strings table, date styles, the cell count and the limits. */
export interface SheetContext {
  strings: string[];
  dateStyles: Set<number>;
  date1904: boolean;
  limits: ReadLimits;
  cells: { count: number };
}

interface CellState {
  row: number;
  col: number;
  type: string;
  style: number;
  value: string | null;
  inline: string;
  formula: boolean;
}

const REF = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;
const DAY_MS = 86_400_000;
/** Days from Excel's 1900 epoch (serial 0 = 1899-12-30 with the leap-year quirk) to 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25_569;

function parseRef(ref: string): { row: number; col: number } | null {
  const m = REF.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of (m[1] as string).toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

/** A date serial as the ISO date a person typed (time of day left out, as the readers compare dates only). */
function serialDate(serial: number, date1904: boolean): string {
  const days = date1904 ? serial + 1462 : serial;
  const d = new Date(Math.round((days - UNIX_EPOCH_SERIAL) * DAY_MS));
  return Number.isNaN(d.getTime()) ? String(serial) : d.toISOString().slice(0, 10);
}

/** The text of a finished cell and, when the file carries no usable value, why. */
function cellValue(c: CellState, ctx: SheetContext): { text: string; problem: string | null } {
  const v = c.value;
  if (c.type === 'e') return { text: '', problem: `berisi galat ${v ?? ''}`.trim() };
  if (c.formula && v === null && c.type !== 'inlineStr') return { text: '', problem: 'berisi rumus tanpa hasil; ketik nilainya langsung' };
  switch (c.type) {
    case 's': return { text: ctx.strings[Number(v)] ?? '', problem: null };
    case 'inlineStr': return { text: c.inline, problem: null };
    case 'str': return { text: v ?? '', problem: null };
    case 'b': return { text: v === null ? '' : v === '1' || v === 'true' ? 'true' : 'false', problem: null };
    case 'd': return { text: (v ?? '').slice(0, 10), problem: null };
    default: {
      if (v === null || v.trim() === '') return { text: '', problem: null };
      const n = Number(v);
      if (!Number.isFinite(n)) return { text: v, problem: null };
      return { text: ctx.dateStyles.has(c.style) ? serialDate(n, ctx.date1904) : String(n), problem: null };
    }
  }
}

/**
 * Collects one worksheet's cells as the scanner reports them. Each limit is checked the moment a cell with a value
 * is finished, so a file with a million rows stops at the first row past the limit.
 */
export function sheetHandler(name: string, ctx: SheetContext): { handler: XmlHandler; result: () => SheetData } {
  const rows: string[][] = [];
  const formulas: string[] = [];
  const unreadable: Record<string, string> = {};
  let inData = false;
  let row = 0;
  let col = 0;
  let cell: CellState | null = null;
  let capture: 'v' | 't' | null = null;
  let raw = '';
  let phonetic = 0;

  const finish = (c: CellState) => {
    const { text: value, problem } = cellValue(c, ctx);
    const text = value.trim();
    const empty = text === '' && problem === null;
    if (empty && !c.formula) return;
    const { limits } = ctx;
    // A formula counts even when its result is empty: the list of formula cells is kept.
    if (++ctx.cells.count > limits.maxCells) throw refusals.tooManyCells(limits.maxCells);
    const address = cellAddress(c.row, c.col);
    if (c.formula) formulas.push(address);
    if (empty) return;
    if (c.row > limits.rowLimit) throw refusals.tooManyRows(c.row, limits.maxDataRows);
    if (c.col > limits.maxColumns) throw refusals.tooManyColumns(address, limits.maxColumns);
    if (text.length > MAX_CELL_CHARS) throw refusals.cellTooLong(address);
    if (problem !== null) unreadable[address] = problem;
    const cells = (rows[c.row - 1] ??= []);
    cells[c.col - 1] = text;
  };

  const handler: XmlHandler = {
    open(tag, attrs) {
      if (tag === 'sheetData') inData = true;
      if (!inData) return;
      if (tag === 'row') {
        const r = Number(xmlAttr(attrs, 'r'));
        row = Number.isSafeInteger(r) && r > 0 ? r : row + 1;
        col = 0;
      } else if (tag === 'c') {
        const ref = parseRef(xmlAttr(attrs, 'r') ?? '');
        col = ref ? ref.col : col + 1;
        if (ref) row = ref.row;
        cell = { row, col, type: xmlAttr(attrs, 't') ?? 'n', style: Number(xmlAttr(attrs, 's') ?? 0), value: null, inline: '', formula: false };
      } else if (cell && tag === 'f') cell.formula = true;
      else if (cell && tag === 'v') { capture = 'v'; raw = ''; }
      else if (cell && tag === 'rPh') phonetic++;
      else if (cell && tag === 't' && phonetic === 0) { capture = 't'; raw = ''; }
    },
    close(tag) {
      if (tag === 'sheetData') inData = false;
      if (!cell) return;
      if (tag === 'v' && capture === 'v') { cell.value = decodeXmlText(raw); capture = null; }
      else if (tag === 't' && capture === 't') { cell.inline += decodeXmlText(raw); capture = null; }
      else if (tag === 'rPh') phonetic--;
      else if (tag === 'c') { finish(cell); cell = null; }
    },
    text(t) {
      if (capture === null) return;
      raw += t;
      if (raw.length > MAX_CELL_CHARS * 10 && cell) throw refusals.cellTooLong(cellAddress(cell.row, cell.col));
    },
  };

  const result = (): SheetData => {
    const dense = Array.from(rows, (r) => Array.from(r ?? [], (t) => t ?? ''));
    return { name, rows: dense, formulas, unreadable };
  };
  return { handler, result };
}
