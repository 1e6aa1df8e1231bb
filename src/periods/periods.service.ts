import { notFound } from '../errors/app-error';
import type { Instrument, InstrumentService } from '../instrument';
import { bindDeps } from '../shared/bind-deps';
import type { Period, PeriodsRepo } from './periods.repo';

export interface PeriodsDeps {
  periods: PeriodsRepo;
  instruments: InstrumentService;
}

/** A period with its instrument; throws 404 for an unknown period. */
export function loadPeriod(deps: PeriodsDeps, periodId: number): { period: Period; instrument: Instrument } {
  const period = deps.periods.findById(periodId);
  if (!period) throw notFound('Periode');
  const instrument = deps.instruments.findById(period.instrumentId);
  if (!instrument) throw notFound('Instrumen periode');
  return { period, instrument };
}

/**
 * The periods service: the assessment periods every other module reads (loadPeriod), and storing them (the period
 * setup page and the seed).
 */
export function createPeriodsService(deps: PeriodsDeps) {
  const { findById, findByName, listAll, insert, markDemo } = deps.periods;
  return { findById, findByName, listAll, insert, markDemo, ...bindDeps(deps, { loadPeriod }) };
}
export type PeriodsService = ReturnType<typeof createPeriodsService>;
