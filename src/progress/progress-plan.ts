import type { Instrument } from '../instrument';
import { startingLevel, yearTarget } from '../renaksi';
import type { PeriodScores, UnitResult, UnitTally } from '../scoring';
import type { UnitGroup } from '../units';
import { countedLevel, isCounted, type CountedLevel, type Presence } from './progress-compare';

/**
 * The signed Renaksi against what a later assessment measured (SPEC.md, "Monitoring and evaluation"). Pure.
 *
 * - Per Lampiran I row and plan year: the units the plan expected at the target level (the row's yearly count, as
 *   typed and signed) against the units that reached it in that year's assessment. Reached = counted (submitted or
 *   verified and complete) with a level ≥ the indicator's target T in the plan's instrument. Every unit of the
 *   measured period is in one bucket of the tally (met, below, N/A, not submitted, incomplete), so the denominator is
 *   always every unit of that period. A unit added since the plan counts when it reaches the target (the kabupaten
 *   has one more unit at target) and is also reported apart (`metByAddedUnits`); a unit of the plan no longer in the
 *   measured period cannot reach anything and is reported as `removedUnits`.
 * - An indicator code the measured period's instrument does not have cannot be measured: achieved and tally are null.
 * - Per unit (Lampiran II): for each plan indicator on which the unit started below target, the target LEVEL of the
 *   year, min(T, L + k), against the level it reached (N/A and not-counted said as such).
 */

/** What the comparison reads of a Lampiran I row. */
export interface PlanRowInput {
  id: number;
  aspectCode: string;
  indicatorCode: string | null;
  /** Units expected at the target level by the end of each plan year (counts, as signed). */
  targets: Record<string, number>;
}

export interface PlanInput {
  years: number[];
  rows: PlanRowInput[];
}

export interface RowProgress {
  rowId: number;
  aspectCode: string;
  indicatorCode: string;
  /** The indicator's target level T in the plan's instrument. */
  targetLevel: number;
  /** The plan's count for the year; null when the plan left the year empty. */
  expected: number | null;
  /** Units at or above T in the year's assessment; null when not measured (no assessment, or code not in it). */
  achieved: number | null;
  tally: UnitTally | null;
  /** Of `achieved`, units that were not in the plan's period. */
  metByAddedUnits: number;
  /** Units of the plan's period that are not in the measured period. */
  removedUnits: number;
}

export interface AspectProgress {
  code: string;
  name: string;
  rows: number;
  /** Σ expected over the aspect's rows with a count that year (units × indicators). */
  expected: number;
  /** Σ achieved over the aspect's measured rows. */
  achieved: number;
}

/** One indicator of a unit's own plan in one year. */
export interface UnitItemProgress {
  code: string;
  /** The level the unit started from in the plan's period (0 when it had not submitted). */
  from: number;
  finalTarget: number;
  /** min(T, L + k) for the year. */
  targetLevel: number;
  reached: CountedLevel;
  status: 'met' | 'below' | 'na' | 'not-measured';
}

export type MeasuredState = 'counted' | 'not-submitted' | 'incomplete' | 'removed' | 'not-measured';

export interface UnitProgress {
  unitId: number;
  code: string;
  name: string;
  group: UnitGroup;
  presence: Presence;
  measured: MeasuredState;
  items: UnitItemProgress[];
  met: number;
  below: number;
}

export interface PlanYearProgress {
  year: number;
  rows: RowProgress[];
  aspects: AspectProgress[];
  units: UnitProgress[];
  /** Live rows without an indicator (added by hand): nothing to measure them by. */
  rowsWithoutIndicator: number;
}

/** The plan's own period as the comparison reads it: its instrument and its units' levels. */
export type BaselineScores = Pick<PeriodScores, 'instrument' | 'units'>;

const targetsOf = (i: Instrument): Map<string, number> => new Map(i.aspects.flatMap((a) => a.indicators.map((x) => [x.code, x.target] as const)));

