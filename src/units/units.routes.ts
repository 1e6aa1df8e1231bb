import { Router, type Request, type Response } from 'express';
import type { AuditService } from '../audit';
import { AppError } from '../errors/app-error';
import { formBody, readBody } from '../web/body';
import { requireRole, requireUser } from '../web/guards';
import { idParam } from '../web/params';
import { flash } from '../web/view-locals';
import { receiveUpload } from '../web/upload';
import { or422 } from '../web/or-422';
import { IMPORT_MAX_BYTES } from './units.schemas';
import type { UnitsService } from './units.service';
import { buildUnitListWorkbook, readUnitTemplate } from './unit-template';
import { unitHeadTitle } from './unit-head';

const renderImport = (res: Response, status: number, errors: Record<string, string>) =>
  res.status(status).render('admin/units/import', { title: 'Impor Daftar Unit', errors });

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Unit administration (admin): add, edit, deactivate, import the official list, history. Mounted at /admin (its
 * routes are /units… and /units.xlsx, a sibling of /units that a mount at /admin/units would not reach).
 */
export function unitsRoutes(units: UnitsService, audit: AuditService, opts: { templatesDir: string }): Router {
  const router = Router();
  const admin = requireRole('admin');

  const renderList = (res: Response, status: number, values: Record<string, unknown>, errors: Record<string, string>) =>
    res.status(status).render('admin/units', { title: 'Unit', units: units.listUnits(), provisional: units.hasProvisionalUnits(), values, errors });
  const renderEdit = (req: Request, res: Response, status: number, values: Record<string, unknown> | null, errors: Record<string, string>) => {
    const unit = units.requireUnit(idParam(req, 'unitId'));
    const stored = { code: unit.code, name: unit.name, group: unit.group, abbreviation: unit.abbreviation, needsConfirmation: unit.needsConfirmation ? '1' : '',
      headTitle: unit.headTitle, headName: unit.headName, headNip: unit.headNip, assessedFrom: unit.assessedFrom === null ? '' : String(unit.assessedFrom) };
    // The position printed when the field stays blank (what unitHeadTitle derives from the unit's name and kind).
    const usualHeadTitle = unitHeadTitle({ ...unit, headTitle: '' });
    res.status(status).render('admin/units/edit', { title: `Ubah Unit – ${unit.name}`, unit, usualHeadTitle, values: values ?? stored, errors });
  };

  /** @route GET /admin/units — every unit (active and not) and the add form */
  router.get('/units', admin, (_req, res) => {
    renderList(res, 200, { group: 'pd' }, {});
  });

  /** @route POST /admin/units — adds a unit; fields code, name, group */
  router.post('/units', formBody, admin, (req, res) => {
    const body = req.body as Record<string, unknown>;
    if (!or422(() => units.createUnit(requireUser(req), body), (e) => renderList(res, 422, body, e))) return;
    flash(req, 'success', `Unit "${String(body.name).trim()}" ditambahkan.`);
    res.redirect('/admin/units');
  });

  /** @route GET /admin/units/import — the upload form for the official list (.xlsx or .csv) */
  router.get('/units/import', admin, (_req, res) => {
    renderImport(res, 200, {});
  });

  /**
   * @route POST /admin/units/import/upload — parses the file, keeps it server-side and shows its preview. Multipart:
   * receiveUpload reads the body and checks the CSRF token before anything is done with the file.
   */
  router.post('/units/import/upload', readBody, admin, async (req, res) => {
    let token: string;
    try {
      const file = await receiveUpload(req, res, { field: 'file', maxBytes: IMPORT_MAX_BYTES });
      token = await units.stageImport(requireUser(req), file.originalName, file.data);
    } catch (err) {
      if (err instanceof AppError && (err.status === 422 || err.status === 413)) return renderImport(res, err.status, { file: err.fields.file ?? err.message });
      throw err;
    }
    res.redirect(`/admin/units/import/${token}`);
  });

  /**
   * @route GET /admin/units/daftar-kutai-timur.xlsx — the Kutai Timur list shipped with this version (official order,
   * abbreviations, units to confirm), ready for the import: how an existing installation takes a new list
   */
  router.get('/units/daftar-kutai-timur.xlsx', admin, async (_req, res) => {
    const wb = buildUnitListWorkbook('Daftar Unit Pemerintah Kabupaten Kutai Timur (urutan resmi)', readUnitTemplate(opts.templatesDir));
    res.setHeader('Content-Type', XLSX_TYPE);
    res.setHeader('Content-Disposition', 'attachment; filename="daftar-unit-kutai-timur.xlsx"');
    await wb.xlsx.write(res);
    res.end();
  });

  /** @route GET /admin/units.xlsx — the units as stored (official order), in the import's columns, to edit and import back */
  router.get('/units.xlsx', admin, async (_req, res) => {
    const wb = buildUnitListWorkbook('Daftar Unit (tersimpan di aplikasi)', units.listUnits().filter((u) => u.active));
    res.setHeader('Content-Type', XLSX_TYPE);
    res.setHeader('Content-Disposition', 'attachment; filename="daftar-unit.xlsx"');
    await wb.xlsx.write(res);
    res.end();
  });

  /** @route GET /admin/units/import/:token — line-by-line report of what the staged file would change */
  router.get('/units/import/:token', admin, (req, res) => {
    const preview = units.previewImport(requireUser(req), String(req.params.token));
    res.render('admin/units/import-preview', { title: 'Pratinjau Impor Unit', preview });
  });

  /** @route POST /admin/units/import/:token — applies the staged import in one transaction (fields planHash, deactivateMissing) */
  router.post('/units/import/:token', formBody, admin, (req, res) => {
    const token = String(req.params.token);
    const body = req.body as Record<string, unknown>;
    let summary: ReturnType<typeof units.applyImport>;
    try {
      summary = units.applyImport(requireUser(req), token, { planHash: String(body.planHash ?? ''), deactivateMissing: body.deactivateMissing === '1' });
    } catch (err) {
      if (err instanceof AppError && (err.status === 422 || err.status === 409)) {
        const preview = units.previewImport(requireUser(req), token);
        return res.status(err.status).render('admin/units/import-preview', { title: 'Pratinjau Impor Unit', preview, errors: { _form: err.message } });
      }
      throw err;
    }
    flash(req, 'success', `Impor diterapkan: ${summary.baru} unit baru, ${summary.diubah} diubah, ${summary['tidak berubah']} tidak berubah.`);
    res.redirect('/admin/units');
  });

  /** @route GET /admin/units/:unitId/edit — the edit form */
  router.get('/units/:unitId/edit', admin, (req, res) => {
    renderEdit(req, res, 200, null, {});
  });

  /** @route POST /admin/units/:unitId — saves code, name, group, abbreviation, the confirmation mark and the unit's head */
  router.post('/units/:unitId', formBody, admin, (req, res) => {
    const body = req.body as Record<string, unknown>;
    let notes: string[] = [];
    if (!or422(() => { notes = units.updateUnit(requireUser(req), idParam(req, 'unitId'), body); }, (e) => renderEdit(req, res, 422, body, e))) return;
    flash(req, 'success', ['Perubahan unit tersimpan.', ...notes.map((n) => `${n[0]?.toUpperCase() ?? ''}${n.slice(1)}.`)].join(' '));
    res.redirect('/admin/units');
  });

  /** @route POST /admin/units/:unitId/deactivate — soft delete: gone from new boards, history kept */
  router.post('/units/:unitId/deactivate', formBody, admin, (req, res) => {
    const unit = units.setUnitActive(requireUser(req), idParam(req, 'unitId'), false);
    flash(req, 'success', `Unit "${unit.name}" dinonaktifkan; riwayatnya tetap tersimpan.`);
    res.redirect('/admin/units');
  });

  /** @route POST /admin/units/:unitId/activate — brings a deactivated unit back */
  router.post('/units/:unitId/activate', formBody, admin, (req, res) => {
    const unit = units.setUnitActive(requireUser(req), idParam(req, 'unitId'), true);
    flash(req, 'success', `Unit "${unit.name}" diaktifkan kembali.`);
    res.redirect('/admin/units');
  });

  /** @route GET /admin/units/:unitId/history — every recorded change of the unit, newest first (?halaman=N) */
  router.get('/units/:unitId/history', admin, (req, res) => {
    const unit = units.requireUnit(idParam(req, 'unitId'));
    const raw = typeof req.query.halaman === 'string' && /^[1-9][0-9]{0,5}$/.test(req.query.halaman) ? Number(req.query.halaman) : 1;
    const history = audit.unitHistory(unit.id, raw);
    res.render('admin/units/history', { title: `Riwayat – ${unit.name}`, unit, ...history });
  });

  return router;
}
