import type { Db } from '../db/database';
import type { AuditService } from '../audit';
import type { AssessmentsService } from '../assessments';
import type { PeriodsService } from '../periods';
import { createSettingsRepo } from '../shared/settings.repo';
import { createExportsRepo } from './exports.repo';
import { createExportsService } from './exports.service';
import { exportsRoutes } from './exports.routes';

export { addRecapSheets, type RecapData } from './recap-sheets';
export { writeAssessmentRecap } from './recap-workbook';

/**
 * The assessment recap workbook (every unit × indicator), streamed row by row; the router is mounted at
 * /periods/:periodId (/rekap.xlsx). Its recap sheets also go into the Renaksi document (addRecapSheets).
 */
export function createExportsModule(deps: { db: Db; periods: PeriodsService; assessments: AssessmentsService; audit: AuditService }) {
  const service = createExportsService({ ...deps, exports: createExportsRepo(deps.db), settings: createSettingsRepo(deps.db) });
  return { service, router: exportsRoutes(service) };
}
