import { entryChunks, ooxmlKind, UnpackLimitError, ZipFormatError, zipEntries, type InflateBudget, type ZipEntry } from '../zip-read';
import { refusals, type ReadLimits, type SheetData, type SpreadsheetData } from './sheet-limits';
import { partPath, relationshipsHandler, sharedStringsHandler, stylesHandler, workbookHandler, type Relationship, type WorkbookSheet } from './xlsx-parts';
import { sheetHandler, type SheetContext } from './xlsx-sheet';
import { XmlFormatError, XmlScanner, type XmlHandler } from './xml-scan';

/**
 * Reads the asked-for worksheets of an .xlsx without any spreadsheet library: the ZIP directory, then each part it
 * needs (workbook, relationships, styles, shared strings, the sheets) inflated chunk by chunk and scanned as it comes.
 * Only those parts are inflated, every byte inflated counts against the file's limit, and the row, column, cell and
 * cell-length limits are checked cell by cell, so a hostile file is refused after reading no more than the limits.
 */

const REL_TYPE = /\/(worksheet|sharedStrings|styles)$/;

class XlsxFile {
  private readonly budget: InflateBudget;

  constructor(private readonly data: Buffer, private readonly entries: ZipEntry[], limit: number) {
    this.budget = { limit, remaining: limit };
  }

  find(name: string): ZipEntry | undefined {
    const lower = name.toLowerCase();
    return this.entries.find((e) => e.name === name) ?? this.entries.find((e) => e.name.toLowerCase() === lower);
  }

  /** Inflates one part and feeds it to the handler as it comes. */
  async scan(entry: ZipEntry, handler: XmlHandler): Promise<void> {
    const decoder = new TextDecoder('utf-8');
    const scanner = new XmlScanner(handler);
    for await (const chunk of entryChunks(this.data, entry, this.budget)) scanner.push(decoder.decode(chunk, { stream: true }));
    scanner.push(decoder.decode());
    scanner.end();
  }

  async scanOptional(name: string | undefined, handler: XmlHandler): Promise<void> {
    const entry = name === undefined ? undefined : this.find(name);
    if (entry) await this.scan(entry, handler);
  }
}

function pickSheets(all: WorkbookSheet[], wanted: readonly string[] | undefined): WorkbookSheet[] {
  if (wanted === undefined) return all.slice(0, 1);
  return wanted.flatMap((w) => all.filter((s) => s.name.trim().toLowerCase() === w.trim().toLowerCase()).slice(0, 1));
}

async function readParts(file: XlsxFile, wanted: readonly string[] | undefined, limits: ReadLimits): Promise<SpreadsheetData> {
  const book = { sheets: [] as WorkbookSheet[], date1904: false };
  await file.scan(file.find('xl/workbook.xml') as ZipEntry, workbookHandler(book));
  const rels: Relationship[] = [];
  await file.scanOptional('xl/_rels/workbook.xml.rels', relationshipsHandler(rels));
  const target = (kind: string) => rels.find((r) => REL_TYPE.exec(r.type)?.[1] === kind);
  const ctx: SheetContext = { strings: [], dateStyles: new Set(), date1904: book.date1904, limits, cells: { count: 0 } };
  const styles = target('styles');
  await file.scanOptional(styles ? partPath(styles.target) : 'xl/styles.xml', stylesHandler(ctx.dateStyles));
  const strings = target('sharedStrings');
  await file.scanOptional(strings ? partPath(strings.target) : 'xl/sharedStrings.xml', sharedStringsHandler(ctx.strings, limits.maxCells));
  const sheets: SheetData[] = [];
  for (const s of pickSheets(book.sheets, wanted)) {
    const rel = rels.find((r) => r.id === s.relId);
    const entry = rel ? file.find(partPath(rel.target)) : undefined;
    if (!entry) throw refusals.unreadableXlsx();
    const { handler, result } = sheetHandler(s.name, ctx);
    await file.scan(entry, handler);
    sheets.push(result());
  }
  if (limits.refuseFormulas) {
    const formulas = sheets.flatMap((s) => s.formulas);
    if (formulas.length > 0) throw refusals.formulas(formulas);
  }
  return { format: 'xlsx', sheetNames: book.sheets.map((s) => s.name), sheets };
}

/** Reads an .xlsx's sheets (the named ones, or the first) within the limits; throws SheetRefusal otherwise. */
export async function readXlsx(data: Buffer, wanted: readonly string[] | undefined, limits: ReadLimits): Promise<SpreadsheetData> {
  const entries = zipEntries(data);
  if (!entries || ooxmlKind(entries.map((e) => e.name)) !== 'xlsx') throw refusals.unreadableXlsx();
  try {
    return await readParts(new XlsxFile(data, entries, limits.maxUnpackedBytes), wanted, limits);
  } catch (err) {
    if (err instanceof UnpackLimitError) throw refusals.unpackedTooLarge(err.limit);
    if (err instanceof ZipFormatError || err instanceof XmlFormatError) throw refusals.unreadableXlsx();
    throw err;
  }
}
