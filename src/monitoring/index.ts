import { Router } from 'express';
import type { Db } from '../db/database';
import type { AuditService } from '../audit';
import type { EvidenceModule } from '../evidence';
import type { PeriodsService } from '../periods';
import type { ProgressService } from '../progress';
import type { RenaksiService } from '../renaksi';
import type { UnitsService } from '../units';
import { createMonitoringRepo } from './monitoring.repo';
import { createMonitoringWrites } from './monitoring-writes.repo';
import { createMonitoringService } from './monitoring.api';
import { monitoringApiRoutes } from './monitoring-api.routes';
import { monitoringRoutes } from './monitoring.routes';
import { monitoringReportRoutes } from './monitoring-reports.routes';
import { monevBoardRoutes } from './monev-board.routes';
import { createMonevBoardRepo } from './monev-board.repo';

export type {
  AspectProgress, AspectSemester, Coordinator, MonevProgress, RowProgress, RowSemesterProgress, SemesterProgress, UnitProgress, UnitSemester,
} from './monitoring-progress';
export type { MonevEvidence } from './monitoring.repo';
export {
  MONEV_STATUS_LABELS, REVIEW_STATE_LABELS, EXPECTED_SHARE, SEMESTER_MONTHS, SEMESTER_NAMES, semesterStarted, witaDate, type MonevStatus, type ReviewState, type WindowState,
} from './monitoring-calc';
export { MONEV_READERS, MONEV_EDITORS } from './monitoring-roles';

interface MonitoringModuleDeps {
  db: Db;
  renaksi: RenaksiService;
  periods: PeriodsService;
  /** Which final plan covers a year (for a later period without a plan of its own). */
  progress: Pick<ProgressService, 'planCovering'>;
  units: UnitsService;
  evidence: EvidenceModule;
  audit: AuditService;
}

/**
 * Monev of the final Renaksi (issue 15): realisasi per Lampiran I row and per unit's own part each semester,
 * reviewed by a verifikator. `service.progress(periodId)` is what the board, the semester report and the monev
 * workbook read. `router` is mounted at /periods/:periodId, `apiRouter` at /api/periods/:periodId/renaksi/progress.
 */
export function createMonitoringModule(deps: MonitoringModuleDeps) {
  const service = createMonitoringService({
    db: deps.db, monitoring: createMonitoringRepo(deps.db), writes: createMonitoringWrites(deps.db), renaksi: deps.renaksi, periods: deps.periods,
    progress: deps.progress, units: deps.units, evidence: deps.evidence.service, audit: deps.audit, signedUnits: { entry: null },
  });
  const router = Router({ mergeParams: true });
  router.use(monitoringRoutes(service, deps.evidence), monitoringReportRoutes(service, deps.evidence));
  router.use(monevBoardRoutes({ progress: (periodId) => service.progress(periodId), listContacts: createMonevBoardRepo(deps.db).listContacts }));
  return { service, router, apiRouter: monitoringApiRoutes(service) };
}
export type { MonitoringPagesService as MonitoringService } from './monitoring.api';
