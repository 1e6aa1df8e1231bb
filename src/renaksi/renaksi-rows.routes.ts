import { Router, type Request, type Response } from 'express';
import { badInput } from '../errors/app-error';
import { formBody } from '../web/body';
import { requireRole, requireUser } from '../web/guards';
import { idParam } from '../web/params';
import { renderToString } from '../web/render-to-string';
import { flash } from '../web/view-locals';
import type { RenaksiService } from './renaksi.api';
import { DEFAULT_BUDGET, NOTES_LABEL, planYears, RENAKSI_FIELD_LABELS } from './renaksi-draft';
import { RENAKSI_EDITORS } from './renaksi-roles';
import { parseRowForm, parseVersion } from './renaksi.schemas';
import { RowConflictError } from './renaksi-rows.service';
import { assertDraft, rowTargetMax } from './renaksi.service';
import { filterFromBack, filterQuery, planUrl } from './renaksi-plan-view';
import { conflictComparison, rowFormValues, type ConflictField } from './renaksi-view.service';
import { renaksiRowActionRoutes } from './renaksi-row-actions.routes';

type Body = Record<string, unknown>;

const wantsJson = (req: Request) => req.accepts(['html', 'json']) === 'json';

/** The names of the changed fields as the team reads them. */
function changedLabels(changed: string[]): string {
  const label = (f: string) => RENAKSI_FIELD_LABELS[f as keyof typeof RENAKSI_FIELD_LABELS] ?? (f === 'isPriority' ? 'Prioritas' : f === 'notes' ? NOTES_LABEL : 'Aspek/indikator');
  return [...new Set(changed.map(label))].join(', ');
}

interface EditOpts { values?: Body; errors?: Record<string, string>; conflict?: ConflictField[]; fragment?: boolean }

/** The plan's rows: add, edit (on its own page or in place), and the row actions. Mounted at /periods/:periodId. */
export function renaksiRowsRoutes(renaksi: RenaksiService): Router {
  const router = Router({ mergeParams: true });
  const editors = requireRole(...RENAKSI_EDITORS);
  const base = '/renaksi/rows';

  /** The edit form of a row: its own page, or (fragment) only the editor for the plan page to insert in place. */
  function renderEdit(req: Request, res: Response, status: number, opts: EditOpts = {}) {
    const periodId = idParam(req, 'periodId');
    const plan = renaksi.ensurePlan(periodId);
    const row = renaksi.requireRow(plan, idParam(req, 'rowId'));
    const page = renaksi.rowPage(periodId, plan, row);
    const source = opts.values ?? (req.query as Body);
    res.status(status).render(opts.fragment ? 'renaksi/rows/_editor' : 'renaksi/rows/edit', {
      title: `Ubah baris ${page.no} – Renaksi`,
      ...page,
      values: opts.values ?? rowFormValues(row, page.years),
      errors: opts.errors ?? {},
      conflict: opts.conflict ?? null,
      fieldLabels: RENAKSI_FIELD_LABELS,
      targetMax: rowTargetMax(row, page.unitTotal),
      canEdit: plan.status !== 'final',
      back: filterQuery(filterFromBack(source.kembali)),
      inplace: opts.fragment === true,
    });
  }

  function renderNew(req: Request, res: Response, status: number, values: Body, errors: Record<string, string>) {
    const periodId = idParam(req, 'periodId');
    const { period, instrument, units } = renaksi.computePeriodScores(periodId);
    const plan = renaksi.ensurePlan(periodId);
    assertDraft(plan);
    res.status(status).render('renaksi/rows/new', {
      title: 'Tambah baris Renaksi', period, instrument, plan, years: planYears(plan.startYear, plan.endYear), values, errors,
      fieldLabels: RENAKSI_FIELD_LABELS, targetMax: units.length,
    });
  }

  /** The saved row as the plan page shows it: the in-place save's answer. */
  async function sendSavedRow(req: Request, res: Response, periodId: number, rowId: number, message: string) {
    const view = renaksi.rowView(periodId, rowId, filterQuery(filterFromBack((req.body as Body).kembali)));
    const html = await renderToString(res, 'renaksi/_plan-row', { ...view, canEdit: true, periodId });
    res.json({ message, version: view.view.row.version, html });
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
    res.redirect(planUrl(periodId, { aspek: parsed.values.aspectCode ?? undefined }, id));
  });

  /** @route GET /periods/:periodId/renaksi/rows/:rowId/edit — every column of a row with its evidence; ?bagian=form: only the editor (in place) */
  router.get(`${base}/:rowId/edit`, editors, (req, res) => {
    renderEdit(req, res, 200, { fragment: req.query.bagian === 'form' });
  });

  /**
   * @route POST /periods/:periodId/renaksi/rows/:rowId — saves an edit; stale version → 409 with both values. As JSON
   * (Accept: application/json, the in-place save): the row's new HTML, or the errors or the conflict, without a page.
   */
  router.post(`${base}/:rowId`, formBody, editors, async (req, res) => {
    const periodId = idParam(req, 'periodId');
    const rowId = idParam(req, 'rowId');
    const { instrument, units } = renaksi.computePeriodScores(periodId);
    const plan = renaksi.ensurePlan(periodId);
    assertDraft(plan);
    const row = renaksi.requireRow(plan, rowId);
    const body = req.body as Body;
    const years = planYears(plan.startYear, plan.endYear);
    const parsed = parseRowForm(body, { years, instrument, manual: row.scope === 'manual', targetMax: rowTargetMax(row, units.length) });
    if (!parsed.values) {
      if (wantsJson(req)) throw badInput(parsed.errors, 'Baris belum tersimpan: periksa isian yang ditandai. Isian Anda tetap di formulir.');
      return renderEdit(req, res, 422, { values: body, errors: parsed.errors });
    }
    let changed: string[];
    try {
      changed = renaksi.editRow(requireUser(req), periodId, rowId, parseVersion(body), parsed.values);
    } catch (err) {
      if (!(err instanceof RowConflictError)) throw err;
      const comparison = conflictComparison(err.current, body, years);
      if (!wantsJson(req)) return renderEdit(req, res, 409, { values: { ...body, version: String(err.current.version) }, conflict: comparison, errors: { _form: err.message } });
      res.status(409).json({ error: { code: err.code, message: err.message, fields: {} }, conflict: comparison, version: err.current.version });
      return;
    }
    const message = changed.length ? `Baris tersimpan: ${changedLabels(changed)}.` : 'Tidak ada perubahan untuk disimpan.';
    if (wantsJson(req)) return sendSavedRow(req, res, periodId, rowId, message);
    flash(req, 'success', message);
    res.redirect(planUrl(periodId, filterFromBack(body.kembali), rowId));
  });

  router.use(renaksiRowActionRoutes(renaksi));
  return router;
}
