import { Router } from 'express';
import { AnswerConflictError, parseAnswerBody } from '../assessments';
import { notFound } from '../errors/app-error';
import { formatDateTime, formatTime } from '../shared/format';
import { formBody } from '../web/body';
import { requireQueueOwner, requireRole, requireUnitAccess, requireUser } from '../web/guards';
import { idParam } from '../web/params';
import { renderToString } from '../web/render-to-string';
import { answerText, EDITORS, renderQuestionnaire, VIEWERS, type QuestionnaireDeps } from './questionnaire-view';

/** The questionnaire page. Mounted at /periods/:periodId/units/:unitId/assessment. */
export function questionnaireRoutes(deps: QuestionnaireDeps): Router {
  const router = Router({ mergeParams: true });

  /** @route GET /periods/:periodId/units/:unitId/assessment — the questionnaire (read-only when locked) */
  router.get('/', requireRole(...VIEWERS), (req, res) => {
    renderQuestionnaire(deps, req, res, 200);
  });

  return router;
}

/** The page script's autosave. Mounted at /api/periods/:periodId/units/:unitId. */
export function answersApiRoutes(deps: QuestionnaireDeps): Router {
  const router = Router({ mergeParams: true });

  /**
   * @route PUT /api/periods/:periodId/units/:unitId/answers/:code — autosave of one indicator,
   * body `{ level, na, note, version }`. 200 with the stored answer and its new version; 409 `answer-conflict`
   * with the stored value (who, when) when the version is stale; 409 `assessment-locked`; 422 per field; 403
   * `queue-other-user` when the change was queued in the browser by another user than the one signed in.
   */
  router.put('/answers/:code', formBody, requireRole(...EDITORS), async (req, res) => {
    const user = requireUser(req);
    const periodId = idParam(req, 'periodId');
    const unitId = idParam(req, 'unitId');
    requireUnitAccess(user, unitId);
    requireQueueOwner(req, user);
    const { instrument } = deps.assessments.answeringInstrument(user, periodId, unitId);
    const ind = instrument.aspects.flatMap((a) => a.indicators).find((i) => i.code === req.params.code);
    if (!ind) throw notFound('Indikator');
    const input = parseAnswerBody(ind, req.body);
    try {
      const saved = deps.assessments.saveAnswer(user, periodId, unitId, input);
      res.json({
        answer: {
          code: ind.code,
          level: saved?.level ?? null,
          na: saved?.isNa ?? false,
          note: saved?.note ?? '',
          version: saved?.version ?? 0,
          copied: saved?.copyState === 'disalin',
          savedAt: formatDateTime(saved?.updatedAt ?? new Date().toISOString()),
          savedTime: formatTime(saved?.updatedAt ?? new Date().toISOString()),
        },
      });
    } catch (err) {
      if (!(err instanceof AnswerConflictError)) throw err;
      const c = err.conflicts[0];
      if (!c) throw err;
      const html = await renderToString(res, 'assessments/_conflict', { c, ind, selfId: user.id, answerText });
      res.status(409).json({
        error: { code: err.code, message: err.message, fields: {} },
        conflict: { code: c.code, level: c.current.level, na: c.current.isNa, note: c.current.note, version: c.current.version, html },
      });
    }
  });

  return router;
}
