import { z } from 'zod';
import { LINK_SCHEMA, NOTE_MAX } from '../assessments';
import { formatInt } from '../shared/format';
import { fieldMessages } from '../web/validate';
import { MONEV_STATUSES, type MonevStatus, type Semester } from './monitoring-calc';
import type { RowReportValues, UnitItemValues } from './monitoring-writes.repo';

/** The verifikator's comment on a report. */
export const COMMENT_MAX = 1000;
/** The largest realisasi accepted: far above any output target, below where a typo turns into nonsense. */
const REALISASI_MAX = 1e9;
const FORM_INCOMPLETE = 'Formulir tidak lengkap; muat ulang halaman lalu coba lagi.';

/** Save as a draft, or save and submit for review. */
type ReportAction = 'simpan' | 'ajukan';

/** A form read: its typed values, or null with a message per form field (`_form` for the form as a whole). */
interface ParsedForm<T> {
  value: T | null;
  errors: Record<string, string>;
}

/** Text as a form sends it: absent is '', line breaks as \n, no surrounding blanks; `error` when it is not text. */
const formText = (error: string) => z.string({ error }).optional().transform((v) => (v ?? '').replace(/\r\n?/g, '\n').trim());

/** A text field of at most `max` characters; the message names the field. */
function textField(label: string, max: number) {
  const tooLong = `${label}: maksimal ${formatInt(max)} karakter.`;
  return formText(tooLong).pipe(z.string().max(max, tooLong));
}

/** A link to evidence: '' for none, else checked by the questionnaire's LINK_SCHEMA; its message names the field. */
function linkField(label: string) {
  return formText(`${label}: tautan tidak valid.`).transform((s, ctx) => {
    const link = LINK_SCHEMA.safeParse(s);
    if (link.success) return link.data;
    ctx.addIssue({ code: 'custom', message: `${label}: ${link.error.issues[0]?.message ?? 'tautan tidak valid'}.` });
    return z.NEVER;
  });
}

/** A status of the activity, or null when none was chosen ('' or absent). */
function statusField(label: string) {
  return z.enum(['', ...MONEV_STATUSES], { error: `${label}: pilih salah satu status yang tersedia.` }).optional()
    .transform((v): MonevStatus | null => (v ? v : null));
}

/** "12", "12,5", "1.234" (thousands), "1.234,5" or "12.5" as a number; '' as null; anything else NaN. */
function readIndonesianNumber(compact: string): number | null {
  if (compact === '') return null;
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(compact)) return Number(compact.replace(/\./g, '').replace(',', '.'));
  if (/^\d+(,\d+)?$/.test(compact)) return Number(compact.replace(',', '.'));
  return /^\d+\.\d+$/.test(compact) ? Number(compact) : NaN;
}

/** A realisasi as people type it in Indonesia (readIndonesianNumber); '' is none. Messages name the field. */
function realisasiField(label: string) {
  const notANumber = `${label}: isi dengan angka, mis. 12 atau 12,5.`;
  return z.string({ error: notANumber }).optional()
    .transform((v) => (v ?? '').replace(/\s+/g, ''))
    .refine((s) => !/^[-−]/.test(s), { message: `${label}: tidak boleh negatif.`, abort: true })
    .transform(readIndonesianNumber)
    // NOTE: a digit string too long for a double reads as Infinity: too large, not "not a number".
    .refine((n) => n === null || !Number.isNaN(n), { message: notANumber, abort: true })
    .refine((n) => n === null || n <= REALISASI_MAX, `${label}: angkanya terlalu besar; periksa kembali.`);
}

/** The version the form was opened on ('0' for a report not saved yet). */
const VERSION_FIELD = z.string({ error: FORM_INCOMPLETE }).regex(/^[0-9]{1,9}$/, FORM_INCOMPLETE).transform(Number);
const ACTION_FIELD = z.enum(['', 'simpan', 'ajukan'], { error: FORM_INCOMPLETE }).optional()
  .transform((v): ReportAction => (v === 'ajukan' ? 'ajukan' : 'simpan'));

/** The messages of a failed form, the version and action folded into one `_form` message (only a tampered form lacks them). */
function formErrors(error: z.ZodError): Record<string, string> {
  const { version, action, ...fields } = fieldMessages(error);
  return version || action ? { _form: FORM_INCOMPLETE, ...fields } : fields;
}

