import { Router } from 'express';
import type { Db } from '../db/database';
import type { AuditService } from '../audit';
import type { AssessmentsService } from '../assessments';
import type { PeriodsService } from '../periods';
import type { ProgressService } from '../progress';
import type { ScoringService } from '../scoring';
import type { UsersService } from '../users';
import type { KabupatenService } from '../kabupaten';
import type { LaporService } from '../lapor';
import type { RenaksiPlanStatusOf } from '../renaksi-narrative';
import { createSnapshotsRepo } from './snapshots.repo';
import { createDashboardService } from './dashboard.api';
import { dashboardRoutes } from './dashboard.routes';
import { unitScoresRoutes } from './unit-scores.routes';
import { presentationRoutes } from './presentation.routes';
import { scoresApiRoutes } from './scores-api.routes';
import { progressApiRoutes } from './progress-api.routes';

export { LIVE_POLL_SECONDS } from './presentation.routes';

export interface DashboardModuleDeps {
  db: Db;
  scoring: ScoringService;
  periods: PeriodsService;
  assessments: AssessmentsService;
  users: UsersService;
  audit: AuditService;
  kabupaten: KabupatenService;
  progress: ProgressService;
  /** The SP4N-LAPOR! section of the dashboard, the rapor's line and the presentation's slide. */
  lapor: Pick<LaporService, 'dashboardSection' | 'raporLine' | 'presented' | 'stamp'>;
  /** The state of the period's Renaksi, for the link to the unit's own Renaksi on its pages. */
  renaksiPlanStatus: RenaksiPlanStatusOf;
}

/**
 * The scores for the kabupaten: the dashboard, each unit's scores and rapor, the FGD presentation (`router`, mounted
 * at /periods/:periodId), the scores and the progress between periods in the automation interface (`scoresApiRouter` at
 * /api/periods/:periodId/scores, `progressApiRouter` at /api/periods/:periodId/progress).
 */
export function createDashboardModule(deps: DashboardModuleDeps) {
  const service = createDashboardService({ ...deps, snapshots: createSnapshotsRepo(deps.db) });
  const router = Router({ mergeParams: true });
  router.use(dashboardRoutes(service), unitScoresRoutes(service, deps.renaksiPlanStatus), presentationRoutes(service));
  return { router, scoresApiRouter: scoresApiRoutes(service), progressApiRouter: progressApiRoutes(service) };
}
