import { z } from 'zod';
import { badInput } from '../errors/app-error';
import { validate } from '../web/validate';
import type { Indicator, Instrument } from '../instrument';
import { formatInt } from '../shared/format';

export const NOTE_MAX = 4000;
export const URL_MAX = 2000;

export interface AnswerInput {
  code: string;
  level: number | null;
  isNa: boolean;
  note: string;
  link: string;
  /**
   * The answer's version the person last saw (0: none stored yet). When given, a save over a newer stored answer
   * with different content is refused as a conflict; left out (imports) it saves unconditionally.
   */
  version?: number;
  /** The person chose the stored answer over theirs in a conflict: only `link` (if any) is added. */
  keepStored?: boolean;
}

export interface ParsedAnswers {
  answers: AnswerInput[];
  errors: Record<string, string>;
}

export const LINK_SCHEMA = z
  .string()
  .trim()
  .max(URL_MAX, `tautan maksimal ${formatInt(URL_MAX)} karakter`)
  .refine((s) => s === '' || /^https?:\/\/[^\s]+\.[^\s]+$/i.test(s), 'tautan harus diawali http:// atau https://');

/**
 * Reads the questionnaire form (`level_A1` = 0–4 | "na" | "", `note_A1`, `link_A1`) for the indicators present in
 * the body. Every bad field gets its own message naming the indicator; nothing is returned for an absent indicator.
 */
export function parseAnswerForm(instrument: Instrument, body: Record<string, unknown>): ParsedAnswers {
  const answers: AnswerInput[] = [];
  const errors: Record<string, string> = {};
  for (const aspect of instrument.aspects) {
    for (const ind of aspect.indicators) {
      const rawLevel = body[`level_${ind.code}`];
      const rawNote = body[`note_${ind.code}`];
      const rawLink = body[`link_${ind.code}`];
      const rawVersion = body[`v_${ind.code}`];
      if (rawLevel === undefined && rawNote === undefined && rawLink === undefined) continue;
      // "Pakai nilai tersimpan" in a conflict: the stored answer stays, only a typed link is still added.
      const keepStored = body[`resolve_${ind.code}`] === 'theirs';
      let level: number | null = null;
      let isNa = false;
      if (rawLevel === 'na') {
        if (ind.allowNa) isNa = true;
        else errors[`level_${ind.code}`] = `Indikator ${ind.code}: pilihan "tidak berlaku" tidak tersedia untuk indikator ini.`;
      } else if (rawLevel !== undefined && rawLevel !== '') {
        const n = typeof rawLevel === 'string' && /^[0-4]$/.test(rawLevel) ? Number(rawLevel) : NaN;
        if (Number.isNaN(n)) errors[`level_${ind.code}`] = `Indikator ${ind.code}: tingkat harus 0, 1, 2, 3 atau 4.`;
        else level = n;
      }
      const note = typeof rawNote === 'string' ? rawNote : rawNote === undefined ? '' : null;
      if (note === null || note.length > NOTE_MAX) {
        errors[`note_${ind.code}`] = `Indikator ${ind.code}: penjelasan maksimal ${formatInt(NOTE_MAX)} karakter.`;
      }
      const link = LINK_SCHEMA.safeParse(rawLink ?? '');
      if (!link.success) errors[`link_${ind.code}`] = `Indikator ${ind.code}: ${link.error.issues[0]?.message ?? 'tautan tidak valid'}.`;
      let version: number | undefined;
      if (rawVersion !== undefined) {
        version = typeof rawVersion === 'string' && /^[0-9]{1,9}$/.test(rawVersion) ? Number(rawVersion) : NaN;
        if (Number.isNaN(version)) errors[`v_${ind.code}`] = `Indikator ${ind.code}: versi jawaban tidak valid; muat ulang halaman.`;
      }
      if (keepStored) {
        if (link.success && link.data !== '') answers.push({ code: ind.code, level: null, isNa: false, note: '', link: link.data, keepStored: true });
        continue;
      }
      answers.push({ code: ind.code, level, isNa, note: note ?? '', link: link.success ? link.data : '', ...(version === undefined ? {} : { version }) });
    }
  }
  return { answers, errors };
}

const ANSWER_BODY_SCHEMA = z.object({
  level: z.number().int().min(0).max(4).nullable(),
  na: z.boolean().optional().default(false),
  note: z.string().max(NOTE_MAX).optional().default(''),
  version: z.number().int().min(0).max(1e9),
});

const ANSWER_BODY_MESSAGES: Record<string, string> = {
  level: 'tingkat harus 0, 1, 2, 3 atau 4 (atau null)',
  na: '"tidak berlaku" harus true atau false',
  note: `penjelasan harus teks, maksimal ${formatInt(NOTE_MAX)} karakter`,
  version: 'versi jawaban wajib berupa bilangan bulat 0 atau lebih',
};

/**
 * Reads the autosave body `{ level: 0–4 | null, na?: boolean, note?: string, version: number }` for one
 * indicator. Throws 422 with a message per field (naming the indicator) and changes nothing.
 */
export function parseAnswerBody(ind: Indicator, body: unknown): AnswerInput {
  const { level, na, note, version } = validate(ANSWER_BODY_SCHEMA, body ?? {}, {
    summary: 'first-field',
    rootField: 'level',
    message: (field) => `Indikator ${ind.code}: ${ANSWER_BODY_MESSAGES[field] ?? 'isian tidak valid'}.`,
  });
  if (na && !ind.allowNa) throw oneField('na', `Indikator ${ind.code}: pilihan "tidak berlaku" tidak tersedia untuk indikator ini.`);
  if (na && level !== null) throw oneField('level', `Indikator ${ind.code}: pilih tingkat atau "tidak berlaku", tidak keduanya.`);
  return { code: ind.code, level, isNa: na, note, link: '', version };
}

const oneField = (field: string, message: string) => badInput({ [field]: message }, message);

/** Evidence ids ticked for deletion in the questionnaire form (`del`, one or many). */
export function parseDeleteIds(body: Record<string, unknown>): { ids: number[]; error: string | null } {
  const raw = body.del;
  const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const ids = list.map((v) => (typeof v === 'string' && /^[1-9][0-9]{0,9}$/.test(v) ? Number(v) : NaN));
  return ids.some(Number.isNaN) ? { ids: [], error: 'Pilihan bukti dukung yang dihapus tidak valid.' } : { ids, error: null };
}
