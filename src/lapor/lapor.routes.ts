import { Router, type Request, type Response } from 'express';
import { AppError } from '../errors/app-error';
import { requireRole, requireUser } from '../web/guards';
import { idParam } from '../web/params';
import { flash } from '../web/view-locals';
import { receiveUpload } from '../web/upload';
import { formBody, readBody } from '../web/body';
import { formatInt } from '../shared/format';
import { FIELD_LABELS, LAPOR_FIELDS, REQUIRED_FIELDS } from './lapor-columns';
import { LAPOR_MAX_BYTES, LAPOR_MAX_ROWS } from './lapor-file';
import { periodLapor } from './lapor-figures.service';
import { applyImport, previewImport, receiveExport, saveColumnMapping, saveInstansiDecisions, todayWita } from './lapor-import.service';
import { saveTargets } from './lapor-settings.service';
import type { LaporContext } from './lapor-context';

/** Errors of a refused write as the form shows them: per field, else the message on the whole form. */
const formErrors = (err: AppError): Record<string, string> => (Object.keys(err.fields).length > 0 ? { _form: err.message, ...err.fields } : { _form: err.message });
const isFormError = (err: unknown): err is AppError => err instanceof AppError && (err.status === 422 || err.status === 409 || err.status === 413);

/** What the period's SP4N-LAPOR! page shows, with the values and errors of a refused form. */
function indexLocals(ctx: LaporContext, periodId: number, values: Record<string, unknown>, errors: Record<string, string>) {
  const { period } = ctx.loadPeriod(periodId);
  const lapor = periodLapor(ctx, periodId);
  const targets = ctx.repo.targets(periodId);
  const received = new Map((lapor?.units ?? []).map((u) => [u.unit.id, u.figures.received]));
  return {
    title: `Data SP4N-LAPOR! – ${period.name}`, period, lapor, imports: ctx.repo.imports(periodId),
    targetRows: ctx.periodUnits(periodId).map((unit) => ({ unit, received: lapor ? (received.get(unit.id) ?? 0) : null, target: targets.get(unit.id) ?? null })),
    values: { exportDate: todayWita(), ...values }, errors, maxRows: LAPOR_MAX_ROWS, maxMb: LAPOR_MAX_BYTES / 1024 / 1024,
    fieldLabels: FIELD_LABELS, fields: LAPOR_FIELDS, required: REQUIRED_FIELDS,
  };
}