/** Where every unit of the measured period stands on one indicator against the target level T. */
export function tallyAtTarget(units: UnitResult[], code: string, target: number): UnitTally {
  const t: UnitTally = { total: units.length, below: 0, met: 0, na: 0, notSubmitted: 0, incomplete: 0 };
  for (const u of units) {
    if (!u.included) t.notSubmitted++;
    else if (!u.score.complete) t.incomplete++;
    else {
      const level = u.score.levels[code];
      if (level === 'na') t.na++;
      else if (typeof level === 'number' && level >= target) t.met++;
      else t.below++;
    }
  }
  return t;
}

/** What every row and unit of a plan year is compared with, worked out once per year. */
interface YearContext {
  measured: PeriodScores | null;
  /** The indicator codes of the measured period's instrument (none without one). */
  measuredCodes: Set<string>;
  /** Units of the measured period that were not in the plan's period. */
  added: UnitResult[];
  /** Units of the plan's period that are not in the measured period (0 without one). */
  removedUnits: number;
}

const codesOf = (measured: PeriodScores | null): Set<string> => new Set(measured?.instrument.aspects.flatMap((a) => a.indicators.map((i) => i.code)) ?? []);

function yearContext(baseline: BaselineScores, measured: PeriodScores | null): YearContext {
  const baseIds = new Set(baseline.units.map((u) => u.unitId));
  const measuredIds = new Set((measured?.units ?? []).map((u) => u.unitId));
  return {
    measured,
    measuredCodes: codesOf(measured),
    added: (measured?.units ?? []).filter((u) => !baseIds.has(u.unitId)),
    removedUnits: measured === null ? 0 : baseline.units.filter((u) => !measuredIds.has(u.unitId)).length,
  };
}

function rowProgress(row: PlanRowInput & { indicatorCode: string }, T: number, year: number, ctx: YearContext): RowProgress {
  const expected = row.targets[String(year)] ?? null;
  const { measured, removedUnits } = ctx;
  if (!measured || !ctx.measuredCodes.has(row.indicatorCode)) {
    return { rowId: row.id, aspectCode: row.aspectCode, indicatorCode: row.indicatorCode, targetLevel: T, expected, achieved: null, tally: null, metByAddedUnits: 0, removedUnits };
  }
  const tally = tallyAtTarget(measured.units, row.indicatorCode, T);
  const metByAddedUnits = tallyAtTarget(ctx.added, row.indicatorCode, T).met;
  return { rowId: row.id, aspectCode: row.aspectCode, indicatorCode: row.indicatorCode, targetLevel: T, expected, achieved: tally.met, tally, metByAddedUnits, removedUnits };
}

function measuredState(u: UnitResult | undefined, measured: PeriodScores | null): MeasuredState {
  if (measured === null) return 'not-measured';
  if (!u) return 'removed';
  if (!u.included) return 'not-submitted';
  return isCounted(u) ? 'counted' : 'incomplete';
}

/** One indicator of a unit's plan in a year: its target level then, the level reached and how they compare. */
function itemProgress(code: string, from: number, T: number, targetLevel: number, reached: CountedLevel, measurable: boolean): UnitItemProgress {
  const status = !measurable || reached === null ? 'not-measured' : reached === 'na' ? 'na' : reached >= targetLevel ? 'met' : 'below';
  return { code, from, finalTarget: T, targetLevel, reached: measurable ? reached : null, status };
}

/**
 * The items of a unit's own plan in plan year k (1-based): the plan indicators it started below target on. Runs for
 * every unit × plan indicator × plan year (30.039 units nationally), so it builds no per-indicator objects beyond
 * the items.
 */
function unitItems(
  baseUnit: UnitResult, measuredUnit: UnitResult | undefined, measuredCodes: Set<string>, indicators: { code: string; target: number }[], k: number,
): UnitItemProgress[] {
  const start = { unitId: baseUnit.unitId, name: baseUnit.name, group: baseUnit.group, submitted: baseUnit.included, levels: baseUnit.score.levels };
  const items: UnitItemProgress[] = [];
  for (const ind of indicators) {
    const from = startingLevel(start, ind.code);
    if (from === 'na' || from >= ind.target) continue;
    items.push(itemProgress(ind.code, from, ind.target, yearTarget(from, ind.target, k), countedLevel(measuredUnit, ind.code), measuredCodes.has(ind.code)));
  }
  return items;
}

