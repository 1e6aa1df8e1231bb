import { Router, type Request, type Response } from 'express';
import { parseDeleteIds } from '../assessments';
import { AppError } from '../errors/app-error';
import type { EvidenceModule } from '../evidence';
import { formBody, readBody } from '../web/body';
import { verifyCsrf } from '../web/csrf';
import { requireRole, requireUnitAccess, requireUser } from '../web/guards';
import { idParam } from '../web/params';
import { flash } from '../web/view-locals';
import { MONEV_STATUS_LABELS, MONEV_STATUSES, REVIEW_STATE_LABELS, WINDOW_STATE_LABELS } from './monitoring-calc';
import { parseReviewForm, parseRowReportForm, parseUnitReportForm } from './monitoring.schemas';
import { MONEV_EDITORS, MONEV_READERS, MONEV_REVIEWERS } from './monitoring-roles';
import type { MonitoringPagesService } from './monitoring.api';

/** The one file field of a row report's form: the evidence checks name files by a code (`file_<code>`). */
const ROW_FILE_CODE = 'R1';

const REPORTERS = ['narahubung', ...MONEV_EDITORS] as const;
const VIEWERS = ['narahubung', ...MONEV_READERS] as const;

interface FormState {
  /** What was typed in the report form. */
  values?: Record<string, unknown> | null;
  /** What was typed in the review form: kept apart so a refused review leaves the report form on its stored values. */
  reviewValues?: Record<string, unknown> | null;
  errors?: Record<string, string>;
}

/** A refused review re-renders with the decision and comment typed, the report form untouched. */
const asReview = (state: FormState): FormState => ({ reviewValues: state.values ?? null, errors: state.errors ?? {} });

const helpers = { statuses: MONEV_STATUSES, statusLabels: MONEV_STATUS_LABELS, reviewLabels: REVIEW_STATE_LABELS, windowLabels: WINDOW_STATE_LABELS };

function savedMessage(state: string, what: string): string {
  return state === 'diajukan' ? `${what} diajukan ke verifikator.` : `${what} disimpan sebagai ${REVIEW_STATE_LABELS[state as 'draf'] ?? state}.`;
}

/**
 * A report's page re-rendered with what was typed when the service refuses it with 422 or 409 (nothing was saved);
 * other errors go to the error page.
 */
async function orRerender(render: (status: number, state: FormState) => void, body: Record<string, unknown>, action: () => unknown): Promise<boolean> {
  try {
    await action();
    return true;
  } catch (err) {
    if (!(err instanceof AppError) || (err.status !== 422 && err.status !== 409)) throw err;
    render(err.status, { values: body, errors: { _form: err.message, ...err.fields } });
    return false;
  }
}

/**
 * The report forms of the monev, mounted at /periods/:periodId: a Lampiran I row's realisasi per semester and a
 * unit's own part, each with the verifikator's review. NOTE: the report forms are multipart (evidence files): they
 * read the body (readBody, then the evidence upload parser) and check the CSRF token themselves (verifyCsrf).
 */
