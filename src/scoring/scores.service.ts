import type { Instrument } from '../instrument';
import type { Period, PeriodsService } from '../periods';
import type { UnitGroup } from '../units';
import type { AssessmentStatus } from '../shared/assessment-status';
import { bindDeps } from '../shared/bind-deps';
import type { ScoreCache } from './score-cache';
import { aggregateScores, type KabupatenAggregate, type LevelBasis, type UnitScore } from './scoring';

export interface ScoringDeps {
  scoreCache: ScoreCache;
  periods: PeriodsService;
}

export const INCLUDED_STATUSES: ReadonlySet<AssessmentStatus> = new Set(['diajukan', 'diverifikasi']);

export interface UnitResult {
  unitId: number;
  code: string;
  name: string;
  group: UnitGroup;
  status: AssessmentStatus | 'belum_mulai';
  included: boolean;
  score: UnitScore;
}

export interface PeriodScores {
  period: Period;
  instrument: Instrument;
  basis: LevelBasis;
  units: UnitResult[];
  aggregate: KabupatenAggregate;
}

/**
 * Scores every unit of a period and the kabupaten means over the included (submitted or verified) units.
 */
export function computePeriodScores(deps: ScoringDeps, periodId: number, basis: LevelBasis = 'verified'): PeriodScores {
  const { period, instrument } = deps.periods.loadPeriod(periodId);
  const units: UnitResult[] = deps.scoreCache.periodUnitScores(periodId, instrument, basis).map((u) => ({
    unitId: u.unitId,
    code: u.code,
    name: u.name,
    group: u.group,
    status: u.status ?? 'belum_mulai',
    included: u.status !== null && INCLUDED_STATUSES.has(u.status),
    score: u.score,
  }));
  return { period, instrument, basis, units, aggregate: aggregateScores(instrument, units) };
}

/**
 * A key that changes whenever anything a period's aggregate figures depend on changes (see ScoreCache.countedKey),
 * for memoising what is derived from them.
 */
function countedKey(deps: ScoringDeps, periodId: number): string {
  return deps.scoreCache.countedKey(periodId, INCLUDED_STATUSES);
}

/** The scoring service: unit and kabupaten scores of a period, cached per assessment revision. */
export function createScoringService(deps: ScoringDeps) {
  return bindDeps(deps, { computePeriodScores, countedKey });
}
export type ScoringService = ReturnType<typeof createScoringService>;
