import { Router, type Request, type Response } from 'express';
import { badInput } from '../errors/app-error';
import { formBody } from '../web/body';
import { requireRole, requireUser } from '../web/guards';
import { idParam } from '../web/params';
import { validate } from '../web/validate';
import { flash } from '../web/view-locals';
import type { RenaksiService } from './renaksi.api';
import { DEFAULT_BUDGET, NOTES_LABEL, planYears, RENAKSI_FIELD_LABELS } from './renaksi-draft';
import { RENAKSI_EDITORS } from './renaksi-roles';
import { MOVE_SCHEMA, parseRowForm, parseVersion, PRIORITY_SCHEMA } from './renaksi.schemas';
import { RowConflictError } from './renaksi-rows.service';
import { assertDraft, rowTargetMax } from './renaksi.service';
import { conflictComparison, rowFormValues, type ConflictField } from './renaksi-view.service';

type Body = Record<string, unknown>;

/** The plan's rows: add, edit, delete, restore, move, mark priority. Mounted at /periods/:periodId. */
export function renaksiRowsRoutes(renaksi: RenaksiService): Router {
  const router = Router({ mergeParams: true });
  const editors = requireRole(...RENAKSI_EDITORS);
  const base = '/renaksi/rows';
  const listUrl = (periodId: number, rowId?: number) => `/periods/${periodId}/renaksi${rowId ? `#row-${rowId}` : ''}`;

  function renderEdit(req: Request, res: Response, status: number, opts: { values?: Record<string, unknown>; errors?: Record<string, string>; conflict?: ConflictField[] } = {}) {
    const periodId = idParam(req, 'periodId');
    const plan = renaksi.ensurePlan(periodId);
    const row = renaksi.requireRow(plan, idParam(req, 'rowId'));
    const page = renaksi.rowPage(periodId, plan, row);
    res.status(status).render('renaksi/rows/edit', {
      title: `Ubah baris ${page.no} – Renaksi`,
      ...page,
      values: opts.values ?? rowFormValues(row, page.years),
      errors: opts.errors ?? {},
      conflict: opts.conflict ?? null,
      fieldLabels: RENAKSI_FIELD_LABELS,
      targetMax: rowTargetMax(row, page.unitTotal),
      canEdit: plan.status !== 'final',
    });
  }

  function renderNew(req: Request, res: Response, status: number, values: Record<string, unknown>, errors: Record<string, string>) {
    const periodId = idParam(req, 'periodId');
    const { period, instrument, units } = renaksi.computePeriodScores(periodId);
    const plan = renaksi.ensurePlan(periodId);
    assertDraft(plan);
    res.status(status).render('renaksi/rows/new', {
      title: 'Tambah baris Renaksi', period, instrument, plan, years: planYears(plan.startYear, plan.endYear), values, errors,
      fieldLabels: RENAKSI_FIELD_LABELS, targetMax: units.length,
    });
  }

  /** @route GET /periods/:periodId/renaksi/rows/new — form for a manual row */
  router.get(`${base}/new`, editors, (req, res) => {
    const aspect = typeof req.query.aspek === 'string' ? req.query.aspek : '';
    renderNew(req, res, 200, { aspectCode: aspect, budget: DEFAULT_BUDGET }, {});
  });

  /** @route POST /periods/:periodId/renaksi/rows — adds a manual row (scope 'manual') */
  router.post(base, formBody, editors, (req, res) => {
    const periodId = idParam(req, 'periodId');
    const { instrument, units } = renaksi.computePeriodScores(periodId);
    const plan = renaksi.ensurePlan(periodId);
    assertDraft(plan);
    const body = req.body as Body;
    const parsed = parseRowForm(body, { years: planYears(plan.startYear, plan.endYear), instrument, manual: true, targetMax: units.length });
    if (!parsed.values) return renderNew(req, res, 422, body, parsed.errors);
    const id = renaksi.addManualRow(requireUser(req), periodId, parsed.values);
    flash(req, 'success', 'Baris baru ditambahkan ke Renaksi.');
    res.redirect(listUrl(periodId, id));
  });

  /** @route GET /periods/:periodId/renaksi/rows/:rowId/edit — every column of a row, with its evidence */
  router.get(`${base}/:rowId/edit`, editors, (req, res) => {
    renderEdit(req, res, 200);
  });

  /** @route POST /periods/:periodId/renaksi/rows/:rowId — saves an edit; stale version → 409 with both values */
  router.post(`${base}/:rowId`, formBody, editors, (req, res) => {
    const periodId = idParam(req, 'periodId');
    const rowId = idParam(req, 'rowId');
    const { instrument, units } = renaksi.computePeriodScores(periodId);
    const plan = renaksi.ensurePlan(periodId);
    assertDraft(plan);
    const row = renaksi.requireRow(plan, rowId);
    const body = req.body as Body;
    const years = planYears(plan.startYear, plan.endYear);
    const parsed = parseRowForm(body, { years, instrument, manual: row.scope === 'manual', targetMax: rowTargetMax(row, units.length) });
    if (!parsed.values) return renderEdit(req, res, 422, { values: body, errors: parsed.errors });
    try {
      const changed = renaksi.editRow(requireUser(req), periodId, rowId, parseVersion(body), parsed.values);
      const labels = changed.map((f) => RENAKSI_FIELD_LABELS[f as keyof typeof RENAKSI_FIELD_LABELS] ?? (f === 'isPriority' ? 'Prioritas' : f === 'notes' ? NOTES_LABEL : 'Aspek/indikator'));
      flash(req, 'success', changed.length ? `Baris tersimpan: ${[...new Set(labels)].join(', ')}.` : 'Tidak ada perubahan untuk disimpan.');
    } catch (err) {
      if (!(err instanceof RowConflictError)) throw err;
      const values = { ...body, version: String(err.current.version) };
      return renderEdit(req, res, 409, { values, conflict: conflictComparison(err.current, body, years), errors: { _form: err.message } });
    }
    res.redirect(listUrl(periodId, rowId));
  });

  /** @route POST /periods/:periodId/renaksi/rows/:rowId/delete — soft delete (restorable); needs the shown version */
  router.post(`${base}/:rowId/delete`, formBody, editors, (req, res) => {
    const periodId = idParam(req, 'periodId');
    const version = parseVersion(req.body as Body);
    if (version === 0) throw badInput({ version: 'Versi baris tidak valid.' });
    renaksi.deleteRow(requireUser(req), periodId, idParam(req, 'rowId'), version);
    flash(req, 'success', 'Baris dihapus dari Renaksi. Baris dapat dipulihkan dari daftar "Baris terhapus".');
    res.redirect(`${listUrl(periodId)}#terhapus`);
  });

  /** @route POST /periods/:periodId/renaksi/rows/:rowId/restore — brings a deleted row back */
  router.post(`${base}/:rowId/restore`, formBody, editors, (req, res) => {
    const periodId = idParam(req, 'periodId');
    const rowId = idParam(req, 'rowId');
    renaksi.restoreRow(requireUser(req), periodId, rowId);
    flash(req, 'success', 'Baris dipulihkan.');
    res.redirect(listUrl(periodId, rowId));
  });

  /** @route POST /periods/:periodId/renaksi/rows/:rowId/move — one place up or down within its aspect */
  router.post(`${base}/:rowId/move`, formBody, editors, (req, res) => {
    const periodId = idParam(req, 'periodId');
    const rowId = idParam(req, 'rowId');
    const { direction } = validate(MOVE_SCHEMA, req.body);
    renaksi.moveRow(requireUser(req), periodId, rowId, direction);
    res.redirect(listUrl(periodId, rowId));
  });

  /** @route POST /periods/:periodId/renaksi/rows/:rowId/priority — marks (1) or unmarks (0) a priority */
  router.post(`${base}/:rowId/priority`, formBody, editors, (req, res) => {
    const periodId = idParam(req, 'periodId');
    const rowId = idParam(req, 'rowId');
    const { isPriority } = validate(PRIORITY_SCHEMA, req.body);
    renaksi.setRowPriority(requireUser(req), periodId, rowId, isPriority === '1');
    res.redirect(listUrl(periodId, rowId));
  });

  return router;
}
