import type { AssessmentStatus } from '../shared/assessment-status';
import { type AnswerInput, NOTE_MAX, URL_MAX } from '../assessments';
import type { Instrument } from '../instrument';
import { formatInt, STATUS_LABELS } from '../shared/format';
import type { SheetLine, WorkbookMeta } from './questionnaire-read';
import { levelCellText, NA_TOKEN, noteDigest, type OfflineAnswer } from './questionnaire-workbook';

export type LineStatus = 'diambil' | 'tidak berubah' | 'ditolak';

export interface ReportLine {
  row: number;
  code: string;
  status: LineStatus;
  message: string;
}

export interface CheckInput {
  meta: WorkbookMeta;
  lines: SheetLine[];
  period: { id: number; name: string };
  unit: { id: number; code: string; name: string };
  instrument: Instrument;
  /** null: the unit has not started this period. */
  status: AssessmentStatus | null;
  answers: Record<string, OfflineAnswer | undefined>;
  /** Evidence link URLs already stored, by indicator code. */
  links: Record<string, string[]>;
}

export interface CheckResult {
  /** A problem with the whole file (another unit or period, locked assessment…): nothing is looked at further. */
  fileError: string | null;
  lines: ReportLine[];
  /** The answers to save when the file is valid (changed answers and new links only). */
  inputs: AnswerInput[];
  valid: boolean;
}

const LOCKED: ReadonlySet<AssessmentStatus> = new Set(['diajukan', 'diverifikasi']);
const LINK_PATTERN = /^https?:\/\/[^\s]+\.[^\s]+$/i;

const cleanNote = (s: string) => s.replace(/\r\n/g, '\n').trim();
const describeLevel = (t: string) => (t === '' ? 'kosong' : t === NA_TOKEN ? 'tidak berlaku' : `Tingkat ${t}`);

/** "3", "TB", "tidak berlaku", "" → the canonical Level text, or null when it is not a level at all. */
export function normalizeLevel(raw: string): string | null {
  const t = raw.trim().toLowerCase();
  if (t === '') return '';
  if (/^[0-4](\.0+)?$/.test(t)) return t.slice(0, 1);
  if (t === 'tb' || t === 'tidak berlaku' || t === 'na') return NA_TOKEN;
  return null;
}

function fileProblem(i: CheckInput): string | null {
  const { meta } = i;
  if (meta.periodId !== i.period.id) return `Berkas ini untuk periode lain ("${meta.periodName}"), bukan ${i.period.name}. Tidak ada jawaban yang diterapkan.`;
  if (meta.unitCode !== i.unit.code && meta.unitId !== i.unit.id) return `Berkas ini milik unit lain (kode ${meta.unitCode}), bukan ${i.unit.name}. Tidak ada jawaban yang diterapkan.`;
  if (meta.instrumentCode !== i.instrument.code || meta.instrumentVersion !== i.instrument.version) {
    return `Berkas memakai instrumen versi ${meta.instrumentVersion}, sedangkan periode ini memakai versi ${i.instrument.version}. Unduh ulang kuesioner.`;
  }
  if (i.status && LOCKED.has(i.status)) return `Penilaian unit ini berstatus ${STATUS_LABELS[i.status]} sehingga terkunci; tidak ada jawaban yang diterapkan.`;
  return null;
}

/**
 * Checks an uploaded offline questionnaire against the unit's answers now, line by line: taken (diambil), unchanged
 * (tidak berubah), or refused (ditolak) with the reason. A line edited offline whose answer was also changed online
 * after the download is refused rather than overwriting the newer answer. The file is valid only with no refusal.
 */
export function checkQuestionnaire(i: CheckInput): CheckResult {
  const fileError = fileProblem(i);
  if (fileError) return { fileError, lines: [], inputs: [], valid: false };
  const indicators = new Map(i.instrument.aspects.flatMap((a) => a.indicators).map((ind) => [ind.code, ind]));
  const seen = new Map<string, number>();
  const lines: ReportLine[] = [];
  const inputs: AnswerInput[] = [];
  for (const l of i.lines) {
    const code = l.code.toUpperCase();
    const refuse = (message: string) => lines.push({ row: l.row, code: code || '–', status: 'ditolak', message });
    const ind = indicators.get(code);
    const level = normalizeLevel(l.level);
    const note = cleanNote(l.note);
    if (code === '') { refuse('kode indikator kosong'); continue; }
    if (!ind) { refuse(`indikator "${l.code}" tidak dikenal pada instrumen ini`); continue; }
    if (seen.has(code)) { refuse(`indikator ganda (juga di baris ${seen.get(code)})`); continue; }
    seen.set(code, l.row);
    if (level === null) { refuse(`tingkat "${l.level}" di luar rentang (isi 0, 1, 2, 3, 4${ind.allowNa ? ' atau TB' : ''})`); continue; }
    if (level === NA_TOKEN && !ind.allowNa) { refuse('"tidak berlaku" (TB) tidak tersedia untuk indikator ini'); continue; }
    if (note.length > NOTE_MAX) { refuse(`penjelasan lebih dari ${formatInt(NOTE_MAX)} karakter`); continue; }
    if (l.link !== '' && (l.link.length > URL_MAX || !LINK_PATTERN.test(l.link))) { refuse('tautan bukti dukung harus diawali http:// atau https://'); continue; }
    const stored = i.answers[code];
    const now = { level: levelCellText(stored), note: cleanNote(stored?.note ?? '') };
    const orig = i.meta.original[code];
    const changedOnline = !!orig && (orig.level !== now.level || orig.noteDigest !== noteDigest(now.note));
    const changedOffline = !orig || orig.level !== level || orig.noteDigest !== noteDigest(note);
    const differs = now.level !== level || now.note !== note;
    const newLink = l.link !== '' && !(i.links[code] ?? []).includes(l.link) ? l.link : '';
    const take = differs && !(changedOnline && !changedOffline);
    if (differs && changedOnline && changedOffline) {
      refuse(`jawaban ini juga diubah di aplikasi setelah berkas diunduh (di aplikasi: ${describeLevel(now.level)}, di berkas: ${describeLevel(level)}); unduh ulang kuesioner`);
      continue;
    }
    const parts: string[] = [];
    if (take && now.level !== level) parts.push(`${describeLevel(now.level)} → ${describeLevel(level)}`);
    if (take && now.note !== note) parts.push('penjelasan diubah');
    if (newLink) parts.push('tautan bukti dukung ditambahkan');
    if (differs && !take) parts.push('jawaban di aplikasi lebih baru, dipertahankan');
    if (take || newLink) {
      const value = take ? { level, note } : now;
      inputs.push({ code, level: value.level === '' || value.level === NA_TOKEN ? null : Number(value.level), isNa: value.level === NA_TOKEN, note: take ? note : stored?.note ?? '', link: newLink });
    }
    lines.push({ row: l.row, code, status: take || newLink ? 'diambil' : 'tidak berubah', message: parts.join('; ') || 'sama dengan jawaban tersimpan' });
  }
  return { fileError: null, lines, inputs, valid: lines.every((l) => l.status !== 'ditolak') };
}
