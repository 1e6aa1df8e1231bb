import { Router } from 'express';
import { requireUser } from '../web/guards';
import type { PeriodsService } from './periods.service';

/** The periods in the automation interface (stable for integrators; see README). Session auth; mounted at /api/periods. */
export function periodsApiRoutes(periods: PeriodsService): Router {
  const router = Router();

  /** @route GET /api/periods — [{ id, name, year, isDemo }] for any signed-in user */
  router.get('/', (req, res) => {
    requireUser(req);
    res.json({ periods: periods.listAll().map((p) => ({ id: p.id, name: p.name, year: p.year, isDemo: p.isDemo })) });
  });

  return router;
}
