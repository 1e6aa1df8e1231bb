import { formatDate, formatInt, formatPercent } from '../shared/format';
import type { LaporFigures } from './lapor-figures';
import type { PeriodLapor, UnitLapor } from './lapor-figures.service';
import { levelText, type ClaimCheck, type DerivedLevel } from './lapor-levels';
import type { UnitClaims } from './lapor-outputs';

/**
 * What the pages show of the SP4N-LAPOR! figures: the line under an indicator, the verifikator's comparison, the
 * dashboard section with its charts, the rapor line. Pure; numbers as id-ID text from the one formatter.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'];
export const monthLabel = (month: string): string => `${MONTHS[Number(month.slice(5, 7)) - 1] ?? month} ${month.slice(0, 4)}`;

/** The sentence under an indicator: "Data SP4N-LAPOR! per 30 Desember 2022: … → tingkat 2". */
export function figureLine(d: DerivedLevel, asOf: string): { text: string; level: string } {
  return { text: `Data SP4N-LAPOR! per ${formatDate(asOf)}: ${d.text}.`, level: levelText(d.level) };
}

/** The reason a verifikator's "use the data's level" records. */
export function dataReason(d: DerivedLevel, asOf: string): string {
  return `Tingkat menurut data SP4N-LAPOR! (ekspor ${formatDate(asOf)}): ${d.text} → ${levelText(d.level)}.`;
}

/** What the verification page shows beside an indicator's claim. */
export interface VerifyView {
  code: string;
  text: string;
  dataLevel: string;
  claimLevel: string;
  claimHigher: boolean;
  /** "Tidak berlaku" claimed where the data has a figure. */
  naContradicted: boolean;
  /** The level the one-click button sets; null when the data gives "tidak berlaku" (no level to set). */
  useLevel: number | null;
}

export function verifyView(c: ClaimCheck, asOf: string): VerifyView {
  return {
    code: c.code,
    text: figureLine(c, asOf).text,
    dataLevel: levelText(c.level),
    claimLevel: c.claim === null ? 'belum dijawab' : levelText(c.claim),
    claimHigher: c.claimHigher,
    naContradicted: c.naContradicted,
    useLevel: typeof c.level === 'number' ? c.level : null,
  };
}

/** The rapor's line: the unit's figures in a few words (it shares a line of the printed one-page rapor, so no date). */
export function raporLine(u: UnitLapor): string {
  const f = u.figures;
  const head = 'Data SP4N-LAPOR!:';
  if (f.received === 0) return `${head} tidak ada laporan`;
  return `${head} ${formatInt(f.received)} laporan · ≤ 5 HK ${formatPercent(f.firstResponseWithin5Pct)} · selesai ${formatPercent(f.finishedPct)} · tunggakan ${formatInt(f.backlogCount)}`;
}

/** A chart for public/js/dashboard.js (the shape of the dashboard's ChartModel). */
export interface LaporChart {
  type: 'bar';
  horizontal: boolean;
  stacked: boolean;
  labels: string[];
  max: number;
  axisTitle: string;
  series: { key: string; label: string; data: (number | null)[]; text: string[]; colour: string }[];
}

/** Monthly reports received, perangkat daerah and kecamatan stacked. */
function stackedMonths(months: readonly { month: string; pd: number; kecamatan: number }[]): LaporChart {
  const pd = months.map((m) => m.pd);
  const kec = months.map((m) => m.kecamatan);
  const top = Math.max(1, ...months.map((m) => m.pd + m.kecamatan));
  return {
    type: 'bar', horizontal: false, stacked: true, labels: months.map((m) => monthLabel(m.month)),
    max: Math.ceil(top * 1.1), axisTitle: 'Laporan diterima',
    series: [
      { key: 'pd', label: 'Perangkat Daerah', data: pd, text: pd.map(formatInt), colour: 'pd' },
      { key: 'kecamatan', label: 'Kecamatan', data: kec, text: kec.map(formatInt), colour: 'kecamatan' },
    ],
  };
}

