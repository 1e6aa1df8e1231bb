import type { Db } from '../db/database';
import { periodUnitsSql } from '../db/period-units';
import { UNIT_ORDER_SQL } from '../db/unit-order';
import type { Instrument } from '../instrument';
import type { AssessmentStatus } from '../shared/assessment-status';
import { scoreUnit, type AnswerLevels, type LevelBasis, type UnitScore } from './scoring';
import type { UnitGroup } from '../units';

export interface PeriodUnitScore {
  unitId: number;
  code: string;
  name: string;
  group: UnitGroup;
  status: AssessmentStatus | null;
  score: UnitScore;
}

interface CachedScore {
  revision: number;
  self: UnitScore;
  verified: UnitScore;
}

const EMPTY_KEY = 'empty';

/**
 * Unit scores of a period, cached per assessment and per instrument. An assessment's `revision` (bumped by a
 * trigger in the same transaction as any answer change) tells whether its cached scores are still valid, so a
 * dashboard read costs one query over the period's units plus rescoring only the assessments that changed.
 */
export function createScoreCache(db: Db) {
  const units = db.prepare<[number], {
    unit_id: number; code: string; name: string; group_kind: UnitGroup; assessment_id: number | null;
    status: AssessmentStatus | null; revision: number | null;
  }>(
    `SELECT u.id AS unit_id, u.code, u.name, u.group_kind, a.id AS assessment_id, a.status, a.revision
     ${periodUnitsSql()}
     ORDER BY ${UNIT_ORDER_SQL}`,
  );
  const answersOf = db.prepare<[string], { assessment_id: number; indicator_code: string; level: number | null; is_na: number; verified_level: number | null }>(
    `SELECT assessment_id, indicator_code, level, is_na, verified_level FROM answers
     WHERE assessment_id IN (SELECT value FROM json_each(?))`,
  );
  const cache = new Map<string, CachedScore>();
  const countedKey = db.prepare<{ periodId: number; counted: string }, { k: string }>(
    `SELECT coalesce((SELECT group_concat(s, ',') FROM (
               SELECT status || '=' || count(*) AS s FROM assessments WHERE period_id = @periodId GROUP BY status ORDER BY status)), '')
         || '|' || (SELECT count(*) || ':' || coalesce(sum(revision), 0) || ':' || coalesce(max(updated_at), '')
                    FROM assessments WHERE period_id = @periodId AND status IN (SELECT value FROM json_each(@counted)))
         || '|' || (SELECT coalesce(group_concat(u.id), '') ${periodUnitsSql('@periodId')}) AS k`,
  );

  /**
   * NOTE: a score computed inside an open transaction is not stored: if that transaction rolls back, a later change
   * can bring the assessment to the same revision number with different answers.
   */
  function rescore(instrument: Instrument, instrumentKey: string, stale: { id: number; revision: number }[], into: Map<string, CachedScore>): void {
    const CHUNK = 5000;
    for (let i = 0; i < stale.length; i += CHUNK) {
      const part = stale.slice(i, i + CHUNK);
      const grouped = new Map<number, Record<string, AnswerLevels>>(part.map((s) => [s.id, {}]));
      for (const r of answersOf.all(JSON.stringify(part.map((s) => s.id)))) {
        (grouped.get(r.assessment_id) as Record<string, AnswerLevels>)[r.indicator_code] = { level: r.level, isNa: r.is_na === 1, verifiedLevel: r.verified_level };
      }
      for (const s of part) {
        const answers = grouped.get(s.id) ?? {};
        into.set(`${instrumentKey}:${s.id}`, { revision: s.revision, self: scoreUnit(instrument, answers, 'self'), verified: scoreUnit(instrument, answers, 'verified') });
      }
    }
  }

  return {
    /**
     * A key that changes whenever anything the period's aggregate figures depend on changes: how many assessments
     * are in each status, an answer or status of a counted assessment (revision, updated_at), or the period's units (periodUnitsSql).
     * Lets callers memoise derived data cheaply. Drafts being filled in do not change it: they are not counted.
     */
    countedKey: (periodId: number, counted: ReadonlySet<AssessmentStatus>): string =>
      (countedKey.get({ periodId, counted: JSON.stringify([...counted]) }) as { k: string }).k,
    /** Every unit of the period with its score under the basis. */
    periodUnitScores(periodId: number, instrument: Instrument, basis: LevelBasis): PeriodUnitScore[] {
      const instrumentKey = `${instrument.code}@${instrument.version}`;
      const rows = units.all(periodId);
      const stale = rows
        .filter((r) => r.assessment_id !== null && cache.get(`${instrumentKey}:${r.assessment_id}`)?.revision !== r.revision)
        .map((r) => ({ id: r.assessment_id as number, revision: r.revision as number }));
      const store = db.inTransaction ? new Map(cache) : cache;
      if (stale.length > 0) rescore(instrument, instrumentKey, stale, store);
      const emptyKey = `${instrumentKey}:${EMPTY_KEY}`;
      if (!store.has(emptyKey)) {
        const empty = scoreUnit(instrument, {}, 'self');
        store.set(emptyKey, { revision: 0, self: empty, verified: empty });
      }
      return rows.map((r) => {
        const hit = store.get(`${instrumentKey}:${r.assessment_id ?? EMPTY_KEY}`) as CachedScore;
        return { unitId: r.unit_id, code: r.code, name: r.name, group: r.group_kind, status: r.status, score: basis === 'self' ? hit.self : hit.verified };
      });
    },
  };
}
export type ScoreCache = ReturnType<typeof createScoreCache>;
