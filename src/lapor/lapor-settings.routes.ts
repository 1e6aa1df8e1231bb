import { Router, type Request, type Response } from 'express';
import { requireRole, requireUser } from '../web/guards';
import { flash } from '../web/view-locals';
import { formBody } from '../web/body';
import { or422 } from '../web/or-422';
import { formatDate } from '../shared/format';
import { addDayOff, changeDecision, daysOffByYear, listDecisions, removeDayOff } from './lapor-settings.service';
import { todayWita } from './lapor-import.service';
import type { LaporContext } from './lapor-context';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The kabupaten-wide settings of the SP4N-LAPOR! figures (admin): remembered instansi and days off. Mounted at /admin/lapor. */
export function laporSettingsRoutes(ctx: LaporContext): Router {
  const router = Router();
  const admin = requireRole('admin');

  const renderDaysOff = (res: Response, status: number, values: Record<string, unknown>, errors: Record<string, string>) => {
    const thisYear = Number(todayWita().slice(0, 4));
    res.status(status).render('lapor/days-off', { title: 'Hari Libur dan Cuti Bersama', years: daysOffByYear(ctx, [thisYear]), values, errors });
  };
  const renderInstansi = (res: Response, status: number, errors: Record<string, string>) =>
    res.status(status).render('lapor/instansi', { title: 'Pencocokan Instansi SP4N-LAPOR!', decisions: listDecisions(ctx), units: ctx.listUnits(), errors });

  /** @route GET /admin/lapor/hari-libur — national holidays per year and the cuti bersama the admin entered */
  router.get('/hari-libur', admin, (_req, res) => {
    renderDaysOff(res, 200, {}, {});
  });

  /** @route POST /admin/lapor/hari-libur — adds a cuti bersama day (`day`, `note`) */
  router.post('/hari-libur', formBody, admin, (req: Request, res) => {
    let day = '';
    if (!or422(() => { day = addDayOff(ctx, requireUser(req), req.body as Record<string, unknown>); }, (e) => renderDaysOff(res, 422, req.body as Record<string, unknown>, e))) return;
    flash(req, 'success', `Cuti bersama ${formatDate(day)} disimpan; angka hari kerja dihitung ulang.`);
    res.redirect(303, '/admin/lapor/hari-libur');
  });

  /** @route POST /admin/lapor/hari-libur/:day/delete — removes an entered day off */
  router.post('/hari-libur/:day/delete', formBody, admin, (req, res) => {
    const day = String(req.params.day);
    const removed = ISO_DAY.test(day) && removeDayOff(ctx, requireUser(req), day);
    flash(req, removed ? 'success' : 'error', removed ? `Hari libur ${formatDate(day)} dihapus.` : 'Hari libur itu tidak ada dalam daftar.');
    res.redirect(303, '/admin/lapor/hari-libur');
  });

  /** @route GET /admin/lapor/instansi — every remembered instansi → unit decision, reviewable */
  router.get('/instansi', admin, (_req, res) => {
    renderInstansi(res, 200, {});
  });

  /** @route POST /admin/lapor/instansi — changes or forgets one decision (`key`, `unit`) */
  router.post('/instansi', formBody, admin, (req, res) => {
    const body = req.body as Record<string, unknown>;
    if (!or422(() => changeDecision(ctx, requireUser(req), typeof body.key === 'string' ? body.key : '', body.unit), (e) => renderInstansi(res, 422, e))) return;
    flash(req, 'success', 'Pencocokan instansi diperbarui.');
    res.redirect(303, '/admin/lapor/instansi');
  });

  return router;
}
