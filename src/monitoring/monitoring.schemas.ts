import { LINK_SCHEMA, NOTE_MAX } from '../assessments';
import { MONEV_STATUSES, type MonevStatus, type Semester } from './monitoring-calc';
import type { RowReportValues, UnitItemValues } from './monitoring-writes.repo';
import { formatInt } from '../shared/format';

/** The verifikator's comment on a report. */
export const COMMENT_MAX = 1000;
/** The largest realisasi accepted: far above any output target, below where a typo turns into nonsense. */
const REALISASI_MAX = 1e9;

/** Save as a draft, or save and submit for review. */
type ReportAction = 'simpan' | 'ajukan';

interface ParsedForm<T> {
  value: T | null;
  errors: Record<string, string>;
}

const text = (v: unknown): string | null => (v === undefined ? '' : typeof v === 'string' ? v.replace(/\r\n?/g, '\n').trim() : null);

/** The version the form was opened on ('0' for a report not saved yet); null when malformed. */
export function parseVersion(v: unknown): number | null {
  return typeof v === 'string' && /^[0-9]{1,9}$/.test(v) ? Number(v) : null;
}

function parseStatus(v: unknown): MonevStatus | null | undefined {
  if (v === undefined || v === '') return null;
  return typeof v === 'string' && (MONEV_STATUSES as readonly string[]).includes(v) ? (v as MonevStatus) : undefined;
}

/**
 * A realisasi as people type it in Indonesia: "12", "12,5", "1.234" (thousands), or "12.5". '' is none.
 * Returns a message naming the field for a negative number, a non-number or one past REALISASI_MAX.
 */
export function parseRealisasi(raw: unknown): { value: number | null; error: string | null } {
  const t = text(raw);
  if (t === null) return { value: null, error: 'Realisasi: isi dengan angka, mis. 12 atau 12,5.' };
  if (t === '') return { value: null, error: null };
  const compact = t.replace(/\s+/g, '');
  if (/^[-−]/.test(compact)) return { value: null, error: 'Realisasi: tidak boleh negatif.' };
  let normal: string | null = null;
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(compact)) normal = compact.replace(/\./g, '').replace(',', '.');
  else if (/^\d+(,\d+)?$/.test(compact)) normal = compact.replace(',', '.');
  else if (/^\d+\.\d+$/.test(compact)) normal = compact;
  const n = normal === null ? NaN : Number(normal);
  if (!Number.isFinite(n)) return { value: null, error: 'Realisasi: isi dengan angka, mis. 12 atau 12,5.' };
  if (n > REALISASI_MAX) return { value: null, error: 'Realisasi: angkanya terlalu besar; periksa kembali.' };
  return { value: n, error: null };
}

const actionOf = (v: unknown): ReportAction | null => (v === 'ajukan' ? 'ajukan' : v === undefined || v === '' || v === 'simpan' ? 'simpan' : null);

export interface RowReportForm extends RowReportValues {
  link: string;
  version: number;
  action: ReportAction;
}

/** Reads the form of a Lampiran I row's report: status, realisasi, kendala, tindakLanjut, link, version, action. */
export function parseRowReportForm(body: Record<string, unknown>): ParsedForm<RowReportForm> {
  const errors: Record<string, string> = {};
  const status = parseStatus(body.status);
  if (status === undefined) errors.status = 'Status: pilih salah satu status yang tersedia.';
  const realisasi = parseRealisasi(body.realisasi);
  if (realisasi.error) errors.realisasi = realisasi.error;
  const kendala = text(body.kendala);
  if (kendala === null || kendala.length > NOTE_MAX) errors.kendala = `Kendala: maksimal ${formatInt(NOTE_MAX)} karakter.`;
  const tindakLanjut = text(body.tindakLanjut);
  if (tindakLanjut === null || tindakLanjut.length > NOTE_MAX) errors.tindakLanjut = `Tindak lanjut: maksimal ${formatInt(NOTE_MAX)} karakter.`;
  const link = LINK_SCHEMA.safeParse(text(body.link) ?? 0);
  if (!link.success) errors.link = `Tautan bukti dukung: ${link.error.issues[0]?.message ?? 'tautan tidak valid'}.`;
  const version = parseVersion(body.version);
  const action = actionOf(body.action);
  if (version === null || action === null) errors._form = 'Formulir tidak lengkap; muat ulang halaman lalu coba lagi.';
  if (action === 'ajukan' && status === null) errors.status = 'Status: pilih status sebelum mengajukan laporan.';
  if (Object.keys(errors).length > 0 || !link.success) return { value: null, errors };
  return {
    value: {
      status: status as MonevStatus | null, realisasi: realisasi.value, kendala: kendala as string, tindakLanjut: tindakLanjut as string,
      link: link.data, version: version as number, action: action as ReportAction,
    },
    errors,
  };
}

