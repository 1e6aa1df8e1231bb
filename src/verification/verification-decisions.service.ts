import { AppError, badInput } from '../errors/app-error';
import type { Db } from '../db/database';
import type { AuditService } from '../audit';
import type { Answer, Assessment, AssessmentsService } from '../assessments';
import type { EvidenceService } from '../evidence';
import type { PeriodsService } from '../periods';
import type { PeriodSetupService } from '../period-setup';
import type { UnitsService } from '../units';
import type { UsersService } from '../users';
import type { User } from '../shared/identity';
import { STATUS_LABELS } from '../shared/format';
import type { Decision, VerificationRepo } from './verification.repo';
import type { CommentInput, DecisionInput } from './verification.schemas';
import { acceptableInBulk, isAnswered, isCurrentDecision } from './review-state';
import type { SampleInput } from './reply-sample';
import { applySamples } from './verification-sample.service';
import type { VerificationSamplesRepo } from './verification-samples.repo';


/** What the verification module is given: its repository and the services of the modules it reads and changes. */
export interface VerificationDeps {
  db: Db;
  verification: VerificationRepo;
  /** Reply samples (D3 in revision 2), stored with the decisions. */
  samples: VerificationSamplesRepo;
  assessments: AssessmentsService;
  evidence: EvidenceService;
  units: UnitsService;
  users: UsersService;
  periods: PeriodsService;
  periodSetup: PeriodSetupService;
  audit: AuditService;
}

/** Throws 409 unless the assessment awaits verification (decisions and comments are taken only then). */
export function requireAwaiting(assessment: Assessment): void {
  if (assessment.status !== 'diajukan') {
    throw new AppError(409, 'not-awaiting-verification', `Penilaian ini tidak sedang menunggu verifikasi (status: ${STATUS_LABELS[assessment.status]}).`);
  }
}

const verifiedValue = (d: Decision | undefined, a: Answer | undefined) =>
  d ? { keputusan: d.decision, level: a?.verifiedLevel ?? null, alasan: a?.verifierNote ?? '' } : null;

/** Why a decision cannot be taken on this answer, or null. */
function refusal(input: DecisionInput, answer: Answer | undefined): string | null {
  if (!isAnswered(answer)) return `Indikator ${input.code}: belum dijawab unit sehingga tidak dapat diperiksa.`;
  if (input.revision !== undefined && input.revision !== answer.selfRevision) {
    return `Indikator ${input.code}: jawaban unit berubah sejak halaman ini dibuka; muat ulang dan periksa lagi.`;
  }
  return null;
}

/** Stores one decision (or clears it); returns false when it was already stored as asked. */
function applyDecision(deps: VerificationDeps, user: User, assessment: Assessment, input: DecisionInput, answer: Answer, old: Decision | undefined): boolean {
  if (input.decision === null) {
    if (!old) return false;
    deps.verification.deleteDecision(assessment.id, input.code);
    deps.assessments.setVerifiedLevel({ assessmentId: assessment.id, code: input.code, level: null, note: '' });
  } else {
    const level = input.decision === 'terima' ? (answer.isNa ? null : answer.level) : input.level;
    const same = isCurrentDecision(old, answer) && old?.decision === input.decision && answer.verifiedLevel === level && answer.verifierNote === input.reason;
    if (same) return false;
    deps.verification.upsertDecision({
      assessmentId: assessment.id, code: input.code, decision: input.decision,
      selfLevel: answer.isNa ? null : answer.level, selfIsNa: answer.isNa, selfRevision: answer.selfRevision, userId: user.id,
    });
    deps.assessments.setVerifiedLevel({ assessmentId: assessment.id, code: input.code, level, note: input.reason });
  }
  const newLevel = input.decision === 'ubah' ? input.level : input.decision === 'terima' ? (answer.isNa ? 'na' : answer.level) : null;
  deps.audit.record({
    userId: user.id, action: 'verification.decide', entity: 'answer', entityId: assessment.id, unitId: assessment.unitId,
    oldValue: old ? { indikator: input.code, ...verifiedValue(old, answer) } : null,
    newValue: { indikator: input.code, keputusan: input.decision, level: newLevel, alasan: input.reason },
  });
  return true;
}

/**
 * Applies the verifier's decisions inside the caller's transaction; returns how many changed. A decision on an
 * unanswered indicator, or on an answer newer than the one the page showed, is refused (422 naming each).
 */
function applyDecisions(deps: VerificationDeps, user: User, assessment: Assessment, inputs: DecisionInput[]): number {
  const answers = deps.assessments.answers(assessment.id);
  const decisions = deps.verification.decisions(assessment.id);
  const errors: Record<string, string> = {};
  let changed = 0;
  for (const input of inputs) {
    const answer = answers[input.code];
    const why = input.decision === null ? null : refusal(input, answer);
    if (why) errors[`decision_${input.code}`] = why;
    else if (answer && applyDecision(deps, user, assessment, input, answer, decisions[input.code])) changed++;
  }
  if (Object.keys(errors).length > 0) throw badInput(errors);
  return changed;
}

/** Keeps the comments as typed (an empty one removes the kept one); returns how many changed. */
function applyComments(deps: VerificationDeps, user: User, assessmentId: number, typed: CommentInput[]): number {
  const stored = new Map(deps.verification.drafts(assessmentId).map((d) => [d.code, d.comment]));
  let changed = 0;
  for (const c of typed) {
    if ((stored.get(c.code) ?? '') === c.comment) continue;
    deps.verification.setDraft({ assessmentId, code: c.code, comment: c.comment, userId: user.id });
    changed++;
  }
  return changed;
}

/** What the verifier sent: decisions, and the comment fields as typed (empty ones included). */
export interface ReviewChanges {
  decisions: DecisionInput[];
  comments: CommentInput[];
  /** Reply samples (D3 in revision 2), stored with the decisions; absent or empty leaves them as stored. */
  samples?: SampleInput[];
}

/**
 * Stores decisions and comments inside the caller's transaction, on an assessment awaiting verification; returns how
 * many changed (the assessment's time is touched then).
 */
export function applyReviewChanges(deps: VerificationDeps, user: User, assessment: Assessment, changes: ReviewChanges): number {
  requireAwaiting(assessment);
  const changed = applyDecisions(deps, user, assessment, changes.decisions) + applyComments(deps, user, assessment.id, changes.comments)
    + applySamples(deps, user, assessment, changes.samples ?? []);
  if (changed > 0) deps.assessments.touch(assessment.id);
  return changed;
}

/**
 * "Terima semua yang belum diperiksa": accepts the self-assessed level of every indicator acceptableInBulk, inside the
 * caller's transaction. Returns the codes accepted.
 */
export function acceptUnchanged(deps: VerificationDeps, user: User, assessment: Assessment): string[] {
  requireAwaiting(assessment);
  const answers = deps.assessments.answers(assessment.id);
  const decisions = deps.verification.decisions(assessment.id);
  const drafted = new Set(deps.verification.drafts(assessment.id).map((d) => d.code));
  const codes = Object.keys(answers).filter((code) => acceptableInBulk(decisions[code], answers[code], drafted.has(code)));
  const inputs = codes.map((code): DecisionInput => ({ code, decision: 'terima', level: null, reason: '', revision: answers[code]?.selfRevision }));
  if (applyDecisions(deps, user, assessment, inputs) > 0) deps.assessments.touch(assessment.id);
  return codes;
}
