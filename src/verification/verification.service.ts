import { AppError, badInput, notFound } from '../errors/app-error';
import type { Answer, Assessment } from '../assessments';
import type { Evidence } from '../evidence';
import type { Indicator, Instrument } from '../instrument';
import type { Period } from '../periods';
import type { Unit } from '../units';
import type { User } from '../shared/identity';
import { STATUS_LABELS } from '../shared/format';
import type { Decision, ReviewComment } from './verification.repo';
import type { CommentInput, DecisionInput, ReopenInput } from './verification.schemas';
import { acceptableInBulk, isCurrentDecision, reviewStateOf, type ReviewState } from './review-state';
import { acceptUnchanged, applyReviewChanges, type ReviewChanges, type VerificationDeps } from './verification-decisions.service';
import type { SampleInput } from './reply-sample';
import { sampleView, type SampleView } from './sample-view';

export { isCurrentDecision };


export interface IndicatorReview {
  indicator: Indicator;
  answer: Answer | undefined;
  evidence: Evidence[];
  decision: Decision | undefined;
  /** The decision was made on the answer as it is now (false: the unit changed it since). */
  current: boolean;
  state: ReviewState;
  comments: ReviewComment[];
  /** The comment typed for the unit and not sent yet ('' when none). */
  draft: string;
  /** "Terima semua yang belum diperiksa" would accept it. */
  bulk: boolean;
  /** The reply sample the verifier recorded, with its share (indicators judged on a sample: D3 in revision 2). */
  sample?: SampleView;
}

export interface VerificationView {
  period: Period;
  instrument: Instrument;
  unit: Unit;
  assessment: Assessment;
  aspects: { code: string; name: string; indicators: IndicatorReview[] }[];
  generalComments: ReviewComment[];
  generalDraft: string;
  pending: { code: string; title: string; state: ReviewState }[];
  decidedCount: number;
  totalCount: number;
  bulkCount: number;
  /** The period the unit's answers were copied from, when some are still as copied. */
  copiedFrom: string | null;
  awaiting: boolean;
}

/** The unit's assessment to verify: 404 for an unknown period or unit, a unit not of the period, or no assessment. */
export function loadAssessment(deps: VerificationDeps, periodId: number, unitId: number): { period: Period; instrument: Instrument; unit: Unit; assessment: Assessment } {
  const { period, instrument, unit } = deps.assessments.requirePeriodUnit(null, periodId, unitId);
  const assessment = deps.assessments.find(periodId, unitId);
  if (!assessment) throw notFound('Penilaian unit ini');
  return { period, instrument, unit, assessment };
}

/** Everything the verification page of one unit shows: answers, evidence, decisions, earlier and unsent comments. */
export function getVerification(deps: VerificationDeps, periodId: number, unitId: number): VerificationView {
  const { period, instrument, unit, assessment } = loadAssessment(deps, periodId, unitId);
  const answers = deps.assessments.answers(assessment.id);
  const evidence = deps.evidence.listByIndicator(assessment.id);
  const decisions = deps.verification.decisions(assessment.id);
  const comments = deps.verification.comments(assessment.id);
  const drafts = new Map(deps.verification.drafts(assessment.id).map((d) => [d.code, d.comment]));
  const samples = deps.samples.byIndicator(assessment.id);
  const aspects = instrument.aspects.map((a) => ({
    code: a.code,
    name: a.name,
    indicators: a.indicators.map((ind): IndicatorReview => {
      const d = decisions[ind.code];
      const ans = answers[ind.code];
      return {
        indicator: ind, answer: ans, evidence: evidence[ind.code] ?? [], decision: d,
        current: isCurrentDecision(d, ans), state: reviewStateOf(d, ans),
        comments: comments.filter((c) => c.indicatorCode === ind.code),
        draft: drafts.get(ind.code) ?? '', bulk: acceptableInBulk(d, ans, drafts.has(ind.code)),
        ...(ind.sample ? { sample: sampleView(ind.sample, samples[ind.code]) } : {}),
      };
    }),
  }));
  const all = aspects.flatMap((a) => a.indicators);
  const pending = all.filter((r) => !r.current).map((r) => ({ code: r.indicator.code, title: r.indicator.title, state: r.state }));
  const copied = all.some((r) => r.answer?.copyState);
  return {
    period, instrument, unit, assessment, aspects,
    generalComments: comments.filter((c) => c.indicatorCode === null),
    generalDraft: drafts.get(null) ?? '',
    pending,
    decidedCount: all.length - pending.length,
    totalCount: all.length,
    bulkCount: all.filter((r) => r.bulk).length,
    copiedFrom: copied ? deps.periodSetup.findCopy(assessment.id)?.sourcePeriodName ?? null : null,
    awaiting: assessment.status === 'diajukan',
  };
}

