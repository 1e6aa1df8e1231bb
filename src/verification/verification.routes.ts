import { Router, type Request, type Response } from 'express';
import { requireRole, requireUser } from '../web/guards';
import { badInput, notFound } from '../errors/app-error';
import { or422 } from '../web/or-422';
import { idParam } from '../web/params';
import { flash } from '../web/view-locals';
import type { PeriodsService } from '../periods';
import type { LaporService, RecordedSample } from '../lapor';
import { formatTime } from '../shared/format';
import { formBody } from '../web/body';
import type { VerificationService } from './verification.api';
import type { IndicatorSaved, VerificationView } from './verification.service';
import type { ReviewChanges } from './verification-decisions.service';
import { parseSampleJson, parseSamplesForm } from './reply-sample';
import { sampleShareText } from './sample-view';
import { GENERAL_COMMENT_FIELD, parseGeneralComment, parseIndicatorReview, parseReopenForm, parseVerificationForm, sentCommentFields } from './verification.schemas';

const VERIFIERS = ['verifikator', 'admin'] as const;

interface FormState {
  values?: Record<string, unknown> | null;
  errors?: Record<string, string>;
  reopenValues?: Record<string, unknown> | null;
  showPending?: boolean;
}

/** The autosave's answer: the indicator as stored (its state and what the form shows) and the page's counts. */
function reviewJson(field: string, saved: IndicatorSaved) {
  const r = saved.review;
  const d = r?.current ? r.decision : undefined;
  return {
    review: {
      field,
      state: r?.state ?? null,
      decision: d?.decision ?? null,
      comment: r ? r.draft : saved.generalDraft,
      sample: r?.sample ? { total: r.sample.total, meetingAll: r.sample.meetingAll, text: sampleShareText(r.sample) } : null,
      savedTime: formatTime(new Date().toISOString()),
    },
    counts: { decided: saved.decidedCount, total: saved.totalCount, bulk: saved.bulkCount },
  };
}

/** The page's sampled indicators (D3) with the tracking IDs recorded so far, for their SP4N-LAPOR! populations. */
function recordedSamples(v: VerificationView): RecordedSample[] {
  return v.aspects.flatMap((a) => a.indicators).flatMap((r) =>
    r.indicator.sample && r.sample
      ? [{ code: r.indicator.code, recorded: r.sample.reports.map((x) => x.trackingId), max: r.indicator.sample.maxReports }]
      : []);
}

