import { type EffectiveLevel, gapOf, SCORE_EPSILON } from '../scoring';
import type { UnitGroup } from '../units';

/**
 * The kabupaten matrix (Lampiran I) and the target map per unit (Lampiran II) as plain data (SPEC.md, "Renaksi:
 * the plan the Bupati signs"). Every count here is a count of units, never a level.
 */

/** One active unit of the period as the plan sees it. */
export interface MatrixUnit {
  unitId: number;
  name: string;
  group: UnitGroup;
  /** Submitted or verified; a unit that did not submit starts every indicator from level 0. */
  submitted: boolean;
  levels: Record<string, EffectiveLevel>;
}

/** What the matrix needs of an indicator. */
export interface MatrixIndicator {
  code: string;
  aspectCode: string;
  aspectWeight: number;
  /** The final target level T. */
  target: number;
}

/** A unit's starting point on one indicator: 'na' where it does not apply, 0 where the unit did not submit. */
export function startingLevel(unit: MatrixUnit, code: string): number | 'na' {
  if (!unit.submitted) return 0;
  const level = unit.levels[code];
  if (level === 'na') return 'na';
  return level ?? 0;
}

export interface GroupCount {
  /** Units of the group the indicator applies to. */
  applicable: number;
  /** Of those, below the target level now: the unit sasaran. */
  below: number;
}

export interface IndicatorCounts {
  /** Every active unit of the period. */
  total: number;
  /** Units the indicator applies to (total minus N/A): the denominator of every count and share. */
  applicable: number;
  notApplicable: number;
  /** Units at or above the target level now (kondisi awal / baseline). */
  atTarget: number;
  below: number;
  /** Units below target because they did not submit (counted at level 0). */
  notSubmitted: number;
  byGroup: Record<UnitGroup, GroupCount>;
  /** Applicable units by their gap T − L now: byGap[0] at target, byGap[2] two levels below. Enough to recount
   * the yearly figures for other plan years without the units. */
  byGap: number[];
  /** Units expected at or above the target level by the end of each plan year, by min(T, L + k) ≥ T. */
  yearly: Record<string, number>;
  /** aspect weight × mean gap over the applicable units: what orders the rows. */
  priority: number;
}

/**
 * Counts units for one indicator. Year k (1-based) counts the units whose trajectory min(T, L + k) has reached T,
 * that is the units with gap T − L ≤ k; the counts never decrease and never exceed the applicable units.
 */
export function indicatorCounts(indicator: MatrixIndicator, units: MatrixUnit[], years: number[]): IndicatorCounts {
  const byGroup: Record<UnitGroup, GroupCount> = { pd: { applicable: 0, below: 0 }, kecamatan: { applicable: 0, below: 0 } };
  const gaps: number[] = [];
  let notSubmitted = 0;
  for (const unit of units) {
    const level = startingLevel(unit, indicator.code);
    if (level === 'na') continue;
    const gap = gapOf(level, indicator.target);
    gaps.push(gap);
    byGroup[unit.group].applicable++;
    if (gap > 0) {
      byGroup[unit.group].below++;
      if (!unit.submitted) notSubmitted++;
    }
  }
  const byGap = Array.from({ length: indicator.target + 1 }, (_, g) => gaps.filter((x) => x === g).length);
  const atTarget = byGap[0] ?? 0;
  const meanGap = gaps.length === 0 ? 0 : gaps.reduce((s, g) => s + g, 0) / gaps.length;
  return {
    total: units.length,
    applicable: gaps.length,
    notApplicable: units.length - gaps.length,
    atTarget,
    below: gaps.length - atTarget,
    notSubmitted,
    byGroup,
    byGap,
    yearly: yearlyFromGaps(byGap, years),
    priority: indicator.aspectWeight * meanGap,
  };
}

/**
 * Units at or above target by the end of each plan year from the units per gap: year k (1-based) counts the gaps up
 * to k. Never decreasing, never above the applicable units.
 */
export function yearlyFromGaps(byGap: number[], years: number[]): Record<string, number> {
  return Object.fromEntries(years.map((y, i) => [String(y), byGap.slice(0, i + 2).reduce((s, n) => s + n, 0)]));
}

/** Share of the applicable units, 0–100; 0 when none applies. */
export function shareOf(count: number, applicable: number): number {
  return applicable === 0 ? 0 : (count / applicable) * 100;
}

