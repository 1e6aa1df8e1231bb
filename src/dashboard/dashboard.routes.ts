import { Router } from 'express';
import type { Repos } from '../db/repos';
import { requireRole } from '../auth/guards';
import { idParam } from '../web/params';
import { computePeriodScores } from '../scoring/scores.service';
import type { LevelBasis } from '../scoring/scoring';
import { aspectChartData } from './chart-data';

export const SCORE_VIEWERS = ['admin', 'verifikator', 'fasilitator', 'tim_renaksi'] as const;

/** ?basis=self shows self-assessed levels; anything else the verified ones. */
export function basisOf(raw: unknown): LevelBasis {
  return raw === 'self' ? 'self' : 'verified';
}

export function dashboardRoutes(repos: Repos): Router {
  const router = Router();

  /** @route GET /periods/:periodId/dashboard — kabupaten index, aspect scores and chart, unit table */
  router.get('/periods/:periodId/dashboard', requireRole(...SCORE_VIEWERS), (req, res) => {
    const basis = basisOf(req.query.basis);
    const scores = computePeriodScores(repos, idParam(req, 'periodId'), basis);
    const ranked = [...scores.units].sort((a, b) => (b.score.index ?? -1) - (a.score.index ?? -1) || a.name.localeCompare(b.name, 'id'));
    res.render('dashboard/show', {
      title: `Dasbor – ${scores.period.name}`,
      scores,
      ranked,
      chart: aspectChartData(scores),
    });
  });

  return router;
}
