import { z } from 'zod';
import type { Instrument } from '../instrument';
import { fieldMessages } from '../web/validate';

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

const asText = (v: unknown): string | null => (v === undefined ? '' : typeof v === 'string' ? v : null);

/**
 * Reads the verification form: per indicator `decision_A1` ('' | terima | ubah), `vlevel_A1` (0–4, with ubah),
 * `reason_A1` (required with ubah) and `comment_A1` (for returning), plus `comment_umum`. Only indicators whose
 * decision field is present are returned as decisions; each bad field gets a message naming the indicator.
 */
export function parseVerificationForm(instrument: Instrument, body: Record<string, unknown>): ParsedVerification {
  const decisions: DecisionInput[] = [];
  const comments: CommentInput[] = [];
  const errors: Record<string, string> = {};
  for (const ind of instrument.aspects.flatMap((a) => a.indicators)) {
    const code = ind.code;
    const rawDecision = body[`decision_${code}`];
    if (rawDecision !== undefined) {
      const decision = rawDecision === '' ? null : rawDecision === 'terima' || rawDecision === 'ubah' ? rawDecision : undefined;
      const reason = (asText(body[`reason_${code}`]) ?? '').trim();
      let level: number | null = null;
      if (decision === undefined) errors[`decision_${code}`] = `Indikator ${code}: pilih keputusan yang tersedia.`;
      if (decision === 'ubah') {
        const raw = body[`vlevel_${code}`];
        if (typeof raw === 'string' && /^[0-4]$/.test(raw)) level = Number(raw);
        else errors[`vlevel_${code}`] = `Indikator ${code}: pilih level hasil verifikasi 0, 1, 2, 3 atau 4.`;
        if (reason === '') errors[`reason_${code}`] = `Indikator ${code}: alasan penetapan level wajib diisi.`;
      }
      if (reason.length > REASON_MAX) errors[`reason_${code}`] = `Indikator ${code}: alasan maksimal ${REASON_MAX} karakter.`;
      if (decision !== undefined) decisions.push({ code, decision, level, reason: decision === 'ubah' ? reason : '' });
    }
    const comment = asText(body[`comment_${code}`]);
    if (comment === null || comment.length > COMMENT_MAX) errors[`comment_${code}`] = `Indikator ${code}: catatan maksimal ${COMMENT_MAX} karakter.`;
    else if (comment.trim() !== '') comments.push({ code, comment: comment.trim() });
  }
  const general = asText(body[GENERAL_COMMENT_FIELD]);
  if (general === null || general.length > COMMENT_MAX) errors[GENERAL_COMMENT_FIELD] = `Catatan umum maksimal ${COMMENT_MAX} karakter.`;
  else if (general.trim() !== '') comments.push({ code: null, comment: general.trim() });
  return { decisions, comments, errors };
}

export const REOPEN_SCHEMA = z.object({
  target: z.enum(['draf', 'dikembalikan'], { error: 'Pilih status tujuan: Draf atau Dikembalikan.' }),
  reason: z
    .string({ error: 'Alasan wajib diisi.' })
    .trim()
    .min(1, 'Alasan membuka kembali wajib diisi.')
    .max(REASON_MAX, `Alasan maksimal ${REASON_MAX} karakter.`),
});
export type ReopenInput = z.infer<typeof REOPEN_SCHEMA>;

/** Validates the reopen form; returns the values or the message per field. */
export function parseReopenForm(body: unknown): { ok: true; value: ReopenInput } | { ok: false; errors: Record<string, string> } {
  const r = REOPEN_SCHEMA.safeParse(body);
  return r.success ? { ok: true, value: r.data } : { ok: false, errors: fieldMessages(r.error) };
}
