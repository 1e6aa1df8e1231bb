import type { Writable } from 'node:stream';
import { columnLetter, createSheetWriter, headerRowOf, sheetRef, textXml, type SheetLayout, type SheetWriter } from './sheet-writer';
import type { StyleSheet } from './style-sheet';
import { escapeXml } from './xml-text';
import { createZipWriter, type ZipEntryWriter } from './zip-writer';

export interface WorkbookSpec {
  creator: string;
  title: string;
  /** Every sheet, in the order the workbook shows them; their rows may be written in any order. */
  sheets: SheetLayout[];
  /** Complete before the workbook starts: the styles part is written first. */
  styles: StyleSheet;
  /**
   * Texts repeated across many rows (names, labels), stored once; a cell shows one as `{ sst: index }`. Smaller and
   * faster than repeating them inline; texts seen once are better left inline.
   */
  sharedStrings?: readonly string[];
  /** Creation time (now unless given). */
  date?: Date;
  /** Deflate level (see createZipWriter). */
  level?: number;
}

export interface WorkbookWriter {
  /** Opens sheet `index` (as listed in the spec) for its rows; one sheet at a time, each once. */
  sheet(index: number): SheetWriter;
  /** Ends the file; every sheet must have been written. */
  finish(): Promise<void>;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const SHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

/** Excel refuses a workbook with an empty, over-long, duplicate or badly-charactered sheet name. */
function checkNames(sheets: SheetLayout[]): void {
  const seen = new Set<string>();
  for (const { name } of sheets) {
    if (!name || name.length > 31 || /[[\]:*?/\\]/.test(name) || name.startsWith("'") || name.endsWith("'")) throw new Error(`invalid sheet name "${name}"`);
    if (seen.has(name.toLowerCase())) throw new Error(`duplicate sheet name "${name}"`);
    seen.add(name.toLowerCase());
  }
}

function contentTypes(count: number, shared: boolean): string {
  const sheets = Array.from({ length: count }, (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${SHEET_TYPE}"/>`).join('')
    + (shared ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : '');
  return `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
    + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    + '<Default Extension="xml" ContentType="application/xml"/>'
    + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    + `${sheets}<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`;
}

const ROOT_RELS = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
  + `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>`
  + '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
  + '</Relationships>';

function coreProps(creator: string, title: string, date: Date): string {
  const when = `${date.toISOString().slice(0, 19)}Z`;
  return `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`
    + `<dc:title>${escapeXml(title)}</dc:title><dc:creator>${escapeXml(creator)}</dc:creator>`
    + `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>`
    + '</cp:coreProperties>';
}

/**
 * The workbook part: sheets in order, the hidden filter ranges Excel itself records for autofilters, and the print
 * titles (the header row repeated on every printed page).
 */
function workbookXml(sheets: SheetLayout[]): string {
  const list = sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 2}"/>`).join('');
  const names = sheets
    .map((s, i) => {
      const ref = escapeXml(sheetRef(s.name));
      const h = headerRowOf(s);
      const filter = s.autoFilter ? `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${ref}!$A$${h}:$${columnLetter(Math.max(1, s.columns.length))}$${h}</definedName>` : '';
      const titles = s.page?.printTitles ? `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${ref}!$${h}:$${h}</definedName>` : '';
      return filter + titles;
    })
    .join('');
  return `${XML_HEAD}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}">`
    + `<bookViews><workbookView activeTab="0"/></bookViews><sheets>${list}</sheets>`
    + (names ? `<definedNames>${names}</definedNames>` : '')
    + '</workbook>';
}

function workbookRels(count: number, shared: boolean): string {
  const sheets = Array.from({ length: count }, (_, i) => `<Relationship Id="rId${i + 2}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')
    + (shared ? `<Relationship Id="rId${count + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : '');
  return `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
    + `<Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/>${sheets}</Relationships>`;
}

/** The shared strings part, written in chunks: it may list tens of thousands of names. */
async function writeSharedStrings(entry: ZipEntryWriter, texts: readonly string[]): Promise<void> {
  let chunk = `${XML_HEAD}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="${texts.length}">`;
  for (const text of texts) {
    chunk += `<si>${textXml(text)}</si>`;
    if (chunk.length >= 64 * 1024) {
      await entry.write(chunk);
      chunk = '';
    }
  }
  await entry.write(`${chunk}</sst>`);
  await entry.end();
}

/**
 * Starts a streamed .xlsx on `out`: the package parts that describe the workbook (content types, relationships,
 * properties, sheet list, styles, the shared strings given up front) go first, then each sheet's rows as the caller
 * writes them. Other strings are inline, so nothing held grows with the number of rows. Sheets may be filled in any
 * order: a reader finds each part through the zip's central directory.
 */
export async function startWorkbook(out: Writable, spec: WorkbookSpec): Promise<WorkbookWriter> {
  checkNames(spec.sheets);
  const date = spec.date ?? new Date();
  const zip = createZipWriter(out, { date, level: spec.level });
  const shared = spec.sharedStrings;
  const parts: [string, string][] = [
    ['[Content_Types].xml', contentTypes(spec.sheets.length, !!shared)],
    ['_rels/.rels', ROOT_RELS],
    ['docProps/core.xml', coreProps(spec.creator, spec.title, date)],
    ['xl/workbook.xml', workbookXml(spec.sheets)],
    ['xl/_rels/workbook.xml.rels', workbookRels(spec.sheets.length, !!shared)],
    ['xl/styles.xml', spec.styles.xml()],
  ];
  for (const [name, xml] of parts) {
    const e = zip.entry(name);
    await e.write(xml);
    await e.end();
  }
  if (shared) await writeSharedStrings(zip.entry('xl/sharedStrings.xml'), shared);
  const written = new Set<number>();
  return {
    sheet(index) {
      const layout = spec.sheets[index];
      if (!layout || written.has(index)) throw new Error(`sheet ${index} does not exist or was already written`);
      written.add(index);
      return createSheetWriter(zip.entry(`xl/worksheets/sheet${index + 1}.xml`), layout);
    },
    async finish() {
      if (written.size !== spec.sheets.length) throw new Error('every sheet of the workbook must be written');
      await zip.finish();
    },
  };
}
