import type { Indicator, ReplySample } from '../instrument';

/**
 * The reply sample of an indicator judged on one (D3 in revision 2): the verifikator draws up to `maxReports`
 * finished reports and ticks, per report, the checklist items its reply meets. Pure: reading the form or the
 * autosave body, and the share of replies that meet every item.
 */

/** One sampled report: its SP4N-LAPOR! tracking ID and the codes of the checklist items its reply meets. */
export interface SampleReport {
  trackingId: string;
  checks: string[];
}

export interface SampleInput {
  code: string;
  reports: SampleReport[];
}

export interface SampleShare {
  /** Reports in the sample. */
  total: number;
  /** Reports whose reply meets every checklist item. */
  meetingAll: number;
  /** meetingAll × 100 / total; null for an empty sample. */
  percent: number | null;
}

/** A tracking ID as SP4N-LAPOR! prints it: letters, digits and hyphens. */
const TRACKING_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/;

/** The fields of report `n` (1-based) in the verification form. */
export const sampleField = (code: string, n: number, part: string): string => `sample_${code}_${n}_${part}`;
/** Present on the form wherever the sample fields are shown, so an emptied sample is told from an absent one. */
export const sampleMarker = (code: string): string => `sample_${code}`;

/** How many replies meet every item, and their share. */
export function sampleShare(sample: ReplySample, reports: SampleReport[]): SampleShare {
  const meetingAll = reports.filter((r) => sample.checklist.every((c) => r.checks.includes(c.code))).length;
  return { total: reports.length, meetingAll, percent: reports.length === 0 ? null : (meetingAll * 100) / reports.length };
}

interface RawRow {
  n: number;
  trackingId: unknown;
  checks: unknown;
}

/** Checks rows as sent (blank rows dropped), keeping the checklist's order of ticks; errors name the report. */
function checkRows(ind: Indicator & { sample: ReplySample }, rows: RawRow[]): { sample?: SampleInput; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const reports: SampleReport[] = [];
  const known = ind.sample.checklist.map((c) => c.code);
  for (const row of rows) {
    const id = typeof row.trackingId === 'string' ? row.trackingId.trim() : row.trackingId === undefined || row.trackingId === null ? '' : null;
    const ticks = Array.isArray(row.checks) ? row.checks : [];
    const field = sampleField(ind.code, row.n, 'id');
    const label = `Indikator ${ind.code}, laporan sampel ke-${row.n}`;
    if (id === '' && ticks.length === 0) continue;
    if (id === null || id === '') errors[field] = `${label}: ID Tracking wajib diisi.`;
    else if (!TRACKING_ID.test(id)) errors[field] = `${label}: ID Tracking hanya berisi huruf, angka atau tanda hubung (paling banyak 40 karakter).`;
    else if (reports.some((r) => r.trackingId === id)) errors[field] = `${label}: ID Tracking ${id} sudah ada dalam sampel.`;
    if (ticks.some((t) => typeof t !== 'string' || !known.includes(t))) errors[field] = `${label}: butir daftar periksa tidak dikenal.`;
    if (!errors[field]) reports.push({ trackingId: id as string, checks: known.filter((c) => ticks.includes(c)) });
  }
  if (rows.filter((r) => typeof r.trackingId === 'string' && r.trackingId.trim() !== '').length > ind.sample.maxReports) {
    errors[sampleMarker(ind.code)] = `Indikator ${ind.code}: sampel paling banyak ${ind.sample.maxReports} laporan.`;
  }
  return Object.keys(errors).length > 0 ? { errors } : { sample: { code: ind.code, reports }, errors };
}

const hasSample = (ind: Indicator): ind is Indicator & { sample: ReplySample } => ind.sample !== undefined;

/**
 * Reads the sample of the verification form: `sample_D3` (marker), per report n `sample_D3_<n>_id` and a checkbox
 * `sample_D3_<n>_<item code>` per checklist item met. Nothing when the indicator has no sample or the form did not
 * show it.
 */
export function parseSampleForm(ind: Indicator, body: Record<string, unknown>): { sample?: SampleInput; errors: Record<string, string> } {
  if (!hasSample(ind) || body[sampleMarker(ind.code)] === undefined) return { errors: {} };
  const rows = Array.from({ length: ind.sample.maxReports }, (_, i): RawRow => ({
    n: i + 1,
    trackingId: body[sampleField(ind.code, i + 1, 'id')],
    checks: ind.sample.checklist.filter((c) => body[sampleField(ind.code, i + 1, c.code)] !== undefined).map((c) => c.code),
  }));
  return checkRows(ind, rows);
}

/** Reads the autosave's `sample`: `[{ trackingId, checks: [item codes] }]`; absent leaves the stored sample as it is. */
export function parseSampleJson(ind: Indicator, raw: unknown): { sample?: SampleInput; errors: Record<string, string> } {
  if (!hasSample(ind) || raw === undefined) return { errors: {} };
  if (!Array.isArray(raw)) return { errors: { [sampleMarker(ind.code)]: `Indikator ${ind.code}: sampel tidak dapat dibaca.` } };
  const rows = raw.map((r: unknown, i): RawRow => {
    const o = r && typeof r === 'object' ? (r as Record<string, unknown>) : {};
    return { n: i + 1, trackingId: o.trackingId, checks: o.checks };
  });
  return checkRows(ind, rows);
}

/** The samples of every sampled indicator the verification form shows; errors keyed by their fields. */
export function parseSamplesForm(instrument: { aspects: { indicators: Indicator[] }[] }, body: Record<string, unknown>): { samples: SampleInput[]; errors: Record<string, string> } {
  const samples: SampleInput[] = [];
  let errors: Record<string, string> = {};
  for (const ind of instrument.aspects.flatMap((a) => a.indicators)) {
    const r = parseSampleForm(ind, body);
    errors = { ...errors, ...r.errors };
    if (r.sample) samples.push(r.sample);
  }
  return { samples, errors };
}
