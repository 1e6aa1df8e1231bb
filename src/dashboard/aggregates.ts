import { activitiesForLevel, type Indicator, type Instrument } from '../instrument';
import { categorize, gapOf, SCORE_EPSILON, type UnitResult, type UnitRoster } from '../scoring';
import type { UnitGroup } from '../units';

/**
 * Pure aggregates behind the FGD dashboard, the presentation and the unit rapor. Every kabupaten figure uses the
 * same units as the kabupaten index (SPEC.md "Scoring"): submitted or verified AND complete ("counted" units).
 */

export const GROUPS: readonly UnitGroup[] = ['pd', 'kecamatan'];

/** Keys of a level distribution: the levels 0–4 and "tidak berlaku". */
export const LEVEL_KEYS = ['0', '1', '2', '3', '4', 'na'] as const;
export type LevelKey = (typeof LEVEL_KEYS)[number];

/** A unit counts in kabupaten figures when it is submitted or verified and every indicator is answered or N/A. */
export function isCounted(u: UnitResult): boolean {
  return u.included && u.score.index !== null;
}

function mean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length;
}

/** Ascending natural order of codes: A2 before A10. */
export function compareCodes(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/**
 * A comparator by position in `list`: the units of a period come in the official order (units.sort_order), so
 * ties anywhere fall back to it.
 */
function byPosition<T extends { unitId: number }>(list: readonly T[]): (a: T, b: T) => number {
  const position = new Map(list.map((u, i) => [u.unitId, i]));
  return (a, b) => (position.get(a.unitId) ?? 0) - (position.get(b.unitId) ?? 0);
}

export interface UnitCounts {
  total: number;
  /** Units in the kabupaten figures. */
  counted: number;
  countedSubmitted: number;
  countedVerified: number;
  /** Submitted or verified but with an unanswered indicator: left out. */
  incompleteIncluded: number;
  /** Not started, draft or returned: left out. */
  notSubmitted: number;
  byGroup: Record<UnitGroup, { total: number; counted: number }>;
}

/** How many units the kabupaten figures rest on, and why the others are left out. */
export function countUnits(units: UnitResult[]): UnitCounts {
  const counted = units.filter(isCounted);
  const byGroup = Object.fromEntries(
    GROUPS.map((g) => [g, { total: units.filter((u) => u.group === g).length, counted: counted.filter((u) => u.group === g).length }]),
  ) as UnitCounts['byGroup'];
  return {
    total: units.length,
    counted: counted.length,
    countedSubmitted: counted.filter((u) => u.status === 'diajukan').length,
    countedVerified: counted.filter((u) => u.status === 'diverifikasi').length,
    incompleteIncluded: units.filter((u) => u.included && u.score.index === null).length,
    notSubmitted: units.filter((u) => !u.included).length,
    byGroup,
  };
}

/** Every unit of the period and why the uncounted ones are left out, as an indicator tally's denominator. */
export function rosterOf(counts: Pick<UnitCounts, 'total' | 'notSubmitted' | 'incompleteIncluded'>): UnitRoster {
  return { total: counts.total, notSubmitted: counts.notSubmitted, incomplete: counts.incompleteIncluded };
}

/** One value that went into a mean, kept so the page can show how the mean was computed. */
export interface MeanTerm {
  unitId: number;
  name: string;
  value: number;
}

export interface MeanCell {
  mean: number | null;
  category: string | null;
  /** The units and values averaged, in the period's unit order. */
  terms: MeanTerm[];
}

function meanCell(instrument: Instrument, terms: MeanTerm[]): MeanCell {
  const m = mean(terms.map((t) => t.value));
  return { mean: m, category: m === null ? null : categorize(m, instrument.categories), terms };
}

export type GroupKey = 'kabupaten' | UnitGroup;
export const GROUP_KEYS: readonly GroupKey[] = ['kabupaten', 'pd', 'kecamatan'];

function inScope(u: UnitResult, scope: GroupKey): boolean {
  return scope === 'kabupaten' || u.group === scope;
}

/** The index mean of the counted units, kabupaten-wide and per group (agrees with scoring's aggregateScores). */
export function indexMeans(instrument: Instrument, units: UnitResult[]): Record<GroupKey, MeanCell> {
  const counted = units.filter(isCounted);
  return Object.fromEntries(
    GROUP_KEYS.map((g) => [
      g,
      meanCell(instrument, counted.filter((u) => inScope(u, g)).map((u) => ({ unitId: u.unitId, name: u.name, value: u.score.index as number }))),
    ]),
  ) as Record<GroupKey, MeanCell>;
}

export interface AspectMeanRow {
  code: string;
  name: string;
  weight: number;
  means: Record<GroupKey, MeanCell>;
}

/**
 * Per aspect, the mean aspect score of the counted units, kabupaten-wide and per group. A unit whose aspect is
 * wholly N/A has no aspect score and is left out of that aspect's mean only.
 */
export function aspectMeans(instrument: Instrument, units: UnitResult[]): AspectMeanRow[] {
  const counted = units.filter(isCounted);
  return instrument.aspects.map((a) => ({
    code: a.code,
    name: a.name,
    weight: a.weight,
    means: Object.fromEntries(
      GROUP_KEYS.map((g) => {
        const terms = counted
          .filter((u) => inScope(u, g) && typeof u.score.aspectScores[a.code] === 'number')
          .map((u) => ({ unitId: u.unitId, name: u.name, value: u.score.aspectScores[a.code] as number }));
        return [g, meanCell(instrument, terms)];
      }),
    ) as Record<GroupKey, MeanCell>,
  }));
}

export interface RankedUnit {
  rank: number;
  unitId: number;
  code: string;
  name: string;
  group: UnitGroup;
  status: UnitResult['status'];
  index: number;
  category: string;
}

export interface UnrankedUnit {
  unitId: number;
  code: string;
  name: string;
  group: UnitGroup;
  status: UnitResult['status'];
  completeness: number;
  /** 'belum-lengkap': submitted with unanswered indicators; 'belum-diajukan': not started, draft or returned. */
  reason: 'belum-lengkap' | 'belum-diajukan';
}

/**
 * Counted units by index, highest first; equal indexes (within SCORE_EPSILON) share a rank and the next rank skips
 * ("1, 2, 2, 4"), ties in the official order. The rest follow unranked, most complete first, then in the official order.
 */
export function rankUnits(units: UnitResult[]): { ranked: RankedUnit[]; unranked: UnrankedUnit[] } {
  const official = byPosition(units);
  const counted = units.filter(isCounted).sort((a, b) => {
    const d = (b.score.index as number) - (a.score.index as number);
    return Math.abs(d) > SCORE_EPSILON ? d : official(a, b);
  });
  const ranked: RankedUnit[] = [];
  counted.forEach((u, i) => {
    const index = u.score.index as number;
    const prev = ranked[i - 1];
    const rank = prev && Math.abs(prev.index - index) <= SCORE_EPSILON ? prev.rank : i + 1;
    ranked.push({ rank, unitId: u.unitId, code: u.code, name: u.name, group: u.group, status: u.status, index, category: u.score.category ?? '' });
  });
  const unranked = units
    .filter((u) => !isCounted(u))
    .sort((a, b) => b.score.completeness - a.score.completeness || official(a, b))
    .map((u): UnrankedUnit => ({
      unitId: u.unitId,
      code: u.code,
      name: u.name,
      group: u.group,
      status: u.status,
      completeness: u.score.completeness,
      reason: u.included ? 'belum-lengkap' : 'belum-diajukan',
    }));
  return { ranked, unranked };
}

/**
 * Stable display numbers for "Unit 1, Unit 2 …" when names are hidden: every unit of the period by id, so a number
 * never moves when another unit submits.
 */
export function unitAliases(units: { unitId: number }[]): Map<number, number> {
  return new Map([...units].sort((a, b) => a.unitId - b.unitId).map((u, i) => [u.unitId, i + 1]));
}

export interface HeatmapCell {
  aspectCode: string;
  /** null: the aspect is wholly N/A for the unit. */
  score: number | null;
  category: string | null;
}

export interface HeatmapRow {
  unitId: number;
  alias: number;
  code: string;
  name: string;
  group: UnitGroup;
  status: UnitResult['status'];
  index: number;
  category: string;
  cells: HeatmapCell[];
}

/** Units × aspects for the counted units, in the period's unit order, each cell with its category. */
export function heatmapMatrix(instrument: Instrument, units: UnitResult[]): HeatmapRow[] {
  const aliases = unitAliases(units);
  return units.filter(isCounted).map((u) => ({
    unitId: u.unitId,
    alias: aliases.get(u.unitId) ?? 0,
    code: u.code,
    name: u.name,
    group: u.group,
    status: u.status,
    index: u.score.index as number,
    category: u.score.category ?? '',
    cells: instrument.aspects.map((a) => {
      const score = u.score.aspectScores[a.code] ?? null;
      return { aspectCode: a.code, score, category: score === null ? null : categorize(score, instrument.categories) };
    }),
  }));
}

export type SortDir = 'asc' | 'desc';

/**
 * Sorts heatmap rows by 'name', 'alias', 'group', 'index' or an aspect code. Cells without a score (aspect wholly
 * N/A) go last in either direction; ties keep the order of the rows given (the official order).
 */
export function sortHeatmap(rows: HeatmapRow[], key: string, dir: SortDir): HeatmapRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  const value = (r: HeatmapRow): number | string | null => {
    if (key === 'name') return r.name;
    if (key === 'alias') return r.alias;
    if (key === 'group') return r.group;
    if (key === 'index') return r.index;
    return r.cells.find((c) => c.aspectCode === key)?.score ?? null;
  };
  const official = byPosition(rows);
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null || vb === null) return va === vb ? official(a, b) : va === null ? 1 : -1;
    const d = typeof va === 'string' && typeof vb === 'string' ? va.localeCompare(vb, 'id') : (va as number) - (vb as number);
    return Math.abs(d) > SCORE_EPSILON ? sign * d : official(a, b);
  });
}

