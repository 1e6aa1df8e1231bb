import type { Repos } from '../db/repos';
import { notFound } from '../errors/app-error';
import type { Instrument } from '../instrument/instrument.schemas';
import type { Period } from '../periods/periods.repo';
import type { AssessmentStatus } from '../assessments/assessments.repo';
import { aggregateScores, type KabupatenAggregate, type LevelBasis, type UnitScore } from './scoring';
import type { UnitGroup } from '../units/units.repo';

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

/** A period's instrument; throws 404 for an unknown period. */
export function loadPeriod(repos: Repos, periodId: number): { period: Period; instrument: Instrument } {
  const period = repos.periods.findById(periodId);
  if (!period) throw notFound('Periode');
  const instrument = repos.instruments.findById(period.instrumentId);
  if (!instrument) throw notFound('Instrumen periode');
  return { period, instrument };
}

/**
 * Scores every unit of a period and the kabupaten means over the included (submitted or verified) units.
 */
export function computePeriodScores(repos: Repos, periodId: number, basis: LevelBasis = 'verified'): PeriodScores {
  const { period, instrument } = loadPeriod(repos, periodId);
  const units: UnitResult[] = repos.scoreCache.periodUnitScores(periodId, instrument, basis).map((u) => ({
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
