import { Router, type Response } from 'express';
import { AppError } from '../errors/app-error';
import { formBody } from '../web/body';
import { requireRole, requireUser } from '../web/guards';
import { flash } from '../web/view-locals';
import type { PeriodSetupService } from './period-setup.service';

/** Period administration (admin): the list and the new-period form. Mounted at /admin/periods. */
export function periodSetupRoutes(setup: PeriodSetupService): Router {
  const router = Router();
  const admin = requireRole('admin');

  function render(res: Response, status: number, values: Record<string, unknown>, errors: Record<string, string>) {
    res.status(status).render('admin/periods', {
      title: 'Periode Penilaian',
      periods: setup.listPeriods(),
      instruments: setup.listInstruments(),
      values,
      errors,
    });
  }

  /** @route GET /admin/periods — periods with their instrument version and deadline, and the new-period form */
  router.get('/', admin, (_req, res) => {
    const latest = setup.latestInstrument();
    render(res, 200, { year: String(new Date().getFullYear()), instrumentId: latest ? String(latest.id) : '' }, {});
  });

  /** @route POST /admin/periods — creates a period; fields name, year, instrumentId, deadline, copyFromPeriodId */
  router.post('/', formBody, admin, (req, res) => {
    const body = req.body as Record<string, unknown>;
    let result: { periodId: number; copiedUnits: number };
    try {
      result = setup.createPeriod(requireUser(req), body);
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