export interface LevelDistribution {
  code: string;
  title: string;
  aspectCode: string;
  target: number;
  counts: Record<LevelKey, number>;
  /** Counted units with a level (not N/A). */
  applicable: number;
  /** Mean indicator score (level ÷ 4 × 100) over the applicable counted units; null when none applies. */
  mean: number | null;
  /** Applicable counted units with a level below the indicator's target. */
  belowTarget: number;
}

/** For every indicator, how many counted units sit at each level 0–4 or N/A, with the mean indicator score. */
export function levelDistributions(instrument: Instrument, units: UnitResult[]): LevelDistribution[] {
  const counted = units.filter(isCounted);
  return instrument.aspects.flatMap((a) =>
    a.indicators.map((ind) => {
      const counts = Object.fromEntries(LEVEL_KEYS.map((k) => [k, 0])) as Record<LevelKey, number>;
      const levels: number[] = [];
      for (const u of counted) {
        const lv = u.score.levels[ind.code];
        if (lv === 'na') counts.na++;
        else if (typeof lv === 'number') {
          counts[String(lv) as LevelKey]++;
          levels.push(lv);
        }
      }
      return {
        code: ind.code,
        title: ind.title,
        aspectCode: a.code,
        target: ind.target,
        counts,
        applicable: levels.length,
        mean: mean(levels.map((l) => (l / instrument.levelScaleMax) * 100)),
        belowTarget: levels.filter((l) => l < ind.target).length,
      };
    }),
  );
}

