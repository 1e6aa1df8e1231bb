import { Router } from 'express';
import { badInput, notFound } from '../errors/app-error';
import { requireRole } from '../web/guards';
import { idParam } from '../web/params';
import { sendCsv } from '../web/send-csv';
import type { DashboardService } from './dashboard.api';
import { dashboardView } from './dashboard-view';
import { progressView } from './progress-view';
import { dashboardCsv, dashboardJson, TABLE_FILE_NAMES } from './dashboard-outputs';
import { basisOf, isDashboardTable, SCORE_VIEWERS } from './dashboard.schemas';

/** The kabupaten dashboard. Mounted at /periods/:periodId. */
export function dashboardRoutes(dashboard: DashboardService): Router {
  const router = Router({ mergeParams: true });
  const viewers = requireRole(...SCORE_VIEWERS);

  /**
   * @route GET /periods/:periodId/dashboard — index, aspects, the kabupaten's own conditions (when the instrument has
   * them), progress against the previous period (?compare) and the signed plan, heatmap, ranking, level distributions,
   * weakest ten
   */
  router.get('/dashboard', viewers, (req, res) => {
    const periodId = idParam(req, 'periodId');
    const model = dashboard.getDashboard(periodId, basisOf(req.query.basis), req.query);
    const progress = dashboard.getProgress(periodId, req.query.compare, model.basis);
    res.render('dashboard/show', {
      title: `Dasbor – ${model.period.name}`, m: model, v: dashboardView(model),
      kabupaten: dashboard.kabupatenConditions(periodId), laporSection: dashboard.laporSection(periodId),
      p: progress, pv: progressView(progress),
    });
  });

  /** @route GET /periods/:periodId/dashboard/unit?unitId= — the unit picker's target (works without JavaScript) */
  router.get('/dashboard/unit', viewers, (req, res) => {
    const periodId = idParam(req, 'periodId');
    const raw = req.query.unitId;
    if (typeof raw !== 'string' || !/^[1-9][0-9]{0,9}$/.test(raw)) throw badInput({ unitId: 'Pilih unit.' });
    res.redirect(`/periods/${periodId}/units/${raw}/scores?basis=${basisOf(req.query.basis)}`);
  });

  /** @route GET /periods/:periodId/dashboard/:table.json — a dashboard table as JSON (full precision; README) */
  router.get('/dashboard/:table.json', viewers, (req, res) => {
    const table = req.params.table;
    if (!isDashboardTable(table)) throw notFound('Tabel dasbor');
    const model = dashboard.getDashboard(idParam(req, 'periodId'), basisOf(req.query.basis), req.query);
    res.json(dashboardJson(model, table));
  });

  /** @route GET /periods/:periodId/dashboard/:table.csv — the same table as CSV for Excel (id-ID) */
  router.get('/dashboard/:table.csv', viewers, (req, res) => {
    const table = req.params.table;
    if (!isDashboardTable(table)) throw notFound('Tabel dasbor');
    const model = dashboard.getDashboard(idParam(req, 'periodId'), basisOf(req.query.basis), req.query);
    sendCsv(res, `${TABLE_FILE_NAMES[table]}-${model.period.year}-${model.basis === 'self' ? 'mandiri' : 'verifikasi'}`, dashboardCsv(model, table));
  });

  return router;
}