/** Saves the verifier's decisions and typed comments without changing the status; returns how many changed. */
export function saveDecisions(deps: VerificationDeps, user: User, periodId: number, unitId: number, changes: ReviewChanges): number {
  const { assessment } = loadAssessment(deps, periodId, unitId);
  return deps.db.transaction(() => applyReviewChanges(deps, user, assessment, changes))();
}

/** One indicator as stored after an autosave, with the page's counts. */
export interface IndicatorSaved {
  review: IndicatorReview | null;
  generalDraft: string;
  decidedCount: number;
  totalCount: number;
  bulkCount: number;
}

/**
 * Autosave of one indicator's decision and comment (code null: the general comment) while the assessment awaits
 * verification; returns it as stored.
 */
export function saveIndicatorReview(
  deps: VerificationDeps, user: User, periodId: number, unitId: number, code: string | null, input: { decision?: DecisionInput; comment?: string; sample?: SampleInput },
): IndicatorSaved {
  const { assessment } = loadAssessment(deps, periodId, unitId);
  return deps.db.transaction(() => {
    applyReviewChanges(deps, user, assessment, {
      decisions: input.decision ? [input.decision] : [],
      comments: input.comment !== undefined ? [{ code, comment: input.comment }] : [],
      samples: input.sample ? [input.sample] : [],
    });
    const v = getVerification(deps, periodId, unitId);
    const review = v.aspects.flatMap((a) => a.indicators).find((r) => r.indicator.code === code) ?? null;
    return { review, generalDraft: v.generalDraft, decidedCount: v.decidedCount, totalCount: v.totalCount, bulkCount: v.bulkCount };
  })();
}

/**
 * Saves what the form sends, then accepts every indicator that is answered, never decided, unchanged since it was
 * submitted and without a typed comment. Returns how many were accepted.
 */
export function acceptRemaining(deps: VerificationDeps, user: User, periodId: number, unitId: number, changes: ReviewChanges): number {
  const { assessment } = loadAssessment(deps, periodId, unitId);
  return deps.db.transaction(() => {
    applyReviewChanges(deps, user, assessment, changes);
    return acceptUnchanged(deps, user, assessment).length;
  })();
}

/** Moves the typed comments, in instrument order, into a new round the unit sees; returns it (null: none typed). */
function sendDrafts(deps: VerificationDeps, user: User, assessment: Assessment, instrument: Instrument): { round: number; count: number } | null {
  const order = new Map(instrument.aspects.flatMap((a) => a.indicators).map((ind, i) => [ind.code, i]));
  const rank = (code: string | null) => (code === null ? order.size : order.get(code) ?? order.size);
  const drafts = deps.verification.drafts(assessment.id).sort((x, y) => rank(x.code) - rank(y.code));
  if (drafts.length === 0) return null;
  const round = deps.verification.nextRound(assessment.id);
  for (const c of drafts) deps.verification.insertComment({ assessmentId: assessment.id, round, code: c.code, comment: c.comment, userId: user.id });
  deps.verification.clearDrafts(assessment.id);
  return { round, count: drafts.length };
}

