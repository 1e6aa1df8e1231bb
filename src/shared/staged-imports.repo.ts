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

/** How long a preview can be applied: a working day and a night. Older ones are purged when a new one is staged. */
const TTL_MS = 24 * 60 * 60 * 1000;
/** Tokens are 24 base64url characters; anything else is not looked up. */
const TOKEN = /^[A-Za-z0-9_-]{10,64}$/;

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
  const toStaged = (r: StagedRow): StagedImport<Line> => ({
    token: r.token,
    createdBy: r.created_by,
    fileName: r.file_name,
    lines: JSON.parse(r.rows) as Line[],
    createdAt: r.created_at,
    appliedAt: r.applied_at,
  });
  return {
    /** Keeps a parsed upload under its token, dropping previews that expired unapplied. */
    stage: db.transaction((p: { token: string; createdBy: number; fileName: string; lines: Line[] }): void => {
      purge.run(new Date(Date.now() - TTL_MS).toISOString());
      insert.run(p.token, p.createdBy, p.fileName, JSON.stringify(p.lines), new Date().toISOString());
    }),
    /** The preview behind a token, only for the admin who uploaded it and while it is fresh. */
    findOwn: (token: string, userId: number): StagedImport<Line> | undefined => {
      const r = TOKEN.test(token) ? find.get(token) : undefined;
      const fresh = r !== undefined && Date.now() - Date.parse(r.created_at) < TTL_MS;
      return r && fresh && r.created_by === userId ? toStaged(r) : undefined;
    },
    /** False when it was applied already (a second click or a replayed form). */
    markApplied: (token: string): boolean => markApplied.run(new Date().toISOString(), token).changes > 0,
  };
}
