import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Instrument } from '../instrument';
import { addTitle, fitRowHeight, styleCell, styleHeader, GROUP_FILL } from '../shared/workbook-style';

/** Marks a workbook as this application's offline questionnaire (bump when the layout changes). */
export const QUESTIONNAIRE_FORMAT = 'sp4n-kuesioner-luring-1';
export const QUESTIONNAIRE_SHEET = 'Kuesioner';
export const META_SHEET = 'Metadata';
/** The value written for "tidak berlaku" in the Level column. */
export const NA_TOKEN = 'TB';

export const COLUMN_HEADERS = {
  code: 'Kode',
  level: 'Tingkat (isian)',
  note: 'Penjelasan (isian)',
  link: 'Tautan bukti dukung baru (isian)',
} as const;

/** The Level column's title in questionnaires downloaded before the wording became "tingkat"; still read. */
export const LEGACY_LEVEL_HEADER = 'Level (isian)';

export interface OfflineAnswer {
  level: number | null;
  isNa: boolean;
  note: string;
}

export interface QuestionnaireDocument {
  periodId: number;
  periodName: string;
  unitId: number;
  unitCode: string;
  unitName: string;
  instrument: Instrument;
  answers: Record<string, OfflineAnswer | undefined>;
  /** Evidence already stored, one short text per item, by indicator code. */
  evidence: Record<string, string[]>;
  /** ISO time of the download; "27 November 2026 pukul 18.05" for people. */
  generatedAt: string;
  generatedLabel: string;
}

/** The Level cell's text for an answer: "3", "TB" or "" (unanswered). */
export function levelCellText(a: OfflineAnswer | undefined): string {
  if (!a) return '';
  if (a.isNa) return NA_TOKEN;
  return a.level === null ? '' : String(a.level);
}

/** Short fingerprint of a note, so the workbook can carry the answer as downloaded without repeating long text. */
export function noteDigest(note: string): string {
  return crypto.createHash('sha256').update(note.replace(/\r\n/g, '\n').trim()).digest('hex').slice(0, 16);
}

const HEADERS = [
  COLUMN_HEADERS.code, 'Aspek', 'Indikator dan pertanyaan', 'Kriteria tingkat 0', 'Kriteria tingkat 1', 'Kriteria tingkat 2',
  'Kriteria tingkat 3', 'Kriteria tingkat 4', 'Bukti dukung yang diharapkan', 'Bukti dukung tersimpan',
  COLUMN_HEADERS.level, COLUMN_HEADERS.note, COLUMN_HEADERS.link,
];
const WIDTHS = [8, 22, 40, 24, 24, 24, 24, 24, 30, 30, 12, 44, 36];
export const HEADER_ROW = 5;
const INPUT_FILL = 'FFFFF8E1';

function addMeta(wb: ExcelJS.Workbook, d: QuestionnaireDocument): void {
  const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  const facts: [string, string | number][] = [
    ['format', QUESTIONNAIRE_FORMAT],
    ['periodId', d.periodId],
    ['periodName', d.periodName],
    ['unitId', d.unitId],
    ['unitCode', d.unitCode],
    ['instrumentCode', d.instrument.code],
    ['instrumentVersion', d.instrument.version],
    ['generatedAt', d.generatedAt],
  ];
  facts.forEach(([k, v], i) => {
    meta.getCell(i + 1, 1).value = k;
    meta.getCell(i + 1, 2).value = v;
  });
  // The answers as downloaded (level text and note digest), to tell offline edits from newer online edits.
  meta.getCell(10, 1).value = 'asal';
  d.instrument.aspects.flatMap((a) => a.indicators).forEach((ind, i) => {
    const a = d.answers[ind.code];
    meta.getCell(11 + i, 1).value = ind.code;
    meta.getCell(11 + i, 2).value = levelCellText(a);
    meta.getCell(11 + i, 3).value = noteDigest(a?.note ?? '');
  });
}

/**
 * The per-unit offline questionnaire: one row per indicator with the criteria visible, a Level drop-down
 * (0–4, and TB where the instrument allows "tidak berlaku"), Penjelasan and a new evidence link; the sheet is
 * protected so only those three input columns can be edited. Hidden metadata ties the file to its period and unit.
 */
export async function buildQuestionnaireWorkbook(d: QuestionnaireDocument): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'SP4N-LAPOR! Penilaian Mandiri';
  const ws = wb.addWorksheet(QUESTIONNAIRE_SHEET, {
    pageSetup: { orientation: 'landscape', paperSize: 9 as ExcelJS.PaperSize, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}` },
  });
  ws.columns = WIDTHS.map((width) => ({ width }));
  addTitle(ws, 1, HEADERS.length, `Kuesioner Penilaian Mandiri SP4N-LAPOR! – ${d.unitName} (${d.unitCode})`);
  ws.mergeCells(2, 1, 2, HEADERS.length);
  ws.getCell(2, 1).value = `${d.periodName} · Instrumen ${d.instrument.code} versi ${d.instrument.version} · diunduh ${d.generatedLabel}`;
  ws.mergeCells(3, 1, 3, HEADERS.length);
  ws.getCell(3, 1).value =
    'Isi kolom berwarna kuning: Tingkat (pilih 0–4, atau TB = tidak berlaku bila tersedia), Penjelasan (fakta dan analisis terhadap tingkat yang dipilih) dan Tautan bukti dukung baru (diawali https://). Kolom lain terkunci. Simpan lalu unggah kembali berkas ini di aplikasi; jangan mengubah nama lembar.';
  ws.getCell(3, 1).alignment = { wrapText: true, vertical: 'top' };
  ws.getRow(3).height = 45;
  HEADERS.forEach((h, i) => {
    const cell = ws.getCell(HEADER_ROW, i + 1);
    cell.value = h;
    styleHeader(cell);
  });
  fitRowHeight(ws.getRow(HEADER_ROW), WIDTHS);
  let row = HEADER_ROW + 1;
  for (const aspect of d.instrument.aspects) {
    for (const ind of aspect.indicators) {
      const a = d.answers[ind.code];
      const level = levelCellText(a);
      const values: ExcelJS.CellValue[] = [
        ind.code, `${aspect.code}. ${aspect.name}`, `${ind.title}\n${ind.question}`, ...ind.levels,
        ind.evidence, (d.evidence[ind.code] ?? []).join('\n') || '–',
        level === '' ? null : level === NA_TOKEN ? NA_TOKEN : Number(level), a?.note || null, null,
      ];
      values.forEach((v, ci) => {
        const cell = ws.getCell(row, ci + 1);
        cell.value = v;
        const input = ci >= 10;
        styleCell(cell, { fill: input ? INPUT_FILL : ci === 0 ? GROUP_FILL : undefined, align: ci === 10 ? 'center' : 'left' });
        if (input) cell.protection = { locked: false };
      });
      fitRowHeight(ws.getRow(row), WIDTHS);
      const allowed = ind.allowNa ? `0,1,2,3,4,${NA_TOKEN}` : '0,1,2,3,4';
      ws.getCell(row, 11).dataValidation = {
        type: 'list', allowBlank: true, formulae: [`"${allowed}"`], showErrorMessage: true, errorStyle: 'stop',
        errorTitle: 'Tingkat tidak valid', error: `Pilih salah satu: ${allowed.replace(/,/g, ', ')}.`,
        showInputMessage: true, promptTitle: `Tingkat ${ind.code}`, prompt: ind.allowNa ? '0–4, atau TB bila tidak berlaku' : 'Pilih tingkat 0–4',
      };
      row++;
    }
  }
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: HEADER_ROW }];
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  addMeta(wb, d);
  return wb;
}
