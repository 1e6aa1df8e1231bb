import { Router } from 'express';
import type { Repos } from '../db/repos';
import { requireRole, requireUser } from '../web/guards';
import { idParam } from '../web/params';
import { flash } from '../web/view-locals';
import { confirmCopiedAnswers, getReview, reviewNotice } from './review.service';

const VIEWERS = ['narahubung', 'admin', 'verifikator', 'fasilitator', 'tim_renaksi'] as const;

/** The unit's side of verification: the verifier's comments and the "copied from an earlier period" banner. */
export function reviewRoutes(repos: Repos): Router {
  const router = Router();

  /**
   * @route GET /periods/:periodId/units/:unitId/assessment — decorates the questionnaire (rendered by the
   * assessments routes) with `reviewNotice` for views/verification/_comments.ejs; never answers itself.
   */
  router.get('/periods/:periodId/units/:unitId/assessment', (req, res, next) => {
    const periodId = Number(req.params.periodId);
    const unitId = Number(req.params.unitId);
    if (Number.isSafeInteger(periodId) && Number.isSafeInteger(unitId)) {
      res.locals.reviewNotice = reviewNotice(repos, req.user, periodId, unitId);
    }
    next();
  });

  /** @route GET /periods/:periodId/units/:unitId/review — the verifier's comments, newest round first, with links */
  router.get('/periods/:periodId/units/:unitId/review', requireRole(...VIEWERS), (req, res) => {
    const r = getReview(repos, requireUser(req), idParam(req, 'periodId'), idParam(req, 'unitId'));
    res.render('review/show', { title: `Catatan Verifikator – ${r.unit.name}`, period: r.period, r });
  });

  /** @route POST /periods/:periodId/units/:unitId/copy-confirm — the unit confirms answers copied from a past period */
  router.post('/periods/:periodId/units/:unitId/copy-confirm', requireRole('narahubung', 'admin'), (req, res) => {
    const periodId = idParam(req, 'periodId');
    const unitId = idParam(req, 'unitId');
    confirmCopiedAnswers(repos, requireUser(req), periodId, unitId);
    flash(req, 'success', 'Jawaban salinan dikonfirmasi.');
    const back = typeof (req.body as Record<string, unknown>).back === 'string' ? String((req.body as Record<string, unknown>).back) : '';
    res.redirect(back === 'home' ? '/' : `/periods/${periodId}/units/${unitId}/assessment`);
  });

  return router;
}
