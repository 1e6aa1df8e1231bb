import fs from 'node:fs';
import path from 'node:path';
import type { TestContext } from './test-app';
import type { Db } from '../../src/db/database';

/** Every row a questionnaire request could touch, to assert that a refused request changed nothing. */
export function questionnaireRows(ctx: TestContext): unknown {
  return {
    assessments: ctx.db.prepare('SELECT * FROM assessments ORDER BY id').all(),
    answers: ctx.db.prepare('SELECT * FROM answers ORDER BY id').all(),
    evidence: ctx.db.prepare('SELECT * FROM evidence ORDER BY id').all(),
    audit: ctx.db.prepare("SELECT * FROM audit_log WHERE action NOT LIKE 'auth.%' ORDER BY id").all(),
  };
}

/** The files under <dataDir>/evidence (empty when the folder does not exist). */
export function evidenceFiles(dataDir: string): string[] {
  const dir = path.join(dataDir, 'evidence');
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
}


const TABLES = [
  'units', 'periods', 'assessments', 'answers', 'evidence', 'audit_log',
  'verification_decisions', 'review_comments', 'review_comment_drafts', 'assessment_copies', 'unit_imports',
  'users', 'password_tokens', 'user_imports',
];

/** Every row of the tables a refused request must leave alone, for "the database is unchanged" assertions. */
export function dbSnapshot(db: Db): Record<string, unknown[]> {
  return Object.fromEntries(TABLES.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]));
}

/**
 * Counts the rows written from now on to every table of the database except `exclude`: TEMP triggers bump one
 * counter, so "did this request write anything it must not?" is one read instead of a dump of every table.
 * NOTE: SQLite's total_changes() alone cannot say it: it also counts the rows a refused request may write (its
 * session, the audit trail, failed-login counters).
 */
export function watchWrites(db: Db, exclude: ReadonlySet<string>): () => number {
  const tables = (db.pragma('table_list') as { schema: string; name: string; type: string }[])
    .filter((t) => t.schema === 'main' && t.type === 'table' && !t.name.startsWith('sqlite_') && !exclude.has(t.name))
    .map((t) => t.name);
  db.exec('CREATE TEMP TABLE IF NOT EXISTS guarded_writes (n INTEGER NOT NULL); DELETE FROM guarded_writes; INSERT INTO guarded_writes VALUES (0);');
  for (const t of tables) {
    for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
      db.exec(`CREATE TEMP TRIGGER IF NOT EXISTS "guard_${t}_${op}" AFTER ${op} ON main."${t}" BEGIN UPDATE guarded_writes SET n = n + 1; END`);
    }
  }
  const read = db.prepare('SELECT n FROM temp.guarded_writes').pluck();
  return () => read.get() as number;
}
