import { Router } from 'express';
import { GROUP_LABELS } from '../shared/format';
import { requireRole } from '../web/guards';
import { idParam } from '../web/params';
import type { DashboardService } from './dashboard.api';
import { basisOf, SCORE_VIEWERS } from './dashboard.schemas';

/** A period's scores in the automation interface (stable for integrators; see README). Mounted at /api/periods/:periodId/scores. */
export function scoresApiRoutes(dashboard: DashboardService): Router {
  const router = Router({ mergeParams: true });

  /** @route GET /api/periods/:periodId/scores — kabupaten index, aspects by code, and every unit (?basis=self|verified) */
  router.get('/', requireRole(...SCORE_VIEWERS), (req, res) => {
    const s = dashboard.computePeriodScores(idParam(req, 'periodId'), basisOf(req.query.basis));
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