/** The period's SP4N-LAPOR! pages (admin): what is stored, the imports so far, upload, preview, apply and the targets. Mounted at /periods/:periodId. */
export function laporRoutes(ctx: LaporContext): Router {
  const router = Router({ mergeParams: true });
  const admin = requireRole('admin');
  const base = '/lapor';

  function renderIndex(req: Request, res: Response, status: number, values: Record<string, unknown>, errors: Record<string, string>) {
    res.status(status).render('lapor/index', indexLocals(ctx, idParam(req, 'periodId'), values, errors));
  }

  function renderPreview(req: Request, res: Response, status: number, values: Record<string, unknown> | null, errors: Record<string, string>) {
    const periodId = idParam(req, 'periodId');
    const { period } = ctx.loadPeriod(periodId);
    const preview = previewImport(ctx, requireUser(req), periodId, String(req.params.token));
    res.status(status).render('lapor/preview', {
      title: `Pratinjau Data SP4N-LAPOR! – ${period.name}`, period, p: preview, units: ctx.listUnits(), values, errors,
      fieldLabels: FIELD_LABELS, fields: LAPOR_FIELDS, required: REQUIRED_FIELDS,
    });
  }

  /** Runs a write from the preview page: on success back to it (at `anchor`), a refused one re-renders it. */
  function previewWrite(req: Request, res: Response, write: () => string, anchor: string) {
    try {
      flash(req, 'success', write());
    } catch (err) {
      if (isFormError(err)) return renderPreview(req, res, err.status, req.body as Record<string, unknown>, formErrors(err));
      throw err;
    }
    res.redirect(303, `/periods/${idParam(req, 'periodId')}/lapor/imports/${String(req.params.token)}${anchor}`);
  }

  /** @route GET /periods/:periodId/lapor — stored data, import history, upload form, targets per unit */
  router.get(base, admin, (req, res) => {
    renderIndex(req, res, 200, {}, {});
  });

  /** @route GET /periods/:periodId/lapor/imports/:token — the held upload: columns, instansi matches, plan */
  router.get(`${base}/imports/:token`, admin, (req, res) => {
    renderPreview(req, res, 200, null, {});
  });

  /** @route POST /periods/:periodId/lapor/imports/:token/columns — remembers the column mapping (`col_<field>`) */
  router.post(`${base}/imports/:token/columns`, formBody, admin, (req, res) => {
    previewWrite(req, res, () => {
      saveColumnMapping(ctx, requireUser(req), idParam(req, 'periodId'), String(req.params.token), req.body as Record<string, unknown>);
      return 'Pemetaan kolom disimpan dan akan dipakai lagi untuk berkas berikutnya.';
    }, '#kolom');
  });

  /** @route POST /periods/:periodId/lapor/imports/:token/instansi — remembers the instansi → unit decisions */
  router.post(`${base}/imports/:token/instansi`, formBody, admin, (req, res) => {
    previewWrite(req, res, () => {
      const n = saveInstansiDecisions(ctx, requireUser(req), idParam(req, 'periodId'), String(req.params.token), req.body as Record<string, unknown>);
      return `Pencocokan ${formatInt(n)} instansi disimpan dan akan dipakai lagi untuk impor berikutnya.`;
    }, '#instansi');
  });

  /** @route POST /periods/:periodId/lapor/imports/:token/apply — stores the previewed reports in one transaction (planHash) */
  router.post(`${base}/imports/:token/apply`, formBody, admin, (req, res) => {
    const periodId = idParam(req, 'periodId');
    const body = req.body as Record<string, unknown>;
    try {
      const r = applyImport(ctx, requireUser(req), periodId, String(req.params.token), typeof body.planHash === 'string' ? body.planHash : '');
      flash(req, 'success', `Data SP4N-LAPOR! diterapkan: ${formatInt(r.inserted)} laporan baru, ${formatInt(r.updated)} diperbarui, ${formatInt(r.refused)} baris ditolak, ${formatInt(r.leftOut)} dikecualikan.`);
    } catch (err) {
      if (isFormError(err)) return renderPreview(req, res, err.status, null, formErrors(err));
      throw err;
    }
    res.redirect(303, `/periods/${periodId}/lapor`);
  });

  /** @route POST /periods/:periodId/lapor/targets — the number of reports agreed with each unit (`target_<unitId>`) */
  router.post(`${base}/targets`, formBody, admin, (req, res) => {
    try {
      const n = saveTargets(ctx, requireUser(req), idParam(req, 'periodId'), req.body as Record<string, unknown>);
      flash(req, 'success', `Target jumlah laporan disimpan (${formatInt(n)} unit bertarget).`);
    } catch (err) {
      if (isFormError(err)) return renderIndex(req, res, err.status, req.body as Record<string, unknown>, formErrors(err));
      throw err;
    }
    res.redirect(303, `/periods/${idParam(req, 'periodId')}/lapor#target`);
  });

  /**
   * @route POST /periods/:periodId/lapor/upload — multipart (`file`, `exportDate`, `_csrf`): reads and holds the export.
   * receiveUpload reads the body and checks the CSRF token before the file is read.
   */
  router.post(`${base}/upload`, readBody, admin, async (req, res) => {
    const periodId = idParam(req, 'periodId');
    let token: string;
    try {
      const file = await receiveUpload(req, res, { field: 'file', maxBytes: LAPOR_MAX_BYTES });
      token = await receiveExport(ctx, requireUser(req), periodId, file, (req.body as Record<string, unknown>).exportDate);
    } catch (err) {
      if (isFormError(err)) return res.status(err.status).render('lapor/index', indexLocals(ctx, periodId, (req.body ?? {}) as Record<string, unknown>, formErrors(err)));
      throw err;
    }
    res.redirect(303, `/periods/${periodId}/lapor/imports/${token}`);
  });

  return router;
}

