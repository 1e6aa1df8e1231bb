import type { Db } from '../db/database';
import type { AssessmentStatus } from '../shared/assessment-status';
import type { UnitGroup } from '../units';
import { periodUnitsSql } from '../db/period-units';
import { UNIT_ORDER_SQL } from '../db/unit-order';


export interface Assessment {
  id: number;
  periodId: number;
  unitId: number;
  status: AssessmentStatus;
  submittedAt: string | null;
  verifiedAt: string | null;
  /** Who finished the verification (null before, or for sample data written without one). */
  verifiedBy: number | null;
  updatedAt: string;
}

export interface Answer {
  indicatorCode: string;
  level: number | null;
  isNa: boolean;
  note: string;
  verifiedLevel: number | null;
  verifierNote: string;
  version: number;
  updatedAt: string;
  /** Counts the unit's own changes: level, N/A, note and evidence (not the verifier's level or note). */
  selfRevision: number;
  /** selfRevision when the assessment last went back to the unit; null: it never did. */
  returnedRevision: number | null;
  /** Copied from an earlier period and unchanged since: awaiting the unit's confirmation, or confirmed. */
  copyState: CopyState | null;
}

export type CopyState = 'disalin' | 'dikonfirmasi';

/** An answer with the name of whoever saved it last, for showing a conflict. */
export interface AnswerDetail extends Answer {
  updatedById: number | null;
  updatedByName: string | null;
}

/** A unit of a period with its assessment (absent: "belum mulai"). */
export interface PeriodUnitRow {
  unitId: number;
  unitCode: string;
  unitName: string;
  group: UnitGroup;
  assessmentId: number | null;
  status: AssessmentStatus | null;
  updatedAt: string | null;
}

interface AssessmentRow {
  id: number;
  period_id: number;
  unit_id: number;
  status: AssessmentStatus;
  submitted_at: string | null;
  verified_at: string | null;
  verified_by: number | null;
  updated_at: string;
}

interface AnswerRow {
  assessment_id: number;
  indicator_code: string;
  level: number | null;
  is_na: number;
  note: string;
  verified_level: number | null;
  verifier_note: string;
  version: number;
  updated_at: string;
  updated_by: number | null;
  self_revision: number;
  returned_revision: number | null;
  copy_state: CopyState | null;
}

const toAssessment = (r: AssessmentRow): Assessment => ({
  id: r.id,
  periodId: r.period_id,
  unitId: r.unit_id,
  status: r.status,
  submittedAt: r.submitted_at,
  verifiedAt: r.verified_at,
  verifiedBy: r.verified_by,
  updatedAt: r.updated_at,
});

const toAnswer = (r: AnswerRow): Answer => ({
  indicatorCode: r.indicator_code,
  level: r.level,
  isNa: r.is_na === 1,
  note: r.note,
  verifiedLevel: r.verified_level,
  verifierNote: r.verifier_note,
  version: r.version,
  updatedAt: r.updated_at,
  selfRevision: r.self_revision,
  returnedRevision: r.returned_revision,
  copyState: r.copy_state,
});

// NOTE: counted here and not by a trigger, so the row RETURNING gives back already carries it (SQLite reports the
// row before any AFTER trigger changes it).
const CONTENT_CHANGED = '(answers.level IS NOT excluded.level OR answers.is_na <> excluded.is_na OR answers.note <> excluded.note)';

