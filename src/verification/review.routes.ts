import { Router } from 'express';
import { formBody } from '../web/body';
import { requireRole, requireUser } from '../web/guards';
import { idParam } from '../web/params';
import { flash } from '../web/view-locals';
import type { VerificationService } from './verification.api';

const VIEWERS = ['narahubung', 'admin', 'verifikator', 'fasilitator', 'tim_renaksi'] as const;

/**
 * The unit's side of verification: the verifier's comments and the "copied from an earlier period" banner. Mounted
 * at /periods/:periodId (the questionnaire shows the same notice through the verification service's reviewNotice).
 */
export function reviewRoutes(verification: VerificationService): Router {
  const router = Router({ mergeParams: true });

  /** @route GET /periods/:periodId/units/:unitId/review — the verifier's comments, newest round first, with links */
  router.get('/units/:unitId/review', requireRole(...VIEWERS), (req, res) => {
    const r = verification.getReview(requireUser(req), idParam(req, 'periodId'), idParam(req, 'unitId'));
    res.render('review/show', { title: `Catatan Verifikator – ${r.unit.name}`, period: r.period, r });
  });

  /** @route POST /periods/:periodId/units/:unitId/copy-confirm — the unit confirms answers copied from a past period */
  router.post('/units/:unitId/copy-confirm', formBody, requireRole('narahubung', 'admin'), (req, res) => {
    const periodId = idParam(req, 'periodId');
    const unitId = idParam(req, 'unitId');
    verification.confirmCopiedAnswers(requireUser(req), periodId, unitId);
    flash(req, 'success', 'Jawaban salinan dikonfirmasi.');
    const back = typeof (req.body as Record<string, unknown>).back === 'string' ? String((req.body as Record<string, unknown>).back) : '';
    res.redirect(back === 'home' ? '/' : `/periods/${periodId}/units/${unitId}/assessment`);
  });

  return router;
}
