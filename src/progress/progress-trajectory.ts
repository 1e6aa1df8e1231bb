import type { CountedLevel } from './progress-compare';
import type { PlanYearProgress, UnitItemProgress } from './progress-plan';
import type { PeriodRef } from './progress-types';

/** One plan year of one indicator of a unit's trajectory: the year's target level and what was reached. */
export interface TrajectoryCell {
  year: number;
  targetLevel: number;
  reached: CountedLevel;
  /** 'not-measured' also for a year whose assessment has not taken place. */
  status: UnitItemProgress['status'];
}

export interface TrajectoryItem {
  code: string;
  from: number;
  finalTarget: number;
  cells: TrajectoryCell[];
}

/** A unit's own plan (Lampiran II) year by year against the levels it reached. Pure data for the rapor. */
export interface UnitTrajectory {
  planPeriod: PeriodRef;
  years: number[];
  /** The assessment measuring each plan year, null while there is none (or the plan's own year). */
  measured: { year: number; period: PeriodRef | null }[];
  items: TrajectoryItem[];
  /** Per year: indicators at or above that year's target level, of those measured. */
  metByYear: Record<string, { met: number; measured: number }>;
}

/**
 * Puts one unit's per-year progress side by side: each plan indicator the unit started below target with its
 * target level and reached level per plan year. null when the unit was not in the plan's period.
 */
export function unitTrajectoryOf(
  unitId: number, planPeriod: PeriodRef, years: number[], perYear: { year: number; measuredPeriod: PeriodRef | null; progress: Pick<PlanYearProgress, 'units'> }[],
): UnitTrajectory | null {
  const rows = perYear.map((y) => ({ year: y.year, unit: y.progress.units.find((u) => u.unitId === unitId) }));
  const first = rows[0]?.unit;
  if (!first || first.presence === 'added') return null;
  const items: TrajectoryItem[] = first.items.map((it) => ({
    code: it.code, from: it.from, finalTarget: it.finalTarget,
    cells: rows.map((r) => {
      const cell = r.unit?.items.find((x) => x.code === it.code);
      return { year: r.year, targetLevel: cell?.targetLevel ?? it.finalTarget, reached: cell?.reached ?? null, status: cell?.status ?? 'not-measured' };
    }),
  }));
  const metByYear = Object.fromEntries(years.map((year) => {
    const cells = items.map((i) => i.cells.find((c) => c.year === year)).filter((c) => c !== undefined && c.status !== 'not-measured');
    return [String(year), { met: cells.filter((c) => c?.status === 'met').length, measured: cells.length }];
  }));
  return { planPeriod, years, measured: perYear.map((y) => ({ year: y.year, period: y.measuredPeriod })), items, metByYear };
}
