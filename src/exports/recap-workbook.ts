import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Instrument } from '../instrument/instrument.schemas';
import { effectiveLevel, scoreUnit } from '../scoring/scoring';
import type { RecapAnswer, RecapEvidence } from './exports.repo';
import { estimateRowHeight, FONT, HEADER_FILL, SCORE_FORMAT, THIN_BORDER } from './workbook-style';

export interface RecapUnit {
  assessmentId: number | null;
  code: string;
  name: string;
  groupLabel: string;
  statusLabel: string;
}

export interface RecapSource {
  periodName: string;
  instrument: Instrument;
  units: RecapUnit[];
  answersOf: (assessmentId: number) => Record<string, RecapAnswer>;
  evidenceOf: (assessmentId: number) => Record<string, RecapEvidence[]>;
  /** Rows per sheet including the header (Excel's limit unless a test asks for less). */
  maxRowsPerSheet?: number;
}

/** Unit note, verifier note and evidence: the columns that may need more than one line. */
const WRAPPED = [10, 12, 15];
const WRAP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };
/** Height of a one-line row in the default font (Calibri 11). */
const SINGLE_LINE = estimateRowHeight([], 11);

/** Excel's largest sheet: 1 048 576 rows. Answers beyond it continue on "Jawaban (2)", "Jawaban (3)", … */
export const EXCEL_MAX_ROWS = 1_048_576;

const UNIT_COLUMNS = [
  { header: 'Kode unit', width: 16 },
  { header: 'Unit', width: 40 },
  { header: 'Kelompok', width: 17 },
  { header: 'Status penilaian', width: 16 },
  { header: 'Kelengkapan (%)', width: 14 },
  { header: 'Indeks', width: 10 },
  { header: 'Kategori', width: 13 },
];

const ANSWER_COLUMNS = [
  { header: 'Kode unit', width: 16 },
  { header: 'Unit', width: 34 },
  { header: 'Kelompok', width: 17 },
  { header: 'Status penilaian', width: 15 },
  { header: 'Aspek', width: 30 },
  { header: 'Kode indikator', width: 10 },
  { header: 'Indikator', width: 44 },
  { header: 'Level mandiri', width: 10 },
  { header: 'Tidak berlaku', width: 10 },
  { header: 'Catatan unit', width: 44 },
  { header: 'Level verifikasi', width: 11 },
  { header: 'Catatan verifikator', width: 40 },
  { header: 'Level dipakai', width: 10 },
  { header: 'Jumlah bukti dukung', width: 10 },
  { header: 'Bukti dukung (tautan / nama berkas)', width: 60 },
];

/**
 * NOTE: exceljs's WorksheetWriter pushes committed rows into the zip entry without backpressure: when rows are made
 * faster than they are deflated, the entry's buffer grows by the whole sheet (100 MB for 300 000 answers). So every
 * so many rows the writer waits until that buffer is below a few megabytes and the response is not full. The buffer
 * is read from exceljs internals; if they change, the wait simply stops applying (the export still works).
 */
const DRAIN_EVERY = 200;
const MAX_PENDING_BYTES = 4 * 1024 * 1024;

type InternalSheetStream = { stream?: { pipes?: { _writableState?: { length?: number } }[] } };

/** Bytes committed to a sheet but not yet taken by the zip compressor. */
function pendingBytes(ws: ExcelJS.Worksheet): number {
  return (ws as unknown as InternalSheetStream).stream?.pipes?.[0]?._writableState?.length ?? 0;
}

function startSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, columns: { header: string; width: number }[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }], pageSetup: { orientation: 'landscape', paperSize: 9 as ExcelJS.PaperSize, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  const head = ws.getRow(1);
  head.eachCell((cell) => {
    cell.font = { name: FONT, size: 10, bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.border = THIN_BORDER;
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  });
  head.height = 30;
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  head.commit();
  return ws;
}

async function drain(stream: Writable, ws: ExcelJS.Worksheet, n: number): Promise<void> {
  if (n % DRAIN_EVERY !== 0) return;
  await new Promise((resolve) => setImmediate(resolve));
  while (pendingBytes(ws) > MAX_PENDING_BYTES) await new Promise((resolve) => setTimeout(resolve, 2));
  if (stream.writableNeedDrain) await once(stream, 'drain');
}

/**
 * Streams the assessment recap for the FGD facilitators: sheet "Unit" (completeness, index, category per unit) and
 * sheet "Jawaban" (every unit × indicator: self and verified level, notes, evidence links and file names; continued
 * on further sheets past Excel's row limit). Rows are committed as they are written (exceljs WorkbookWriter),
 * reading one assessment at a time.
 */
export async function writeAssessmentRecap(stream: Writable, src: RecapSource): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  wb.creator = 'SP4N-LAPOR! Penilaian Mandiri';
  wb.title = `Rekap Penilaian Mandiri – ${src.periodName}`;
  const indicators = src.instrument.aspects.flatMap((a) => a.indicators.map((ind) => ({ ind, aspect: `${a.code}. ${a.name}` })));

  const units = startSheet(wb, 'Unit', UNIT_COLUMNS);
  let n = 0;
  for (const u of src.units) {
    const score = scoreUnit(src.instrument, u.assessmentId === null ? {} : src.answersOf(u.assessmentId), 'verified');
    const row = units.addRow([u.code, u.name, u.groupLabel, u.statusLabel, score.completeness, score.index, score.category ?? 'Belum lengkap']);
    row.getCell(5).numFmt = SCORE_FORMAT;
    row.getCell(6).numFmt = SCORE_FORMAT;
    row.commit();
    await drain(stream, units, ++n);
  }
  units.commit();

  const maxRows = src.maxRowsPerSheet ?? EXCEL_MAX_ROWS;
  let part = 1;
  let answers = startSheet(wb, 'Jawaban', ANSWER_COLUMNS);
  let rowsInSheet = 1;
  for (const u of src.units) {
    const given = u.assessmentId === null ? {} : src.answersOf(u.assessmentId);
    const evidence = u.assessmentId === null ? {} : src.evidenceOf(u.assessmentId);
    for (const { ind, aspect } of indicators) {
      if (rowsInSheet >= maxRows) {
        answers.commit();
        answers = startSheet(wb, `Jawaban (${++part})`, ANSWER_COLUMNS);
        rowsInSheet = 1;
      }
      rowsInSheet++;
      const a = given[ind.code];
      const used = effectiveLevel(a, 'verified');
      const files = evidence[ind.code] ?? [];
      const row = answers.addRow([
        u.code, u.name, u.groupLabel, u.statusLabel, aspect, ind.code, ind.title,
        a?.level ?? null, a?.isNa ? 'Ya' : null, a?.note || null, a?.verifiedLevel ?? null, a?.verifierNote || null,
        used === 'na' ? 'Tidak berlaku' : used, files.length, files.map((f) => (f.kind === 'file' ? `Berkas: ${f.text}` : f.text)).join('\n') || null,
      ]);
      const tall = estimateRowHeight(WRAPPED.map((c) => ({ text: String(row.getCell(c).value ?? ''), width: ANSWER_COLUMNS[c - 1]?.width ?? 10 })), 11);
      if (tall > SINGLE_LINE) {
        for (const c of WRAPPED) row.getCell(c).alignment = WRAP;
        row.height = tall;
      }
      row.commit();
      await drain(stream, answers, ++n);
    }
  }
  answers.commit();
  await wb.commit();
}
