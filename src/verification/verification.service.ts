import type { Repos } from '../db/repos';
import { AppError, badInput, notFound } from '../errors/app-error';
import type { Answer, Assessment } from '../assessments/assessments.repo';
import type { Evidence } from '../evidence/evidence.repo';
import type { Indicator, Instrument } from '../instrument/instrument.schemas';
import type { Period } from '../periods/periods.repo';
import type { Unit } from '../units/units.repo';
import type { User } from '../shared/identity';
import { loadPeriod } from '../scoring/scores.service';
import { STATUS_LABELS } from '../shared/format';
import type { Decision, ReviewComment } from './verification.repo';
import type { CommentInput, DecisionInput, ReopenInput } from './verification.schemas';

export interface IndicatorReview {
  indicator: Indicator;
  answer: Answer | undefined;
  evidence: Evidence[];
  decision: Decision | undefined;
  /** The decision was made on the answer as it is now (false: the unit changed it since). */
  current: boolean;
  comments: ReviewComment[];
}

export interface VerificationView {
  period: Period;
  instrument: Instrument;
  unit: Unit;
  assessment: Assessment;
  aspects: { code: string; name: string; indicators: IndicatorReview[] }[];
  generalComments: ReviewComment[];
  pending: { code: string; title: string }[];
  decidedCount: number;
  totalCount: number;
  awaiting: boolean;
}

/** A decision counts only while the answer it judged is unchanged. */
export function isCurrentDecision(d: Decision | undefined, a: Answer | undefined): boolean {
  return !!d && !!a && d.selfIsNa === a.isNa && d.selfLevel === (a.isNa ? null : a.level);
}

function loadAssessment(repos: Repos, periodId: number, unitId: number): { period: Period; instrument: Instrument; unit: Unit; assessment: Assessment } {
  const { period, instrument } = loadPeriod(repos, periodId);
  const unit = repos.units.findById(unitId);
  if (!unit) throw notFound('Unit');
  const assessment = repos.assessments.find(periodId, unitId);
  if (!assessment) throw notFound('Penilaian unit ini');
  return { period, instrument, unit, assessment };
}

function requireAwaiting(assessment: Assessment): void {
  if (assessment.status !== 'diajukan') {
    throw new AppError(409, 'not-awaiting-verification', `Penilaian ini tidak sedang menunggu verifikasi (status: ${STATUS_LABELS[assessment.status]}).`);
  }
}

/** Everything the verification page of one unit shows: answers, evidence, decisions and earlier comments. */
export function getVerification(repos: Repos, periodId: number, unitId: number): VerificationView {
  const { period, instrument, unit, assessment } = loadAssessment(repos, periodId, unitId);
  const answers = repos.assessments.answers(assessment.id);
  const evidence = repos.evidence.listByIndicator(assessment.id);
  const decisions = repos.verification.decisions(assessment.id);
  const comments = repos.verification.comments(assessment.id);
  const aspects = instrument.aspects.map((a) => ({
    code: a.code,
    name: a.name,
    indicators: a.indicators.map((ind) => ({
      indicator: ind,
      answer: answers[ind.code],
      evidence: evidence[ind.code] ?? [],
      decision: decisions[ind.code],
      current: isCurrentDecision(decisions[ind.code], answers[ind.code]),
      comments: comments.filter((c) => c.indicatorCode === ind.code),
    })),
  }));
  const all = aspects.flatMap((a) => a.indicators);
  const pending = all.filter((r) => !r.current).map((r) => ({ code: r.indicator.code, title: r.indicator.title }));
  return {
    period, instrument, unit, assessment, aspects,
    generalComments: comments.filter((c) => c.indicatorCode === null),
    pending,
    decidedCount: all.length - pending.length,
    totalCount: all.length,
    awaiting: assessment.status === 'diajukan',
  };
}

const verifiedValue = (d: Decision | undefined, a: Answer | undefined) =>
  d ? { keputusan: d.decision, level: a?.verifiedLevel ?? null, alasan: a?.verifierNote ?? '' } : null;

/** Applies the verifier's decisions inside the caller's transaction; returns how many changed. */
function applyDecisions(repos: Repos, user: User, assessment: Assessment, inputs: DecisionInput[]): number {
  const answers = repos.assessments.answers(assessment.id);
  const decisions = repos.verification.decisions(assessment.id);
  const errors: Record<string, string> = {};
  let changed = 0;
  for (const input of inputs) {
    const answer = answers[input.code];
    const old = decisions[input.code];
    const current = isCurrentDecision(old, answer);
    if (input.decision === null) {
      if (!old) continue;
      repos.verification.deleteDecision(assessment.id, input.code);
      repos.assessments.setVerifiedLevel({ assessmentId: assessment.id, code: input.code, level: null, note: '' });
    } else {
      if (!answer || (!answer.isNa && answer.level === null)) {
        errors[`decision_${input.code}`] = `Indikator ${input.code}: belum dijawab unit sehingga tidak dapat diperiksa.`;
        continue;
      }
      const level = input.decision === 'terima' ? (answer.isNa ? null : answer.level) : input.level;
      const same = current && old?.decision === input.decision && answer.verifiedLevel === level && answer.verifierNote === input.reason;
      if (same) continue;
      repos.verification.upsertDecision({
        assessmentId: assessment.id, code: input.code, decision: input.decision,
        selfLevel: answer.isNa ? null : answer.level, selfIsNa: answer.isNa, userId: user.id,
      });
      repos.assessments.setVerifiedLevel({ assessmentId: assessment.id, code: input.code, level, note: input.reason });
    }
    repos.audit.record({
      userId: user.id, action: 'verification.decide', entity: 'answer', entityId: assessment.id, unitId: assessment.unitId,
      oldValue: old ? { indikator: input.code, ...verifiedValue(old, answer) } : null,
      newValue: { indikator: input.code, keputusan: input.decision, level: input.decision === 'ubah' ? input.level : input.decision === 'terima' ? (answer?.isNa ? 'na' : answer?.level ?? null) : null, alasan: input.reason },
    });
    changed++;
  }
  if (Object.keys(errors).length > 0) throw badInput(errors);
  return changed;
}