const monthsOf = (l: PeriodLapor) =>
  l.kabupaten.monthly.map((m, i) => ({ month: m.month, pd: l.groups.pd.monthly[i]?.received ?? 0, kecamatan: l.groups.kecamatan.monthly[i]?.received ?? 0 }));

export function monthlyChart(l: PeriodLapor): LaporChart {
  return stackedMonths(monthsOf(l));
}

/** First follow-up within 5 HK and finished, per unit that received reports (most reports first). */
export function responseChart(l: PeriodLapor): LaporChart {
  const units = l.units.filter((u) => u.figures.received > 0).sort((a, b) => b.figures.received - a.figures.received);
  const series = (key: string, label: string, value: (f: LaporFigures) => number | null, colour: string) => {
    const data = units.map((u) => value(u.figures));
    return { key, label, data, text: data.map((v) => (v === null ? '' : formatPercent(v))), colour };
  };
  return {
    type: 'bar', horizontal: true, stacked: false, labels: units.map((u) => u.unit.name), max: 100, axisTitle: 'Persen laporan',
    series: [
      series('first', 'Tindak lanjut pertama ≤ 5 HK', (f) => f.firstResponseWithin5Pct, 'kabupaten'),
      series('finished', 'Selesai', (f) => f.finishedPct, 'pd'),
    ],
  };
}

export interface LaporSection {
  asOf: string;
  kabupaten: LaporFigures;
  groups: PeriodLapor['groups'];
  /** The units that received reports (the table); every active unit counts in `unitCount`. */
  units: UnitLapor[];
  unitCount: number;
  /** Names of the active units without any report, in official order. */
  withoutReports: string[];
  claims: UnitClaims[];
  indicatorCodes: string[];
  charts: { monthly: LaporChart; response: LaporChart };
}

/** The dashboard's "Data SP4N-LAPOR!" section: at most ten units in the claims table. */
export function laporSection(l: PeriodLapor, claims: UnitClaims[]): LaporSection {
  return {
    asOf: l.asOf, kabupaten: l.kabupaten, groups: l.groups, units: l.units.filter((u) => u.figures.received > 0),
    unitCount: l.units.length, withoutReports: l.units.filter((u) => u.figures.received === 0).map((u) => u.unit.name),
    claims: claims.slice(0, 10), indicatorCodes: l.indicatorCodes, charts: { monthly: monthlyChart(l), response: responseChart(l) },
  };
}

/**
 * The FGD slide's numbers (kept in a presentation snapshot, so plain data that only grows optional fields): kabupaten
 * totals, the monthly volume and how many units claimed a higher level than their data. No unit names.
 */
export interface PresentedLapor {
  asOf: string;
  received: number;
  firstResponseWithin5Pct: number | null;
  finishedPct: number | null;
  medianWorkdaysToFinish: number | null;
  backlogCount: number;
  backlogPct: number | null;
  notAuthorityPct: number | null;
  monthly: { month: string; pd: number; kecamatan: number }[];
  unitsWithReports: number;
  /** Every active unit (the denominator of unitsWithReports); absent in snapshots taken before it existed. */
  unitCount?: number;
  unitsClaimingHigher: number;
}

export function presentLapor(l: PeriodLapor, claims: readonly UnitClaims[]): PresentedLapor {
  const k = l.kabupaten;
  return {
    asOf: l.asOf, received: k.received, firstResponseWithin5Pct: k.firstResponseWithin5Pct, finishedPct: k.finishedPct,
    medianWorkdaysToFinish: k.medianWorkdaysToFinish, backlogCount: k.backlogCount, backlogPct: k.backlogPct, notAuthorityPct: k.notAuthorityPct,
    monthly: monthsOf(l), unitsWithReports: l.units.filter((u) => u.figures.received > 0).length, unitCount: l.units.length,
    unitsClaimingHigher: claims.filter((c) => c.higher > 0).length,
  };
}

export function presentedMonthlyChart(p: PresentedLapor): LaporChart {
  return stackedMonths(p.monthly);
}