/** The n indicators with the lowest mean score (the priority gaps), ties broken by code; wholly N/A ones left out. */
export function weakestIndicators(distributions: LevelDistribution[], n = 10): LevelDistribution[] {
  return distributions
    .filter((d) => d.mean !== null)
    .sort((a, b) => {
      const d = (a.mean as number) - (b.mean as number);
      return Math.abs(d) > SCORE_EPSILON ? d : compareCodes(a.code, b.code);
    })
    .slice(0, n);
}

export interface RadarRow {
  code: string;
  name: string;
  weight: number;
  unit: number | null;
  kabupaten: number | null;
  /** unit − kabupaten; null when either is missing. */
  difference: number | null;
}

/** A unit's aspect scores beside the kabupaten means. */
export function unitRadar(instrument: Instrument, unit: UnitResult, kabupaten: Record<string, number | null>): RadarRow[] {
  return instrument.aspects.map((a) => {
    const own = unit.score.aspectScores[a.code] ?? null;
    const kab = kabupaten[a.code] ?? null;
    return { code: a.code, name: a.name, weight: a.weight, unit: own, kabupaten: kab, difference: own === null || kab === null ? null : own - kab };
  });
}

export interface IndicatorGap {
  code: string;
  title: string;
  aspectCode: string;
  /** The level used (number), 'na' or null when unanswered. */
  level: number | 'na' | null;
  target: number;
  /** max(0, T − L); null for N/A or unanswered. */
  gap: number | null;
  coordinator: string;
  activities: Indicator['activities'];
}

/**
 * Every indicator of a unit with its level, the instrument's target and gap = max(0, T − L), in instrument order, with
 * the activities recommended for the level the unit starts from (a unit at level 3 is not told to draw up its SOP).
 */
export function unitGaps(instrument: Instrument, unit: UnitResult): IndicatorGap[] {
  return instrument.aspects.flatMap((a) =>
    a.indicators.map((ind) => {
      const level = unit.score.levels[ind.code] ?? null;
      return {
        code: ind.code,
        title: ind.title,
        aspectCode: a.code,
        level,
        target: ind.target,
        gap: typeof level === 'number' ? gapOf(level, ind.target) : null,
        coordinator: ind.coordinator,
        activities: typeof level === 'number' ? activitiesForLevel(ind, level) : ind.activities,
      };
    }),
  );
}
