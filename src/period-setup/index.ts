import type { Db } from '../db/database';
import type { AuditService } from '../audit';
import type { AssessmentsService } from '../assessments';
import type { InstrumentService } from '../instrument';
import type { PeriodsService } from '../periods';
import type { UnitsService } from '../units';
import { createPeriodSetupRepo } from './period-setup.repo';
import { createPeriodSetupService } from './period-setup.service';
import { periodSetupRoutes } from './period-setup.routes';

export type { AssessmentCopy } from './period-setup.repo';
export type { PeriodSetupService } from './period-setup.service';

export interface PeriodSetupModuleDeps {
  db: Db;
  periods: PeriodsService;
  instruments: InstrumentService;
  assessments: AssessmentsService;
  units: UnitsService;
  audit: AuditService;
}

/**
 * Period setup (admin, /admin/periods): opens a new assessment period on an instrument version, optionally carrying
 * every unit's answers over from an earlier period as drafts to confirm.
 */
export function createPeriodSetupModule(deps: PeriodSetupModuleDeps) {
  const service = createPeriodSetupService({ ...deps, periodSetup: createPeriodSetupRepo(deps.db) });
  return { service, router: periodSetupRoutes(service) };
}
