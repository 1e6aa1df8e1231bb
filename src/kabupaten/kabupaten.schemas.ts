import type { KabupatenItem } from '../instrument';
import { LINK_SCHEMA, NOTE_MAX } from '../assessments';
import { isItemValue } from './kabupaten-state';
import { formatInt } from '../shared/format';

/** The verifikator's comment, as long as a unit's verification reason. */
export const COMMENT_MAX = 1000;

export interface KabupatenAnswerInput {
  code: string;
  /** null: no answer chosen yet (a note alone may be kept). */
  value: string | null;
  note: string;
  link: string;
}

export interface KabupatenDecisionInput {
  code: string;
  /** null: "belum diperiksa" (clears an earlier decision). */
  decision: 'terima' | 'ubah' | null;
  /** The verified value with "ubah". */
  value: string | null;
  comment: string;
}

const asText = (v: unknown): string | null => (v === undefined ? '' : typeof v === 'string' ? v : null);
const label = (item: KabupatenItem) => `Kondisi ${item.code}`;

/**
 * Reads the admin's form: per item `value_K1` (one of the item's answers, or '' / absent for none), `note_K1` and
 * `link_K1`. Items absent from the body are not returned; every bad field gets a message naming the item.
 */
export function parseKabupatenAnswers(items: KabupatenItem[], body: Record<string, unknown>): { answers: KabupatenAnswerInput[]; errors: Record<string, string> } {
  const answers: KabupatenAnswerInput[] = [];
  const errors: Record<string, string> = {};
  for (const item of items) {
    const code = item.code;
    const [rawValue, rawNote, rawLink] = [body[`value_${code}`], body[`note_${code}`], body[`link_${code}`]];
    if (rawValue === undefined && rawNote === undefined && rawLink === undefined) continue;
    const value = asText(rawValue);
    if (value === null || (value !== '' && !isItemValue(item, value))) errors[`value_${code}`] = `${label(item)}: pilih salah satu jawaban yang tersedia.`;
    const note = asText(rawNote);
    if (note === null || note.length > NOTE_MAX) errors[`note_${code}`] = `${label(item)}: penjelasan maksimal ${formatInt(NOTE_MAX)} karakter.`;
    const linkText = asText(rawLink);
    const link = linkText === null ? null : LINK_SCHEMA.safeParse(linkText);
    if (!link?.success) errors[`link_${code}`] = `${label(item)}: ${link?.error.issues[0]?.message ?? 'tautan tidak valid'}.`;
    if (value === null || note === null || !link?.success) continue;
    answers.push({ code, value: value === '' ? null : value, note: note.trim(), link: link.data });
  }
  return { answers, errors };
}

/**
 * Reads the verifikator's form: per item `decision_K1` ('' | terima | ubah), `vvalue_K1` (required with ubah, one of
 * the item's answers) and `comment_K1` (required with ubah). Items without a decision field are not returned.
 */
export function parseKabupatenDecisions(items: KabupatenItem[], body: Record<string, unknown>): { decisions: KabupatenDecisionInput[]; errors: Record<string, string> } {
  const decisions: KabupatenDecisionInput[] = [];
  const errors: Record<string, string> = {};
  for (const item of items) {
    const code = item.code;
    const raw = body[`decision_${code}`];
    if (raw === undefined) continue;
    const decision = raw === '' ? null : raw === 'terima' || raw === 'ubah' ? raw : undefined;
    if (decision === undefined) errors[`decision_${code}`] = `${label(item)}: pilih keputusan yang tersedia.`;
    const comment = asText(body[`comment_${code}`]);
    if (comment === null || comment.length > COMMENT_MAX) errors[`comment_${code}`] = `${label(item)}: catatan maksimal ${formatInt(COMMENT_MAX)} karakter.`;
    let value: string | null = null;
    if (decision === 'ubah') {
      const v = body[`vvalue_${code}`];
      if (typeof v === 'string' && isItemValue(item, v)) value = v;
      else errors[`vvalue_${code}`] = `${label(item)}: pilih jawaban hasil verifikasi (${item.scale === 'tingkat' ? 'tingkat 0–4' : 'Ya, Sebagian atau Tidak'}).`;
      if (comment !== null && comment.trim() === '') errors[`comment_${code}`] = `${label(item)}: alasan mengubah jawaban wajib diisi.`;
    }
    if (decision === undefined || comment === null) continue;
    decisions.push({ code, decision, value, comment: decision === null ? '' : comment.trim() });
  }
  return { decisions, errors };
}
