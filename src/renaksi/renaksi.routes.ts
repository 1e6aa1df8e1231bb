import { Router, type Response } from 'express';
import type { Repos } from '../db/repos';
import { requireRole, requireUser } from '../web/guards';
import { notFound } from '../errors/app-error';
import { idParam } from '../web/params';
import { flash } from '../web/view-locals';
import { loadPeriod } from '../scoring/scores.service';
import { formatInt } from '../shared/format';
import { createBuildCache } from '../shared/build-cache';
import { generateRenaksi } from './renaksi.service';
import { downloadWorkbook, finalizePlan, reopenPlan, versionWorkbook } from './renaksi-plan.service';
import { planPage } from './renaksi-view.service';
import { PLAN_FILTER_SCHEMA } from './renaksi.schemas';
import { isRenaksiEditor, RENAKSI_EDITORS, RENAKSI_READERS } from './renaksi-roles';
import { renaksiRowsRoutes } from './renaksi-rows.routes';
import { renaksiSettingsRoutes } from './renaksi-settings.routes';
import { renaksiUploadReviewRoutes } from './renaksi-upload.routes';


const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function sendXlsx(res: Response, bytes: Buffer, fileName: string): void {
  res.setHeader('Content-Type', XLSX_TYPE);
  res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  res.setHeader('Content-Length', String(bytes.length));
  res.end(bytes);
}

/** Workbooks kept by the fingerprint of their document: a few dozen periods' Renaksi workbooks. */
const WORKBOOK_CACHE_BYTES = 16 * 1024 * 1024;

export function renaksiRoutes(repos: Repos): Router {
  const router = Router();
  const editors = requireRole(...RENAKSI_EDITORS);
  const workbooks = createBuildCache(WORKBOOK_CACHE_BYTES);

  /** @route GET /periods/:periodId/renaksi — the plan, grouped under aspects, with evidence per row; ?aspek&cakupan&tampil filter */
  router.get('/periods/:periodId/renaksi', requireRole(...RENAKSI_READERS), (req, res) => {
    const page = planPage(repos, idParam(req, 'periodId'), PLAN_FILTER_SCHEMA.parse(req.query));
    const role = requireUser(req).role;
    res.render('renaksi/show', {
      title: `Renaksi – ${page.period.name}`,
      ...page,
      filter: PLAN_FILTER_SCHEMA.parse(req.query),
      canEdit: isRenaksiEditor(role) && page.plan?.status !== 'final',
      isEditor: isRenaksiEditor(role),
      isAdmin: role === 'admin',
    });
  });

  /** @route POST /periods/:periodId/renaksi/generate — drafts (or re-drafts, keeping hand edits) from the gaps */
  router.post('/periods/:periodId/renaksi/generate', editors, (req, res) => {
    const periodId = idParam(req, 'periodId');
    const r = generateRenaksi(repos, requireUser(req), periodId);
    const closed = r.closed > 0 ? ` ${formatInt(r.closed)} baris tidak lagi memiliki kesenjangan (ditandai, tidak dihapus).` : '';
    flash(req, 'success', `Draf Renaksi disusun: ${formatInt(r.inserted)} baris baru, ${formatInt(r.updated)} baris diperbarui.${closed} Suntingan tangan tetap dipertahankan.`);
    res.redirect(`/periods/${periodId}/renaksi`);
  });

  /** @route GET /periods/:periodId/renaksi.xlsx — the Renaksi workbook (a final plan: its stored, signed version) */
  router.get('/periods/:periodId/renaksi.xlsx', requireRole(...RENAKSI_READERS), async (req, res) => {
    const periodId = idParam(req, 'periodId');
    loadPeriod(repos, periodId);
    const { bytes, versionNo } = await downloadWorkbook(repos, workbooks, periodId);
    repos.audit.record({ userId: requireUser(req).id, action: 'export.renaksi', entity: 'period', entityId: periodId, newValue: versionNo === null ? null : { versionNo } });
    sendXlsx(res, bytes, `renaksi-sp4n-lapor-periode-${periodId}${versionNo === null ? '' : `-versi-${versionNo}`}.xlsx`);
  });

  /** @route GET /periods/:periodId/renaksi/versions/:n.xlsx — a final version exactly as it was stored */
  router.get('/periods/:periodId/renaksi/versions/:n.xlsx', requireRole(...RENAKSI_READERS), (req, res) => {
    const periodId = idParam(req, 'periodId');
    const n = idParam(req, 'n');
    const bytes = versionWorkbook(repos, periodId, n);
    repos.audit.record({ userId: requireUser(req).id, action: 'export.renaksi.version', entity: 'period', entityId: periodId, newValue: { versionNo: n } });
    sendXlsx(res, bytes, `renaksi-sp4n-lapor-periode-${periodId}-versi-${n}.xlsx`);
  });

  /** @route POST /periods/:periodId/renaksi/finalize — stores a dated, read-only version and locks the plan */
  router.post('/periods/:periodId/renaksi/finalize', editors, async (req, res) => {
    const periodId = idParam(req, 'periodId');
    loadPeriod(repos, periodId);
    if (!repos.renaksi.findPlan(periodId)) throw notFound('Renaksi');
    const versionNo = await finalizePlan(repos, workbooks, requireUser(req), periodId);
    flash(req, 'success', `Renaksi difinalkan sebagai versi ${versionNo}. Dokumen versi ini tersimpan dan tidak dapat diubah.`);
    res.redirect(`/periods/${periodId}/renaksi`);
  });

  /** @route POST /periods/:periodId/renaksi/reopen — admin reopens a final plan as a new draft */
  router.post('/periods/:periodId/renaksi/reopen', requireRole('admin'), (req, res) => {
    const periodId = idParam(req, 'periodId');
    loadPeriod(repos, periodId);
    reopenPlan(repos, requireUser(req), periodId);
    flash(req, 'success', 'Renaksi dibuka kembali sebagai draf baru. Versi final sebelumnya tetap dapat diunduh.');
    res.redirect(`/periods/${periodId}/renaksi`);
  });

  router.use(renaksiRowsRoutes(repos));
  router.use(renaksiSettingsRoutes(repos));
  router.use(renaksiUploadReviewRoutes(repos));
  return router;
}
