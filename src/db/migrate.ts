import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './database';
import { MIGRATIONS_DIR } from '../shared/paths';

export class MigrationError extends Error {}

interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

function readMigrationFiles(dir: string): MigrationFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name), 'utf8');
      return { name, sql, checksum: crypto.createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * Checks that the applied history is a prefix of the files on disk with unchanged checksums; returns the files
 * still to apply. Throws MigrationError otherwise. The database must have a schema_migrations table.
 */
export function pendingMigrations(db: Db, dir: string = MIGRATIONS_DIR): MigrationFile[] {
  const applied = db
    .prepare('SELECT name, checksum FROM schema_migrations ORDER BY name')
    .all() as { name: string; checksum: string }[];
  const files = readMigrationFiles(dir);
  applied.forEach((row, i) => {
    const file = files[i];
    if (!file || file.name !== row.name) {
      throw new MigrationError(
        `Riwayat migrasi tidak cocok: ${row.name} sudah diterapkan tetapi berkas ke-${i + 1} adalah ${file?.name ?? '(tidak ada)'}`,
      );
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationError(`Migrasi ${row.name} diubah setelah diterapkan; buat migrasi baru alih-alih mengubahnya`);
    }
  });
  return files.slice(applied.length);
}

/**
 * Applies pending migrations, each with its schema_migrations row in one transaction.
 * Refuses to run when the applied history is not a prefix of the files on disk or an applied file changed.
 * Returns the names applied now.
 */
export function migrate(db: Db, dir: string = MIGRATIONS_DIR): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const pending = pendingMigrations(db, dir);
  const record = db.prepare('INSERT INTO schema_migrations (name, checksum, applied_at) VALUES (?, ?, ?)');
  for (const file of pending) {
    db.transaction(() => {
      db.exec(file.sql);
      record.run(file.name, file.checksum, new Date().toISOString());
    })();
  }
  return pending.map((f) => f.name);
}
