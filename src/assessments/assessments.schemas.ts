import { z } from 'zod';
import type { Instrument } from '../instrument/instrument.schemas';

export const NOTE_MAX = 4000;
export const URL_MAX = 2000;

export interface AnswerInput {
  code: string;
  level: number | null;
  isNa: boolean;
  note: string;
  link: string;
}

export interface ParsedAnswers {
  answers: AnswerInput[];
  errors: Record<string, string>;
}

const LINK_SCHEMA = z
  .string()
  .trim()
  .max(URL_MAX, `tautan maksimal ${URL_MAX} karakter`)
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
      if (rawLevel === undefined && rawNote === undefined && rawLink === undefined) continue;
      let level: number | null = null;
      let isNa = false;
      if (rawLevel === 'na') {
        if (ind.allowNa) isNa = true;
        else errors[`level_${ind.code}`] = `Indikator ${ind.code}: pilihan "tidak berlaku" tidak tersedia untuk indikator ini.`;
      } else if (rawLevel !== undefined && rawLevel !== '') {
        const n = typeof rawLevel === 'string' && /^[0-4]$/.test(rawLevel) ? Number(rawLevel) : NaN;
        if (Number.isNaN(n)) errors[`level_${ind.code}`] = `Indikator ${ind.code}: level harus 0, 1, 2, 3 atau 4.`;
        else level = n;
      }
      const note = typeof rawNote === 'string' ? rawNote : rawNote === undefined ? '' : null;
      if (note === null || note.length > NOTE_MAX) {
        errors[`note_${ind.code}`] = `Indikator ${ind.code}: penjelasan maksimal ${NOTE_MAX} karakter.`;
      }
      const link = LINK_SCHEMA.safeParse(rawLink ?? '');
      if (!link.success) errors[`link_${ind.code}`] = `Indikator ${ind.code}: ${link.error.issues[0]?.message ?? 'tautan tidak valid'}.`;
      answers.push({ code: ind.code, level, isNa, note: note ?? '', link: link.success ? link.data : '' });
    }
  }
  return { answers, errors };
}