/** Saves the verifier's decisions without changing the status. Only while the assessment awaits verification. */
export function saveDecisions(repos: Repos, user: User, periodId: number, unitId: number, inputs: DecisionInput[]): number {
  const { assessment } = loadAssessment(repos, periodId, unitId);
  return repos.db.transaction(() => {
    requireAwaiting(assessment);
    const changed = applyDecisions(repos, user, assessment, inputs);
    if (changed > 0) repos.assessments.touch(assessment.id);
    return changed;
  })();
}

/**
 * Saves the decisions and marks the assessment verified. Refused (nothing saved) while any indicator has no current
 * decision; the error lists them.
 */
export function finishVerification(repos: Repos, user: User, periodId: number, unitId: number, inputs: DecisionInput[]): void {
  const { assessment } = loadAssessment(repos, periodId, unitId);
  repos.db.transaction(() => {
    requireAwaiting(assessment);
    applyDecisions(repos, user, assessment, inputs);
    const pending = getVerification(repos, periodId, unitId).pending;
    if (pending.length > 0) {
      throw new AppError(422, 'verification-incomplete', `Masih ada ${pending.length} indikator yang belum diperiksa: ${pending.map((p) => p.code).join(', ')}.`);
    }
    repos.assessments.setStatus(assessment.id, 'diverifikasi', user.id);
    repos.audit.record({ userId: user.id, action: 'assessment.verify', entity: 'assessment', entityId: assessment.id, unitId, oldValue: assessment.status, newValue: 'diverifikasi' });
  })();
}

function addRound(repos: Repos, user: User, assessmentId: number, comments: CommentInput[]): number {
  const round = repos.verification.nextRound(assessmentId);
  for (const c of comments) repos.verification.insertComment({ assessmentId, round, code: c.code, comment: c.comment, userId: user.id });
  return round;
}

/**
 * Returns the whole assessment to the unit with comments per indicator (at least one comment), keeping the
 * decisions sent with it. Earlier rounds of comments stay as history.
 */
export function returnAssessment(repos: Repos, user: User, periodId: number, unitId: number, inputs: DecisionInput[], comments: CommentInput[]): void {
  const { assessment } = loadAssessment(repos, periodId, unitId);
  repos.db.transaction(() => {
    requireAwaiting(assessment);
    if (comments.length === 0) {
      throw badInput({ _form: 'Tulis minimal satu catatan (per indikator atau catatan umum) sebelum mengembalikan penilaian.' });
    }
    applyDecisions(repos, user, assessment, inputs);
    const round = addRound(repos, user, assessment.id, comments);
    repos.assessments.setStatus(assessment.id, 'dikembalikan');
    repos.audit.record({
      userId: user.id, action: 'assessment.return', entity: 'assessment', entityId: assessment.id, unitId,
      oldValue: assessment.status, newValue: { status: 'dikembalikan', putaran: round, catatan: comments.length },
    });
  })();
}

/**
 * Admin only: reopens a submitted or verified assessment to 'draf' or 'dikembalikan'. The reason is kept as a
 * general comment the unit sees, and in the audit log.
 */
export function reopenAssessment(repos: Repos, user: User, periodId: number, unitId: number, input: ReopenInput): void {
  const { assessment } = loadAssessment(repos, periodId, unitId);
  repos.db.transaction(() => {
    if (assessment.status !== 'diverifikasi' && assessment.status !== 'diajukan') {
      throw new AppError(409, 'not-reopenable', `Hanya penilaian yang sudah diajukan atau diverifikasi yang dapat dibuka kembali (status: ${STATUS_LABELS[assessment.status]}).`);
    }
    addRound(repos, user, assessment.id, [{ code: null, comment: `Dibuka kembali oleh admin: ${input.reason}` }]);
    repos.assessments.setStatus(assessment.id, input.target);
    repos.audit.record({
      userId: user.id, action: 'assessment.reopen', entity: 'assessment', entityId: assessment.id, unitId,
      oldValue: assessment.status, newValue: { status: input.target, alasan: input.reason },
    });
  })();
}
