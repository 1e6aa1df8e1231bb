import { toCsv, type CsvColumn } from '../shared/csv';
import { GROUP_LABELS } from '../shared/format';
import type { LaporFigures } from './lapor-figures';
import type { ClaimCheck } from './lapor-levels';
import type { PeriodLapor, UnitLapor } from './lapor-figures.service';
import type { LaporAnswer, LaporUnit } from './lapor-context';
import { checkClaims } from './lapor-levels';

/**
 * The SP4N-LAPOR! figures as the API, the dashboard section's JSON and CSV twins and the slide give them. JSON numbers
 * keep full precision; group names follow /api/periods/:periodId/scores ('perangkat daerah', 'kecamatan'). Pure.
 */

export const LAPOR_TABLES = ['units', 'monthly', 'claims'] as const;
export type LaporTable = (typeof LAPOR_TABLES)[number];
export const isLaporTable = (t: string): t is LaporTable => (LAPOR_TABLES as readonly string[]).includes(t);

export const LAPOR_TABLE_FILES: Record<LaporTable, string> = {
  units: 'data-lapor-per-unit',
  monthly: 'data-lapor-per-bulan',
  claims: 'klaim-dan-data-lapor',
};

const groupName = (g: 'pd' | 'kecamatan') => GROUP_LABELS[g].toLowerCase();

/** The figures of one set of reports under the API's field names. */
export function figuresJson(f: LaporFigures) {
  return {
    received: f.received,
    firstResponseWithin5Pct: f.firstResponseWithin5Pct,
    finishedPct: f.finishedPct,
    medianWorkdaysToFinish: f.medianWorkdaysToFinish,
    backlogCount: f.backlogCount,
    backlogPct: f.backlogPct,
    notAuthorityPct: f.notAuthorityPct,
    handled: f.handled,
    firstResponseDue: f.firstResponseDue,
    firstResponseWithin5: f.firstResponseWithin5,
    finished: f.finished,
    notAuthority: f.notAuthority,
  };
}

const levelsJson = (u: UnitLapor) => Object.fromEntries(u.levels.map((l) => [l.code, l.level]));

/** GET /api/periods/:periodId/lapor (README "Antarmuka otomasi"). */
export function laporApiJson(period: { id: number; name: string; year: number; isDemo: boolean }, l: PeriodLapor | null) {
  return {
    period: { id: period.id, name: period.name, year: period.year, isDemo: period.isDemo },
    asOf: l?.asOf ?? null,
    importCount: l?.importCount ?? 0,
    kabupaten: l && {
      ...figuresJson(l.kabupaten),
      monthly: l.kabupaten.monthly,
      groups: { [groupName('pd')]: figuresJson(l.groups.pd), [groupName('kecamatan')]: figuresJson(l.groups.kecamatan) },
    },
    units: (l?.units ?? []).map((u) => ({
      code: u.unit.code,
      name: u.unit.name,
      group: groupName(u.unit.group),
      ...figuresJson(u.figures),
      target: u.target,
      levels: levelsJson(u),
      monthly: u.figures.monthly,
    })),
  };
}

/** A unit's claims beside the data, with how far they are apart (sum of level differences where both are levels). */
export interface UnitClaims {
  unit: LaporUnit;
  checks: ClaimCheck[];
  /** Σ |claim − data| over the indicators where both are levels. */
  gap: number;
  /** Indicators where the claim is above the data. */
  higher: number;
  /** Indicators answered "tidak berlaku" where the data has a figure (ClaimCheck.naContradicted). */
  naContradicted: number;
}

/**
 * The units whose claims and data are furthest apart first: claims above the data or "tidak berlaku" the data
 * contradicts before claims below, then by the sum of level differences.
 */
export function claimsTable(l: PeriodLapor, answersOf: (unitId: number) => Record<string, LaporAnswer>): UnitClaims[] {
  return l.units
    .map((u) => {
      const checks = checkClaims(u.levels, answersOf(u.unit.id));
      const both = checks.filter((c) => typeof c.claim === 'number' && typeof c.level === 'number');
      const gap = both.reduce((s, c) => s + Math.abs((c.claim as number) - (c.level as number)), 0);
      return { unit: u.unit, checks, gap, higher: checks.filter((c) => c.claimHigher).length, naContradicted: checks.filter((c) => c.naContradicted).length };
    })
    .filter((c) => c.gap > 0 || c.naContradicted > 0)
    .sort((a, b) => b.higher + b.naContradicted - (a.higher + a.naContradicted) || b.gap - a.gap || a.unit.name.localeCompare(b.unit.name, 'id'));
}

type UnitRow = UnitLapor;

/** Per month of the period's year, the unit's reports received (the JSON's `monthly`, received only: a column a month). */
function monthColumns(months: readonly string[]): CsvColumn<UnitRow>[] {
  return months.map((month, i) => ({ header: `Diterima ${month}`, kind: 'int', value: (u) => u.figures.monthly[i]?.received ?? 0 }));
}