export interface MatrixRowDraft {
  indicator: MatrixIndicator;
  counts: IndicatorCounts;
}

/**
 * One row per indicator where some unit is below target, in instrument order of aspects and, inside an aspect,
 * highest priority first (equal priorities: by indicator code).
 */
export function draftMatrixRows(indicators: MatrixIndicator[], units: MatrixUnit[], years: number[]): MatrixRowDraft[] {
  const aspectOrder = [...new Set(indicators.map((i) => i.aspectCode))];
  return indicators
    .map((indicator) => ({ indicator, counts: indicatorCounts(indicator, units, years) }))
    .filter((r) => r.counts.below > 0)
    .sort(
      (a, b) =>
        aspectOrder.indexOf(a.indicator.aspectCode) - aspectOrder.indexOf(b.indicator.aspectCode) ||
        (Math.abs(b.counts.priority - a.counts.priority) > SCORE_EPSILON ? b.counts.priority - a.counts.priority : 0) ||
        a.indicator.code.localeCompare(b.indicator.code, 'en', { numeric: true }),
    );
}

/** Quarter of a plan: TW I–IV of a year. */
export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

/**
 * Waktu pre-filled by priority (SPEC.md): the rows ranked by priority across the whole plan; the first third starts in
 * TW I of the first year, the second third in TW III of the first year, the rest in TW I of the second year (of the
 * first year in a one-year plan). A row ends in TW IV of the last year in which its unit count still rises (never
 * before it starts). `rank` is 0-based, `of` the number of rows.
 */
export function scheduleFor(rank: number, of: number, yearly: Record<string, number>, years: number[]): { start: Quarter; end: Quarter } {
  const first = years[0] as number;
  const second = years[1] ?? first;
  const third = of === 0 ? 0 : Math.floor((rank * 3) / of);
  const start: Quarter = third === 0 ? { year: first, quarter: 1 } : third === 1 ? { year: first, quarter: 3 } : { year: second, quarter: 1 };
  let endYear = first;
  let previous = -1;
  for (const y of years) {
    const count = yearly[String(y)] ?? 0;
    if (count > previous) endYear = y;
    previous = count;
  }
  return { start, end: { year: Math.max(endYear, start.year), quarter: 4 } };
}

const ROMAN_QUARTER = ['I', 'II', 'III', 'IV'] as const;

/** { 2022 TW III } – { 2024 TW IV } → "TW III 2022 – TW IV 2024". */
export function formatSchedule(s: { start: Quarter; end: Quarter }): string {
  const q = (x: Quarter) => `TW ${ROMAN_QUARTER[x.quarter - 1]} ${x.year}`;
  return `${q(s.start)} – ${q(s.end)}`;
}

/**
 * Output targets per year for a per-unit activity (e.g. "SOP ditetapkan"): the units newly at target that year, so
 * 21 → 30 → 45 → 57 gives 9, 15, 12. For an activity with a fixed yearly number use that number instead.
 */
export function outputIncrements(baseline: number, yearly: Record<string, number>, years: number[]): Record<string, number> {
  const out: Record<string, number> = {};
  let previous = baseline;
  for (const y of years) {
    const count = yearly[String(y)] ?? previous;
    out[String(y)] = Math.max(0, count - previous);
    previous = Math.max(previous, count);
  }
  return out;
}

/** A Lampiran II cell. */
export type TargetCell =
  | { kind: 'at-target' }
  | { kind: 'na' }
  | { kind: 'gap'; from: number; to: number; notSubmitted: boolean };

/** The cell of one unit on one indicator: blank at target, "–" for N/A, "1→3" with the level in the last plan year. */
export function targetCell(unit: MatrixUnit, indicator: MatrixIndicator, yearsCount: number): TargetCell {
  const level = startingLevel(unit, indicator.code);
  if (level === 'na') return { kind: 'na' };
  if (level >= indicator.target) return { kind: 'at-target' };
  return { kind: 'gap', from: level, to: Math.min(indicator.target, level + yearsCount), notSubmitted: !unit.submitted };
}

/** The text of a cell as printed: "", "–", "1→3", or "0→3*" for a unit that did not submit. */
export function cellText(cell: TargetCell): string {
  if (cell.kind === 'at-target') return '';
  if (cell.kind === 'na') return '–';
  return `${cell.from}→${cell.to}${cell.notSubmitted ? '*' : ''}`;
}
