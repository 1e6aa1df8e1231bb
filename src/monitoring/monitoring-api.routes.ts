import { Router } from 'express';
import { requireRole } from '../web/guards';
import { idParam } from '../web/params';
import type { MonevProgress } from './monitoring-progress';
import { MONEV_READERS } from './monitoring-roles';

/**
 * The JSON twin of the monev (README, "Automation interface"): stable for integrators, so it is mapped field by
 * field here rather than passing the service's shape through.
 */
export function progressJson(p: MonevProgress) {
  return {
    period: p.period,
    plan: p.plan,
    monitored: p.monitored,
    semesters: p.semesters.map((s) => ({ key: s.key, year: s.year, semester: s.semester, label: s.label, window: s.window, windowState: s.windowState })),
    rows: p.rows.map((r) => ({
      id: r.rowId, no: r.no, aspect: r.aspectCode, indicator: r.indicatorCode, activity: r.activity, outputIndicator: r.outputIndicator,
      coordinator: r.coordinator,
      semesters: r.semesters.map((c) => ({
        key: c.key, target: c.target, targetText: c.targetText, realisasi: c.realisasi, outputs: c.outputs, capaian: c.capaian, overTarget: c.overTarget,
        status: c.status, reviewState: c.reviewState, reported: c.reported, onSchedule: c.onSchedule,
      })),
    })),
    aspects: p.aspects.map((a) => ({ code: a.aspectCode, name: a.aspectName, semesters: a.semesters })),
    units: p.units.map((u) => ({
      id: u.unitId, code: u.code, name: u.name, group: u.group, coordinatedRows: u.coordinatedRowIds.length, indicators: u.indicators,
      semesters: u.semesters,
    })),
  };
}

/** Mounted at /api/periods/:periodId/renaksi/progress. */
export function monitoringApiRoutes(service: { progress(periodId: number): MonevProgress }): Router {
  const router = Router({ mergeParams: true });

  /** @route GET /api/periods/:periodId/renaksi/progress — per row and semester target, realisasi, capaian, status; per aspect the share on schedule */
  router.get('/', requireRole(...MONEV_READERS), (req, res) => {
    res.json(progressJson(service.progress(idParam(req, 'periodId'))));
  });

  return router;
}
