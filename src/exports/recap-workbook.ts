import type { Writable } from 'node:stream';
import type { Instrument } from '../instrument';
import { effectiveLevel, scoreUnit, uncountedParts } from '../scoring';
import { formatDateTime, formatInt } from '../shared/format';
import type { RecapAnswer, RecapEvidence } from './exports.repo';
import { estimateRowHeight, FONT, HEADER_FILL, PAPERS, PERCENT_FORMAT, SCORE_FORMAT, type PaperKind } from '../shared/workbook-style';
import { MAX_SHEET_ROWS, type CellValue, type SharedString, type SheetLayout, type SheetWriter } from '../shared/xlsx-stream/sheet-writer';
import { createStyleSheet } from '../shared/xlsx-stream/style-sheet';
import { startWorkbook, type WorkbookWriter } from '../shared/xlsx-stream/workbook-writer';

export interface RecapUnit {
  assessmentId: number | null;
  code: string;
  name: string;
  groupLabel: string;
  statusLabel: string;
  /** Submitted or verified: the unit's index counts in the kabupaten figures once it is complete. */
  included: boolean;
}

export interface RecapSource {
  periodName: string;
  /** "Kabupaten Kutai Timur", under the title. */
  regionName: string;
  /** When the recap was made: the title says the figures are as of then. */
  generatedAt: Date;
  /** Printed landscape on A4 or F4 (folio). */
  paper: PaperKind;
  instrument: Instrument;
  /** Every unit of the period in the official order; the recap keeps it. */
  units: RecapUnit[];
  answersOf: (assessmentId: number) => Record<string, RecapAnswer>;
  evidenceOf: (assessmentId: number) => Record<string, RecapEvidence[]>;
  /** Rows per sheet including the title and header rows (Excel's limit unless a test asks for less). */
  maxRowsPerSheet?: number;
}

/** Unit note, verifier note and evidence (0-based columns): the ones that may need more than one line. */
const WRAPPED = [9, 11, 14];
/** Height of a one-line row in the default font (Calibri 11). */
const SINGLE_LINE = estimateRowHeight([], 11);
const HEADER_HEIGHT = 30;
/** Rows 1–2: the title and the line under it; row 3: the column headers (frozen, filtered, repeated in print). */
const HEADER_ROW = 3;
const TITLE_HEIGHT = 22;

/** Excel's largest sheet: 1 048 576 rows. Answers beyond it continue on "Jawaban (2)", "Jawaban (3)", … */
export const EXCEL_MAX_ROWS = MAX_SHEET_ROWS;

/** Wide enough for Kutai Timur's longest code (PD-DISKOMINFO-STAPER) and name (58 characters) on F4 at 100 %. */
const UNIT_COLUMNS = [
  { header: 'No.', width: 6 },
  { header: 'Kode unit', width: 22 },
  { header: 'Unit', width: 56 },
  { header: 'Kelompok', width: 17 },
  { header: 'Status penilaian', width: 16 },
  { header: 'Kelengkapan (%)', width: 14 },
  { header: 'Indeks', width: 10 },
  { header: 'Kategori', width: 15 },
];

const ANSWER_COLUMNS = [
  { header: 'Kode unit', width: 16 },
  { header: 'Unit', width: 34 },
  { header: 'Kelompok', width: 17 },
  { header: 'Status penilaian', width: 15 },
  { header: 'Aspek', width: 30 },
  { header: 'Kode indikator', width: 10 },
  { header: 'Indikator', width: 44 },
  { header: 'Tingkat mandiri', width: 10 },
  { header: 'Tidak berlaku', width: 10 },
  { header: 'Catatan unit', width: 44 },
  { header: 'Tingkat verifikasi', width: 11 },
  { header: 'Catatan verifikator', width: 40 },
  { header: 'Tingkat dipakai', width: 10 },
  { header: 'Jumlah bukti dukung', width: 10 },
  { header: 'Bukti dukung (tautan / nama berkas)', width: 60 },
];

/** What the "Unit" sheet shows of a unit's score, kept while its answers stream out. */
interface UnitSummary {
  completeness: number;
  index: number | null;
  category: string | null;
}

/** The recap's looks, from the one workbook style (workbook-style.ts). */
function recapStyles() {
  const sheet = createStyleSheet();
  return {
    sheet,
    title: sheet.add({ font: { name: FONT, size: 14, bold: true }, alignment: { vertical: 'center' } }),
    subtitle: sheet.add({ font: { name: FONT, size: 10 } }),
    header: sheet.add({ font: { name: FONT, size: 10, bold: true }, fill: HEADER_FILL, border: 'thin', alignment: { horizontal: 'center', vertical: 'center', wrapText: true } }),
    score: sheet.add({ numFmt: SCORE_FORMAT }),
    percent: sheet.add({ numFmt: PERCENT_FORMAT }),
    wrap: sheet.add({ alignment: { vertical: 'top', wrapText: true } }),
  };
}