const SUBMIT_NEEDS_STATUS = 'pilih status sebelum mengajukan laporan.';

const ROW_REPORT_FIELDS = {
  status: statusField('Status'),
  realisasi: realisasiField('Realisasi'),
  kendala: textField('Kendala', NOTE_MAX),
  tindakLanjut: textField('Tindak lanjut', NOTE_MAX),
  link: linkField('Tautan bukti dukung'),
  version: VERSION_FIELD,
  action: ACTION_FIELD,
};

/** The per-output realisasi fields a form sends when the year's target lists several outputs: `realisasi_1`, `realisasi_2`, … */
const OUTPUT_FIELD = /^realisasi_([1-9][0-9]?)$/;

/** The per-output fields present in the body, each with a message naming the output ("Realisasi keluaran 2: …"). */
function outputFields(body: Record<string, unknown>): Record<string, ReturnType<typeof realisasiField>> {
  const present = Object.keys(body).filter((k) => OUTPUT_FIELD.test(k));
  return Object.fromEntries(present.map((k) => [k, realisasiField(`Realisasi keluaran ${k.slice('realisasi_'.length)}`)]));
}

/** The per-output values in output order (an output whose field was not sent is null); null when none was sent. */
function outputList(values: Record<string, unknown>): (number | null)[] | null {
  const numbered = Object.keys(values).filter((k) => OUTPUT_FIELD.test(k)).map((k) => Number(k.slice('realisasi_'.length)));
  if (numbered.length === 0) return null;
  return Array.from({ length: Math.max(...numbered) }, (_, i) => {
    const v = values[`realisasi_${i + 1}`];
    return typeof v === 'number' ? v : null;
  });
}

export interface RowReportForm extends RowReportValues {
  link: string;
  version: number;
  action: ReportAction;
}

/**
 * Reads the form of a Lampiran I row's report: status, realisasi (or `realisasi_1`, `realisasi_2`, … one per output
 * when the year's target lists several), kendala, tindakLanjut, link, version, action.
 */
export function parseRowReportForm(body: Record<string, unknown>): ParsedForm<RowReportForm> {
  const schema = z.object({ ...ROW_REPORT_FIELDS, ...outputFields(body) }).superRefine((v, ctx) => {
    if (v.action === 'ajukan' && v.status === null) ctx.addIssue({ code: 'custom', path: ['status'], message: `Status: ${SUBMIT_NEEDS_STATUS}` });
  });
  const r = schema.safeParse(body);
  if (!r.success) return { value: null, errors: formErrors(r.error) };
  const { status, realisasi, kendala, tindakLanjut, link, version, action } = r.data;
  return { value: { status, realisasi, outputRealisasi: outputList(r.data), kendala, tindakLanjut, link, version, action }, errors: {} };
}

/** One indicator of a unit's own report, its fields named without the `_<code>` suffix the form gives them. */
function unitItemSchema(code: string) {
  const label = `Indikator ${code}`;
  return z.object({
    status: statusField(`${label} – status`),
    activity: textField(`${label} – yang dilakukan`, NOTE_MAX),
    kendala: textField(`${label} – kendala`, NOTE_MAX),
    link: linkField(`${label} – tautan bukti dukung`),
  });
}

export interface UnitReportForm {
  items: (UnitItemValues & { link: string })[];
  version: number;
  action: ReportAction;
}

/** Reads a unit's own report: per indicator `status_A1`, `activity_A1`, `kendala_A1`, `link_A1`; version, action. */
export function parseUnitReportForm(codes: string[], body: Record<string, unknown>): ParsedForm<UnitReportForm> {
  const version = VERSION_FIELD.safeParse(body.version);
  const action = ACTION_FIELD.safeParse(body.action);
  const errors: Record<string, string> = version.success && action.success ? {} : { _form: FORM_INCOMPLETE };
  const items: UnitReportForm['items'] = [];
  for (const code of codes) {
    const fields = { status: body[`status_${code}`], activity: body[`activity_${code}`], kendala: body[`kendala_${code}`], link: body[`link_${code}`] };
    const item = unitItemSchema(code).safeParse(fields);
    if (!item.success) {
      for (const [field, message] of Object.entries(fieldMessages(item.error))) errors[`${field}_${code}`] = message;
    } else if (item.data.status === null && action.data === 'ajukan') {
      errors[`status_${code}`] = `Indikator ${code} – status: ${SUBMIT_NEEDS_STATUS}`;
    } else {
      items.push({ indicatorCode: code, ...item.data });
    }
  }
  if (!version.success || !action.success || Object.keys(errors).length > 0) return { value: null, errors };
  return { value: { items, version: version.data, action: action.data }, errors };
}

