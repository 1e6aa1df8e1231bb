/** The one place numbers and dates are formatted for people: id-ID, full precision kept in data. */
const DECIMAL_2 = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const INTEGER = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });
const DATE = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Makassar' });
const DATE_TIME = new Intl.DateTimeFormat('id-ID', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Asia/Makassar',
});

const TIME = new Intl.DateTimeFormat('id-ID', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Makassar' });
const DECIMAL_1 = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 });
const DECIMAL_UP_TO_2 = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });

/** As scoring's tolerance (src/scoring SCORE_EPSILON): 49.99999999999999 from means of thirds is 50. */
const SCORE_EPSILON = 1e-9;

/**
 * 72.5 → "72,50"; null → "–". The category thresholds an index is held against are whole numbers (85, 70, 50: "min"),
 * so a score just under one never reads as it: 84.996 → "84,99" beside "Baik", not the "85,00" of "Sangat Baik".
 * A hair under (within SCORE_EPSILON, the scoring's own tolerance) counts as the whole number, as in categorize.
 */
export function formatScore(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  const whole = Math.round(value);
  const under = whole - value;
  return under > SCORE_EPSILON && under < 0.005 ? DECIMAL_2.format(whole - 0.01) : DECIMAL_2.format(value);
}

const PERCENT_1 = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
/** Same tolerance as scoring: a computed 49.999999999 % (29 of 58) is 50 %. */
const WHOLE_EPSILON = 1e-9;

/**
 * A measured share to one decimal (PERCENT_1), never reading as a whole number it is not: the thresholds a share is
 * held against (SP4N-LAPOR! levels ≥ 80 % or ≤ 10 %, the semester's expected share, complete at 100 %) are whole, so
 * a 79.96 % rounded to "80,0 %" would sit beside the level it missed. Such a value keeps to its side of the whole
 * number by a tenth instead: 79.96 → "79,9", 10.04 → "10,1", 0.04 → "0,1"; every other value is formatted as it is.
 */
function shareText(value: number): string {
  const whole = Math.round(value);
  const off = Math.abs(value - whole);
  // NOTE: only a value within a tenth of a whole number can print as it; the rest skip the second format.
  if (off < WHOLE_EPSILON || off >= 0.1) return PERCENT_1.format(value);
  const text = PERCENT_1.format(value);
  return text !== PERCENT_1.format(whole) ? text : PERCENT_1.format(value < whole ? whole - 0.1 : whole + 0.1);
}

/** A share's figure without its sign, for a column headed "(%)": 36.842 → "36,8"; null → "–". */
export function formatPercentFigure(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? '–' : shareText(value);
}

/**
 * The one way a percentage (0–100) reads, on pages, in exports and in documents: id-ID digits, a space, the sign.
 * A share computed from counts keeps one decimal, so a column lines up: 36.842 → "36,8 %", 50 → "50,0 %", and
 * never rounds onto a whole number it is not (79.96 → "79,9 %", not the "80,0 %" a level needs: shareText). A figure
 * that was set rather than measured (an aspect's weight, a threshold, a target, the share expected by a semester's
 * end) passes `{ exact: true }` and reads as it was set: 15 → "15 %", 12.5 → "12,5 %". null → "–".
 */
export function formatPercent(value: number | null | undefined, opts: { exact?: boolean } = {}): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return `${opts.exact ? DECIMAL_UP_TO_2.format(value) : formatPercentFigure(value)} %`;
}

/** 1234 → "1.234". */
export function formatInt(value: number): string {
  return INTEGER.format(value);
}

/** A measured quantity as people write it: 12.5 → "12,5", 1234 → "1.234", 2 → "2"; null → "–". */
export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? '–' : DECIMAL_UP_TO_2.format(value);
}

/** ISO string → "27 November 2026" (WITA, Kutai Timur's time zone). */
export function formatDate(iso: string | null | undefined): string {
  return iso ? DATE.format(new Date(iso)) : '–';
}

/**
 * A minute-precision format that remembers its last minute: every autosave answers with the time it was saved,
 * almost always the same minute as the one before, and Intl formatting was a noticeable share of that request.
 */
function perMinute(format: Intl.DateTimeFormat): (iso: string) => string {
  let minute = NaN;
  let text = '';
  return (iso) => {
    const ms = Date.parse(iso);
    const m = Math.floor(ms / 60_000);
    if (m !== minute) {
      text = format.format(ms);
      minute = m;
    }
    return text;
  };
}
const dateTimeOf = perMinute(DATE_TIME);
const timeOf = perMinute(TIME);

/** ISO string → "27 November 2026 pukul 18.05". */
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dateTimeOf(iso) : '–';
}

/** ISO string → "18.05" (WITA), for "saved at" notes within a working day. */
export function formatTime(iso: string | null | undefined): string {
  return iso ? timeOf(iso) : '–';
}

/** Bytes → "820 B", "245 KB", "1,2 MB" (binary multiples, as file managers show them). */
export function formatFileSize(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || bytes < 0) return '–';
  if (bytes < 1024) return `${INTEGER.format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${DECIMAL_1.format(bytes / 1024)} KB`;
  return `${DECIMAL_1.format(bytes / (1024 * 1024))} MB`;
}

export const ROLE_LABELS = {
  admin: 'Admin Diskominfo',
  verifikator: 'Verifikator',
  narahubung: 'Narahubung',
  fasilitator: 'Fasilitator FGD',
  tim_renaksi: 'Tim Penyusun Renaksi',
} as const;

export const GROUP_LABELS = { pd: 'Perangkat Daerah', kecamatan: 'Kecamatan' } as const;

export const STATUS_LABELS = {
  belum_mulai: 'Belum mulai',
  draf: 'Draf',
  diajukan: 'Diajukan',
  dikembalikan: 'Dikembalikan',
  diverifikasi: 'Diverifikasi',
} as const;
