import type { Db } from '../db/database';
import type { AssessmentStatus } from '../shared/assessment-status';

export interface Evidence {
  id: number;
  indicatorCode: string;
  kind: 'link' | 'file';
  url: string | null;
  fileName: string | null;
  fileSize: number | null;
  createdById: number | null;
  createdBy: string | null;
  createdAt: string;
}

/** One evidence row with the assessment it belongs to, for access checks and downloads. */
export interface EvidenceRecord extends Evidence {
  assessmentId: number;
  periodId: number;
  unitId: number;
  assessmentStatus: AssessmentStatus;
  sha256: string | null;
  mimeType: string | null;
  deletedAt: string | null;
}

/** The columns an evidence row has wherever it is kept (the units' `evidence`, the kabupaten's `kabupaten_evidence`). */
export interface EvidenceColumns {
  id: number;
  indicator_code: string;
  kind: 'link' | 'file';
  url: string | null;
  file_name: string | null;
  file_size: number | null;
  file_sha256: string | null;
  mime_type: string | null;
  created_by: number | null;
  created_by_name: string | null;
  created_at: string;
  deleted_at: string | null;
}

type EvidenceRow = EvidenceColumns & { assessment_id: number };

/** An evidence row as the pages show it. */
export const toEvidence = (r: EvidenceColumns): Evidence => ({
  id: r.id,
  indicatorCode: r.indicator_code,
  kind: r.kind,
  url: r.url,
  fileName: r.file_name,
  fileSize: r.file_size,
  createdById: r.created_by,
  createdBy: r.created_by_name,
  createdAt: r.created_at,
});

type RecordRow = EvidenceRow & { period_id: number; unit_id: number; status: AssessmentStatus };

const toRecord = (r: RecordRow | undefined): EvidenceRecord | undefined =>
  r && {
    ...toEvidence(r),
    assessmentId: r.assessment_id,
    periodId: r.period_id,
    unitId: r.unit_id,
    assessmentStatus: r.status,
    sha256: r.file_sha256,
    mimeType: r.mime_type,
    deletedAt: r.deleted_at,
  };

export function createEvidenceRepo(db: Db) {
  const list = db.prepare<[number], EvidenceRow>(
    `SELECT e.*, u.display_name AS created_by_name FROM evidence e LEFT JOIN users u ON u.id = e.created_by
     WHERE e.assessment_id = ? AND e.deleted_at IS NULL ORDER BY e.id`,
  );
  const RECORD_SELECT = `SELECT e.*, u.display_name AS created_by_name, a.period_id, a.unit_id, a.status
     FROM evidence e JOIN assessments a ON a.id = e.assessment_id LEFT JOIN users u ON u.id = e.created_by`;
  const byId = db.prepare<[number], RecordRow>(`${RECORD_SELECT} WHERE e.id = ?`);
  const byClientKey = db.prepare<[string], RecordRow>(`${RECORD_SELECT} WHERE e.client_key = ?`);
  const insertLink = db.prepare(
    "INSERT INTO evidence (assessment_id, indicator_code, kind, url, created_by, created_at, client_key) VALUES (?, ?, 'link', ?, ?, ?, ?)",
  );
  const insertFile = db.prepare(
    `INSERT INTO evidence (assessment_id, indicator_code, kind, file_name, file_size, file_sha256, mime_type, created_by, created_at)
     VALUES (@assessmentId, @code, 'file', @fileName, @size, @sha256, @mimeType, @userId, @now)`,
  );
  const softDelete = db.prepare('UPDATE evidence SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL');
  return {
    /** Evidence of an assessment grouped by indicator code (deleted rows left out). */
    listByIndicator(assessmentId: number): Record<string, Evidence[]> {
      const out: Record<string, Evidence[]> = {};
      for (const r of list.all(assessmentId)) (out[r.indicator_code] ??= []).push(toEvidence(r));
      return out;
    },
    findById: (id: number): EvidenceRecord | undefined => toRecord(byId.get(id)),
    /** `clientKey`: the key the browser made for this link (unique), so a retried request finds the row it made. */
    insertLink: (assessmentId: number, indicatorCode: string, url: string, userId: number, clientKey: string | null = null): number =>
      Number(insertLink.run(assessmentId, indicatorCode, url, userId, new Date().toISOString(), clientKey).lastInsertRowid),
    /** The evidence row a browser key made, deleted or not. */
    findByClientKey: (key: string): EvidenceRecord | undefined => toRecord(byClientKey.get(key)),
    insertFile: (f: { assessmentId: number; code: string; fileName: string; size: number; sha256: string; mimeType: string; userId: number }): number =>
      Number(insertFile.run({ ...f, now: new Date().toISOString() }).lastInsertRowid),
    /** Marks the row deleted (the file stays: another row may hold the same content). */
    softDelete: (id: number): void => {
      softDelete.run(new Date().toISOString(), id);
    },
  };
}
export type EvidenceRepo = ReturnType<typeof createEvidenceRepo>;
