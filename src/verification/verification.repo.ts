import type { Db } from '../db/database';
import type { AssessmentStatus } from '../shared/assessment-status';
import type { UnitGroup } from '../units';

export type DecisionKind = 'terima' | 'ubah';

export interface Decision {
  indicatorCode: string;
  decision: DecisionKind;
  /** The self-assessed answer the decision was made on (null level with selfIsNa: "tidak berlaku"). */
  selfLevel: number | null;
  selfIsNa: boolean;
  decidedBy: string | null;
  decidedAt: string;
}

export interface ReviewComment {
  id: number;
  round: number;
  indicatorCode: string | null;
  comment: string;
  author: string | null;
  createdAt: string;
}

/** A unit of the period whose assessment has left the draft stage, with the counts the queue shows. */
export interface QueueRow {
  assessmentId: number;
  unitId: number;
  unitCode: string;
  unitName: string;
  group: UnitGroup;
  status: AssessmentStatus;
  submittedAt: string | null;
  updatedAt: string;
  answered: number;
  evidenceCount: number;
  decided: number;
}

interface DecisionRow {
  indicator_code: string;
  decision: DecisionKind;
  self_level: number | null;
  self_is_na: number;
  decided_by_name: string | null;
  decided_at: string;
}

interface CommentRow {
  id: number;
  round: number;
  indicator_code: string | null;
  comment: string;
  author: string | null;
  created_at: string;
}

interface QueueDbRow {
  assessment_id: number;
  unit_id: number;
  code: string;
  name: string;
  group_kind: UnitGroup;
  status: AssessmentStatus;
  submitted_at: string | null;
  updated_at: string;
  answered: number;
  evidence_count: number;
  decided: number;
}

export function createVerificationRepo(db: Db) {
  const decisions = db.prepare<[number], DecisionRow>(
    `SELECT d.*, u.display_name AS decided_by_name FROM verification_decisions d
     LEFT JOIN users u ON u.id = d.decided_by WHERE d.assessment_id = ?`,
  );
  const upsertDecision = db.prepare(
    `INSERT INTO verification_decisions (assessment_id, indicator_code, decision, self_level, self_is_na, decided_by, decided_at)
     VALUES (@assessmentId, @code, @decision, @selfLevel, @selfIsNa, @userId, @now)
     ON CONFLICT (assessment_id, indicator_code) DO UPDATE SET decision = excluded.decision,
       self_level = excluded.self_level, self_is_na = excluded.self_is_na, decided_by = excluded.decided_by,
       decided_at = excluded.decided_at`,
  );
  const deleteDecision = db.prepare('DELETE FROM verification_decisions WHERE assessment_id = ? AND indicator_code = ?');
  const comments = db.prepare<[number], CommentRow>(
    `SELECT c.id, c.round, c.indicator_code, c.comment, c.created_at, u.display_name AS author FROM review_comments c
     LEFT JOIN users u ON u.id = c.created_by WHERE c.assessment_id = ? ORDER BY c.round DESC, c.id`,
  );
  const maxRound = db.prepare<[number], { r: number | null }>('SELECT MAX(round) AS r FROM review_comments WHERE assessment_id = ?');
  const insertComment = db.prepare(
    `INSERT INTO review_comments (assessment_id, round, indicator_code, comment, created_by, created_at)
     VALUES (@assessmentId, @round, @code, @comment, @userId, @now)`,
  );
  // One query for the whole queue: the counts are correlated subqueries, not a query per unit.
  const queue = db.prepare<[number], QueueDbRow>(
    `SELECT a.id AS assessment_id, u.id AS unit_id, u.code, u.name, u.group_kind, a.status, a.submitted_at, a.updated_at,
       (SELECT COUNT(*) FROM answers an WHERE an.assessment_id = a.id AND (an.level IS NOT NULL OR an.is_na = 1)) AS answered,
       (SELECT COUNT(*) FROM evidence e WHERE e.assessment_id = a.id AND e.deleted_at IS NULL) AS evidence_count,
       (SELECT COUNT(*) FROM verification_decisions d JOIN answers an
          ON an.assessment_id = d.assessment_id AND an.indicator_code = d.indicator_code
        WHERE d.assessment_id = a.id AND an.is_na = d.self_is_na AND an.level IS d.self_level) AS decided
     FROM assessments a JOIN units u ON u.id = a.unit_id
     WHERE a.period_id = ? AND a.status IN ('diajukan', 'dikembalikan', 'diverifikasi')
     ORDER BY a.submitted_at, u.name`,
  );
  return {
    decisions(assessmentId: number): Record<string, Decision> {
      return Object.fromEntries(
        decisions.all(assessmentId).map((r) => [
          r.indicator_code,
          {
            indicatorCode: r.indicator_code,
            decision: r.decision,
            selfLevel: r.self_level,
            selfIsNa: r.self_is_na === 1,
            decidedBy: r.decided_by_name,
            decidedAt: r.decided_at,
          },
        ]),
      );
    },
    upsertDecision: (d: { assessmentId: number; code: string; decision: DecisionKind; selfLevel: number | null; selfIsNa: boolean; userId: number }): void => {
      upsertDecision.run({ ...d, selfIsNa: d.selfIsNa ? 1 : 0, now: new Date().toISOString() });
    },
    deleteDecision: (assessmentId: number, code: string): void => {
      deleteDecision.run(assessmentId, code);
    },
    /** Every comment of an assessment, newest round first. */
    comments: (assessmentId: number): ReviewComment[] =>
      comments.all(assessmentId).map((r) => ({
        id: r.id,
        round: r.round,
        indicatorCode: r.indicator_code,
        comment: r.comment,
        author: r.author,
        createdAt: r.created_at,
      })),
    nextRound: (assessmentId: number): number => (maxRound.get(assessmentId)?.r ?? 0) + 1,
    insertComment: (c: { assessmentId: number; round: number; code: string | null; comment: string; userId: number }): void => {
      insertComment.run({ ...c, now: new Date().toISOString() });
    },
    queue: (periodId: number): QueueRow[] =>
      queue.all(periodId).map((r) => ({
        assessmentId: r.assessment_id,
        unitId: r.unit_id,
        unitCode: r.code,
        unitName: r.name,
        group: r.group_kind,
        status: r.status,
        submittedAt: r.submitted_at,
        updatedAt: r.updated_at,
        answered: r.answered,
        evidenceCount: r.evidence_count,
        decided: r.decided,
      })),
  };
}
export type VerificationRepo = ReturnType<typeof createVerificationRepo>;
