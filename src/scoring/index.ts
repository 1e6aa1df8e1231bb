import type { Db } from '../db/database';
import type { PeriodsService } from '../periods';
import { createScoreCache } from './score-cache';
import { createScoringService } from './scores.service';

export {
  aggregateScores, categorize, effectiveLevel, gapOf, gapPriority, scoreUnit, SCORE_EPSILON,
  type AnswerLevels, type EffectiveLevel, type GroupAggregate, type KabupatenAggregate, type LevelBasis, type ScoredUnit, type UnitScore,
} from './scoring';
export { INCLUDED_STATUSES, type PeriodScores, type ScoringService, type UnitResult } from './scores.service';
export { describeBelowTarget, tallyParts, tallyUnits, uncountedParts, type UnitRoster, type UnitTally } from './unit-tally';

/**
 * Scores: the pure scoring rules (scoring.ts and unit-tally.ts, re-exported here) and a period's unit and kabupaten scores, cached per
 * assessment revision. No pages of its own: the dashboard, Renaksi and the exports read `service`.
 */
export function createScoringModule({ db, periods }: { db: Db; periods: PeriodsService }) {
  return { service: createScoringService({ scoreCache: createScoreCache(db), periods }) };
}
