import { Router } from 'express';
import { z } from 'zod';
import { LINK_SCHEMA } from '../assessments';
import { formBody } from '../web/body';
import { requireQueueOwner, requireRole, requireUser } from '../web/guards';
import { idParam } from '../web/params';
import { renderToString } from '../web/render-to-string';
import { validate } from '../web/validate';
import { flash } from '../web/view-locals';
import { canDeleteEvidence, EDITORS, questionnairePath, VIEWERS, type QuestionnaireDeps } from './questionnaire-view';

const LINK_BODY = z.object({
  indicator: z.string().regex(/^[A-Z][0-9]{1,2}$/),
  url: LINK_SCHEMA.refine((s) => s !== '', 'tautan wajib diisi'),
  key: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/).optional(),
});
const LINK_FIELD_MESSAGES: Record<string, (message: string) => string> = {
  url: (m) => `Tautan: ${m}.`,
  indicator: () => 'Kode indikator tidak valid.',
  key: () => 'Kunci tautan tidak valid (16–64 huruf, angka, "-" atau "_"); muat ulang halaman.',
};

/** The questionnaire's evidence: download and delete. Mounted at /periods/:periodId/units/:unitId/assessment. */
export function evidenceRoutes(deps: QuestionnaireDeps): Router {
  const router = Router({ mergeParams: true });

  /**
   * @route GET /periods/:periodId/units/:unitId/assessment/evidence/:evidenceId — downloads an evidence file, only
   * for people who may see the unit; always as an attachment with the type found from its content.
   */
  router.get('/evidence/:evidenceId', requireRole(...VIEWERS), (req, res) => {
    const file = deps.assessments.evidenceDownload(requireUser(req), idParam(req, 'periodId'), idParam(req, 'unitId'), idParam(req, 'evidenceId'));
    res.attachment(file.fileName);
    res.set({ 'Content-Type': file.mimeType, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, no-store' });
    res.sendFile(file.path);
  });

  /**
   * @route POST /periods/:periodId/units/:unitId/assessment/evidence/:evidenceId/delete — soft-deletes one's own
   * evidence while the assessment is editable (JSON for the page's script, else back to the indicator).
   */
  router.post('/evidence/:evidenceId/delete', formBody, requireRole(...EDITORS), (req, res) => {
    const periodId = idParam(req, 'periodId');
    const unitId = idParam(req, 'unitId');
    const e = deps.assessments.deleteEvidence(requireUser(req), periodId, unitId, idParam(req, 'evidenceId'));
    if (req.accepts(['html', 'json']) === 'json') {
      res.json({ deleted: e.id });
      return;
    }
    flash(req, 'success', 'Bukti dukung dihapus.');
    res.redirect(`${questionnairePath(periodId, unitId)}#ind-${e.indicatorCode}`);
  });

  return router;
}

/** The page script's evidence link API. Mounted at /api/periods/:periodId/units/:unitId. */
export function evidenceApiRoutes(deps: QuestionnaireDeps): Router {
  const router = Router({ mergeParams: true });

  /**
   * @route POST /api/periods/:periodId/units/:unitId/evidence-links — adds a link `{ indicator, url, key? }` (the
   * page's script; without JavaScript links travel with the form). 201 with the new list item; with a `key` the
   * browser made, a repeat answers 200 with the item the first request added (an empty list if since deleted).
   */
  router.post('/evidence-links', formBody, requireRole(...EDITORS), async (req, res) => {
    const user = requireUser(req);
    const periodId = idParam(req, 'periodId');
    const unitId = idParam(req, 'unitId');
    deps.assessments.requirePeriodUnit(user, periodId, unitId);
    requireQueueOwner(req, user);
    const link = validate(LINK_BODY, req.body ?? {}, { summary: 'first-field', message: (field, message) => (LINK_FIELD_MESSAGES[field] ?? String)(message) });
    const { evidence: e, created } = deps.assessments.attachLink(user, { periodId, unitId }, { code: link.indicator, url: link.url, key: link.key });
    const html = e.deletedAt === null
      ? await renderToString(res, 'assessments/_evidence-item', { e, base: questionnairePath(periodId, unitId), deletable: canDeleteEvidence(user, e) })
      : null;
    res.status(created ? 201 : 200).json({ evidence: html === null ? [] : [{ code: e.indicatorCode, id: e.id, html }] });
  });

  return router;
}
