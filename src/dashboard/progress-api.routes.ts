import { Router } from 'express';
import { parseUnitScope } from '../progress';
import { requireRole } from '../web/guards';
import { idParam } from '../web/params';
import type { DashboardService } from './dashboard.api';
import { basisOf, SCORE_VIEWERS } from './dashboard.schemas';
import { progressJson } from './progress-outputs';

/** A period's progress in the automation interface (README). Mounted at /api/periods/:periodId/progress. */
export function progressApiRoutes(dashboard: DashboardService): Router {
  const router = Router({ mergeParams: true });

  /**
   * @route GET /api/periods/:periodId/progress — against ?compare=<periodId> (default: the previous period) and
   * against the earlier final Renaksi covering the period's year (?basis=self|verified); only some units with
   * ?unit=<code>, ?kelompok=pd|kecamatan and a page ?limit=&offset= (then `page` {limit, offset, total}); 422 for a bad value
   */
  router.get('/', requireRole(...SCORE_VIEWERS), (req, res) => {
    const periodId = idParam(req, 'periodId');
    const scope = parseUnitScope(req.query);
    res.json(progressJson(dashboard.getProgress(periodId, req.query.compare, basisOf(req.query.basis), scope)));
  });

  return router;
}