/** Text for an Excel header/footer: '&' starts a code there, so a literal one is doubled. */
const footerText = (s: string) => s.replace(/&/g, '&&');

/**
 * A recap sheet: title rows above a frozen, filtered header that printing repeats on every page; landscape on the
 * chosen paper, all columns across one page; the footer names the period and sheet and numbers the pages.
 */
function layout(src: RecapSource, name: string, columns: { width: number }[]): SheetLayout {
  return {
    name, columns, frozenRows: HEADER_ROW, headerRow: HEADER_ROW, autoFilter: true,
    page: {
      orientation: 'landscape', paperSize: PAPERS[src.paper].code, fitToWidth: true, printTitles: true,
      // NOTE: each sheet is numbered from its own page 1: "dari &N" would count the pages of the whole workbook in
      // LibreOffice ("Halaman 1 dari 29" on the two-page Rekap), as on the Renaksi workbook's recap sheets.
      firstPageNumber: 1,
      footer: `&L&"Arial"&8${footerText(src.periodName)} – &A&R&"Arial"&8Halaman &P`,
    },
  };
}

/**
 * The texts every row repeats (unit code, name, group and status; aspect, indicator code and title; "Ya",
 * "Tidak berlaku") go once into the workbook's shared strings; cells point at them.
 */
function sharedTexts(src: RecapSource) {
  const table: string[] = [];
  const seen = new Map<string, SharedString>();
  const ref = (text: string): SharedString => {
    let r = seen.get(text);
    if (!r) seen.set(text, (r = { sst: table.push(text) - 1 }));
    return r;
  };
  const indicators = src.instrument.aspects.flatMap((a) => a.indicators.map((ind) => ({ aspect: ref(`${a.code}. ${a.name}`), code: ref(ind.code), title: ref(ind.title), key: ind.code })));
  const units = src.units.map((u) => [ref(u.code), ref(u.name), ref(u.groupLabel), ref(u.statusLabel)] as const);
  return { table, indicators, units, yes: ref('Ya'), na: ref('Tidak berlaku') };
}
type SharedTexts = ReturnType<typeof sharedTexts>;
type UnitTexts = SharedTexts['units'][number];
type IndicatorTexts = SharedTexts['indicators'][number];

/** One answer row: the unit's columns, the indicator, both levels and notes, the level used and the evidence. */
function answerRow(t: SharedTexts, unit: UnitTexts, ind: IndicatorTexts, a: RecapAnswer | undefined, files: RecapEvidence[]): CellValue[] {
  const used = effectiveLevel(a, 'verified');
  return [
    ...unit, ind.aspect, ind.code, ind.title,
    a?.level ?? null, a?.isNa ? t.yes : null, a?.note || null, a?.verifiedLevel ?? null, a?.verifierNote || null,
    used === 'na' ? t.na : used, files.length, files.map((f) => (f.kind === 'file' ? `Berkas: ${f.text}` : f.text)).join('\n') || null,
  ];
}

type Styles = ReturnType<typeof recapStyles>;

/** Opens a sheet with its title, the line under it, and the header row. */
async function startSheet(book: WorkbookWriter, styles: Styles, index: number, columns: { header: string }[], title: [string, string]): Promise<SheetWriter> {
  const sheet = book.sheet(index);
  await sheet.addRow([title[0]], { styles: styles.title, height: TITLE_HEIGHT });
  await sheet.addRow([title[1]], { styles: styles.subtitle });
  await sheet.addRow(columns.map((c) => c.header), { styles: styles.header, height: HEADER_HEIGHT });
  return sheet;
}

/** "Kabupaten Kutai Timur · keadaan 29 November 2026 pukul 18.05 WITA". */
const asOf = (src: RecapSource) => `${src.regionName} · keadaan ${formatDateTime(src.generatedAt.toISOString())} WITA`;

const answersTitle = (src: RecapSource): [string, string] => [
  `Jawaban per Indikator – ${src.periodName}`,
  `${asOf(src)} · tingkat dipakai = tingkat hasil verifikasi bila ada, selain itu tingkat mandiri`,
];

/** The Unit sheet's title: how many units the kabupaten figures rest on, of every unit, and why the rest do not. */
function unitsTitle(src: RecapSource, scores: UnitSummary[]): [string, string] {
  const counted = src.units.filter((u, i) => u.included && scores[i]?.index != null).length;
  const notSubmitted = src.units.filter((u) => !u.included).length;
  const left = uncountedParts({ total: src.units.length, notSubmitted, incomplete: src.units.length - counted - notSubmitted });
  return [
    `Rekap Penilaian per Unit – ${src.periodName}`,
    `${asOf(src)} · ${formatInt(counted)} dari ${formatInt(src.units.length)} unit dihitung dalam indeks kabupaten (diajukan atau diverifikasi dan lengkap)`
      + (left.length > 0 ? `; tidak dihitung: ${left.join(', ')}` : ''),
  ];
}

