import { badInput } from '../errors/app-error';
import type { Period, PeriodsService } from '../periods';
import type { FinalPlan, RenaksiService } from '../renaksi';
import type { LevelBasis, PeriodScores, ScoringService } from '../scoring';
import { bindDeps } from '../shared/bind-deps';
import { comparePeriods, type PeriodComparison } from './progress-compare';
import { planYearProgress, unitYearProgress, type PlanYearProgress } from './progress-plan';
import { selectUnits, isWholeScope, type UnitPage, type UnitScope } from './progress-scope';
import { unitTrajectoryOf, type UnitTrajectory } from './progress-trajectory';
import type { PeriodRef } from './progress-types';

export interface ProgressDeps {
  periods: PeriodsService;
  scoring: ScoringService;
  renaksi: Pick<RenaksiService, 'finalPlan' | 'finalPlanScores'>;
}

/** The signed plan of an earlier period against one plan year's assessment. */
export interface PlanProgress {
  planPeriod: PeriodRef;
  versionNo: number;
  finalizedAt: string;
  years: number[];
  /** The assessment that measures the year; null while there is none. */
  measuredPeriod: PeriodRef | null;
  progress: PlanYearProgress;
}

export interface Progress {
  period: PeriodRef;
  compare: PeriodRef | null;
  basis: LevelBasis;
  /** null when there is no period to compare with. */
  comparison: PeriodComparison | null;
  /** null when no earlier period has a final plan covering this period's year. */
  plan: PlanProgress | null;
  /** The page asked for (?limit/?offset) with the count of matching units; absent unless paging was asked for. */
  page?: UnitPage;
}

const refOf = (s: Pick<PeriodScores, 'period' | 'instrument'>): PeriodRef => ({
  id: s.period.id, name: s.period.name, year: s.period.year, isDemo: s.period.isDemo, instrumentVersion: s.instrument.version,
});

/** Periods newest first (year, then the later one of the same year). */
const newestFirst = (deps: ProgressDeps): Period[] => deps.periods.listAll();

/** The period before `period` in time (same year: the one created before it); null for the first. */
function previousPeriod(deps: ProgressDeps, period: Period): Period | null {
  const all = newestFirst(deps);
  const i = all.findIndex((p) => p.id === period.id);
  return i < 0 ? null : (all[i + 1] ?? null);
}

/**
 * The period to compare with: `raw` (the ?compare query) when given, else the previous period. A compare period that
 * is not a number, unknown or the period itself is refused (422) naming `compare`.
 */
function resolveCompare(deps: ProgressDeps, period: Period, raw: unknown): Period | null {
  if (raw === undefined || raw === '') return previousPeriod(deps, period);
  if (typeof raw !== 'string' || !/^[1-9][0-9]{0,9}$/.test(raw)) throw badInput({ compare: 'Periode pembanding harus berupa nomor periode.' });
  const other = deps.periods.findById(Number(raw));
  if (!other) throw badInput({ compare: `Periode pembanding ${raw} tidak ditemukan.` });
  if (other.id === period.id) throw badInput({ compare: 'Periode pembanding harus berbeda dari periode yang dilihat.' });
  return other;
}

/**
 * The final plan that covers `year`: of the periods before that year (newest first), the first whose last final
 * version's plan years include it (e.g. period 2022's plan 2022–2024 for the 2023 assessment).
 */
export function planCovering(deps: ProgressDeps, year: number): { planPeriod: Period; plan: FinalPlan } | null {
  for (const p of newestFirst(deps).filter((x) => x.year < year)) {
    const plan = deps.renaksi.finalPlan(p.id);
    if (plan && plan.years.includes(year)) return { planPeriod: p, plan };
  }
  return null;
}

/**
 * The assessment that measures a plan year: the newest period of that year, after the plan's own year (the plan's
 * own assessment is its starting point, not a measurement). null when there is none yet.
 */
function measuringPeriod(periods: Period[], planPeriod: Period, year: number): Period | null {
  if (year <= planPeriod.year) return null;
  return periods.find((p) => p.year === year) ?? null;
}

/** The plan's period with its units' levels (planBaseline). */
type Baseline = Pick<PeriodScores, 'period' | 'instrument' | 'units'>;

/**
 * Where the plan starts: its period's verified scores as the plan was signed with them (the units its final version
 * stored, read by the Renaksi module), so a verification changed after signing moves no starting level or yearly
 * target level; a version finalised before the units were stored has only the current scores.
 */
function planBaseline(deps: ProgressDeps, planPeriod: Period, plan: FinalPlan): Baseline {
  return deps.renaksi.finalPlanScores(plan) ?? deps.scoring.computePeriodScores(planPeriod.id, 'verified');
}

function planProgress(baseline: Baseline, plan: FinalPlan, measured: PeriodScores | null, year: number, keep?: ReadonlySet<string>): PlanProgress {
  return {
    planPeriod: refOf(baseline), versionNo: plan.versionNo, finalizedAt: plan.finalizedAt, years: plan.years,
    measuredPeriod: measured ? refOf(measured) : null,
    progress: planYearProgress(plan, baseline, measured, year, keep),
  };
}

