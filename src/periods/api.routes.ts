import { Router } from 'express';
import type { Repos } from '../db/repos';
import { requireRole, requireUser } from '../web/guards';
import { idParam } from '../web/params';
import { computePeriodScores } from '../scoring/scores.service';
import { basisOf, SCORE_VIEWERS } from '../dashboard/dashboard.routes';
import { GROUP_LABELS } from '../shared/format';

/** The automation interface (stable for integrators; see README). Session auth. */
export function apiRoutes(repos: Repos): Router {
  const router = Router();

  /** @route GET /api/periods — [{ id, name, year }] for any signed-in user */
  router.get('/api/periods', (req, res) => {
    requireUser(req);
    res.json({ periods: repos.periods.listAll().map((p) => ({ id: p.id, name: p.name, year: p.year, isDemo: p.isDemo })) });
  });

  /** @route GET /api/periods/:periodId/scores — kabupaten index, aspects by code, and every unit (?basis=self|verified) */
  router.get('/api/periods/:periodId/scores', requireRole(...SCORE_VIEWERS), (req, res) => {
    const s = computePeriodScores(repos, idParam(req, 'periodId'), basisOf(req.query.basis));
    res.json({
      period: { id: s.period.id, name: s.period.name, year: s.period.year, isDemo: s.period.isDemo },
      basis: s.basis,
      kabupaten: {
        index: s.aggregate.index,
        category: s.aggregate.category,
        unitCount: s.aggregate.unitCount,
        aspects: s.aggregate.aspectScores,
        groups: {
          'perangkat daerah': { index: s.aggregate.byGroup.pd.index, unitCount: s.aggregate.byGroup.pd.unitCount, aspects: s.aggregate.byGroup.pd.aspectScores },
          kecamatan: { index: s.aggregate.byGroup.kecamatan.index, unitCount: s.aggregate.byGroup.kecamatan.unitCount, aspects: s.aggregate.byGroup.kecamatan.aspectScores },
        },
      },
      units: s.units.map((u) => ({
        code: u.code,
        name: u.name,
        group: GROUP_LABELS[u.group].toLowerCase(),
        status: u.status,
        included: u.included,
        completeness: u.score.completeness,
        index: u.score.index,
        category: u.score.category,
        aspects: u.score.aspectScores,
      })),
    });
  });

  return router;
}
