import type { Db } from '../db/database';
import type { ImportLine } from './unit-import';

/** A parsed unit list waiting on its preview page. */
export interface PendingImport {
  token: string;
  createdBy: number;
  fileName: string;
  lines: ImportLine[];
  createdAt: string;
  appliedAt: string | null;
}

interface PendingRow {
  token: string;
  created_by: number;
  file_name: string;
  rows: string;
  created_at: string;
  applied_at: string | null;
}

export function createUnitImportsRepo(db: Db) {
  const insert = db.prepare('INSERT INTO unit_imports (token, created_by, file_name, rows, created_at) VALUES (?, ?, ?, ?, ?)');
  const find = db.prepare<[string], PendingRow>('SELECT * FROM unit_imports WHERE token = ?');
  const markApplied = db.prepare('UPDATE unit_imports SET applied_at = ? WHERE token = ? AND applied_at IS NULL');
  const purge = db.prepare('DELETE FROM unit_imports WHERE created_at < ? AND applied_at IS NULL');
  return {
    insert: (p: { token: string; createdBy: number; fileName: string; lines: ImportLine[] }): void => {
      insert.run(p.token, p.createdBy, p.fileName, JSON.stringify(p.lines), new Date().toISOString());
    },
    find: (token: string): PendingImport | undefined => {
      const r = find.get(token);
      return r && {
        token: r.token,
        createdBy: r.created_by,
        fileName: r.file_name,
        lines: JSON.parse(r.rows) as ImportLine[],
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
export type UnitImportsRepo = ReturnType<typeof createUnitImportsRepo>;