function unitColumns(codes: string[], months: readonly string[]): CsvColumn<UnitRow>[] {
  return [
    { header: 'Kode unit', kind: 'text', value: (u) => u.unit.code },
    { header: 'Unit', kind: 'text', value: (u) => u.unit.name },
    { header: 'Kelompok', kind: 'text', value: (u) => GROUP_LABELS[u.unit.group] },
    { header: 'Laporan diterima', kind: 'int', value: (u) => u.figures.received },
    { header: 'Tindak lanjut pertama ≤ 5 HK (%)', kind: 'percent', value: (u) => u.figures.firstResponseWithin5Pct },
    { header: 'Selesai (%)', kind: 'percent', value: (u) => u.figures.finishedPct },
    { header: 'Median HK sampai selesai', kind: 'score', value: (u) => u.figures.medianWorkdaysToFinish },
    { header: 'Tunggakan melewati batas waktu', kind: 'int', value: (u) => u.figures.backlogCount },
    { header: 'Tunggakan (%)', kind: 'percent', value: (u) => u.figures.backlogPct },
    { header: 'Bukan wewenang (%)', kind: 'percent', value: (u) => u.figures.notAuthorityPct },
    { header: 'Target laporan', kind: 'int', value: (u) => u.target },
    ...codes.map((code): CsvColumn<UnitRow> => ({
      header: `Tingkat ${code} menurut data`,
      kind: 'text',
      value: (u) => {
        const l = u.levels.find((x) => x.code === code)?.level;
        return l === undefined ? null : l === 'na' ? 'tidak berlaku' : String(l);
      },
    })),
    ...monthColumns(months),
  ];
}

interface MonthRow {
  month: string;
  kabupaten: { received: number; finished: number };
  pd: { received: number; finished: number };
  kecamatan: { received: number; finished: number };
}

function monthRows(l: PeriodLapor): MonthRow[] {
  return l.kabupaten.monthly.map((m, i) => ({
    month: m.month,
    kabupaten: m,
    pd: l.groups.pd.monthly[i] ?? { received: 0, finished: 0 },
    kecamatan: l.groups.kecamatan.monthly[i] ?? { received: 0, finished: 0 },
  }));
}

const claimText = (c: number | 'na' | null) => (c === null ? 'belum dijawab' : c === 'na' ? 'tidak berlaku' : String(c));

/** A table of the section as JSON (full precision). */
export function laporTableJson(l: PeriodLapor, table: LaporTable, claims: UnitClaims[]) {
  const period = { id: l.period.id, name: l.period.name, year: l.period.year, isDemo: l.period.isDemo };
  if (table === 'units') return { period, asOf: l.asOf, units: laporApiJson(l.period, l).units };
  if (table === 'monthly') return { period, asOf: l.asOf, months: monthRows(l).map((m) => ({ month: m.month, kabupaten: m.kabupaten, groups: { [groupName('pd')]: m.pd, [groupName('kecamatan')]: m.kecamatan } })) };
  return {
    period,
    asOf: l.asOf,
    units: claims.map((c) => ({
      code: c.unit.code, name: c.unit.name, group: groupName(c.unit.group), gap: c.gap, higher: c.higher, naContradicted: c.naContradicted,
      indicators: c.checks.map((k) => ({ code: k.code, claim: k.claim, data: k.level, value: k.value, claimHigher: k.claimHigher, naContradicted: k.naContradicted })),
    })),
  };
}

/** The same table as CSV for Excel (id-ID). */
export function laporTableCsv(l: PeriodLapor, table: LaporTable, claims: UnitClaims[]): string {
  if (table === 'units') return toCsv(unitColumns(l.indicatorCodes, l.kabupaten.monthly.map((m) => m.month)), l.units);
  if (table === 'monthly') {
    return toCsv<MonthRow>([
      { header: 'Bulan', kind: 'text', value: (m) => m.month },
      { header: 'Diterima (kabupaten)', kind: 'int', value: (m) => m.kabupaten.received },
      { header: 'Selesai (kabupaten)', kind: 'int', value: (m) => m.kabupaten.finished },
      { header: `Diterima (${GROUP_LABELS.pd})`, kind: 'int', value: (m) => m.pd.received },
      { header: `Diterima (${GROUP_LABELS.kecamatan})`, kind: 'int', value: (m) => m.kecamatan.received },
    ], monthRows(l));
  }
  const rows = claims.flatMap((c) => c.checks.map((k) => ({ c, k })));
  return toCsv<{ c: UnitClaims; k: ClaimCheck }>([
    { header: 'Kode unit', kind: 'text', value: (r) => r.c.unit.code },
    { header: 'Unit', kind: 'text', value: (r) => r.c.unit.name },
    { header: 'Indikator', kind: 'text', value: (r) => r.k.code },
    { header: 'Tingkat klaim unit', kind: 'text', value: (r) => claimText(r.k.claim) },
    { header: 'Tingkat menurut data', kind: 'text', value: (r) => claimText(r.k.level) },
    { header: 'Klaim lebih tinggi', kind: 'text', value: (r) => (r.k.claimHigher ? 'ya' : 'tidak') },
    { header: 'Tidak berlaku padahal data dapat menilai', kind: 'text', value: (r) => (r.k.naContradicted ? 'ya' : 'tidak') },
    { header: 'Angka data SP4N-LAPOR!', kind: 'text', value: (r) => r.k.text },
  ], rows);
}
