import type { Db } from '../db/database';

/** A parsed upload waiting on its preview page until the admin who sent it applies it. */
export interface StagedImport<Line> {
  token: string;
  createdBy: number;
  fileName: string;
  lines: Line[];
  createdAt: string;
  appliedAt: string | null;
}

interface StagedRow {
  token: string;
  created_by: number;
  file_name: string;
  rows: string;
  created_at: string;
  applied_at: string | null;
}

/** The tables holding staged uploads; all share one shape (003 unit_imports, 008 user_imports). */
export type StagedImportTable = 'unit_imports' | 'user_imports';

/**
 * Staged uploads of one kind. NOTE: the table name is one of the fixed names above, never user input, so it can be
 * part of the prepared SQL.
 */
export function createStagedImportsRepo<Line>(db: Db, table: StagedImportTable) {
  const insert = db.prepare(`INSERT INTO ${table} (token, created_by, file_name, rows, created_at) VALUES (?, ?, ?, ?, ?)`);
  const find = db.prepare<[string], StagedRow>(`SELECT * FROM ${table} WHERE token = ?`);
  const markApplied = db.prepare(`UPDATE ${table} SET applied_at = ? WHERE token = ? AND applied_at IS NULL`);
  const purge = db.prepare(`DELETE FROM ${table} WHERE created_at < ? AND applied_at IS NULL`);
  return {
    insert: (p: { token: string; createdBy: number; fileName: string; lines: Line[] }): void => {
      insert.run(p.token, p.createdBy, p.fileName, JSON.stringify(p.lines), new Date().toISOString());
    },
    find: (token: string): StagedImport<Line> | undefined => {
      const r = find.get(token);
      return r && {
        token: r.token,
        createdBy: r.created_by,
        fileName: r.file_name,
        lines: JSON.parse(r.rows) as Line[],
        createdAt: r.created_at,
        appliedAt: r.applied_at,
      };
    },
    /** False when it was applied already (a second click or a replayed form). */
    markApplied: (token: string): boolean => markApplied.run(new Date().toISOString(), token).changes > 0,
    /** Drops previews never applied and older than the cutoff. */
    purgeOlderThan: (cutoffIso: string): void => {
      purge.run(cutoffIso);
    },
  };
}
