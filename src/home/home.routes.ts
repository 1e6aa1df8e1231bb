import { Router } from 'express';
import type { Repos } from '../db/repos';
import { requireUser } from '../web/guards';
import { reviewNotice } from '../verification/review.service';

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
    const notices = new Map(unit ? periods.map((p) => [p.id, reviewNotice(repos, user, p.id, unit.id)] as const) : []);
    res.render('home', { title: 'Beranda', periods, unit, ownStatus, notices });
  });

  return router;
}