/**
 * A unit's own plan in one year: its plan indicators where it started below target, each with the year's target
 * level and what it reached. `baseUnit` undefined: the unit was not in the plan's period (added since).
 */
function unitProgress(
  unit: UnitResult, baseUnit: UnitResult | undefined, measuredUnit: UnitResult | undefined, ctx: Pick<YearContext, 'measured' | 'measuredCodes'>,
  indicators: { code: string; target: number }[], years: number[], year: number,
): UnitProgress {
  const { measured, measuredCodes } = ctx;
  const presence: Presence = !baseUnit ? 'added' : measured !== null && !measuredUnit ? 'removed' : 'both';
  const items = baseUnit ? unitItems(baseUnit, measuredUnit, measuredCodes, indicators, years.indexOf(year) + 1) : [];
  return {
    unitId: unit.unitId, code: unit.code, name: unit.name, group: unit.group, presence, measured: measuredState(measuredUnit, measured), items,
    met: items.filter((i) => i.status === 'met').length, below: items.filter((i) => i.status === 'below').length,
  };
}

/** The plan's rows that can be measured (an indicator of the plan's instrument) and their indicators, each once. */
function planIndicators(plan: PlanInput, baseline: BaselineScores) {
  const targets = targetsOf(baseline.instrument);
  const measurable = plan.rows.filter((r): r is PlanRowInput & { indicatorCode: string } => r.indicatorCode !== null && targets.has(r.indicatorCode));
  const indicators = [...new Set(measurable.map((r) => r.indicatorCode))].map((code) => ({ code, target: targets.get(code) as number }));
  return { targets, measurable, indicators };
}

function aspectTotals(instrument: Instrument, rows: RowProgress[]): AspectProgress[] {
  return instrument.aspects.flatMap((a) => {
    const own = rows.filter((r) => r.aspectCode === a.code);
    if (own.length === 0) return [];
    return [{
      code: a.code, name: a.name, rows: own.length,
      expected: own.reduce((s, r) => s + (r.expected ?? 0), 0),
      achieved: own.reduce((s, r) => s + (r.achieved ?? 0), 0),
    }];
  });
}

/**
 * The plan against one plan year's assessment. `baseline` is the plan's own period (its verified levels are where
 * the plan starts); `measured` the assessment of `year`, or null when there is none yet (targets only). Units: the
 * plan period's, in its order, then the ones added since; `keep` (unit codes) lists only those units, each computed
 * only then (the rows and aspects stay over every unit).
 */
export function planYearProgress(plan: PlanInput, baseline: BaselineScores, measured: PeriodScores | null, year: number, keep?: ReadonlySet<string>): PlanYearProgress {
  const { targets, measurable, indicators } = planIndicators(plan, baseline);
  const ctx = yearContext(baseline, measured);
  const rows = measurable.map((r) => rowProgress(r, targets.get(r.indicatorCode) as number, year, ctx));
  const measuredById = new Map((measured?.units ?? []).map((u) => [u.unitId, u]));
  const kept = (u: UnitResult) => !keep || keep.has(u.code);
  const units = [
    ...baseline.units.filter(kept).map((u) => unitProgress(u, u, measuredById.get(u.unitId), ctx, indicators, plan.years, year)),
    ...ctx.added.filter(kept).map((u) => unitProgress(u, undefined, u, ctx, indicators, plan.years, year)),
  ];
  return { year, rows, aspects: aspectTotals(baseline.instrument, rows), units, rowsWithoutIndicator: plan.rows.length - measurable.length };
}

/**
 * One unit's own plan in a plan year exactly as planYearProgress lists it among its `units`, without the rows and the
 * other units (a unit's rapor shows only its own trajectory); undefined for a unit in neither period.
 */
export function unitYearProgress(plan: PlanInput, baseline: BaselineScores, measured: PeriodScores | null, year: number, unitId: number): UnitProgress | undefined {
  const base = baseline.units.find((u) => u.unitId === unitId);
  const now = measured?.units.find((u) => u.unitId === unitId);
  const unit = base ?? now;
  if (!unit) return undefined;
  return unitProgress(unit, base, now, { measured, measuredCodes: codesOf(measured) }, planIndicators(plan, baseline).indicators, plan.years, year);
}
