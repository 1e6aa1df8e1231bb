import { Router, type Request, type Response } from 'express';
import type { Repos } from '../db/repos';
import { requireRole, requireUser } from '../auth/guards';
import { AppError } from '../errors/app-error';
import { idParam } from '../web/params';
import { flash } from '../web/view-locals';
import { getQuestionnaire, missingIndicators, saveAnswers, submitAssessment } from './assessments.service';
import { parseAnswerForm } from './assessments.schemas';

const VIEWERS = ['narahubung', 'admin', 'verifikator', 'fasilitator', 'tim_renaksi'] as const;
const EDITORS = ['narahubung', 'admin'] as const;

export function assessmentsRoutes(repos: Repos): Router {
  const router = Router();
  const base = '/periods/:periodId/units/:unitId/assessment';

  function renderForm(req: Request, res: Response, status: number, extra: { values?: Record<string, unknown>; errors?: Record<string, string> } = {}) {
    const q = getQuestionnaire(repos, requireUser(req), idParam(req, 'periodId'), idParam(req, 'unitId'));
    const canEdit = (EDITORS as readonly string[]).includes(requireUser(req).role) && !q.locked;
    res.status(status).render('assessments/edit', {
      title: `Penilaian Mandiri – ${q.unit.name}`,
      q,
      canEdit,
      missing: missingIndicators(q.instrument, q.answers),
      values: extra.values ?? null,
      errors: extra.errors ?? {},
    });
  }

  /** @route GET /periods/:periodId/units/:unitId/assessment — the questionnaire (read-only when locked) */
  router.get(base, requireRole(...VIEWERS), (req, res) => {
    renderForm(req, res, 200);
  });

  /** @route POST /periods/:periodId/units/:unitId/assessment — saves the whole form (works without JavaScript) */
  router.post(base, requireRole(...EDITORS), (req, res) => {
    const user = requireUser(req);
    const periodId = idParam(req, 'periodId');
    const unitId = idParam(req, 'unitId');
    const q = getQuestionnaire(repos, user, periodId, unitId);
    const body = req.body as Record<string, unknown>;
    const parsed = parseAnswerForm(q.instrument, body);
    if (Object.keys(parsed.errors).length > 0) return renderForm(req, res, 422, { values: body, errors: parsed.errors });
    const changed = saveAnswers(repos, user, periodId, unitId, parsed.answers);
    flash(req, 'success', changed > 0 ? `Jawaban tersimpan (${changed} perubahan).` : 'Tidak ada perubahan untuk disimpan.');
    res.redirect(`/periods/${periodId}/units/${unitId}/assessment`);
  });

  /**
   * @route POST /periods/:periodId/units/:unitId/assessment/submit — saves the answers sent with it (so nothing
   * typed is lost), then submits and locks; an incomplete assessment stays a draft and lists what is missing.
   */
  router.post(`${base}/submit`, requireRole(...EDITORS), (req, res) => {
    const user = requireUser(req);
    const periodId = idParam(req, 'periodId');
    const unitId = idParam(req, 'unitId');
    const q = getQuestionnaire(repos, user, periodId, unitId);
    const body = req.body as Record<string, unknown>;
    const parsed = parseAnswerForm(q.instrument, body);
    if (Object.keys(parsed.errors).length > 0) return renderForm(req, res, 422, { values: body, errors: parsed.errors });
    if (!q.locked) saveAnswers(repos, user, periodId, unitId, parsed.answers);
    try {
      submitAssessment(repos, user, periodId, unitId);
    } catch (err) {
      if (err instanceof AppError && err.code === 'assessment-incomplete') {
        return renderForm(req, res, 422, { errors: { _form: err.message } });
      }
      throw err;
    }
    flash(req, 'success', 'Penilaian mandiri berhasil diajukan untuk diverifikasi.');
    res.redirect(`/periods/${periodId}/units/${unitId}/assessment`);
  });

  return router;
}
