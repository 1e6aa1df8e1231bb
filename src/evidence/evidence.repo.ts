import type { Db } from '../db/database';

export interface Evidence {
  id: number;
  indicatorCode: string;
  kind: 'link' | 'file';
  url: string | null;
  fileName: string | null;
  fileSize: number | null;
  createdBy: string | null;
  createdAt: string;
}

interface EvidenceRow {
  id: number;
  indicator_code: string;
  kind: 'link' | 'file';
  url: string | null;
  file_name: string | null;
  file_size: number | null;
  created_by_name: string | null;
  created_at: string;
}

export function createEvidenceRepo(db: Db) {
  const list = db.prepare<[number], EvidenceRow>(
    `SELECT e.*, u.display_name AS created_by_name FROM evidence e LEFT JOIN users u ON u.id = e.created_by
     WHERE e.assessment_id = ? AND e.deleted_at IS NULL ORDER BY e.id`,
  );
  const insertLink = db.prepare(
    "INSERT INTO evidence (assessment_id, indicator_code, kind, url, created_by, created_at) VALUES (?, ?, 'link', ?, ?, ?)",
  );
  return {
    /** Evidence of an assessment grouped by indicator code. */
    listByIndicator(assessmentId: number): Record<string, Evidence[]> {
      const out: Record<string, Evidence[]> = {};
      for (const r of list.all(assessmentId)) {
        (out[r.indicator_code] ??= []).push({
          id: r.id,
          indicatorCode: r.indicator_code,
          kind: r.kind,
          url: r.url,
          fileName: r.file_name,
          fileSize: r.file_size,
          createdBy: r.created_by_name,
          createdAt: r.created_at,
        });
      }
      return out;
    },
    insertLink: (assessmentId: number, indicatorCode: string, url: string, userId: number): number =>
      Number(insertLink.run(assessmentId, indicatorCode, url, userId, new Date().toISOString()).lastInsertRowid),
  };
}
export type EvidenceRepo = ReturnType<typeof createEvidenceRepo>;
