import { Router, type Request, type Response } from 'express';
import { requireRole, requireUser } from '../web/guards';
import { AppError } from '../errors/app-error';
import { idParam } from '../web/params';
import { flash } from '../web/view-locals';
import { formBody } from '../web/body';
import type { VerificationService } from './verification.api';
import type { PeriodsService } from '../periods';
import { parseReopenForm, parseVerificationForm, type ParsedVerification } from './verification.schemas';

const VERIFIERS = ['verifikator', 'admin'] as const;

interface FormState {
  values?: Record<string, unknown> | null;
  errors?: Record<string, string>;
  reopenValues?: Record<string, unknown> | null;
  showPending?: boolean;
}

/** The verifier's queue and per-unit page, and the admin's reopen. Mounted at /periods/:periodId. */
export function verificationRoutes(verification: VerificationService, periods: PeriodsService): Router {
  const router = Router({ mergeParams: true });
  const base = '/units/:unitId/verification';
  const ids = (req: Request) => ({ periodId: idParam(req, 'periodId'), unitId: idParam(req, 'unitId') });
  const pageUrl = (periodId: number, unitId: number) => `/periods/${periodId}/units/${unitId}/verification`;

  function render(req: Request, res: Response, status: number, state: FormState = {}) {
    const { periodId, unitId } = ids(req);
    const v = verification.getVerification(periodId, unitId);
    res.status(status).render('verification/show', {
      title: `Verifikasi – ${v.unit.name}`,
      period: v.period,
      v,
      narahubung: verification.unitNarahubung(unitId),
      isAdmin: requireUser(req).role === 'admin',
      values: state.values ?? null,
      errors: state.errors ?? {},
      reopenValues: state.reopenValues ?? null,
      showPending: state.showPending ?? false,
    });
  }

  /** Parses the form, or answers 422 with the typed values kept; null when the response was sent. */
  function parsedOr422(req: Request, res: Response): ParsedVerification | null {
    const { periodId } = ids(req);
    const { instrument } = periods.loadPeriod(periodId);
    const body = req.body as Record<string, unknown>;
    const parsed = parseVerificationForm(instrument, body);
    if (Object.keys(parsed.errors).length === 0) return parsed;
    render(req, res, 422, { values: body, errors: parsed.errors });
    return null;
  }

  /** Runs a service call; a 422 re-renders the form with the typed values kept (nothing was saved). */
  function orRerender(req: Request, res: Response, action: () => void, showPending = false): boolean {
    try {
      action();
      return true;
    } catch (err) {
      if (err instanceof AppError && err.status === 422) {
        render(req, res, 422, { values: req.body as Record<string, unknown>, errors: { _form: err.message, ...err.fields }, showPending });
        return false;
      }
      throw err;
    }
  }

  /** @route GET /periods/:periodId/verification — the verifier's queue: units that submitted, returned or verified */
  router.get('/verification', requireRole(...VERIFIERS), (req, res) => {
    const { period, total, rows } = verification.getQueue(idParam(req, 'periodId'));
    res.render('verification/index', {
      title: `Antrean Verifikasi – ${period.name}`,
      period,
      total,
      waiting: rows.filter((r) => r.status === 'diajukan'),
      returned: rows.filter((r) => r.status === 'dikembalikan'),
      verified: rows.filter((r) => r.status === 'diverifikasi'),
    });
  });

  /** @route GET /periods/:periodId/units/:unitId/verification — answers, evidence and the decision per indicator */
  router.get(base, requireRole(...VERIFIERS), (req, res) => {
    render(req, res, 200);
  });

  /** @route POST /periods/:periodId/units/:unitId/verification — saves the decisions (status unchanged) */
  router.post(base, formBody, requireRole(...VERIFIERS), (req, res) => {
    const { periodId, unitId } = ids(req);
    const parsed = parsedOr422(req, res);
    if (!parsed) return;
    let changed = 0;
    if (!orRerender(req, res, () => { changed = verification.saveDecisions(requireUser(req), periodId, unitId, parsed.decisions); })) return;
    flash(req, 'success', changed > 0 ? `Hasil pemeriksaan tersimpan (${changed} perubahan).` : 'Tidak ada perubahan untuk disimpan.');
    res.redirect(pageUrl(periodId, unitId));
  });

  /** @route POST /periods/:periodId/units/:unitId/verification/finish — saves the decisions and marks it verified */
  router.post(`${base}/finish`, formBody, requireRole(...VERIFIERS), (req, res) => {
    const { periodId, unitId } = ids(req);
    const parsed = parsedOr422(req, res);
    if (!parsed) return;
    if (!orRerender(req, res, () => verification.finishVerification(requireUser(req), periodId, unitId, parsed.decisions), true)) return;
    flash(req, 'success', 'Verifikasi selesai. Status penilaian: Diverifikasi.');
    res.redirect(`/periods/${periodId}/verification`);
  });

  /** @route POST /periods/:periodId/units/:unitId/verification/return — returns it to the unit with comments */
  router.post(`${base}/return`, formBody, requireRole(...VERIFIERS), (req, res) => {
    const { periodId, unitId } = ids(req);
    const parsed = parsedOr422(req, res);
    if (!parsed) return;
    if (!orRerender(req, res, () => verification.returnAssessment(requireUser(req), periodId, unitId, parsed.decisions, parsed.comments))) return;
    flash(req, 'success', `Penilaian dikembalikan ke narahubung dengan ${parsed.comments.length} catatan.`);
    res.redirect(`/periods/${periodId}/verification`);
  });

  /** @route POST /periods/:periodId/units/:unitId/reopen — admin reopens a submitted/verified assessment with a reason */
  router.post('/units/:unitId/reopen', formBody, requireRole('admin'), (req, res) => {
    const { periodId, unitId } = ids(req);
    const body = req.body as Record<string, unknown>;
    const parsed = parseReopenForm(body);
    if (!parsed.ok) return render(req, res, 422, { errors: parsed.errors, reopenValues: body });
    verification.reopenAssessment(requireUser(req), periodId, unitId, parsed.value);
    flash(req, 'success', `Penilaian dibuka kembali dengan status ${parsed.value.target === 'draf' ? 'Draf' : 'Dikembalikan'}.`);
    res.redirect(pageUrl(periodId, unitId));
  });

  return router;
}
