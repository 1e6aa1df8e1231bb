import type { Db } from '../db/database';

export interface RenaksiVersion {
  versionNo: number;
  startYear: number;
  endYear: number;
  rowCount: number;
  finalizedAt: string;
  finalizedByName: string | null;
  sizeBytes: number;
}

export interface RenaksiUpload {
  id: number;
  planId: number;
  userId: number;
  fileName: string;
  changes: string;
  createdAt: string;
  appliedAt: string | null;
}

/** A final version's content as stored (JSON still to be read). */
export interface StoredVersion {
  versionNo: number;
  startYear: number;
  endYear: number;
  finalizedAt: string;
  rowsJson: string;
  /** null: finalised before the units were stored with the version (migration 021). */
  unitsJson: string | null;
  /** null: finalised before the kabupaten conditions and document settings were stored (migration 023). */
  kabupatenJson: string | null;
  settingsJson: string | null;
}

interface StoredRecord {
  version_no: number;
  start_year: number;
  end_year: number;
  finalized_at: string;
  rows_json: string;
  units_json: string | null;
  kabupaten_json: string | null;
  settings_json: string | null;
}

interface VersionRecord {
  version_no: number;
  start_year: number;
  end_year: number;
  row_count: number;
  finalized_at: string;
  finalized_by_name: string | null;
  size_bytes: number;
}

const toVersion = (r: VersionRecord): RenaksiVersion => ({
  versionNo: r.version_no,
  startYear: r.start_year,
  endYear: r.end_year,
  rowCount: r.row_count,
  finalizedAt: r.finalized_at,
  finalizedByName: r.finalized_by_name,
  sizeBytes: r.size_bytes,
});

/** Final versions of a plan (read-only once written; triggers refuse updates) and pending workbook uploads. */
export function createRenaksiVersionsRepo(db: Db) {
  const list = db.prepare<[number], VersionRecord>(
    `SELECT v.version_no, v.start_year, v.end_year, v.row_count, v.finalized_at, u.display_name AS finalized_by_name,
       length(v.xlsx) AS size_bytes
     FROM renaksi_versions v LEFT JOIN users u ON u.id = v.finalized_by WHERE v.plan_id = ? ORDER BY v.version_no DESC`,
  );
  const latestRows = db.prepare<[number], StoredRecord>(
    `SELECT version_no, start_year, end_year, finalized_at, rows_json, units_json, kabupaten_json, settings_json
     FROM renaksi_versions WHERE plan_id = ? ORDER BY version_no DESC LIMIT 1`,
  );
  const xlsx = db.prepare<[number, number], { xlsx: Buffer }>('SELECT xlsx FROM renaksi_versions WHERE plan_id = ? AND version_no = ?');
  const nextNo = db.prepare<[number], { n: number }>('SELECT COALESCE(MAX(version_no), 0) + 1 AS n FROM renaksi_versions WHERE plan_id = ?');
  const insert = db.prepare(
    `INSERT INTO renaksi_versions (plan_id, version_no, start_year, end_year, row_count, finalized_at, finalized_by, rows_json, units_json,
       kabupaten_json, settings_json, xlsx)
     VALUES (@planId, @versionNo, @startYear, @endYear, @rowCount, @finalizedAt, @userId, @rowsJson, @unitsJson, @kabupatenJson, @settingsJson, @xlsx)`,
  );
  const insertUpload = db.prepare(
    'INSERT INTO renaksi_uploads (plan_id, user_id, file_name, changes, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const upload = db.prepare<[number], { id: number; plan_id: number; user_id: number; file_name: string; changes: string; created_at: string; applied_at: string | null }>(
    'SELECT * FROM renaksi_uploads WHERE id = ?',
  );
  const markApplied = db.prepare('UPDATE renaksi_uploads SET applied_at = ? WHERE id = ? AND applied_at IS NULL');

  return {
    listVersions: (planId: number): RenaksiVersion[] => list.all(planId).map(toVersion),
    /**
     * The newest final version's plan years, rows, units, kabupaten conditions and document settings as they were stored
     * (JSON; `unitsJson` is null for a version finalised before migration 021, the other two before 023); undefined
     * when none.
     */
    latestVersionRows: (planId: number): StoredVersion | undefined => {
      const r = latestRows.get(planId);
      return r && {
        versionNo: r.version_no, startYear: r.start_year, endYear: r.end_year, finalizedAt: r.finalized_at, rowsJson: r.rows_json, unitsJson: r.units_json,
        kabupatenJson: r.kabupaten_json, settingsJson: r.settings_json,
      };
    },
    /** The exact workbook bytes stored when version `versionNo` was finalised. */
    versionXlsx: (planId: number, versionNo: number): Buffer | undefined => xlsx.get(planId, versionNo)?.xlsx,
    nextVersionNo: (planId: number): number => nextNo.get(planId)?.n ?? 1,
    insertVersion: (v: {
      planId: number; versionNo: number; startYear: number; endYear: number; rowCount: number; finalizedAt: string; userId: number;
      rowsJson: string; unitsJson: string; kabupatenJson: string; settingsJson: string; xlsx: Buffer;
    }): void => {
      insert.run(v);
    },
    insertUpload: (planId: number, userId: number, fileName: string, changes: unknown): number =>
      Number(insertUpload.run(planId, userId, fileName, JSON.stringify(changes), new Date().toISOString()).lastInsertRowid),
    findUpload: (id: number): RenaksiUpload | undefined => {
      const r = upload.get(id);
      return r && { id: r.id, planId: r.plan_id, userId: r.user_id, fileName: r.file_name, changes: r.changes, createdAt: r.created_at, appliedAt: r.applied_at };
    },
    markUploadApplied: (id: number): boolean => markApplied.run(new Date().toISOString(), id).changes === 1,
  };
}
export type RenaksiVersionsRepo = ReturnType<typeof createRenaksiVersionsRepo>;
