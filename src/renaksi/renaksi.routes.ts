import { Router, type Response } from 'express';
import { formatInt } from '../shared/format';
import { formBody } from '../web/body';
import { requireRole, requireUser } from '../web/guards';
import { idParam } from '../web/params';
import { flash } from '../web/view-locals';
import type { RenaksiService } from './renaksi.api';
import { PLAN_FILTER_SCHEMA } from './renaksi.schemas';
import { isRenaksiEditor, RENAKSI_EDITORS, RENAKSI_READERS } from './renaksi-roles';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function sendXlsx(res: Response, bytes: Buffer, fileName: string): void {
  res.setHeader('Content-Type', XLSX_TYPE);
  res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  res.setHeader('Content-Length', String(bytes.length));
  res.end(bytes);
}

/** The plan, drafting it, its workbook, finalizing and reopening. Mounted at /periods/:periodId. */
export function renaksiRoutes(renaksi: RenaksiService): Router {
  const router = Router({ mergeParams: true });
  const editors = requireRole(...RENAKSI_EDITORS);

  /** @route GET /periods/:periodId/renaksi — the plan, grouped under aspects, with evidence per row; ?aspek&cakupan&tampil filter */
  router.get('/renaksi', requireRole(...RENAKSI_READERS), (req, res) => {
    const page = renaksi.planPage(idParam(req, 'periodId'), PLAN_FILTER_SCHEMA.parse(req.query));
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
  router.post('/renaksi/generate', formBody, editors, (req, res) => {
    const periodId = idParam(req, 'periodId');
    const r = renaksi.generateRenaksi(requireUser(req), periodId);
    const closed = r.closed > 0 ? ` ${formatInt(r.closed)} baris tidak lagi memiliki kesenjangan (ditandai, tidak dihapus).` : '';
    flash(req, 'success', `Draf Renaksi disusun: ${formatInt(r.inserted)} baris baru, ${formatInt(r.updated)} baris diperbarui.${closed} Suntingan tangan tetap dipertahankan.`);
    res.redirect(`/periods/${periodId}/renaksi`);
  });

  /** @route GET /periods/:periodId/renaksi.xlsx — the Renaksi workbook (a final plan: its stored, signed version) */
  router.get('/renaksi.xlsx', requireRole(...RENAKSI_READERS), async (req, res) => {
    const periodId = idParam(req, 'periodId');
    const { bytes, versionNo } = await renaksi.exportWorkbook(requireUser(req), periodId);
    sendXlsx(res, bytes, `renaksi-sp4n-lapor-periode-${periodId}${versionNo === null ? '' : `-versi-${versionNo}`}.xlsx`);
  });

  /** @route GET /periods/:periodId/renaksi/versions/:n.xlsx — a final version exactly as it was stored */
  router.get('/renaksi/versions/:n.xlsx', requireRole(...RENAKSI_READERS), (req, res) => {
    const periodId = idParam(req, 'periodId');
    const n = idParam(req, 'n');
    const bytes = renaksi.exportVersion(requireUser(req), periodId, n);
    sendXlsx(res, bytes, `renaksi-sp4n-lapor-periode-${periodId}-versi-${n}.xlsx`);
  });

  /** @route POST /periods/:periodId/renaksi/finalize — stores a dated, read-only version and locks the plan */
  router.post('/renaksi/finalize', formBody, editors, async (req, res) => {
    const periodId = idParam(req, 'periodId');
    renaksi.requirePlan(periodId);
    const versionNo = await renaksi.finalizePlan(requireUser(req), periodId);
    flash(req, 'success', `Renaksi difinalkan sebagai versi ${versionNo}. Dokumen versi ini tersimpan dan tidak dapat diubah.`);
    res.redirect(`/periods/${periodId}/renaksi`);
  });

  /** @route POST /periods/:periodId/renaksi/reopen — admin reopens a final plan as a new draft */
  router.post('/renaksi/reopen', formBody, requireRole('admin'), (req, res) => {
    const periodId = idParam(req, 'periodId');
    renaksi.loadPeriod(periodId);
    renaksi.reopenPlan(requireUser(req), periodId);
    flash(req, 'success', 'Renaksi dibuka kembali sebagai draf baru. Versi final sebelumnya tetap dapat diunduh.');
    res.redirect(`/periods/${periodId}/renaksi`);
  });

  return router;
}
