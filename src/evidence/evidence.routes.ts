import { Router } from 'express';
import { z } from 'zod';
import type { Repos } from '../db/repos';
import type { AppConfig } from '../config/config';
import { requireQueueOwner, requireRole, requireUnitAccess, requireUser } from '../web/guards';
import { badInput } from '../errors/app-error';
import { idParam } from '../web/params';
import { flash } from '../web/view-locals';
import { LINK_SCHEMA } from '../assessments/assessments.schemas';
import { canDeleteEvidence, EDITORS, questionnairePath, VIEWERS } from '../assessments/questionnaire-view';
import { renderToString } from '../web/render-to-string';
import { createEvidenceStore } from './evidence-store';
import { addEvidenceLink, deleteEvidence, evidenceDownload } from './evidence.service';

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

export function evidenceRoutes(repos: Repos, config: AppConfig): Router {
  const router = Router();
  const base = '/periods/:periodId/units/:unitId/assessment/evidence';
  const store = createEvidenceStore(config.dataDir);

  /**
   * @route GET /periods/:periodId/units/:unitId/assessment/evidence/:evidenceId — downloads an evidence file, only
   * for people who may see the unit; always as an attachment with the type found from its content.
   */
  router.get(`${base}/:evidenceId`, requireRole(...VIEWERS), (req, res) => {
    const file = evidenceDownload(repos, store, requireUser(req), idParam(req, 'periodId'), idParam(req, 'unitId'), idParam(req, 'evidenceId'));
    res.attachment(file.fileName);
    res.set({ 'Content-Type': file.mimeType, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, no-store' });
    res.sendFile(file.path);
  });

  /**
   * @route POST /periods/:periodId/units/:unitId/assessment/evidence/:evidenceId/delete — soft-deletes one's own
   * evidence while the assessment is editable (JSON for the page's script, else back to the indicator).
   */
  router.post(`${base}/:evidenceId/delete`, requireRole(...EDITORS), (req, res) => {
    const periodId = idParam(req, 'periodId');
    const unitId = idParam(req, 'unitId');
    const e = deleteEvidence(repos, requireUser(req), periodId, unitId, idParam(req, 'evidenceId'));
    if (req.accepts(['html', 'json']) === 'json') {
      res.json({ deleted: e.id });
      return;
    }
    flash(req, 'success', 'Bukti dukung dihapus.');
    res.redirect(`${questionnairePath(periodId, unitId)}#ind-${e.indicatorCode}`);
  });

  /**
   * @route POST /api/periods/:periodId/units/:unitId/evidence-links — adds a link `{ indicator, url, key? }` (the
   * page's script; without JavaScript links travel with the form). 201 with the new list item; with a `key` the
   * browser made, a repeat answers 200 with the item the first request added (an empty list if since deleted).
   */
  router.post('/api/periods/:periodId/units/:unitId/evidence-links', requireRole(...EDITORS), async (req, res) => {
    const user = requireUser(req);
    const periodId = idParam(req, 'periodId');
    const unitId = idParam(req, 'unitId');
    requireUnitAccess(user, unitId);
    requireQueueOwner(req, user);
    const parsed = LINK_BODY.safeParse(req.body ?? {});
    if (!parsed.success) {
      const fields = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), (LINK_FIELD_MESSAGES[String(i.path[0])] ?? String)(i.message)]));
      throw badInput(fields, Object.values(fields)[0]);
    }
    const { evidence: e, created } = addEvidenceLink(repos, user, { periodId, unitId }, { code: parsed.data.indicator, url: parsed.data.url, key: parsed.data.key });
    const html = e.deletedAt === null
      ? await renderToString(res, 'assessments/_evidence-item', { e, base: questionnairePath(periodId, unitId), deletable: canDeleteEvidence(user, e) })
      : null;
    res.status(created ? 201 : 200).json({ evidence: html === null ? [] : [{ code: e.indicatorCode, id: e.id, html }] });
  });

  return router;
}
