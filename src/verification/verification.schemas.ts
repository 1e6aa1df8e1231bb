import { z } from 'zod';
import type { Instrument } from '../instrument';
import { fieldMessages } from '../web/validate';
import { formatInt } from '../shared/format';

export const REASON_MAX = 1000;
export const COMMENT_MAX = 2000;
/** Form field of the general (not indicator-bound) comment. */
export const GENERAL_COMMENT_FIELD = 'comment_umum';

export interface DecisionInput {
  code: string;
  /** null: "belum diperiksa" (clears an earlier decision). */
  decision: 'terima' | 'ubah' | null;
  level: number | null;
  reason: string;
  /** The answer's selfRevision the verifier saw (the page sends it); a decision on a newer answer is refused. */
  revision?: number;
}

export interface CommentInput {
  code: string | null;
  comment: string;
}

export interface ParsedVerification {
  decisions: DecisionInput[];
  comments: CommentInput[];
  errors: Record<string, string>;
}

/** One indicator's fields as sent: by the form (strings) or by the page's autosave (JSON). */
export interface IndicatorFields {
  decision?: unknown;
  level?: unknown;
  reason?: unknown;
  comment?: unknown;
  revision?: unknown;
}

/** One indicator read: the decision and the comment when their fields were sent, and a message per bad field. */
export interface IndicatorReviewInput {
  decision?: DecisionInput;
  comment?: string;
  errors: Record<string, string>;
}

const asText = (v: unknown): string | null => (v === undefined ? '' : typeof v === 'string' ? v : null);

function readLevel(raw: unknown): number | null {
  if (typeof raw === 'string' && /^[0-4]$/.test(raw)) return Number(raw);
  return typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 && raw <= 4 ? raw : null;
}

function readRevision(raw: unknown): number | undefined {
  const n = typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : raw;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/** Reads a comment field: trimmed text, or an error naming the field (`label`). */
function readComment(raw: unknown, label: string): { comment?: string; error?: string } {
  const text = asText(raw);
  if (text === null || text.length > COMMENT_MAX) return { error: `${label}maksimal ${formatInt(COMMENT_MAX)} karakter.` };
  return { comment: text.trim() };
}

/**
 * Reads one indicator: `decision` ('' | terima | ubah), `level` (0–4, with ubah), `reason` (required with ubah),
 * `comment` (for returning) and `revision`. A field left out is not read; errors are keyed by the form's field names
 * (`decision_A1`, `vlevel_A1`, `reason_A1`, `comment_A1`) and name the indicator.
 */
export function parseIndicatorReview(code: string, f: IndicatorFields): IndicatorReviewInput {
  const errors: Record<string, string> = {};
  const out: IndicatorReviewInput = { errors };
  if (f.decision !== undefined) {
    const decision = f.decision === '' || f.decision === null ? null : f.decision === 'terima' || f.decision === 'ubah' ? f.decision : undefined;
    const reason = (asText(f.reason) ?? '').trim();
    let level: number | null = null;
    if (decision === undefined) errors[`decision_${code}`] = `Indikator ${code}: pilih keputusan yang tersedia.`;
    if (decision === 'ubah') {
      level = readLevel(f.level);
      if (level === null) errors[`vlevel_${code}`] = `Indikator ${code}: pilih tingkat hasil verifikasi 0, 1, 2, 3 atau 4.`;
      if (reason === '') errors[`reason_${code}`] = `Indikator ${code}: alasan penetapan tingkat wajib diisi.`;
    }
    if (reason.length > REASON_MAX) errors[`reason_${code}`] = `Indikator ${code}: alasan maksimal ${formatInt(REASON_MAX)} karakter.`;
    if (decision !== undefined) out.decision = { code, decision, level, reason: decision === 'ubah' ? reason : '', revision: readRevision(f.revision) };
  }
  if (f.comment !== undefined) {
    const c = readComment(f.comment, `Indikator ${code}: catatan `);
    if (c.error) errors[`comment_${code}`] = c.error;
    else out.comment = c.comment;
  }
  return out;
}

/** Reads the general comment; an error keyed by its form field. */
export function parseGeneralComment(raw: unknown): { comment?: string; errors: Record<string, string> } {
  const c = readComment(raw, 'Catatan umum ');
  return c.error ? { errors: { [GENERAL_COMMENT_FIELD]: c.error } } : { comment: c.comment, errors: {} };
}

/**
 * Reads the verification form: per indicator `decision_A1`, `vlevel_A1`, `reason_A1`, `comment_A1` and `rev_A1`
 * (see parseIndicatorReview), plus `comment_umum`. Only indicators whose decision field is present are returned as
 * decisions, only non-empty comments as comments; each bad field gets a message naming the indicator.
 */
export function parseVerificationForm(instrument: Instrument, body: Record<string, unknown>): ParsedVerification {
  const decisions: DecisionInput[] = [];
  const comments: CommentInput[] = [];
  let errors: Record<string, string> = {};
  for (const ind of instrument.aspects.flatMap((a) => a.indicators)) {
    const code = ind.code;
    const r = parseIndicatorReview(code, {
      decision: body[`decision_${code}`], level: body[`vlevel_${code}`], reason: body[`reason_${code}`],
      comment: body[`comment_${code}`] ?? '', revision: body[`rev_${code}`],
    });
    errors = { ...errors, ...r.errors };
    if (r.decision) decisions.push(r.decision);
    if (r.comment) comments.push({ code, comment: r.comment });
  }
  const general = parseGeneralComment(body[GENERAL_COMMENT_FIELD]);
  errors = { ...errors, ...general.errors };
  if (general.comment) comments.push({ code: null, comment: general.comment });
  return { decisions, comments, errors };
}

/** The comment fields the form sent (null: the general one): what is not among them is left as stored. */
export function sentCommentFields(instrument: Instrument, body: Record<string, unknown>): (string | null)[] {
  const codes: (string | null)[] = instrument.aspects.flatMap((a) => a.indicators.map((i) => i.code)).filter((c) => body[`comment_${c}`] !== undefined);
  return body[GENERAL_COMMENT_FIELD] !== undefined ? [...codes, null] : codes;
}

export const REOPEN_SCHEMA = z.object({
  target: z.enum(['draf', 'dikembalikan'], { error: 'Pilih status tujuan: Draf atau Dikembalikan.' }),
  reason: z
    .string({ error: 'Alasan wajib diisi.' })
    .trim()
    .min(1, 'Alasan membuka kembali wajib diisi.')
    .max(REASON_MAX, `Alasan maksimal ${formatInt(REASON_MAX)} karakter.`),
});
export type ReopenInput = z.infer<typeof REOPEN_SCHEMA>;

/** Validates the reopen form; returns the values or the message per field. */
export function parseReopenForm(body: unknown): { ok: true; value: ReopenInput } | { ok: false; errors: Record<string, string> } {
  const r = REOPEN_SCHEMA.safeParse(body);
  return r.success ? { ok: true, value: r.data } : { ok: false, errors: fieldMessages(r.error) };
}
