/**
 * Monev of the Renaksi as plain data (SPEC.md "Monitoring and evaluation of the Renaksi"): semesters of the plan
 * years, capaian against a year's output target, whether a row is on schedule, reporting windows, and which unit
 * coordinates a row. Pure: no database, no Express.
 */

export const MONEV_STATUSES = ['belum_dimulai', 'berjalan', 'selesai', 'tidak_dilaksanakan'] as const;
export type MonevStatus = (typeof MONEV_STATUSES)[number];

export const MONEV_STATUS_LABELS: Record<MonevStatus, string> = {
  belum_dimulai: 'Belum dimulai',
  berjalan: 'Berjalan',
  selesai: 'Selesai',
  tidak_dilaksanakan: 'Tidak dilaksanakan',
};

/** The review cycle of a report, as an assessment's: draf → diajukan → diterima | dikembalikan → diajukan … */
export const REVIEW_STATES = ['draf', 'diajukan', 'diterima', 'dikembalikan'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export const REVIEW_STATE_LABELS: Record<ReviewState, string> = {
  draf: 'Draf',
  diajukan: 'Diajukan',
  diterima: 'Diterima',
  dikembalikan: 'Dikembalikan',
};

/** A report counts as reported once it is submitted: waiting for review or accepted (a returned one must be fixed). */
export const isReported = (state: ReviewState | null | undefined): boolean => state === 'diajukan' || state === 'diterima';

export interface Semester {
  year: number;
  semester: 1 | 2;
  /** "2022-1": the key the API and forms use. */
  key: string;
  /** "Semester I 2022". */
  label: string;
}

/** "Semester I" and "Semester II": a semester's name without its year (the Lampiran III columns, evidence lists). */
export const SEMESTER_NAMES: Record<1 | 2, string> = { 1: 'Semester I', 2: 'Semester II' };

/** Semester I and II of every plan year from first to last, in order. */
export function semestersOf(startYear: number, endYear: number): Semester[] {
  const out: Semester[] = [];
  for (let year = startYear; year <= endYear; year++) {
    for (const semester of [1, 2] as const) out.push({ year, semester, key: `${year}-${semester}`, label: `${SEMESTER_NAMES[semester]} ${year}` });
  }
  return out;
}

/** The semester a key names ("2023-2"), or null when it is malformed. Whether it is in the plan is for the caller. */
export function parseSemesterKey(key: string): { year: number; semester: 1 | 2 } | null {
  const m = /^(\d{4})-([12])$/.exec(key);
  return m ? { year: Number(m[1]), semester: Number(m[2]) as 1 | 2 } : null;
}

/**
 * The number an output target text starts with, read the Indonesian way: "9 dokumen" → 9, "1.234 orang" → 1234,
 * "12,5 %" → 12.5, "100 %" → 100. A list ("1) 9 dokumen\n2) 4 notulen") gives its first item's number (outputsOf
 * splits it; capaianOfOutputs counts every item), never a later item's: "1) –\n2) 4 notulen" → null. null when the
 * text has no number ("–", "Tersusun").
 */
export function parseTargetNumber(text: string | undefined): number | null {
  const [first] = outputsOf(text);
  if (!first) return null;
  const m = /(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?/.exec(first);
  if (!m) return null;
  const whole = Number((m[1] as string).replace(/\./g, ''));
  return m[2] === undefined ? whole : Number(`${whole}.${m[2]}`);
}

export interface Capaian {
  /** realisasi ÷ target × 100; null when either is missing or the target is 0. */
  percent: number | null;
  /** Over 100 %: allowed, but shown so the team checks it. */
  overTarget: boolean;
}

/** Capaian of a realisasi against the year's output target (both in the target's unit). */
export function capaianOf(realisasi: number | null, target: number | null): Capaian {
  if (realisasi === null || target === null || target <= 0) return { percent: null, overTarget: false };
  const percent = (realisasi / target) * 100;
  return { percent, overTarget: percent > 100 };
}

/**
 * The outputs a year's output target lists: one per non-empty line, its "1) " numbering removed. "1) 9 dokumen\n2) 4
 * notulen per unit" → ["9 dokumen", "4 notulen per unit"]; "9 dokumen" → ["9 dokumen"]; '' → []. Merged rows join
 * their outputs line by line, numbered or not, so every line is an output.
 */
export function outputsOf(text: string | undefined): string[] {
  return (text ?? '').split('\n').map((line) => line.replace(/^\s*\d+\)\s*/, '').trim()).filter((line) => line !== '');
}

/**
 * Capaian of a row in a semester over every output of the year's target, each { realisasi, target } in the target's
 * unit. One output (or none): capaianOf, which may exceed 100 %. Several: the mean, over the outputs whose target has
 * a number, of each output's capaian capped at 100 %, so an output done twice over cannot hide one not started; an
 * output without a realisasi counts 0 % once another has one; null when none has. Flagged when any output is over its
 * target.
 */
export function capaianOfOutputs(outputs: { realisasi: number | null; target: number | null }[]): Capaian {
  const [first] = outputs;
  if (outputs.length <= 1) return capaianOf(first?.realisasi ?? null, first?.target ?? null);
  const measured = outputs.filter((o): o is { realisasi: number | null; target: number } => o.target !== null && o.target > 0);
  if (measured.length === 0 || measured.every((o) => o.realisasi === null)) return { percent: null, overTarget: false };
  const each = measured.map((o) => ((o.realisasi ?? 0) / o.target) * 100);
  return { percent: each.reduce((sum, p) => sum + Math.min(100, p), 0) / each.length, overTarget: each.some((p) => p > 100) };
}

/**
 * What a row report stores from the realisasi typed for a year whose target lists `outputCount` outputs. Several:
 * one realisasi per output (the form's per-output fields; a form with the single field gives it to the first output)
 * and `realisasi` = the first output's. One or none: the single realisasi, no per-output list.
 */
export function storedRealisasi(
  outputCount: number, typed: { realisasi: number | null; outputRealisasi: (number | null)[] | null },
): { realisasi: number | null; outputRealisasi: (number | null)[] | null } {
  if (outputCount < 2) return { realisasi: typed.realisasi ?? typed.outputRealisasi?.[0] ?? null, outputRealisasi: null };
  const list = Array.from({ length: outputCount }, (_, k) => (typed.outputRealisasi ? typed.outputRealisasi[k] ?? null : k === 0 ? typed.realisasi : null));
  return { realisasi: list[0] ?? null, outputRealisasi: list };
}

/** Share of the year's output target expected by the end of each semester: half by June, all by December. */
export const EXPECTED_SHARE: Record<1 | 2, number> = { 1: 50, 2: 100 };

/** Whether a semester has begun on `today` (YYYY-MM-DD, WITA): semester I on 1 January, II on 1 July. */
export function semesterStarted(s: { year: number; semester: 1 | 2 }, today: string): boolean {
  return today >= `${s.year}-${s.semester === 1 ? '01' : '07'}-01`;
}

/** The months each semester covers, as the monev page, report and workbook name them. */
export const SEMESTER_MONTHS: Record<1 | 2, string> = { 1: 'Januari–Juni', 2: 'Juli–Desember' };

/** "TW III 2022 – TW IV 2024" → the first quarter it names ({ year: 2022, quarter: 3 }); null when none. */
export function scheduleStart(schedule: string): { year: number; quarter: number } | null {
  const m = /TW\s+(IV|I{1,3})\s+(\d{4})/.exec(schedule);
  if (!m) return null;
  return { year: Number(m[2]), quarter: ['I', 'II', 'III', 'IV'].indexOf(m[1] as string) + 1 };
}

/** Whether the row's waktu starts after the semester ends (semester 1 ends with TW II, semester 2 with TW IV). */
export function startsAfter(schedule: string, s: { year: number; semester: 1 | 2 }): boolean {
  const start = scheduleStart(schedule);
  if (!start) return false;
  return start.year > s.year || (start.year === s.year && start.quarter > s.semester * 2);
}

/**
 * Whether a reported row is on schedule in a semester ("sesuai jadwal"):
 * - selesai: yes;
 * - tidak dilaksanakan: no;
 * - belum dimulai: yes only while its waktu has not started (it starts after this semester), else no;
 * - berjalan: yes when capaian reaches the share expected by the end of the semester (EXPECTED_SHARE: 50 % in
 *   semester I, 100 % in semester II), or when capaian cannot be computed (the year's output target has no number).
 * A row not reported (no report, a draft or a returned one) is not on schedule: nobody has shown it is.
 */
export function isOnSchedule(
  report: { status: MonevStatus | null; capaian: number | null } | null, schedule: string, s: { year: number; semester: 1 | 2 },
): boolean {
  if (!report || report.status === null) return false;
  switch (report.status) {
    case 'selesai': return true;
    case 'tidak_dilaksanakan': return false;
    case 'belum_dimulai': return startsAfter(schedule, s);
    case 'berjalan': return report.capaian === null || report.capaian >= EXPECTED_SHARE[s.semester];
  }
}

/** Rows on schedule as a share of all monitored rows, 0–100; null when there are none. */
export function onScheduleShare(onSchedule: number, rows: number): number | null {
  return rows === 0 ? null : (onSchedule / rows) * 100;
}

export interface ReportingWindow {
  /** YYYY-MM-DD (WITA), first day reports are taken. */
  opensOn: string;
  /** YYYY-MM-DD (WITA), last day reports are taken. */
  deadline: string;
}

export type WindowState = 'tanpa_jadwal' | 'belum_dibuka' | 'terbuka' | 'ditutup';

export const WINDOW_STATE_LABELS: Record<WindowState, string> = {
  tanpa_jadwal: 'Belum dijadwalkan (terbuka)',
  belum_dibuka: 'Belum dibuka',
  terbuka: 'Terbuka',
  ditutup: 'Ditutup',
};

const WITA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** Today's calendar date in WITA (Kutai Timur), YYYY-MM-DD. */
export function witaDate(now: Date): string {
  return new Date(now.getTime() + WITA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whether reports are taken now: without a window a semester is open; with one, from opensOn to deadline inclusive. */
export function windowState(window: ReportingWindow | null | undefined, now: Date): WindowState {
  if (!window) return 'tanpa_jadwal';
  const today = witaDate(now);
  if (today < window.opensOn) return 'belum_dibuka';
  return today > window.deadline ? 'ditutup' : 'terbuka';
}

/** Words that say nothing about which unit is meant. */
const STOP_WORDS = new Set(['dan', 'serta', 'kabupaten', 'kab', 'kutai', 'timur']);

const wordsOf = (text: string): string[] =>
  text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter((w) => w !== '' && !STOP_WORDS.has(w));

/**
 * The unit a row's penanggung jawab names: among the units every word of whose name appears in the text (in any
 * order: "Dinas Komunikasi, Informatika, Statistik dan Persandian" names "Dinas Komunikasi dan Informatika,
 * Persandian dan Statistik"; "Bagian Hukum Sekretariat Daerah" names "Sekretariat Daerah"), the one with the longest
 * name; else a unit whose abbreviation appears as a word. null when none, or when two equally long names match.
 */
export function matchCoordinator<U extends { name: string; abbreviation?: string }>(responsible: string, units: U[]): U | null {
  return coordinatorMatcher(units)(responsible);
}

/**
 * matchCoordinator over the same units for many texts: each unit's words are read once, not once per text (a country's
 * perangkat daerah are 20.000).
 */
export function coordinatorMatcher<U extends { name: string; abbreviation?: string }>(units: U[]): (responsible: string) => U | null {
  const named = units.map((u) => ({ u, w: wordsOf(u.name) })).filter(({ w }) => w.length > 0);
  const abbreviated = units.flatMap((u) => {
    const w = u.abbreviation ? wordsOf(u.abbreviation) : [];
    return w.length > 0 ? [{ u, phrase: ` ${w.join(' ')} ` }] : [];
  });
  return (responsible) => {
    const own = wordsOf(responsible);
    const words = new Set(own);
    const byName = named.filter(({ w }) => w.every((x) => words.has(x))).sort((a, b) => b.w.length - a.w.length);
    const [best, second] = byName;
    if (best) return second && second.w.length === best.w.length ? null : best.u;
    const text = ` ${own.join(' ')} `;
    const byAbbreviation = abbreviated.filter(({ phrase }) => text.includes(phrase));
    return byAbbreviation.length === 1 ? (byAbbreviation[0] as { u: U }).u : null;
  };
}
