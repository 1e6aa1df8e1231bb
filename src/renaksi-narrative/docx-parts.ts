import {
  AlignmentType, BorderStyle, HeadingLevel, Paragraph, ShadingType, Tab, Table, TableCell, TableLayoutType, TableRow, TextRun,
  VerticalAlign, WidthType,
} from 'docx';
import { listItemOf, paragraphsOf } from './narrative-texts';

/**
 * The building blocks of the narrative document in the form of Indonesian government documents: Arial 12 pt, body
 * justified at 1.5 lines with a first-line indent, chapters centred on a new page ("BAB I / PENDAHULUAN"), sections
 * lettered A, B, … with their text indented under the heading, tables in 10 pt with a shaded header row.
 */

/**
 * Millimetres in twips, rounded to the nearest (docx's own converter rounds down, which makes A4 11905 × 16837 and
 * Word then calls the paper "custom" instead of A4 11906 × 16838).
 */
export function twips(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

export const FONT = 'Arial';
/** Half-points. */
export const BODY_SIZE = 24;
const TABLE_SIZE = 20;
const HEADER_FILL = 'D9E1F2';
/** Text under a section heading starts where the heading's words start. */
export const SECTION_INDENT = twips(10);
const ITEM_HANGING = twips(7);
const FIRST_LINE = twips(12.5);
const LINE_15 = 360;

export const PAPER_MM = { a4: { width: 210, height: 297 }, folio: { width: 215, height: 330 } } as const;
export const MARGIN_MM = { top: 25, bottom: 25, left: 30, right: 20 } as const;

/** The width between the margins, in twips. */
export function textWidth(paper: keyof typeof PAPER_MM): number {
  return twips(PAPER_MM[paper].width - MARGIN_MM.left - MARGIN_MM.right);
}

/** "BAB II" and its title on a new page, as one Heading 1 (the document's outline). */
export function chapterHeading(number: string, title: string): Paragraph {
  return new Paragraph({
    heading: HeadingLevel.HEADING_1,
    alignment: AlignmentType.CENTER,
    pageBreakBefore: true,
    keepNext: true,
    spacing: { after: 360, line: LINE_15 },
    children: [new TextRun({ text: `BAB ${number}`, bold: true }), new TextRun({ text: title.toUpperCase(), bold: true, break: 1 })],
  });
}

/** "A.  Latar Belakang" as Heading 2, its words aligned with the text below it. */
export function sectionHeading(letter: string, title: string): Paragraph {
  return new Paragraph({
    heading: HeadingLevel.HEADING_2,
    keepNext: true,
    indent: { left: SECTION_INDENT, hanging: SECTION_INDENT },
    tabStops: [{ type: 'left', position: SECTION_INDENT }],
    spacing: { before: 240, after: 120, line: LINE_15 },
    children: [new TextRun({ text: `${letter}.`, bold: true }), new TextRun({ children: [new Tab(), title], bold: true })],
  });
}

/** A justified body paragraph under a section (`indent`: where the section's text starts). */
export function bodyParagraph(text: string, indent = SECTION_INDENT, opts: { keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { left: indent, firstLine: FIRST_LINE },
    spacing: { after: 120, line: LINE_15 },
    keepNext: opts.keepNext,
    children: [new TextRun(text)],
  });
}

/** A labelled item ("a. …", "1. …") with its text hanging after the label. */
export function itemParagraph(label: string, text: string, indent = SECTION_INDENT): Paragraph {
  const left = indent + ITEM_HANGING;
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { left, hanging: ITEM_HANGING },
    tabStops: [{ type: 'left', position: left }],
    spacing: { after: 80, line: LINE_15 },
    children: [new TextRun(label), new TextRun({ children: [new Tab(), text] })],
  });
}

/**
 * The team's text as paragraphs: each line a paragraph; a line starting with "a." or "1." an item with its label
 * hanging. An introduction ending in ":" is kept with the first item.
 */
export function textParagraphs(text: string, indent = SECTION_INDENT): Paragraph[] {
  const lines = paragraphsOf(text);
  return lines.map((line, i) => {
    const item = listItemOf(line);
    if (item) return itemParagraph(item.label, item.text, indent);
    return bodyParagraph(line, indent, { keepNext: line.endsWith(':') && lines[i + 1] !== undefined });
  });
}

