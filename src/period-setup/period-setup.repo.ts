import type { Db } from '../db/database';

export interface InstrumentVersion {
  id: number;
  code: string;
  version: string;
}

/** Answers carried over from an earlier period into a new draft, until the unit confirms them. */
export interface AssessmentCopy {
  assessmentId: number;
  sourcePeriodId: number;
  sourcePeriodName: string;
  copiedCount: number;
  copiedAt: string;
  confirmedAt: string | null;
}

interface CopyRow {
  assessment_id: number;
  source_period_id: number;
  source_period_name: string;
  copied_count: number;
  copied_at: string;
  confirmed_at: string | null;
}

const toCopy = (r: CopyRow): AssessmentCopy => ({
  assessmentId: r.assessment_id,
  sourcePeriodId: r.source_period_id,
  sourcePeriodName: r.source_period_name,
  copiedCount: r.copied_count,
  copiedAt: r.copied_at,
  confirmedAt: r.confirmed_at,
});

export function createPeriodSetupRepo(db: Db) {
  const instruments = db.prepare<[], InstrumentVersion>('SELECT id, code, version FROM instruments ORDER BY id DESC');
  const insertCopy = db.prepare(
    'INSERT INTO assessment_copies (assessment_id, source_period_id, copied_count, copied_at) VALUES (?, ?, ?, ?)',
  );
  const copyOf = db.prepare<[number], CopyRow>(
    `SELECT c.*, p.name AS source_period_name FROM assessment_copies c JOIN periods p ON p.id = c.source_period_id
     WHERE c.assessment_id = ?`,
  );
  const confirm = db.prepare('UPDATE assessment_copies SET confirmed_at = ?, confirmed_by = ? WHERE assessment_id = ? AND confirmed_at IS NULL');
  const markCopied = db.prepare("UPDATE answers SET copy_state = 'disalin' WHERE assessment_id = ?");
  const confirmAnswers = db.prepare("UPDATE answers SET copy_state = 'dikonfirmasi' WHERE assessment_id = ? AND copy_state = 'disalin'");
  const periodCounts = db.prepare<[], { period_id: number; n: number }>(
    "SELECT period_id, COUNT(*) AS n FROM assessments WHERE status IN ('diajukan', 'diverifikasi') GROUP BY period_id",
  );
  return {
    /** Every stored instrument version, newest first. */
    listInstruments: (): InstrumentVersion[] => instruments.all(),
    /** Records that the draft's answers (all of them, as just written) were copied from the source period. */
    insertCopy: (assessmentId: number, sourcePeriodId: number, copiedCount: number): void => {
      insertCopy.run(assessmentId, sourcePeriodId, copiedCount, new Date().toISOString());
      markCopied.run(assessmentId);
    },
    findCopy: (assessmentId: number): AssessmentCopy | undefined => {
      const r = copyOf.get(assessmentId);
      return r && toCopy(r);
    },
    /** Marks the copied answers as confirmed; false when there was nothing left to confirm. */
    confirmCopy: (assessmentId: number, userId: number): boolean => {
      if (confirm.run(new Date().toISOString(), userId, assessmentId).changes === 0) return false;
      confirmAnswers.run(assessmentId);
      return true;
    },
    /** Submitted or verified assessments per period id. */
    submittedCounts: (): Map<number, number> => new Map(periodCounts.all().map((r) => [r.period_id, r.n])),
  };
}
export type PeriodSetupRepo = ReturnType<typeof createPeriodSetupRepo>;
