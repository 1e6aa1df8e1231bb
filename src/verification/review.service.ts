import { AppError, notFound } from '../errors/app-error';
import type { Assessment } from '../assessments';
import type { Instrument } from '../instrument';
import type { Period } from '../periods';
import type { AssessmentCopy } from '../period-setup';
import type { Unit } from '../units';
import type { User } from '../shared/identity';
import type { ReviewComment } from './verification.repo';
import type { VerificationDeps } from './verification-decisions.service';

export interface CommentRound {
  round: number;
  createdAt: string;
  author: string | null;
  comments: (ReviewComment & { title: string | null })[];
}

/** What the unit sees of the verifier's work: the comment rounds (newest first) and a pending copy banner. */
export interface ReviewView {
  period: Period;
  instrument: Instrument;
  unit: Unit;
  assessment: Assessment | undefined;
  rounds: CommentRound[];
  /** The newest round asks for changes now (the assessment is back with the unit). */
  latestActive: boolean;
  copy: AssessmentCopy | undefined;
}

/** Compact form for the questionnaire page: the active round's comments by indicator code. */
export interface ReviewNotice {
  reviewUrl: string;
  active: boolean;
  round: number | null;
  general: ReviewComment[];
  byCode: Record<string, ReviewComment[]>;
  copy: AssessmentCopy | undefined;
}

function roundsOf(comments: ReviewComment[], instrument: Instrument): CommentRound[] {
  const titles = new Map(instrument.aspects.flatMap((a) => a.indicators).map((i) => [i.code, i.title]));
  const out: CommentRound[] = [];
  for (const c of comments) {
    let r = out.find((x) => x.round === c.round);
    if (!r) out.push((r = { round: c.round, createdAt: c.createdAt, author: c.author, comments: [] }));
    r.comments.push({ ...c, title: c.indicatorCode ? titles.get(c.indicatorCode) ?? null : null });
  }
  return out;
}

const isBackWithUnit = (a: Assessment | undefined) => !!a && (a.status === 'dikembalikan' || a.status === 'draf');

/** The review page of a unit (a narahubung only for their own unit). */
export function getReview(deps: VerificationDeps, user: User, periodId: number, unitId: number): ReviewView {
  const { unit, period, instrument } = deps.assessments.requirePeriodUnit(user, periodId, unitId);
  const assessment = deps.assessments.find(periodId, unitId);
  const rounds = assessment ? roundsOf(deps.verification.comments(assessment.id), instrument) : [];
  return {
    period, instrument, unit, assessment, rounds,
    latestActive: rounds.length > 0 && isBackWithUnit(assessment),
    copy: assessment ? deps.periodSetup.findCopy(assessment.id) : undefined,
  };
}

/**
 * The notice for the questionnaire page, or null when there is nothing to show or the user may not see the unit.
 * Never throws: it only decorates a page another route renders.
 */
export function reviewNotice(deps: VerificationDeps, user: User | undefined, periodId: number, unitId: number): ReviewNotice | null {
  if (!user || (user.role === 'narahubung' && user.unitId !== unitId) || !deps.units.isInPeriod(periodId, unitId)) return null;
  const assessment = deps.assessments.find(periodId, unitId);
  if (!assessment) return null;
  const comments = deps.verification.comments(assessment.id);
  const copy = deps.periodSetup.findCopy(assessment.id);
  const pendingCopy = copy && !copy.confirmedAt ? copy : undefined;
  if (comments.length === 0 && !pendingCopy) return null;
  const latest = comments[0]?.round ?? null;
  const active = latest !== null && isBackWithUnit(assessment);
  const current = active ? comments.filter((c) => c.round === latest) : [];
  const byCode: Record<string, ReviewComment[]> = {};
  for (const c of current) if (c.indicatorCode) (byCode[c.indicatorCode] ??= []).push(c);
  return {
    reviewUrl: `/periods/${periodId}/units/${unitId}/review`,
    active,
    round: latest,
    general: current.filter((c) => c.indicatorCode === null),
    byCode,
    copy: pendingCopy,
  };
}

/** The unit confirms the answers copied from an earlier period (the banner disappears). */
export function confirmCopiedAnswers(deps: VerificationDeps, user: User, periodId: number, unitId: number): void {
  deps.assessments.requirePeriodUnit(user, periodId, unitId);
  const assessment = deps.assessments.find(periodId, unitId);
  const copy = assessment && deps.periodSetup.findCopy(assessment.id);
  if (!assessment || !copy) throw notFound('Salinan jawaban');
  deps.db.transaction(() => {
    if (!deps.periodSetup.confirmCopy(assessment.id, user.id)) {
      throw new AppError(409, 'already-confirmed', 'Jawaban salinan sudah dikonfirmasi sebelumnya.');
    }
    deps.audit.record({
      userId: user.id, action: 'assessment.copy_confirm', entity: 'assessment', entityId: assessment.id, unitId,
      newValue: { periodeSumber: copy.sourcePeriodName },
    });
  })();
}
