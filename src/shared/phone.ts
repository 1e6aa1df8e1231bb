/**
 * Indonesian mobile numbers as people type them (0812-3456-7890, +62 812 3456 7890, 6281234567890) and as they are
 * stored: digits only, starting 628 (the form wa.me links take). Pure.
 */

/** What people put between digits: spaces, dashes, dots, brackets. */
const SEPARATORS = /[\s\-.()]/g;

/** 8 then 8–11 more digits after the country code: 0812 3456 78 (10 digits with the 0) up to 0812 3456 78901 (13). */
const SUBSCRIBER = /^8\d{8,11}$/;

const PHONE_FORMAT_HINT = 'nomor ponsel Indonesia yang diawali 08, +62 atau 62, misalnya 0812 3456 7890';

export type PhoneParse = { phone: string | null } | { error: string };

/**
 * A typed mobile number normalised to 62…: "0812-3456-7890" → "6281234567890", "+62 812 3456 7890" → the same,
 * "62812…" kept, "812…" (a spreadsheet dropped the 0) read as 0812…. Blank → { phone: null } (no number). Anything else → { error } naming the field "Nomor HP".
 */
export function normalisePhone(raw: unknown): PhoneParse {
  const text = typeof raw === 'string' ? raw.trim() : raw === undefined || raw === null ? '' : String(raw);
  if (text === '') return { phone: null };
  const compact = text.replace(SEPARATORS, '');
  // NOTE: a bare 8… is a number whose leading 0 a spreadsheet dropped (the import reads such cells as numbers).
  const national = /^\+?62/.test(compact) ? compact.replace(/^\+?62/, '') : compact.startsWith('0') ? compact.slice(1) : compact.startsWith('8') ? compact : null;
  if (national === null || !/^\d+$/.test(national)) return { error: `Nomor HP "${text}" tidak dikenali: tulis ${PHONE_FORMAT_HINT}.` };
  if (!SUBSCRIBER.test(national)) return { error: `Nomor HP "${text}" bukan nomor ponsel Indonesia yang lengkap (10–13 angka diawali 08): tulis ${PHONE_FORMAT_HINT}.` };
  return { phone: `62${national}` };
}

/** A stored number as people read it: "6281234567890" → "0812 3456 7890"; '' for none. */
export function formatPhone(stored: string | null | undefined): string {
  if (!stored) return '';
  const local = `0${stored.slice(2)}`;
  return [local.slice(0, 4), local.slice(4, 8), local.slice(8)].filter((g) => g !== '').join(' ');
}
