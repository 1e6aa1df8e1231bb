import { Router, type Request, type Response } from 'express';
import { AppError } from '../errors/app-error';
import { formatInt } from '../shared/format';
import { PAPERS } from '../shared/workbook-style';
import { formBody } from '../web/body';
import { requireRole, requireUser } from '../web/guards';
import { idParam } from '../web/params';
import { validate } from '../web/validate';
import { flash } from '../web/view-locals';
import type { RenaksiService } from './renaksi.api';
import { RENAKSI_EDITORS } from './renaksi-roles';
import { DOCUMENT_SETTINGS_SCHEMA, PLAN_YEARS_SCHEMA } from './renaksi.schemas';
import { DEFAULT_PLAN_YEARS } from './renaksi.service';

type Body = Record<string, unknown>;

/** The 422 of a refused form, or null for any other error (which then propagates). */
const refused = (err: unknown): Record<string, string> | null => (err instanceof AppError && err.status === 422 ? err.fields : null);

/** Plan years and the document's settings. Mounted at /periods/:periodId. */
export function renaksiSettingsRoutes(renaksi: RenaksiService): Router {
  const router = Router({ mergeParams: true });
  const editors = requireRole(...RENAKSI_EDITORS);
  const base = '/renaksi';

  function render(req: Request, res: Response, status: number, opts: { years?: Body; doc?: Body; errors?: Record<string, string> } = {}) {
    const { period } = renaksi.loadPeriod(idParam(req, 'periodId'));
    const plan = renaksi.findPlan(period.id);
    res.status(status).render('renaksi/settings', {
      title: `Pengaturan Renaksi – ${period.name}`,
      period,
      plan,
      yearValues: opts.years ?? { startYear: plan?.startYear ?? DEFAULT_PLAN_YEARS.start, endYear: plan?.endYear ?? DEFAULT_PLAN_YEARS.end },
      docValues: opts.doc ?? renaksi.documentSettings(),
      errors: opts.errors ?? {},
      papers: PAPERS,
    });
  }

  /** @route GET /periods/:periodId/renaksi/settings — plan years and the document's signature block and paper */
  router.get(`${base}/settings`, editors, (req, res) => {
    render(req, res, 200);
  });

  /** @route POST /periods/:periodId/renaksi/years — sets the plan years; untouched targets are recomputed */
  router.post(`${base}/years`, formBody, editors, (req, res) => {
    const periodId = idParam(req, 'periodId');
    const body = req.body as Body;
    let data: ReturnType<typeof PLAN_YEARS_SCHEMA.parse>;
    try {
      data = validate(PLAN_YEARS_SCHEMA, body);
    } catch (err) {
      const errors = refused(err);
      if (!errors) throw err;
      return render(req, res, 422, { years: body, errors });
    }
    const changed = renaksi.setPlanYears(requireUser(req), periodId, data);
    flash(req, 'success', `Tahun rencana menjadi ${data.startYear}–${data.endYear}; target ${formatInt(changed)} baris disesuaikan (target yang disunting tangan dipertahankan).`);
    res.redirect(`/periods/${periodId}/renaksi`);
  });

  /** @route POST /periods/:periodId/renaksi/settings — saves paper, region and the signature block (place, date, office, name, NIP) */
  router.post(`${base}/settings`, formBody, editors, (req, res) => {
    const periodId = idParam(req, 'periodId');
    renaksi.loadPeriod(periodId);
    const body = req.body as Body;
    try {
      renaksi.saveDocumentSettings(requireUser(req), validate(DOCUMENT_SETTINGS_SCHEMA, body));
    } catch (err) {
      const errors = refused(err);
      if (!errors) throw err;
      return render(req, res, 422, { doc: body, errors });
    }
    flash(req, 'success', 'Pengaturan dokumen Renaksi tersimpan.');
    res.redirect(`/periods/${periodId}/renaksi/settings`);
  });

  return router;
}
