import type { Db } from '../db/database';
import type { InstrumentService } from '../instrument';
import { createPeriodsRepo } from './periods.repo';
import { createPeriodsService } from './periods.service';
import { periodsApiRoutes } from './periods.routes';

export type { Period } from './periods.repo';
export type { PeriodsService } from './periods.service';

/** The assessment periods and their instrument versions; listed for integrators at /api/periods (`apiRouter`). */
export function createPeriodsModule({ db, instruments }: { db: Db; instruments: InstrumentService }) {
  const service = createPeriodsService({ periods: createPeriodsRepo(db), instruments });
  return { service, apiRouter: periodsApiRoutes(service) };
}