/** A caption ("Tabel 2.1 …" above a table, "Gambar 2.1 …" below a figure), centred and bold. */
export function caption(text: string, opts: { keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: opts.keepNext ?? true,
    spacing: { before: 200, after: 120 },
    children: [new TextRun({ text, bold: true, size: 22 })],
  });
}

/** A small note under a table or figure (its source, how to read it). */
export function note(text: string, indent = SECTION_INDENT): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { left: indent },
    spacing: { before: 60, after: 200 },
    children: [new TextRun({ text, italics: true, size: 20 })],
  });
}

export type CellAlign = 'left' | 'center' | 'right';
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
export const TABLE_BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };
export const GROUP_FILL = 'F2F2F2';

export interface CellOptions {
  align: CellAlign;
  bold?: boolean;
  header?: boolean;
  /** Shading of a group row (a header is always shaded). */
  fill?: string;
  columnSpan?: number;
  rowSpan?: number;
  /** Half-points; the table size (10 pt) when left out. */
  size?: number;
  /** Keep with the next row on the page (see SHORT_TABLE_ROWS). */
  keepNext?: boolean;
}

/** A bordered table's cell: each line of `text` a paragraph; a header centred, bold and shaded. */
export function tableCell(text: string, width: number, opts: CellOptions): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: opts.header ? VerticalAlign.CENTER : VerticalAlign.TOP,
    shading: opts.header || opts.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: opts.fill ?? HEADER_FILL } : undefined,
    margins: { top: 40, bottom: 40, left: 60, right: 60 },
    columnSpan: opts.columnSpan,
    rowSpan: opts.rowSpan,
    children: text.split('\n').map((line) => new Paragraph({
      alignment: ALIGN[opts.header ? 'center' : opts.align],
      keepNext: opts.keepNext || undefined,
      children: [new TextRun({ text: line, bold: opts.bold || opts.header, size: opts.size ?? TABLE_SIZE })],
    })),
  });
}

export interface TableSpec {
  /** Relative column widths. */
  widths: number[];
  header: string[];
  rows: string[][];
  align: CellAlign[];
  /** Rows (0-based) printed bold, e.g. a total. */
  boldRows?: number[];
  /** Width in twips (the text width under a section). */
  width: number;
  indent?: number;
}

/**
 * A table of at most this many rows is kept on one page (each row kept with the next), so a short table never leaves
 * its header and first row at the foot of a page; a longer one may break between rows, its header repeated.
 */
export const SHORT_TABLE_ROWS = 12;

/** A bordered table with a header row repeated on every page; rows never split across pages, short tables never break. */
export function dataTable(spec: TableSpec): Table {
  return new Table(tableOptions(spec));
}

/** A table and a little space after it, so the text that follows does not touch its bottom border. */
export function spacedTable(spec: TableSpec): [Table, Paragraph] {
  return [dataTable(spec), new Paragraph({ spacing: { after: 160 }, children: [new TextRun({ text: '', size: 12 })] })];
}

function tableOptions(spec: TableSpec): ConstructorParameters<typeof Table>[0] {
  const total = spec.widths.reduce((s, w) => s + w, 0);
  const columns = spec.widths.map((w) => Math.floor((w / total) * spec.width));
  const short = spec.rows.length <= SHORT_TABLE_ROWS;
  const row = (texts: string[], opts: { header?: boolean; bold?: boolean; last?: boolean }) =>
    new TableRow({
      tableHeader: opts.header,
      cantSplit: true,
      children: texts.map((t, i) => tableCell(t, columns[i] ?? 0, { align: spec.align[i] ?? 'left', bold: opts.bold, header: opts.header, keepNext: short && !opts.last })),
    });
  return {
    width: { size: columns.reduce((s, w) => s + w, 0), type: WidthType.DXA },
    columnWidths: columns,
    layout: TableLayoutType.FIXED,
    indent: spec.indent ? { size: spec.indent, type: WidthType.DXA } : undefined,
    borders: TABLE_BORDERS,
    rows: [row(spec.header, { header: true, last: spec.rows.length === 0 }), ...spec.rows.map((r, i) => row(r, { bold: spec.boldRows?.includes(i), last: i === spec.rows.length - 1 }))],
  };
}
