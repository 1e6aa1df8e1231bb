import { Router, type Response } from 'express';
import type { Repos } from '../db/repos';
import { requireRole, requireUser } from '../web/guards';
import { AppError } from '../errors/app-error';
import { flash } from '../web/view-locals';
import { createPeriod } from './periods.service';

/** Period administration (admin): the list and the new-period form. */
export function periodsRoutes(repos: Repos): Router {
  const router = Router();
  const admin = requireRole('admin');

  function render(res: Response, status: number, values: Record<string, unknown>, errors: Record<string, string>) {
    const submitted = repos.periodSetup.submittedCounts();
    const periods = repos.periods.listAll().map((p) => ({
      ...p,
      instrumentVersion: repos.instruments.findById(p.instrumentId)?.version ?? '–',
      submitted: submitted.get(p.id) ?? 0,
    }));
    res.status(status).render('admin/periods', {
      title: 'Periode Penilaian',
      periods,
      instruments: repos.periodSetup.listInstruments(),
      values,
      errors,
    });
  }

  /** @route GET /admin/periods — periods with their instrument version and deadline, and the new-period form */
  router.get('/admin/periods', admin, (_req, res) => {
    const latest = repos.instruments.latest();
    render(res, 200, { year: String(new Date().getFullYear()), instrumentId: latest ? String(latest.id) : '' }, {});
  });

  /** @route POST /admin/periods — creates a period; fields name, year, instrumentId, deadline, copyFromPeriodId */
  router.post('/admin/periods', admin, (req, res) => {
    const body = req.body as Record<string, unknown>;
    let result: { periodId: number; copiedUnits: number };
    try {
      result = createPeriod(repos, requireUser(req), body);
    } catch (err) {
      if (err instanceof AppError && err.status === 422) return render(res, 422, body, err.fields);
      throw err;
    }
    const name = String(body.name).trim();
    flash(req, 'success', result.copiedUnits > 0
      ? `Periode "${name}" dibuat; jawaban ${result.copiedUnits} unit disalin sebagai draf yang perlu dikonfirmasi.`
      : `Periode "${name}" dibuat.`);
    res.redirect('/admin/periods');
  });

  return router;
}
