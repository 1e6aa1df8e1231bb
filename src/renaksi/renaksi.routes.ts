import { Router } from 'express';
import type { Repos } from '../db/repos';
import { requireRole, requireUser } from '../auth/guards';
import { idParam } from '../web/params';
import { flash } from '../web/view-locals';
import { loadPeriod } from '../scoring/scores.service';
import { buildRenaksiWorkbook } from '../exports/renaksi-workbook';
import { renaksiDocument } from '../exports/renaksi-export.service';
import { planYears } from './renaksi-draft';
import { ensurePlan, generateRenaksi } from './renaksi.service';

const EDITORS = ['tim_renaksi', 'admin'] as const;
const READERS = ['tim_renaksi', 'admin', 'fasilitator', 'verifikator'] as const;

export function renaksiRoutes(repos: Repos): Router {
  const router = Router();

  /** @route GET /periods/:periodId/renaksi — the plan rows */
  router.get('/periods/:periodId/renaksi', requireRole(...READERS), (req, res) => {
    const { period, instrument } = loadPeriod(repos, idParam(req, 'periodId'));
    const plan = repos.renaksi.findPlan(period.id);
    const rows = plan ? repos.renaksi.listRows(plan.id) : [];
    const unitNames = new Map(repos.units.listAll().map((u) => [u.id, u.name]));
    res.render('renaksi/show', {
      title: `Renaksi – ${period.name}`,
      period,
      instrument,
      plan,
      years: plan ? planYears(plan.startYear, plan.endYear) : [],
      rows,
      unitNames,
      canEdit: (EDITORS as readonly string[]).includes(requireUser(req).role),
    });
  });

  /** @route POST /periods/:periodId/renaksi/generate — drafts (or re-drafts, keeping hand edits) from the gaps */
  router.post('/periods/:periodId/renaksi/generate', requireRole(...EDITORS), (req, res) => {
    const periodId = idParam(req, 'periodId');
    const r = generateRenaksi(repos, requireUser(req), periodId);
    flash(req, 'success', `Draf Renaksi disusun: ${r.inserted} baris baru, ${r.updated} baris diperbarui, ${r.closed} kesenjangan tertutup.`);
    res.redirect(`/periods/${periodId}/renaksi`);
  });

  /** @route GET /periods/:periodId/renaksi.xlsx — the Renaksi workbook (plan + recap sheets) */
  router.get('/periods/:periodId/renaksi.xlsx', requireRole(...READERS), async (req, res) => {
    const periodId = idParam(req, 'periodId');
    loadPeriod(repos, periodId);
    ensurePlan(repos, periodId);
    const wb = buildRenaksiWorkbook(renaksiDocument(repos, periodId));
    repos.audit.record({ userId: requireUser(req).id, action: 'export.renaksi', entity: 'period', entityId: periodId });
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename="renaksi-sp4n-lapor-periode-${periodId}.xlsx"`);
    await wb.xlsx.write(res);
    res.end();
  });

  return router;
}