export function monitoringReportRoutes(service: MonitoringPagesService, evidence: Pick<EvidenceModule, 'upload' | 'checkUploads' | 'hints'>): Router {
  const router = Router({ mergeParams: true });
  const rowBase = '/renaksi/monev/rows/:rowId/:semester';
  const unitBase = '/renaksi/monev/units/:unitId/:semester';
  const url = (req: Request, kind: 'rows' | 'units', id: number) => `/periods/${idParam(req, 'periodId')}/renaksi/monev/${kind}/${id}/${String(req.params.semester)}`;
  const ownUnit = (req: Request, _res: Response, next: () => void) => {
    requireUnitAccess(requireUser(req), idParam(req, 'unitId'));
    next();
  };

  function renderRow(req: Request, res: Response, status: number, state: FormState = {}): void {
    const page = service.rowReportPage(requireUser(req), idParam(req, 'periodId'), idParam(req, 'rowId'), String(req.params.semester));
    res.status(status).render('monev/row', {
      title: `Realisasi ${page.row.no} – ${page.semester.label}`, period: page.p.period, page, base: url(req, 'rows', page.row.rowId),
      values: state.values ?? null, reviewValues: state.reviewValues ?? null, errors: state.errors ?? {}, fileField: `file_${ROW_FILE_CODE}`, ...helpers, ...evidence.hints,
    });
  }

  function renderUnit(req: Request, res: Response, status: number, state: FormState = {}): void {
    const page = service.unitReportPage(requireUser(req), idParam(req, 'periodId'), idParam(req, 'unitId'), String(req.params.semester));
    res.status(status).render('monev/unit', {
      title: `Laporan monev ${page.unit.name} – ${page.semester.label}`, period: page.p.period, page, base: url(req, 'units', page.unit.unitId),
      values: state.values ?? null, reviewValues: state.reviewValues ?? null, errors: state.errors ?? {}, ...helpers, ...evidence.hints,
    });
  }

  /** @route GET /periods/:periodId/renaksi/monev/rows/:rowId/:semester — a row's realisasi for one semester */
  router.get(rowBase, requireRole(...VIEWERS), (req, res) => renderRow(req, res, 200));

  /** @route POST /periods/:periodId/renaksi/monev/rows/:rowId/:semester — save (action=simpan) or submit (action=ajukan) */
  router.post(rowBase, readBody, requireRole(...REPORTERS), evidence.upload, async (req, res) => {
    verifyCsrf(req, res);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const form = parseRowReportForm(body);
    const files = evidence.checkUploads(req.files, new Set([ROW_FILE_CODE]), () => 'Bukti realisasi');
    const del = parseDeleteIds(body);
    const errors = { ...form.errors, ...files.errors, ...(del.error ? { _form: del.error } : {}) };
    if (!form.value || Object.keys(errors).length > 0) {
      return renderRow(req, res, files.status ?? 422, { values: body, errors: { _form: 'Periksa kembali isian yang ditandai; belum ada yang disimpan.', ...errors } });
    }
    const value = form.value;
    let state = 'draf';
    const save = async () => {
      ({ reviewState: state } = await service.saveRowReport(requireUser(req), idParam(req, 'periodId'), idParam(req, 'rowId'), String(req.params.semester), value, files.files, del.ids));
    };
    if (!(await orRerender((s, st) => renderRow(req, res, s, st), body, save))) return;
    flash(req, 'success', savedMessage(state, 'Laporan realisasi'));
    res.redirect(url(req, 'rows', idParam(req, 'rowId')));
  });

  /** @route POST /periods/:periodId/renaksi/monev/rows/:rowId/:semester/review — the verifikator accepts or returns it */
  router.post(`${rowBase}/review`, formBody, requireRole(...MONEV_REVIEWERS), async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const form = parseReviewForm(body);
    if (!form.value) return renderRow(req, res, 422, asReview({ values: body, errors: { _form: 'Periksa kembali isian yang ditandai; belum ada yang disimpan.', ...form.errors } }));
    const value = form.value;
    const review = () => service.reviewRowReport(requireUser(req), idParam(req, 'periodId'), idParam(req, 'rowId'), String(req.params.semester), value);
    if (!(await orRerender((s, st) => renderRow(req, res, s, asReview(st)), body, review))) return;
    flash(req, 'success', value.decision === 'terima' ? 'Laporan diterima.' : 'Laporan dikembalikan kepada pelapor dengan komentar.');
    res.redirect(url(req, 'rows', idParam(req, 'rowId')));
  });

  /** @route GET /periods/:periodId/renaksi/monev/units/:unitId/:semester — a unit's own report for one semester */
  router.get(unitBase, requireRole(...VIEWERS), ownUnit, (req, res) => renderUnit(req, res, 200));

  /** @route POST /periods/:periodId/renaksi/monev/units/:unitId/:semester — save or submit a unit's own report */
  router.post(unitBase, readBody, requireRole(...REPORTERS), ownUnit, evidence.upload, async (req, res) => {
    verifyCsrf(req, res);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const user = requireUser(req);
    const codes = service.unitIndicators(idParam(req, 'periodId'), idParam(req, 'unitId'));
    const form = parseUnitReportForm(codes, body);
    const files = evidence.checkUploads(req.files, new Set(codes), (code) => `Indikator ${code}`);
    const del = parseDeleteIds(body);
    const errors = { ...form.errors, ...files.errors, ...(del.error ? { _form: del.error } : {}) };
    if (!form.value || Object.keys(errors).length > 0) {
      return renderUnit(req, res, files.status ?? 422, { values: body, errors: { _form: 'Periksa kembali isian yang ditandai; belum ada yang disimpan.', ...errors } });
    }
    const value = form.value;
    let state = 'draf';
    const save = async () => {
      ({ reviewState: state } = await service.saveUnitReport(user, idParam(req, 'periodId'), idParam(req, 'unitId'), String(req.params.semester), value, files.files, del.ids));
    };
    if (!(await orRerender((s, st) => renderUnit(req, res, s, st), body, save))) return;
    flash(req, 'success', savedMessage(state, 'Laporan monev unit'));
    res.redirect(url(req, 'units', idParam(req, 'unitId')));
  });

  /** @route POST /periods/:periodId/renaksi/monev/units/:unitId/:semester/review — the verifikator accepts or returns it */
  router.post(`${unitBase}/review`, formBody, requireRole(...MONEV_REVIEWERS), async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const form = parseReviewForm(body);
    if (!form.value) return renderUnit(req, res, 422, asReview({ values: body, errors: { _form: 'Periksa kembali isian yang ditandai; belum ada yang disimpan.', ...form.errors } }));
    const value = form.value;
    const review = () => service.reviewUnitReport(requireUser(req), idParam(req, 'periodId'), idParam(req, 'unitId'), String(req.params.semester), value);
    if (!(await orRerender((s, st) => renderUnit(req, res, s, asReview(st)), body, review))) return;
    flash(req, 'success', value.decision === 'terima' ? 'Laporan diterima.' : 'Laporan dikembalikan kepada unit dengan komentar.');
    res.redirect(url(req, 'units', idParam(req, 'unitId')));
  });

  return router;
}
