import { Router } from 'express';
import type { Repos } from '../db/repos';
import { requireUser } from '../auth/guards';
import { requireRole } from '../auth/guards';
import { idParam } from '../web/params';
import { loadPeriod } from '../scoring/scores.service';

export function homeRoutes(repos: Repos): Router {
  const router = Router();

  /** @route GET / — the signed-in user's start page, by role */
  router.get('/', (req, res) => {
    if (!req.user) return res.redirect('/login');
    const user = requireUser(req);
    const periods = repos.periods.listAll();
    const unit = user.unitId !== null ? repos.units.findById(user.unitId) : undefined;
    const ownStatus = new Map(
      unit ? periods.map((p) => [p.id, repos.assessments.find(p.id, unit.id)?.status ?? 'belum_mulai'] as const) : [],
    );
    res.render('home', { title: 'Beranda', periods, unit, ownStatus });
  });

  /** @route GET /periods/:periodId/units — status of every unit in a period (admin, verifikator, fasilitator) */
  router.get('/periods/:periodId/units', requireRole('admin', 'verifikator', 'fasilitator'), (req, res) => {
    const { period } = loadPeriod(repos, idParam(req, 'periodId'));
    const units = repos.assessments.listPeriodUnits(period.id);
    const provisional = repos.units.listAll().some((u) => u.provisional);
    res.render('periods/units', { title: `Status Unit – ${period.name}`, period, units, provisional });
  });

  return router;
}
