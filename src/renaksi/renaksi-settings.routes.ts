import { Router, type Request, type Response } from 'express';
import type { Repos } from '../db/repos';
import { requireRole, requireUser } from '../web/guards';
import { idParam } from '../web/params';
import { flash } from '../web/view-locals';
import { loadPeriod } from '../scoring/scores.service';
import { formatInt } from '../shared/format';
import { PAPERS } from '../shared/workbook-style';
import { RENAKSI_EDITORS } from './renaksi-roles';
import { DOCUMENT_SETTINGS_SCHEMA, parseForm, PLAN_YEARS_SCHEMA } from './renaksi.schemas';
import { DEFAULT_PLAN_YEARS, setPlanYears } from './renaksi.service';
import { documentSettings, saveDocumentSettings } from './renaksi-plan.service';

type Body = Record<string, unknown>;

export function renaksiSettingsRoutes(repos: Repos): Router {
  const router = Router();
  const editors = requireRole(...RENAKSI_EDITORS);
  const base = '/periods/:periodId/renaksi';

  function render(req: Request, res: Response, status: number, opts: { years?: Body; doc?: Body; errors?: Record<string, string> } = {}) {
    const { period } = loadPeriod(repos, idParam(req, 'periodId'));
    const plan = repos.renaksi.findPlan(period.id);
    res.status(status).render('renaksi/settings', {
      title: `Pengaturan Renaksi – ${period.name}`,
      period,
      plan,
      yearValues: opts.years ?? { startYear: plan?.startYear ?? DEFAULT_PLAN_YEARS.start, endYear: plan?.endYear ?? DEFAULT_PLAN_YEARS.end },
      docValues: opts.doc ?? documentSettings(repos),
      errors: opts.errors ?? {},
      papers: PAPERS,
    });
  }

  /** @route GET /periods/:periodId/renaksi/settings — plan years and the document's signature block and paper */
  router.get(`${base}/settings`, editors, (req, res) => {
    render(req, res, 200);
  });

  /** @route POST /periods/:periodId/renaksi/years — sets the plan years; untouched targets are recomputed */
  router.post(`${base}/years`, editors, (req, res) => {
    const periodId = idParam(req, 'periodId');
    const body = req.body as Body;
    const { data, errors } = parseForm(PLAN_YEARS_SCHEMA, body);
    if (!data) return render(req, res, 422, { years: body, errors });
    const changed = setPlanYears(repos, requireUser(req), periodId, data);
    flash(req, 'success', `Tahun rencana menjadi ${data.startYear}–${data.endYear}; target ${formatInt(changed)} baris disesuaikan (target yang disunting tangan dipertahankan).`);
    res.redirect(`/periods/${periodId}/renaksi`);
  });

  /** @route POST /periods/:periodId/renaksi/settings — saves paper, region and the signature block (place, date, office, name, NIP) */
  router.post(`${base}/settings`, editors, (req, res) => {
    const periodId = idParam(req, 'periodId');
    loadPeriod(repos, periodId);
    const body = req.body as Body;
    const { data, errors } = parseForm(DOCUMENT_SETTINGS_SCHEMA, body);
    if (!data) return render(req, res, 422, { doc: body, errors });
    saveDocumentSettings(repos, requireUser(req), data);
    flash(req, 'success', 'Pengaturan dokumen Renaksi tersimpan.');
    res.redirect(`/periods/${periodId}/renaksi/settings`);
  });

  return router;
}