export function createAssessmentsRepo(db: Db) {
  const find = db.prepare<[number, number], AssessmentRow>('SELECT * FROM assessments WHERE period_id = ? AND unit_id = ?');
  const insert = db.prepare(
    "INSERT INTO assessments (period_id, unit_id, status, updated_at) VALUES (?, ?, 'draf', ?)",
  );
  const setStatus = db.prepare(
    `UPDATE assessments SET status = @status, updated_at = @now,
       submitted_at = CASE WHEN @status = 'diajukan' THEN @now ELSE submitted_at END,
       verified_at = CASE WHEN @status = 'diverifikasi' THEN @now ELSE verified_at END,
       verified_by = CASE WHEN @status = 'diverifikasi' THEN @by ELSE verified_by END
     WHERE id = @id`,
  );
  const touch = db.prepare('UPDATE assessments SET updated_at = ? WHERE id = ?');
  const periodUnits = db.prepare<[number], {
    unit_id: number; code: string; name: string; group_kind: UnitGroup;
    assessment_id: number | null; status: AssessmentStatus | null; updated_at: string | null;
  }>(
    `SELECT u.id AS unit_id, u.code, u.name, u.group_kind, a.id AS assessment_id, a.status, a.updated_at
     ${periodUnitsSql()}
     ORDER BY ${UNIT_ORDER_SQL}`,
  );
  const answersOf = db.prepare<[number], AnswerRow>('SELECT * FROM answers WHERE assessment_id = ?');
  const answerOf = db.prepare<[number, string], AnswerRow>('SELECT * FROM answers WHERE assessment_id = ? AND indicator_code = ?');
  const answerDetail = db.prepare<[number, string], AnswerRow & { updated_by_name: string | null }>(
    `SELECT an.*, u.display_name AS updated_by_name FROM answers an LEFT JOIN users u ON u.id = an.updated_by
     WHERE an.assessment_id = ? AND an.indicator_code = ?`,
  );
  const answersOfPeriod = db.prepare<[number], AnswerRow>(
    'SELECT an.* FROM answers an JOIN assessments a ON a.id = an.assessment_id WHERE a.period_id = ?',
  );
  const upsertAnswer = db.prepare(
    `INSERT INTO answers (assessment_id, indicator_code, level, is_na, note, updated_at, updated_by)
     VALUES (@assessmentId, @code, @level, @isNa, @note, @now, @userId)
     ON CONFLICT (assessment_id, indicator_code) DO UPDATE SET
       level = excluded.level, is_na = excluded.is_na, note = excluded.note,
       updated_at = excluded.updated_at, updated_by = excluded.updated_by, version = answers.version + 1,
       self_revision = answers.self_revision + (${CONTENT_CHANGED}),
       copy_state = CASE WHEN ${CONTENT_CHANGED} THEN NULL ELSE answers.copy_state END
     RETURNING *`,
  );
  const setVerified = db.prepare(
    `UPDATE answers SET verified_level = @level, verifier_note = @note, version = version + 1, updated_at = @now
     WHERE assessment_id = @assessmentId AND indicator_code = @code`,
  );
  return {
    find: (periodId: number, unitId: number): Assessment | undefined => {
      const r = find.get(periodId, unitId);
      return r && toAssessment(r);
    },
    /** The unit's assessment for the period, created as a draft on first use. */
    findOrCreate(periodId: number, unitId: number): Assessment {
      const r = find.get(periodId, unitId);
      if (r) return toAssessment(r);
      insert.run(periodId, unitId, new Date().toISOString());
      return toAssessment(find.get(periodId, unitId) as AssessmentRow);
    },
    /** Moves the assessment to `status`; `by` is recorded as the verifikator when the status is diverifikasi. */
    setStatus: (id: number, status: AssessmentStatus, by: number | null = null): void => {
      setStatus.run({ id, status, by, now: new Date().toISOString() });
    },
    touch: (id: number): void => {
      touch.run(new Date().toISOString(), id);
    },
    listPeriodUnits: (periodId: number): PeriodUnitRow[] =>
      periodUnits.all(periodId).map((r) => ({
        unitId: r.unit_id,
        unitCode: r.code,
        unitName: r.name,
        group: r.group_kind,
        assessmentId: r.assessment_id,
        status: r.status,
        updatedAt: r.updated_at,
      })),
    answers: (assessmentId: number): Record<string, Answer> =>
      Object.fromEntries(answersOf.all(assessmentId).map((r) => [r.indicator_code, toAnswer(r)])),
    answer(assessmentId: number, code: string): Answer | undefined {
      const r = answerOf.get(assessmentId, code);
      return r && toAnswer(r);
    },
    findAnswerDetail(assessmentId: number, code: string): AnswerDetail | undefined {
      const r = answerDetail.get(assessmentId, code);
      return r && { ...toAnswer(r), updatedById: r.updated_by, updatedByName: r.updated_by_name };
    },
    /** Every answer of the period, grouped by assessment id. */
    answersOfPeriod(periodId: number): Map<number, Record<string, Answer>> {
      const out = new Map<number, Record<string, Answer>>();
      for (const r of answersOfPeriod.all(periodId)) {
        let m = out.get(r.assessment_id);
        if (!m) out.set(r.assessment_id, (m = {}));
        m[r.indicator_code] = toAnswer(r);
      }
      return out;
    },
    /** Stores an answer (a new version when it exists) and returns it as stored. */
    upsertAnswer: (a: { assessmentId: number; code: string; level: number | null; isNa: boolean; note: string; userId: number }): Answer =>
      toAnswer(upsertAnswer.get({ ...a, isNa: a.isNa ? 1 : 0, now: new Date().toISOString() }) as AnswerRow),
    setVerifiedLevel: (a: { assessmentId: number; code: string; level: number | null; note: string }) => {
      setVerified.run({ ...a, now: new Date().toISOString() });
    },
  };
}
export type AssessmentsRepo = ReturnType<typeof createAssessmentsRepo>;