/**
 * Sheets "Jawaban", "Jawaban (2)", …: one row per unit × indicator, each assessment read once. Returns what the
 * "Unit" sheet needs of each unit's score.
 */
async function writeAnswerSheets(book: WorkbookWriter, styles: Styles, texts: SharedTexts, src: RecapSource, perSheet: number): Promise<UnitSummary[]> {
  const wrapStyles = ANSWER_COLUMNS.map((_, i) => (WRAPPED.includes(i) ? styles.wrap : undefined));
  const summary = (answers: Record<string, RecapAnswer>): UnitSummary => {
    const { completeness, index, category } = scoreUnit(src.instrument, answers, 'verified');
    return { completeness, index, category };
  };
  const noAssessment = summary({});
  const scores: UnitSummary[] = [];
  let part = 1;
  const title = answersTitle(src);
  let sheet = await startSheet(book, styles, part, ANSWER_COLUMNS, title);
  let rowsInSheet = 0;
  for (const [i, u] of src.units.entries()) {
    const unitTexts = texts.units[i] as UnitTexts;
    const given = u.assessmentId === null ? {} : src.answersOf(u.assessmentId);
    const evidence = u.assessmentId === null ? {} : src.evidenceOf(u.assessmentId);
    scores.push(u.assessmentId === null ? noAssessment : summary(given));
    for (const ind of texts.indicators) {
      if (rowsInSheet === perSheet) {
        await sheet.end();
        sheet = await startSheet(book, styles, ++part, ANSWER_COLUMNS, title);
        rowsInSheet = 0;
      }
      rowsInSheet++;
      const values = answerRow(texts, unitTexts, ind, given[ind.key], evidence[ind.key] ?? []);
      const tall = estimateRowHeight(WRAPPED.map((c) => ({ text: String(values[c] ?? ''), width: ANSWER_COLUMNS[c]?.width ?? 10 })), 11);
      await sheet.addRow(values, tall > SINGLE_LINE ? { styles: wrapStyles, height: tall } : undefined);
    }
  }
  await sheet.end();
  return scores;
}

/**
 * Streams the assessment recap for the FGD, a handout as well as an analyst's file: sheet "Unit" (every unit in the
 * official order with completeness, index and category, under a title with the period, the date and how many units
 * the kabupaten figures rest on) and sheet "Jawaban" (every unit × indicator: self and verified level, notes,
 * evidence links and file names; continued on further sheets past Excel's row limit). Both print landscape on A4
 * or F4 with the header repeated on every page and page numbers in the footer.
 *
 * NOTE: exceljs's streaming writer spent most of the national export (105 s for 900 000 rows) building and
 * serialising a style object per cell; here rows are XML strings (xlsx-stream/) and the texts every row repeats are
 * shared strings. Each assessment is read once: its answer rows stream out while its score is kept (three numbers
 * per unit), and the "Unit" sheet, first in the workbook, is written last into the file.
 */
export async function writeAssessmentRecap(stream: Writable, src: RecapSource): Promise<void> {
  const texts = sharedTexts(src);
  const perSheet = (src.maxRowsPerSheet ?? EXCEL_MAX_ROWS) - HEADER_ROW;
  const answerSheets = Math.max(1, Math.ceil((src.units.length * texts.indicators.length) / perSheet));
  const styles = recapStyles();
  const book = await startWorkbook(stream, {
    creator: 'SP4N-LAPOR! Penilaian Mandiri',
    title: `Rekap Penilaian Mandiri – ${src.periodName}`,
    sheets: [layout(src, 'Unit', UNIT_COLUMNS), ...Array.from({ length: answerSheets }, (_, i) => layout(src, i === 0 ? 'Jawaban' : `Jawaban (${i + 1})`, ANSWER_COLUMNS))],
    styles: styles.sheet,
    sharedStrings: texts.table,
  });
  const scores = await writeAnswerSheets(book, styles, texts, src, perSheet);

  const units = await startSheet(book, styles, 0, UNIT_COLUMNS, unitsTitle(src, scores));
  const scoreStyles = [undefined, undefined, undefined, undefined, undefined, styles.percent, styles.score];
  for (const [i, unitTexts] of texts.units.entries()) {
    const score = scores[i] as UnitSummary;
    // A unit that has not submitted shows no index: its draft is not part of the kabupaten figures.
    const included = src.units[i]?.included ?? false;
    const category = !included ? 'Belum diajukan' : score.category ?? 'Belum lengkap';
    await units.addRow([i + 1, ...unitTexts, score.completeness, included ? score.index : null, category], { styles: scoreStyles });
  }
  await units.end();
  await book.finish();
}
