import type { Db } from '../db/database';
import { periodUnitsSql } from '../db/period-units';
import { UNIT_ORDER_SQL } from '../db/unit-order';
import type { AssessmentStatus } from '../shared/assessment-status';
import type { UnitGroup } from '../units';

export type BoardStatus = AssessmentStatus | 'belum_mulai';

/** One unit's line on the completion board of a period. */
export interface BoardRow {
  unitId: number;
  code: string;
  name: string;
  group: UnitGroup;
  active: boolean;
  assessmentId: number | null;
  status: BoardStatus;
  answered: number;
  evidenceCount: number;
  /** Latest of the assessment's own change, its answers and its evidence; null before anything was saved. */
  lastActivity: string | null;
  narahubung: string[];
  /** Answers copied from an earlier period that the unit has not confirmed yet. */
  copyPending: boolean;
}

interface BoardDbRow {
  unit_id: number;
  code: string;
  name: string;
  group_kind: UnitGroup;
  active: number;
  assessment_id: number | null;
  status: AssessmentStatus | null;
  answered: number | null;
  evidence_count: number | null;
  last_activity: string | null;
  narahubung: string | null;
  copy_pending: number;
}

// NOTE: the narahubung names are joined with a unit separator (U+001F) that no display name contains.
const NAME_SEPARATOR = '\u001f';

export function createBoardRepo(db: Db) {
  // One query per board: every count is a correlated subquery, so the page never runs a query per unit.
  // The period's units (periodUnitsSql): an inactive unit or one assessed from a later year shows only with an assessment.
  const board = db.prepare<[number], BoardDbRow>(
    `SELECT u.id AS unit_id, u.code, u.name, u.group_kind, u.active, a.id AS assessment_id, a.status,
       (SELECT COUNT(*) FROM answers an WHERE an.assessment_id = a.id AND (an.level IS NOT NULL OR an.is_na = 1)) AS answered,
       (SELECT COUNT(*) FROM evidence e WHERE e.assessment_id = a.id AND e.deleted_at IS NULL) AS evidence_count,
       CASE WHEN a.id IS NULL THEN NULL ELSE MAX(a.updated_at,
         COALESCE((SELECT MAX(an.updated_at) FROM answers an WHERE an.assessment_id = a.id), ''),
         COALESCE((SELECT MAX(e.created_at) FROM evidence e WHERE e.assessment_id = a.id), '')) END AS last_activity,
       (SELECT GROUP_CONCAT(display_name, char(31)) FROM (SELECT us.display_name FROM users us
          WHERE us.unit_id = u.id AND us.role = 'narahubung' AND us.active = 1 ORDER BY us.display_name)) AS narahubung,
       (c.assessment_id IS NOT NULL AND c.confirmed_at IS NULL) AS copy_pending
     ${periodUnitsSql('?', 'LEFT JOIN assessment_copies c ON c.assessment_id = a.id')}
     ORDER BY ${UNIT_ORDER_SQL}`,
  );
  return {
    listBoard: (periodId: number): BoardRow[] =>
      board.all(periodId).map((r) => ({
        unitId: r.unit_id,
        code: r.code,
        name: r.name,
        group: r.group_kind,
        active: r.active === 1,
        assessmentId: r.assessment_id,
        status: r.status ?? 'belum_mulai',
        answered: r.answered ?? 0,
        evidenceCount: r.evidence_count ?? 0,
        lastActivity: r.last_activity,
        narahubung: r.narahubung ? r.narahubung.split(NAME_SEPARATOR) : [],
        copyPending: r.copy_pending === 1,
      })),
  };
}
export type BoardRepo = ReturnType<typeof createBoardRepo>;
