import { acceptableInBulk, reviewStateOf } from '../../src/verification/review-state';
import type { Answer } from '../../src/assessments/assessments.repo';
import type { Decision } from '../../src/verification/verification.repo';

const answer = (over: Partial<Answer> = {}): Answer => ({
  indicatorCode: 'A1', level: 3, isNa: false, note: '', verifiedLevel: null, verifierNote: '', version: 1, updatedAt: '',
  selfRevision: 2, returnedRevision: null, copyState: null, ...over,
});
const decision = (selfRevision: number | null): Decision => ({
  indicatorCode: 'A1', decision: 'terima', selfLevel: 3, selfIsNa: false, selfRevision, decidedBy: null, decidedAt: '',
});

describe('reviewStateOf', () => {
  it.each([
    ['decided on this revision', decision(2), answer(), 'diperiksa'],
    ['decided, then evidence or the note changed (same level)', decision(1), answer(), 'berubah'],
    ['decided before revisions were kept', decision(null), answer(), 'berubah'],
    ['never decided, never returned', undefined, answer(), 'belum'],
    ['never decided, unchanged since it was returned', undefined, answer({ returnedRevision: 2 }), 'belum'],
    ['never decided, changed after it was returned', undefined, answer({ returnedRevision: 1 }), 'diubah'],
  ])('%s → %s', (_what, d, a, expected) => {
    expect(reviewStateOf(d, a)).toBe(expected);
  });
});

describe('acceptableInBulk', () => {
  it.each([
    ['never decided and unchanged', undefined, answer(), false, true],
    ['not applicable, never decided', undefined, answer({ level: null, isNa: true }), false, true],
    ['unanswered', undefined, answer({ level: null }), false, false],
    ['with a typed comment', undefined, answer(), true, false],
    ['already decided', decision(2), answer(), false, false],
    ['changed since decided', decision(1), answer(), false, false],
    ['changed after it was returned', undefined, answer({ returnedRevision: 1 }), false, false],
  ])('%s → %s', (_what, d, a, drafted, expected) => {
    expect(acceptableInBulk(d, a, drafted)).toBe(expected);
  });
});