export interface UnitReportForm {
  items: (UnitItemValues & { link: string })[];
  version: number;
  action: ReportAction;
}

/** Reads a unit's own report: per indicator `status_A1`, `activity_A1`, `kendala_A1`, `link_A1`; version, action. */
export function parseUnitReportForm(codes: string[], body: Record<string, unknown>): ParsedForm<UnitReportForm> {
  const errors: Record<string, string> = {};
  const version = parseVersion(body.version);
  const action = actionOf(body.action);
  if (version === null || action === null) errors._form = 'Formulir tidak lengkap; muat ulang halaman lalu coba lagi.';
  const items: UnitReportForm['items'] = [];
  for (const code of codes) {
    const label = `Indikator ${code}`;
    const status = parseStatus(body[`status_${code}`]);
    if (status === undefined) errors[`status_${code}`] = `${label} – status: pilih salah satu status yang tersedia.`;
    else if (status === null && action === 'ajukan') errors[`status_${code}`] = `${label} – status: pilih status sebelum mengajukan laporan.`;
    const activity = text(body[`activity_${code}`]);
    if (activity === null || activity.length > NOTE_MAX) errors[`activity_${code}`] = `${label} – yang dilakukan: maksimal ${formatInt(NOTE_MAX)} karakter.`;
    const kendala = text(body[`kendala_${code}`]);
    if (kendala === null || kendala.length > NOTE_MAX) errors[`kendala_${code}`] = `${label} – kendala: maksimal ${formatInt(NOTE_MAX)} karakter.`;
    const link = LINK_SCHEMA.safeParse(text(body[`link_${code}`]) ?? 0);
    if (!link.success) errors[`link_${code}`] = `${label} – tautan bukti dukung: ${link.error.issues[0]?.message ?? 'tautan tidak valid'}.`;
    if (status === undefined || activity === null || kendala === null || !link.success) continue;
    items.push({ indicatorCode: code, status, activity, kendala, link: link.data });
  }
  if (Object.keys(errors).length > 0) return { value: null, errors };
  return { value: { items, version: version as number, action: action as ReportAction }, errors };
}

export interface ReviewForm {
  decision: 'terima' | 'kembalikan';
  comment: string;
  version: number;
}

/** Reads the verifikator's decision: decision (terima | kembalikan), comment (required to return), version. */
export function parseReviewForm(body: Record<string, unknown>): ParsedForm<ReviewForm> {
  const errors: Record<string, string> = {};
  const decision = body.decision === 'terima' || body.decision === 'kembalikan' ? body.decision : null;
  if (!decision) errors.decision = 'Keputusan: pilih terima atau kembalikan.';
  const comment = text(body.comment);
  if (comment === null || comment.length > COMMENT_MAX) errors.comment = `Komentar verifikator: maksimal ${formatInt(COMMENT_MAX)} karakter.`;
  else if (decision === 'kembalikan' && comment === '') errors.comment = 'Komentar verifikator: wajib diisi saat mengembalikan laporan, agar pelapor tahu apa yang harus diperbaiki.';
  const version = parseVersion(body.version);
  if (version === null) errors._form = 'Formulir tidak lengkap; muat ulang halaman lalu coba lagi.';
  if (Object.keys(errors).length > 0) return { value: null, errors };
  return { value: { decision: decision as ReviewForm['decision'], comment: comment as string, version: version as number }, errors };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (s: string) => DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** Reads the windows form: per semester `opens_<key>` and `deadline_<key>` (YYYY-MM-DD); both empty clears it. */
export function parseWindowsForm(semesters: Semester[], body: Record<string, unknown>): ParsedForm<{ semester: Semester; window: { opensOn: string; deadline: string } | null }[]> {
  const errors: Record<string, string> = {};
  const out: { semester: Semester; window: { opensOn: string; deadline: string } | null }[] = [];
  for (const s of semesters) {
    const opens = text(body[`opens_${s.key}`]);
    const deadline = text(body[`deadline_${s.key}`]);
    if (opens === '' && deadline === '') {
      out.push({ semester: s, window: null });
      continue;
    }
    if (opens === null || !validDate(opens)) errors[`opens_${s.key}`] = `${s.label} – dibuka: isi tanggal yang valid.`;
    if (deadline === null || !validDate(deadline)) errors[`deadline_${s.key}`] = `${s.label} – batas akhir: isi tanggal yang valid.`;
    else if (opens !== null && validDate(opens) && deadline < opens) errors[`deadline_${s.key}`] = `${s.label} – batas akhir: tidak boleh sebelum tanggal dibuka.`;
    if (opens && deadline && !errors[`opens_${s.key}`] && !errors[`deadline_${s.key}`]) out.push({ semester: s, window: { opensOn: opens, deadline } });
  }
  return Object.keys(errors).length > 0 ? { value: null, errors } : { value: out, errors };
}
