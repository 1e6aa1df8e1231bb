import type { Db } from '../db/database';
import type { AuditService } from '../audit';
import type { AssessmentsService } from '../assessments';
import { createOfflineService } from './offline.service';
import { offlineRoutes } from './offline.routes';

/**
 * Filling without a connection: the unit downloads its questionnaire as a workbook and uploads it filled; the router
 * is mounted at /periods/:periodId/units/:unitId.
 */
export function createOfflineModule(deps: { db: Db; assessments: AssessmentsService; audit: AuditService }) {
  return { router: offlineRoutes(createOfflineService(deps)) };
}
