import { z } from 'zod';
import { formatInt } from '../shared/format';
import { LEGAL_ITEM_MAX, NARRATIVE_LABELS, NARRATIVE_SECTIONS, NARRATIVE_TEXT_MAX, legalBasisItems, type NarrativeSection } from './narrative-texts';

/** Line breaks as \n, no blanks around lines or the text: how a narrative text is stored and compared. */
export function normalizeNarrative(value: string): string {
  return value.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trim()).join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** The legal basis is a list: one regulation per line, none longer than an item can be. */
function checkLegalItems(text: string, ctx: z.RefinementCtx): void {
  const long = legalBasisItems(text).findIndex((item) => item.length > LEGAL_ITEM_MAX);
  if (long >= 0) {
    ctx.addIssue({ code: 'custom', message: `${NARRATIVE_LABELS.dasarHukum}: butir ${long + 1} lebih dari ${formatInt(LEGAL_ITEM_MAX)} karakter; tulis satu peraturan per baris.` });
  }
}

function sectionSchema(section: NarrativeSection) {
  const label = NARRATIVE_LABELS[section];
  const text = z.string().min(1, `${label} wajib diisi.`).max(NARRATIVE_TEXT_MAX, `${label} paling banyak ${formatInt(NARRATIVE_TEXT_MAX)} karakter.`);
  return z
    .string({ error: `${label} harus berupa teks.` })
    .default('')
    .transform(normalizeNarrative)
    .pipe(section === 'dasarHukum' ? text.superRefine(checkLegalItems) : text);
}

const SECTIONS = Object.fromEntries(NARRATIVE_SECTIONS.map((s) => [s, sectionSchema(s)])) as Record<NarrativeSection, ReturnType<typeof sectionSchema>>;

/** The narrative form: every section, and the version of each stored text the form was loaded with. */
export const NARRATIVE_FORM_SCHEMA = z.object({ ...SECTIONS, version: z.string().max(1000).default('') });
export type NarrativeForm = z.infer<typeof NARRATIVE_FORM_SCHEMA>;
