import type { Period } from '../periods';
import { bindDeps } from '../shared/bind-deps';
import type { User } from '../shared/identity';
import type { QueueRow } from './verification.repo';
import { acceptRemaining, finishVerification, getVerification, loadAssessment, reopenAssessment, returnAssessment, saveDecisions, saveIndicatorReview } from './verification.service';
import type { VerificationDeps } from './verification-decisions.service';
import { confirmCopiedAnswers, getReview, reviewNotice } from './review.service';

/** The verifier's queue of a period: units that submitted, were returned or are verified, with the indicator count. */
function getQueue(deps: VerificationDeps, periodId: number): { period: Period; total: number; rows: QueueRow[] } {
  const { period, instrument } = deps.periods.loadPeriod(periodId);
  return { period, total: instrument.aspects.reduce((s, a) => s + a.indicators.length, 0), rows: deps.verification.queue(period.id) };
}

/** The narahubung accounts of a unit (the verification page names whom the verifier may contact). */
function unitNarahubung(deps: VerificationDeps, unitId: number): User[] {
  return deps.users.listByUnit(unitId).filter((u) => u.role === 'narahubung');
}

/**
 * The verification module's service: the verifier's pages, the unit's review page, and the notice the questionnaire
 * and the home page show a unit (reviewNotice).
 */
export function createVerificationService(deps: VerificationDeps) {
  return bindDeps(deps, {
    getQueue, unitNarahubung, loadAssessment, getVerification, saveDecisions, saveIndicatorReview, acceptRemaining, finishVerification, returnAssessment, reopenAssessment,
    getReview, reviewNotice, confirmCopiedAnswers,
  });
}
export type VerificationService = ReturnType<typeof createVerificationService>;