const REVIEW_SCHEMA = z.object({
  decision: z.enum(['terima', 'kembalikan'], { error: 'Keputusan: pilih terima atau kembalikan.' }),
  comment: textField('Komentar verifikator', COMMENT_MAX),
  version: VERSION_FIELD,
}).superRefine((v, ctx) => {
  if (v.decision === 'kembalikan' && v.comment === '') {
    ctx.addIssue({ code: 'custom', path: ['comment'], message: 'Komentar verifikator: wajib diisi saat mengembalikan laporan, agar pelapor tahu apa yang harus diperbaiki.' });
  }
});

export type ReviewForm = z.infer<typeof REVIEW_SCHEMA>;

/** Reads the verifikator's decision: decision (terima | kembalikan), comment (required to return), version. */
export function parseReviewForm(body: Record<string, unknown>): ParsedForm<ReviewForm> {
  const r = REVIEW_SCHEMA.safeParse(body);
  return r.success ? { value: r.data, errors: {} } : { value: null, errors: formErrors(r.error) };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (s: string) => DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** One semester's window, its fields named without the `_<key>` suffix: both dates, or both empty for none. */
function windowSchema(s: Semester) {
  const invalid = (label: string) => `${s.label} – ${label}: isi tanggal yang valid.`;
  const date = (label: string) => formText(invalid(label)).refine((d) => d === '' || validDate(d), invalid(label));
  return z.object({ opens: date('dibuka'), deadline: date('batas akhir') }).superRefine((w, ctx) => {
    const issue = (field: 'opens' | 'deadline', message: string) => ctx.addIssue({ code: 'custom', path: [field], message });
    if (w.opens === '' && w.deadline !== '') issue('opens', invalid('dibuka'));
    if (w.deadline === '' && w.opens !== '') issue('deadline', invalid('batas akhir'));
    if (validDate(w.opens) && validDate(w.deadline) && w.deadline < w.opens) issue('deadline', `${s.label} – batas akhir: tidak boleh sebelum tanggal dibuka.`);
  }).transform((w) => (w.opens === '' ? null : { opensOn: w.opens, deadline: w.deadline }));
}

/** Reads the windows form: per semester `opens_<key>` and `deadline_<key>` (YYYY-MM-DD); both empty clears it. */
export function parseWindowsForm(semesters: Semester[], body: Record<string, unknown>): ParsedForm<{ semester: Semester; window: { opensOn: string; deadline: string } | null }[]> {
  const errors: Record<string, string> = {};
  const out: { semester: Semester; window: { opensOn: string; deadline: string } | null }[] = [];
  for (const s of semesters) {
    const r = windowSchema(s).safeParse({ opens: body[`opens_${s.key}`], deadline: body[`deadline_${s.key}`] });
    if (r.success) out.push({ semester: s, window: r.data });
    else for (const [field, message] of Object.entries(fieldMessages(r.error))) errors[`${field}_${s.key}`] = message;
  }
  return Object.keys(errors).length > 0 ? { value: null, errors } : { value: out, errors };
}

const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values).optional().catch(undefined);

/** Filters of the monev board and overview (GET query); unknown values are ignored rather than refused. */
export const UNIT_FILTER_SCHEMA = z.object({
  /** A board state, or 'terlambat' (something still owed after the deadline, partly reported units included). */
  status: optionalChoice(['diterima', 'diajukan', 'dikembalikan', 'sebagian', 'belum', 'terlambat'] as const),
  kelompok: optionalChoice(['pd', 'kecamatan'] as const),
  /** Part of the unit's name or code ("Kab. 12", "Kecamatan Busang"). */
  cari: z.string().trim().max(100).optional().catch(undefined),
  /** Page of the list (UNIT_PAGE_SIZE units each). */
  hal: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type UnitFilter = z.infer<typeof UNIT_FILTER_SCHEMA>;

/** A unit list's address with its semester, filter and page (page 1 and empty values left out). */
export function unitListLink(path: string, q: { semester?: string } & UnitFilter): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '' && !(k === 'hal' && v === 1)) params.set(k, String(v));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}
