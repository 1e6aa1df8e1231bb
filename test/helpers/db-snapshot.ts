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
