import { Router } from 'express';
import { sendCsv } from '../web/send-csv';
import { notFound } from '../errors/app-error';
import { requireRole } from '../web/guards';
import { idParam } from '../web/params';
import { periodLapor } from './lapor-figures.service';
import { claimsTable, isLaporTable, LAPOR_TABLE_FILES, laporApiJson, laporTableCsv, laporTableJson } from './lapor-outputs';
import type { LaporContext } from './lapor-context';

/** The roles that see the scores (GET /api/periods/:periodId/scores): the same see the SP4N-LAPOR! figures. */
export const LAPOR_VIEWERS = ['admin', 'verifikator', 'fasilitator', 'tim_renaksi'] as const;

/** The figures for integrators. Mounted at /api/periods/:periodId/lapor. */
export function laporApiRoutes(ctx: LaporContext): Router {
  const router = Router({ mergeParams: true });

  /** @route GET /api/periods/:periodId/lapor — kabupaten totals, groups, per unit figures and derived levels (README) */
  router.get('/', requireRole(...LAPOR_VIEWERS), (req, res) => {
    const periodId = idParam(req, 'periodId');
    const { period } = ctx.loadPeriod(periodId);
    res.json(laporApiJson(period, periodLapor(ctx, periodId)));
  });

  return router;
}

/** The JSON and CSV twins of the dashboard's SP4N-LAPOR! section. Mounted at /periods/:periodId. */
export function laporTableRoutes(ctx: LaporContext): Router {
  const router = Router({ mergeParams: true });
  const viewers = requireRole(...LAPOR_VIEWERS);

  /** A table of the dashboard section (units, monthly, claims); 404 for another name or a period without data. */
  function tableOf(periodId: number, table: string) {
    if (!isLaporTable(table)) throw notFound('Tabel data SP4N-LAPOR!');
    const l = periodLapor(ctx, periodId);
    if (!l) throw notFound('Data SP4N-LAPOR! periode ini');
    return { l, table, claims: table === 'claims' ? claimsTable(l, (unitId) => ctx.answers(periodId, unitId)) : [] };
  }

  /** @route GET /periods/:periodId/lapor/:table.json — a table of the dashboard's SP4N-LAPOR! section (full precision) */
  router.get('/lapor/:table.json', viewers, (req, res) => {
    const t = tableOf(idParam(req, 'periodId'), String(req.params.table));
    res.json(laporTableJson(t.l, t.table, t.claims));
  });

  /** @route GET /periods/:periodId/lapor/:table.csv — the same table as CSV for Excel (id-ID) */
  router.get('/lapor/:table.csv', viewers, (req, res) => {
    const t = tableOf(idParam(req, 'periodId'), String(req.params.table));
    sendCsv(res, `${LAPOR_TABLE_FILES[t.table]}-${t.l.period.year}`, laporTableCsv(t.l, t.table, t.claims));
  });

  return router;
}