/**
 * Saves the decisions and comments sent and marks the assessment verified; comments typed for the unit are sent with
 * it (as a round the unit reads as history). Refused, nothing saved, while any indicator has no current decision: the
 * error lists them. Returns how many comments were sent.
 */
export function finishVerification(deps: VerificationDeps, user: User, periodId: number, unitId: number, changes: ReviewChanges): number {
  const { instrument, assessment } = loadAssessment(deps, periodId, unitId);
  return deps.db.transaction(() => {
    applyReviewChanges(deps, user, assessment, changes);
    const pending = getVerification(deps, periodId, unitId).pending;
    if (pending.length > 0) {
      throw new AppError(422, 'verification-incomplete', `Masih ada ${pending.length} indikator yang belum diperiksa: ${pending.map((p) => p.code).join(', ')}.`);
    }
    const sent = sendDrafts(deps, user, assessment, instrument);
    deps.assessments.setStatus(assessment.id, 'diverifikasi', user.id);
    deps.audit.record({ userId: user.id, action: 'assessment.verify', entity: 'assessment', entityId: assessment.id, unitId, oldValue: assessment.status, newValue: 'diverifikasi' });
    return sent?.count ?? 0;
  })();
}

/**
 * Returns the whole assessment to the unit with every comment the verifier typed for it (the ones sent now and the
 * ones kept earlier; at least one), keeping the decisions sent with it. Earlier rounds stay as history. Returns how
 * many comments the unit gets.
 */
export function returnAssessment(deps: VerificationDeps, user: User, periodId: number, unitId: number, inputs: DecisionInput[], comments: CommentInput[]): number {
  const { instrument, assessment } = loadAssessment(deps, periodId, unitId);
  return deps.db.transaction(() => {
    applyReviewChanges(deps, user, assessment, { decisions: inputs, comments });
    const sent = sendDrafts(deps, user, assessment, instrument);
    if (!sent) {
      throw badInput({ _form: 'Tulis minimal satu catatan (per indikator atau catatan umum) sebelum mengembalikan penilaian.' });
    }
    deps.verification.markReturned(assessment.id);
    deps.assessments.setStatus(assessment.id, 'dikembalikan');
    deps.audit.record({
      userId: user.id, action: 'assessment.return', entity: 'assessment', entityId: assessment.id, unitId,
      oldValue: assessment.status, newValue: { status: 'dikembalikan', putaran: sent.round, catatan: sent.count },
    });
    return sent.count;
  })();
}

/**
 * Admin only: reopens a submitted or verified assessment to 'draf' or 'dikembalikan'. The reason is kept as a
 * general comment the unit sees, and in the audit log.
 */
export function reopenAssessment(deps: VerificationDeps, user: User, periodId: number, unitId: number, input: ReopenInput): void {
  const { assessment } = loadAssessment(deps, periodId, unitId);
  deps.db.transaction(() => {
    if (assessment.status !== 'diverifikasi' && assessment.status !== 'diajukan') {
      throw new AppError(409, 'not-reopenable', `Hanya penilaian yang sudah diajukan atau diverifikasi yang dapat dibuka kembali (status: ${STATUS_LABELS[assessment.status]}).`);
    }
    const round = deps.verification.nextRound(assessment.id);
    deps.verification.insertComment({ assessmentId: assessment.id, round, code: null, comment: `Dibuka kembali oleh admin: ${input.reason}`, userId: user.id });
    deps.verification.markReturned(assessment.id);
    deps.assessments.setStatus(assessment.id, input.target);
    deps.audit.record({
      userId: user.id, action: 'assessment.reopen', entity: 'assessment', entityId: assessment.id, unitId,
      oldValue: assessment.status, newValue: { status: input.target, alasan: input.reason },
    });
  })();
}
