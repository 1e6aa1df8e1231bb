import type { Answer } from '../assessments';
import type { Decision } from './verification.repo';

/**
 * Where one indicator stands for the verifier:
 * - `diperiksa`: decided on the answer as it is now;
 * - `berubah`: decided, then the unit changed its level, N/A, note or evidence ("berubah sejak diperiksa");
 * - `diubah`: never decided, and changed by the unit after the assessment last went back to it;
 * - `belum`: never decided and unchanged since it was submitted.
 */
export type ReviewState = 'diperiksa' | 'berubah' | 'diubah' | 'belum';

export const isAnswered = (a: Answer | undefined): a is Answer => !!a && (a.isNa || a.level !== null);

/** A decision counts only while the answer it judged is unchanged: same level and N/A, same revision of the unit's work. */
export function isCurrentDecision(d: Decision | undefined, a: Answer | undefined): boolean {
  return !!d && !!a && d.selfIsNa === a.isNa && d.selfLevel === (a.isNa ? null : a.level) && d.selfRevision === a.selfRevision;
}

/** See ReviewState. */
export function reviewStateOf(d: Decision | undefined, a: Answer | undefined): ReviewState {
  if (d) return isCurrentDecision(d, a) ? 'diperiksa' : 'berubah';
  return a && a.returnedRevision !== null && a.returnedRevision !== a.selfRevision ? 'diubah' : 'belum';
}

/**
 * Whether "terima semua yang belum diperiksa" may accept this indicator: answered, never decided, unchanged since it
 * was submitted, and without a comment the verifier typed for the unit (a comment means a doubt to settle by hand).
 */
export function acceptableInBulk(d: Decision | undefined, a: Answer | undefined, hasDraft: boolean): boolean {
  return isAnswered(a) && !hasDraft && reviewStateOf(d, a) === 'belum';
}
