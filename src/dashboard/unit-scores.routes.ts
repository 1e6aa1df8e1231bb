import { Router } from 'express';
import { unitPlanUrl, type RenaksiPlanStatusOf } from '../renaksi-narrative';
import { requireRole, requireUser } from '../web/guards';
import { idParam } from '../web/params';
import { sendCsv } from '../web/send-csv';
import { categoryTone } from './chart-data';
import { trajectoryLines } from './progress-view';
import type { DashboardService } from './dashboard.api';
import { basisOf, SCORE_VIEWERS } from './dashboard.schemas';
import { unitAspectsCsv, unitFileStem, unitGapsCsv, unitRadarChart, unitReportJson } from './unit-report-outputs';

/** One unit's scores and its printable rapor. Mounted at /periods/:periodId. */
export function unitScoresRoutes(dashboard: DashboardService, renaksiPlanStatus: RenaksiPlanStatusOf): Router {
  const router = Router({ mergeParams: true });
  const viewers = requireRole(...SCORE_VIEWERS);
  const base = '/units/:unitId/scores';
  /** The link to the unit's own Renaksi, for a user who may download it now. */
  const planUrl = (req: Parameters<typeof idParam>[0]) => {
    const periodId = idParam(req, 'periodId');
    return unitPlanUrl(requireUser(req), renaksiPlanStatus(periodId), periodId, idParam(req, 'unitId'));
  };
  const report = (req: Parameters<typeof idParam>[0]) =>
    dashboard.getUnitReport(idParam(req, 'periodId'), idParam(req, 'unitId'), basisOf(req.query.basis));

  /** @route GET /periods/:periodId/units/:unitId/scores — one unit: radar against the kabupaten, gaps to targets */
  router.get(base, viewers, (req, res) => {
    const r = report(req);
    res.render('dashboard/unit-scores', {
      title: `Skor ${r.unit.name} – ${r.period.name}`,
      r,
      chart: unitRadarChart(r),
      tone: (c: string | null) => categoryTone(c, r.instrument.categories),
      unitPlanUrl: planUrl(req),
    });
  });

  /** @route GET /periods/:periodId/units/:unitId/scores.json — the same as JSON (full precision; README) */
  router.get(`${base}.json`, viewers, (req, res) => {
    res.json(unitReportJson(report(req)));
  });

  /** @route GET /periods/:periodId/units/:unitId/scores/aspects.csv — the radar's table */
  router.get(`${base}/aspects.csv`, viewers, (req, res) => {
    const r = report(req);
    sendCsv(res, unitFileStem(r, 'skor-aspek'), unitAspectsCsv(r));
  });

  /** @route GET /periods/:periodId/units/:unitId/scores/gaps.csv — every indicator with level, target and gap */
  router.get(`${base}/gaps.csv`, viewers, (req, res) => {
    const r = report(req);
    sendCsv(res, unitFileStem(r, 'kesenjangan'), unitGapsCsv(r));
  });

  /**
   * @route GET /periods/:periodId/units/:unitId/rapor — the printable one-page rapor on verified levels; the
   * narahubung sees their own unit's once verified
   */
  router.get('/units/:unitId/rapor', requireRole(...SCORE_VIEWERS, 'narahubung'), (req, res) => {
    const rapor = dashboard.getRapor(requireUser(req), idParam(req, 'periodId'), idParam(req, 'unitId'));
    const r = rapor.report;
    res.render('rapor/show', {
      title: `Rapor ${r.unit.name} – ${r.period.name}`,
      rapor,
      r,
      chart: unitRadarChart(r),
      tone: (c: string | null) => categoryTone(c, r.instrument.categories),
      printedAt: new Date().toISOString(),
      laporRapor: dashboard.laporRaporLine(r.period.id, r.unit.unitId),
      unitPlanUrl: planUrl(req),
      trajectory: rapor.trajectory && { planPeriodName: rapor.trajectory.planPeriod.name, years: rapor.trajectory.years, lines: trajectoryLines(rapor.trajectory, r.period.year), itemCount: rapor.trajectory.items.length },
    });
  });

  return router;
}
