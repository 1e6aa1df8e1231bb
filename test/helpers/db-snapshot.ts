import type { Db } from '../../src/db/database';

const TABLES = [
  'units', 'periods', 'assessments', 'answers', 'evidence', 'audit_log',
  'verification_decisions', 'review_comments', 'assessment_copies', 'unit_imports',
];

/** Every row of the tables a refused request must leave alone, for "the database is unchanged" assertions. */
export function dbSnapshot(db: Db): Record<string, unknown[]> {
  return Object.fromEntries(TABLES.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]));
}
