import type { Db } from '../db/database';
import type { SampleReport } from './reply-sample';

/** A stored reply sample with its share (see migrations/016). */
export interface StoredSample {
  reports: SampleReport[];
  reportCount: number;
  meetingAll: number;
  updatedBy: string | null;
  updatedAt: string;
}

interface SampleRow {
  indicator_code: string;
  reports: string;
  report_count: number;
  meeting_all: number;
  updated_by_name: string | null;
  updated_at: string;
}

/** Every SQL string of the reply samples. */
export function createVerificationSamplesRepo(db: Db) {
  const list = db.prepare<[number], SampleRow>(
    `SELECT s.*, u.display_name AS updated_by_name FROM verification_samples s LEFT JOIN users u ON u.id = s.updated_by
     WHERE s.assessment_id = ?`,
  );
  const upsert = db.prepare(
    `INSERT INTO verification_samples (assessment_id, indicator_code, reports, report_count, meeting_all, updated_by, updated_at)
     VALUES (@assessmentId, @code, @reports, @reportCount, @meetingAll, @userId, @now)
     ON CONFLICT (assessment_id, indicator_code) DO UPDATE SET reports = excluded.reports, report_count = excluded.report_count,
       meeting_all = excluded.meeting_all, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  );
  const remove = db.prepare('DELETE FROM verification_samples WHERE assessment_id = ? AND indicator_code = ?');
  return {
    /** The assessment's samples by indicator code. */
    byIndicator(assessmentId: number): Record<string, StoredSample> {
      return Object.fromEntries(
        list.all(assessmentId).map((r) => [
          r.indicator_code,
          { reports: JSON.parse(r.reports) as SampleReport[], reportCount: r.report_count, meetingAll: r.meeting_all, updatedBy: r.updated_by_name, updatedAt: r.updated_at },
        ]),
      );
    },
    upsert(s: { assessmentId: number; code: string; reports: SampleReport[]; meetingAll: number; userId: number }): void {
      upsert.run({ ...s, reports: JSON.stringify(s.reports), reportCount: s.reports.length, now: new Date().toISOString() });
    },
    remove: (assessmentId: number, code: string): void => {
      remove.run(assessmentId, code);
    },
  };
}
export type VerificationSamplesRepo = ReturnType<typeof createVerificationSamplesRepo>;
