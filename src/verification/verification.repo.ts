import type { Db } from '../db/database';
import { periodUnitsSql } from '../db/period-units';
import type { AssessmentStatus } from '../shared/assessment-status';
import type { UnitGroup } from '../units';

export type DecisionKind = 'terima' | 'ubah';

export interface Decision {
  indicatorCode: string;
  decision: DecisionKind;
  /** The self-assessed answer the decision was made on (null level with selfIsNa: "tidak berlaku"). */
  selfLevel: number | null;
  selfIsNa: boolean;
  /** The answer's selfRevision the decision was made on (null: made before revisions were kept, on another answer). */
  selfRevision: number | null;
  decidedBy: string | null;
  decidedAt: string;
}

/** A comment the verifier typed and has not sent yet (code null: the general comment). */
export interface CommentDraft {
  code: string | null;
  comment: string;
  updatedAt: string;
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
  self_revision: number | null;
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
    `INSERT INTO verification_decisions (assessment_id, indicator_code, decision, self_level, self_is_na, self_revision, decided_by, decided_at)
     VALUES (@assessmentId, @code, @decision, @selfLevel, @selfIsNa, @selfRevision, @userId, @now)
     ON CONFLICT (assessment_id, indicator_code) DO UPDATE SET decision = excluded.decision,
       self_level = excluded.self_level, self_is_na = excluded.self_is_na, self_revision = excluded.self_revision,
       decided_by = excluded.decided_by, decided_at = excluded.decided_at`,
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
  // One query for the whole queue: the counts are correlated subqueries, not a query per unit. Only the period's
  // units (periodUnitsSql): a stray assessment of a unit formed later is not verified.
  const queue = db.prepare<[number], QueueDbRow>(
    `SELECT a.id AS assessment_id, u.id AS unit_id, u.code, u.name, u.group_kind, a.status, a.submitted_at, a.updated_at,
       (SELECT COUNT(*) FROM answers an WHERE an.assessment_id = a.id AND (an.level IS NOT NULL OR an.is_na = 1)) AS answered,
       (SELECT COUNT(*) FROM evidence e WHERE e.assessment_id = a.id AND e.deleted_at IS NULL) AS evidence_count,
       (SELECT COUNT(*) FROM verification_decisions d JOIN answers an
          ON an.assessment_id = d.assessment_id AND an.indicator_code = d.indicator_code
        WHERE d.assessment_id = a.id AND an.self_revision = d.self_revision
          AND an.is_na = d.self_is_na AND an.level IS d.self_level) AS decided
     ${periodUnitsSql()} AND a.status IN ('diajukan', 'dikembalikan', 'diverifikasi')
     ORDER BY a.submitted_at, u.name`,
  );
  const drafts = db.prepare<[number], { indicator_code: string | null; comment: string; updated_at: string }>(
    'SELECT indicator_code, comment, updated_at FROM review_comment_drafts WHERE assessment_id = ?',
  );
  const upsertDraft = db.prepare(
    `INSERT INTO review_comment_drafts (assessment_id, indicator_code, comment, updated_by, updated_at)
     VALUES (@assessmentId, @code, @comment, @userId, @now)
     ON CONFLICT (assessment_id, COALESCE(indicator_code, '')) DO UPDATE SET
       comment = excluded.comment, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  );
  const deleteDraft = db.prepare("DELETE FROM review_comment_drafts WHERE assessment_id = ? AND COALESCE(indicator_code, '') = ?");
  const clearDrafts = db.prepare('DELETE FROM review_comment_drafts WHERE assessment_id = ?');
  const markReturned = db.prepare('UPDATE answers SET returned_revision = self_revision WHERE assessment_id = ?');
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
            selfRevision: r.self_revision,
            decidedBy: r.decided_by_name,
            decidedAt: r.decided_at,
          },
        ]),
      );
    },
    upsertDecision: (d: { assessmentId: number; code: string; decision: DecisionKind; selfLevel: number | null; selfIsNa: boolean; selfRevision: number; userId: number }): void => {
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
    /** The comments typed and not sent yet, the general one (code null) included. */
    drafts: (assessmentId: number): CommentDraft[] =>
      drafts.all(assessmentId).map((r) => ({ code: r.indicator_code, comment: r.comment, updatedAt: r.updated_at })),
    /** Keeps a typed comment; an empty one removes it. */
    setDraft(d: { assessmentId: number; code: string | null; comment: string; userId: number }): void {
      if (d.comment === '') deleteDraft.run(d.assessmentId, d.code ?? '');
      else upsertDraft.run({ ...d, now: new Date().toISOString() });
    },
    clearDrafts: (assessmentId: number): void => {
      clearDrafts.run(assessmentId);
    },
    /** Remembers each answer's revision as the assessment goes back to the unit (to see what it changes). */
    markReturned: (assessmentId: number): void => {
      markReturned.run(assessmentId);
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
