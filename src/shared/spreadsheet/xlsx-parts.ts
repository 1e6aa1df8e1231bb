import { refusals, MAX_CELL_CHARS } from './sheet-limits';
import { decodeXmlText, xmlAttr, type XmlHandler } from './xml-scan';

/**
 * Handlers for the small parts of an .xlsx the sheet reader needs: the workbook (sheet names and where each lives),
 * its relationships, the styles (which cell formats are dates) and the shared strings.
 */

export interface WorkbookSheet {
  name: string;
  relId: string;
}

export function workbookHandler(out: { sheets: WorkbookSheet[]; date1904: boolean }): XmlHandler {
  return {
    open(name, attrs) {
      if (name === 'sheet') out.sheets.push({ name: xmlAttr(attrs, 'name') ?? '', relId: xmlAttr(attrs, 'id') ?? '' });
      else if (name === 'workbookPr') out.date1904 = ['1', 'true'].includes(xmlAttr(attrs, 'date1904') ?? '');
    },
    close() {},
    text() {},
  };
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
}

export function relationshipsHandler(out: Relationship[]): XmlHandler {
  return {
    open(name, attrs) {
      if (name === 'Relationship') out.push({ id: xmlAttr(attrs, 'Id') ?? '', type: xmlAttr(attrs, 'Type') ?? '', target: xmlAttr(attrs, 'Target') ?? '' });
    },
    close() {},
    text() {},
  };
}

/** A relationship target of xl/workbook.xml as a path inside the archive ("worksheets/sheet1.xml" → "xl/worksheets/sheet1.xml"). */
export function partPath(target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `xl/${target}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** Built-in number formats that show a date or time (ECMA-376 18.8.30, with the East Asian date formats). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Whether a custom format code shows a date: d, m, y, h or s outside quoted text, escapes and [colour] brackets. */
function isDateFormatCode(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/\[[^\]]*\]/g, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** Collects the cell formats (cellXfs) that show dates, by style index. */
export function stylesHandler(dateStyles: Set<number>): XmlHandler {
  const custom = new Map<number, string>();
  let inCellXfs = false;
  let index = 0;
  return {
    open(name, attrs) {
      if (name === 'numFmt') custom.set(Number(xmlAttr(attrs, 'numFmtId')), xmlAttr(attrs, 'formatCode') ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(xmlAttr(attrs, 'numFmtId') ?? 0);
        const code = custom.get(id);
        if (DATE_FORMAT_IDS.has(id) || (code !== undefined && isDateFormatCode(code))) dateStyles.add(index);
        index++;
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  };
}

/**
 * Reads the shared strings table (rich text runs joined, phonetic runs left out) into `out`, refusing more strings
 * than the file may have cells and any string longer than a cell may hold.
 */
export function sharedStringsHandler(out: string[], maxStrings: number): XmlHandler {
  let raw: string | null = null;
  let capture = false;
  let phonetic = 0;
  return {
    open(name) {
      if (name === 'si') raw = '';
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && raw !== null && phonetic === 0) capture = true;
    },
    close(name) {
      if (name === 't') capture = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si' && raw !== null) {
        const text = decodeXmlText(raw);
        if (text.length > MAX_CELL_CHARS) throw refusals.cellTooLong(null);
        if (out.length >= maxStrings) throw refusals.tooManyCells(maxStrings);
        out.push(text);
        raw = null;
      }
    },
    text(t) {
      if (!capture || raw === null) return;
      raw += t;
      // NOTE: checked on the encoded text (an entity is at most 10 characters) so a huge string is refused early.
      if (raw.length > MAX_CELL_CHARS * 10) throw refusals.cellTooLong(null);
    },
  };
}