/** Every unit an answer can list, each once in answer order: the period's, then the compare period's, then the plan's. */
function unitsInAnswer(...lists: (Pick<PeriodScores, 'units'> | null)[]): PeriodScores['units'] {
  const byId = new Map<number, PeriodScores['units'][number]>();
  for (const u of lists.flatMap((l) => l?.units ?? [])) if (!byId.has(u.unitId)) byId.set(u.unitId, u);
  return [...byId.values()];
}

/**
 * A period's progress: compared with `compareRaw` (default: the previous period), and the earlier final plan covering
 * its year against its own assessment. Both under `basis` for the period's levels; the plan starts from its period's
 * verified levels as they were when it was signed (asSigned). `scope` lists only some units (one, a group, a page;
 * progress-scope.ts) and computes only theirs; the kabupaten, aspect and row figures stay over every unit.
 */
export function progress(deps: ProgressDeps, periodId: number, compareRaw: unknown, basis: LevelBasis = 'verified', scope: UnitScope = {}): Progress {
  const now = deps.scoring.computePeriodScores(periodId, basis);
  const other = resolveCompare(deps, now.period, compareRaw);
  const then = other ? deps.scoring.computePeriodScores(other.id, basis) : null;
  const covering = planCovering(deps, now.period.year);
  const baseline = covering ? planBaseline(deps, covering.planPeriod, covering.plan) : null;
  const selected = isWholeScope(scope) ? null : selectUnits(unitsInAnswer(now, then, baseline), scope);
  const keep = selected?.codes;
  return {
    period: refOf(now), compare: then ? refOf(then) : null, basis,
    comparison: then ? comparePeriods(then, now, keep) : null,
    plan: covering && baseline ? planProgress(baseline, covering.plan, now, now.period.year, keep) : null,
    ...(selected?.page ? { page: selected.page } : {}),
  };
}

/**
 * For the monev workbook: period `planPeriodId`'s final plan against each plan year of `years` — per Lampiran I row
 * the units expected at target (the signed count) and the units that reached it in that year's assessment (verified
 * levels), per aspect the sums, per unit its target level that year against the level reached. Before a year's
 * assessment exists its `measuredPeriod` is null and every `achieved` null (the targets alone). Refused (422, field
 * `year`) for a year outside the plan; null per year when the period has no final plan. 404 for an unknown period.
 * The periods, the plan and its baseline are read once for all the years.
 */
export function againstPlanYears(deps: ProgressDeps, planPeriodId: number, years: number[], basis: LevelBasis = 'verified'): (PlanProgress | null)[] {
  const { period } = deps.periods.loadPeriod(planPeriodId);
  const plan = deps.renaksi.finalPlan(planPeriodId);
  if (!plan) return years.map(() => null);
  const outside = years.find((y) => !plan.years.includes(y));
  if (outside !== undefined) throw badInput({ year: `Tahun ${outside} di luar tahun Renaksi (${plan.years[0]}–${plan.years[plan.years.length - 1]}).` });
  const periods = newestFirst(deps);
  const baseline = planBaseline(deps, period, plan);
  return years.map((year) => {
    const measuring = measuringPeriod(periods, period, year);
    return planProgress(baseline, plan, measuring ? deps.scoring.computePeriodScores(measuring.id, basis) : null, year);
  });
}

/** againstPlanYears for one plan year. */
export function againstPlan(deps: ProgressDeps, planPeriodId: number, year: number, basis: LevelBasis = 'verified'): PlanProgress | null {
  return againstPlanYears(deps, planPeriodId, [year], basis)[0] ?? null;
}

/**
 * A unit's own trajectory for its rapor: the plan covering the period's year (else the period's own final plan),
 * each plan indicator the unit started below target with its target level per plan year and the verified level it
 * reached in each year measured so far (up to this period's year). null when no plan applies or the unit was not in
 * the plan's period.
 */
export function unitTrajectory(deps: ProgressDeps, periodId: number, unitId: number): UnitTrajectory | null {
  const { period } = deps.periods.loadPeriod(periodId);
  const covering = planCovering(deps, period.year);
  const own = covering ? null : deps.renaksi.finalPlan(period.id);
  const planPeriod = covering?.planPeriod ?? period;
  const plan = covering?.plan ?? own;
  if (!plan) return null;
  const baseline = planBaseline(deps, planPeriod, plan);
  const periods = newestFirst(deps);
  const perYear = plan.years.map((year) => {
    const m = year <= period.year ? (year === period.year && year > planPeriod.year ? period : measuringPeriod(periods, planPeriod, year)) : null;
    const measured = m ? deps.scoring.computePeriodScores(m.id, 'verified') : null;
    const unit = unitYearProgress(plan, baseline, measured, year, unitId);
    return { year, measuredPeriod: measured ? refOf(measured) : null, progress: { units: unit ? [unit] : [] } };
  });
  return unitTrajectoryOf(unitId, refOf(baseline), plan.years, perYear);
}

/** The progress service: a period against another and against the signed plan (dashboard, presentation, rapor, API, monev). */
export function createProgressService(deps: ProgressDeps) {
  return bindDeps(deps, { progress, againstPlan, againstPlanYears, unitTrajectory, planCovering });
}
export type ProgressService = ReturnType<typeof createProgressService>;
