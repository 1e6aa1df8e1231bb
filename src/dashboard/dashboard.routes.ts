import { Router, type Response } from 'express';
import type { Repos } from '../db/repos';
import { requireRole } from '../web/guards';
import { badInput, notFound } from '../errors/app-error';
import { idParam } from '../web/params';
import type { LevelBasis } from '../scoring/scoring';
import { getDashboard } from './dashboard.service';
import { dashboardView } from './dashboard-view';
import { dashboardCsv, dashboardJson, TABLE_FILE_NAMES } from './dashboard-outputs';
import { isDashboardTable } from './dashboard.schemas';

export const SCORE_VIEWERS = ['admin', 'verifikator', 'fasilitator', 'tim_renaksi'] as const;

/** ?basis=self shows self-assessed levels; anything else the verified ones. */
export function basisOf(raw: unknown): LevelBasis {
  return raw === 'self' ? 'self' : 'verified';
}

/** Sends a CSV download (UTF-8 with BOM; see csv.ts) under an Indonesian file name. */
export function sendCsv(res: Response, fileName: string, csv: string): void {
  res.type('text/csv; charset=utf-8');
  res.attachment(`${fileName}.csv`);
  res.send(csv);
}

export function dashboardRoutes(repos: Repos): Router {
  const router = Router();
  const viewers = requireRole(...SCORE_VIEWERS);

  /** @route GET /periods/:periodId/dashboard — index, aspects, heatmap, ranking, level distributions, weakest ten */
  router.get('/periods/:periodId/dashboard', viewers, (req, res) => {
    const model = getDashboard(repos, idParam(req, 'periodId'), basisOf(req.query.basis), req.query);
    res.render('dashboard/show', { title: `Dasbor – ${model.period.name}`, m: model, v: dashboardView(model) });
  });

  /** @route GET /periods/:periodId/dashboard/unit?unitId= — the unit picker's target (works without JavaScript) */
  router.get('/periods/:periodId/dashboard/unit', viewers, (req, res) => {
    const periodId = idParam(req, 'periodId');
    const raw = req.query.unitId;
    if (typeof raw !== 'string' || !/^[1-9][0-9]{0,9}$/.test(raw)) throw badInput({ unitId: 'Pilih unit.' });
    res.redirect(`/periods/${periodId}/units/${raw}/scores?basis=${basisOf(req.query.basis)}`);
  });

  /** @route GET /periods/:periodId/dashboard/:table.json — a dashboard table as JSON (full precision; README) */
  router.get('/periods/:periodId/dashboard/:table.json', viewers, (req, res) => {
    const table = req.params.table;
    if (!isDashboardTable(table)) throw notFound('Tabel dasbor');
    const model = getDashboard(repos, idParam(req, 'periodId'), basisOf(req.query.basis), req.query);
    res.json(dashboardJson(model, table));
  });

  /** @route GET /periods/:periodId/dashboard/:table.csv — the same table as CSV for Excel (id-ID) */
  router.get('/periods/:periodId/dashboard/:table.csv', viewers, (req, res) => {
    const table = req.params.table;
    if (!isDashboardTable(table)) throw notFound('Tabel dasbor');
    const model = getDashboard(repos, idParam(req, 'periodId'), basisOf(req.query.basis), req.query);
    sendCsv(res, `${TABLE_FILE_NAMES[table]}-${model.period.year}-${model.basis === 'self' ? 'mandiri' : 'verifikasi'}`, dashboardCsv(model, table));
  });

  return router;
}