/** The verifier's queue and per-unit page, and the admin's reopen. Mounted at /periods/:periodId. */
export function verificationRoutes(verification: VerificationService, periods: PeriodsService, lapor: Pick<LaporService, 'verificationChecks' | 'dataDecision' | 'sampleFrames'>): Router {
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
      sampleShareText,
      laporChecks: lapor.verificationChecks(periodId, unitId),
      laporSamples: lapor.sampleFrames(periodId, unitId, recordedSamples(v)),
    });
  }

  /**
   * Parses the form into decisions and the comment fields as typed (empty ones too: clearing a box removes the kept
   * comment), or answers 422 with the typed values kept; null when the response was sent.
   */
  function parsedOr422(req: Request, res: Response): ReviewChanges | null {
    const { periodId } = ids(req);
    const { instrument } = periods.loadPeriod(periodId);
    const body = req.body as Record<string, unknown>;
    const parsed = parseVerificationForm(instrument, body);
    const sampled = parseSamplesForm(instrument, body);
    const errors = { ...parsed.errors, ...sampled.errors };
    if (Object.keys(errors).length > 0) {
      render(req, res, 422, { values: body, errors });
      return null;
    }
    const typed = sentCommentFields(instrument, body).map((code) => ({ code, comment: parsed.comments.find((c) => c.code === code)?.comment ?? '' }));
    return { decisions: parsed.decisions, comments: typed, samples: sampled.samples };
  }

  /** Runs a service call; a 422 re-renders the form with the typed values kept (nothing was saved): or422. */
  function orRerender(req: Request, res: Response, action: () => void, showPending = false): boolean {
    return or422(action, (errors) => render(req, res, 422, { values: req.body as Record<string, unknown>, errors, showPending }));
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
    if (!orRerender(req, res, () => { changed = verification.saveDecisions(requireUser(req), periodId, unitId, parsed); })) return;
    flash(req, 'success', changed > 0 ? `Hasil pemeriksaan tersimpan (${changed} perubahan).` : 'Tidak ada perubahan untuk disimpan.');
    res.redirect(pageUrl(periodId, unitId));
  });

  /** @route POST /periods/:periodId/units/:unitId/verification/finish — saves the decisions and marks it verified */
  router.post(`${base}/finish`, formBody, requireRole(...VERIFIERS), (req, res) => {
    const { periodId, unitId } = ids(req);
    const parsed = parsedOr422(req, res);
    if (!parsed) return;
    let sent = 0;
    if (!orRerender(req, res, () => { sent = verification.finishVerification(requireUser(req), periodId, unitId, parsed); }, true)) return;
    flash(req, 'success', `Verifikasi selesai. Status penilaian: Diverifikasi.${sent > 0 ? ` ${sent} catatan dikirim ke narahubung.` : ''}`);
    res.redirect(`/periods/${periodId}/verification`);
  });

  /** @route POST /periods/:periodId/units/:unitId/verification/return — returns it to the unit with comments */
  router.post(`${base}/return`, formBody, requireRole(...VERIFIERS), (req, res) => {
    const { periodId, unitId } = ids(req);
    const parsed = parsedOr422(req, res);
    if (!parsed) return;
    let sent = 0;
    if (!orRerender(req, res, () => { sent = verification.returnAssessment(requireUser(req), periodId, unitId, parsed.decisions, parsed.comments); })) return;
    flash(req, 'success', `Penilaian dikembalikan ke narahubung dengan ${sent} catatan.`);
    res.redirect(`/periods/${periodId}/verification`);
  });

  /**
   * @route POST /periods/:periodId/units/:unitId/verification/accept — saves the form, then accepts the self-assessed
   * level of every indicator never decided, unchanged since submission and without a typed comment
   */
  router.post(`${base}/accept`, formBody, requireRole(...VERIFIERS), (req, res) => {
    const { periodId, unitId } = ids(req);
    const parsed = parsedOr422(req, res);
    if (!parsed) return;
    let accepted = 0;
    if (!orRerender(req, res, () => { accepted = verification.acceptRemaining(requireUser(req), periodId, unitId, parsed); })) return;
    flash(req, 'success', accepted > 0 ? `${accepted} indikator diterima dengan tingkat mandiri.` : 'Tidak ada indikator tanpa perubahan yang belum diperiksa.');
    res.redirect(pageUrl(periodId, unitId));
  });

  /**
   * @route POST /periods/:periodId/units/:unitId/verification/lapor/:code — "pakai tingkat menurut data LAPOR!": saves
   * the form as the plain save does, with the indicator's decision set to the level its SP4N-LAPOR! figures give and
   * those figures as the reason (so nothing else typed is lost)
   */
  router.post(`${base}/lapor/:code`, formBody, requireRole(...VERIFIERS), (req, res) => {
    const { periodId, unitId } = ids(req);
    verification.loadAssessment(periodId, unitId);
    const code = String(req.params.code);
    const data = lapor.dataDecision(periodId, unitId, code);
    if (!data) {
      flash(req, 'error', `Data SP4N-LAPOR! tidak memberi tingkat untuk ${code.slice(0, 10)}; tetapkan tingkatnya sendiri.`);
      return res.redirect(303, pageUrl(periodId, unitId));
    }
    Object.assign(req.body as Record<string, unknown>, { [`decision_${code}`]: 'ubah', [`vlevel_${code}`]: String(data.level), [`reason_${code}`]: data.reason });
    const parsed = parsedOr422(req, res);
    if (!parsed) return;
    if (!orRerender(req, res, () => verification.saveDecisions(requireUser(req), periodId, unitId, parsed))) return;
    flash(req, 'success', `Tingkat hasil verifikasi ${code} ditetapkan menurut data SP4N-LAPOR!: tingkat ${data.level}.`);
    res.redirect(`${pageUrl(periodId, unitId)}#ind-${code}`);
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

/** The verification page script's autosave. Mounted at /api/periods/:periodId/units/:unitId. */
export function verificationApiRoutes(verification: VerificationService, periods: PeriodsService): Router {
  const router = Router({ mergeParams: true });
  const ids = (req: Request) => ({ periodId: idParam(req, 'periodId'), unitId: idParam(req, 'unitId') });

  /**
   * @route PUT /api/periods/:periodId/units/:unitId/verification/:code — autosave of one indicator (`code`) or of the
   * general comment (`umum`). Body `{ decision?, level?, reason?, comment?, revision?, sample? }` (see
   * parseIndicatorReview, parseSampleJson); a field left out is left as stored. 200 `{ review, counts }`; 422 per
   * field; 409 when not awaiting verification.
   */
  router.put('/verification/:code', formBody, requireRole(...VERIFIERS), (req, res) => {
    const { periodId, unitId } = ids(req);
    const { instrument } = periods.loadPeriod(periodId);
    const code = String(req.params.code);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const general = code === 'umum';
    const ind = instrument.aspects.flatMap((a) => a.indicators).find((i) => i.code === code);
    if (!general && !ind) throw notFound('Indikator');
    const input = !general ? parseIndicatorReview(code, body) : body.comment === undefined ? { errors: {} } : parseGeneralComment(body.comment);
    const sampled = ind ? parseSampleJson(ind, body.sample) : { errors: {} };
    const errors = { ...input.errors, ...sampled.errors };
    const first = Object.values(errors)[0];
    if (first) throw badInput(errors, first);
    const saved = verification.saveIndicatorReview(requireUser(req), periodId, unitId, general ? null : code, { ...input, sample: sampled.sample });
    res.json(reviewJson(general ? GENERAL_COMMENT_FIELD : code, saved));
  });

  return router;
}
