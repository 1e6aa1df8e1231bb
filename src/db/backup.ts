import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from './database';
import { pendingMigrations } from './migrate';

export class BackupError extends Error {}

/** Evidence files live beside the database (`<dataDir>/evidence/<sha256>`); a backup carries them in `<file>.bukti/`. */
export const evidenceBackupDir = (backupFile: string): string => `${backupFile}.bukti`;

/**
 * Copies content-addressed files that the target folder does not have yet (names are SHA-256 hashes, so a file
 * with the same name has the same content). Returns how many were copied.
 */
export function copyMissingFiles(from: string, to: string): number {
  if (!fs.existsSync(from)) return 0;
  fs.mkdirSync(to, { recursive: true });
  let copied = 0;
  for (const name of fs.readdirSync(from)) {
    if (!/^[0-9a-f]{64}$/.test(name) || fs.existsSync(path.join(to, name))) continue;
    fs.copyFileSync(path.join(from, name), path.join(to, name));
    copied++;
  }
  return copied;
}

/**
 * Online backup of the live database file into `dest` (SQLite's backup API: consistent even while the server
 * keeps writing). Returns the size in bytes.
 */
export async function backupDatabase(dbFile: string, dest: string): Promise<number> {
  if (!fs.existsSync(dbFile)) throw new BackupError(`Basis data tidak ditemukan: ${dbFile}`);
  if (fs.existsSync(dest)) throw new BackupError(`Berkas tujuan sudah ada: ${dest}`);
  fs.mkdirSync(path.dirname(path.resolve(dest)), { recursive: true });
  const db = openDatabase(dbFile);
  try {
    await db.backup(dest);
  } finally {
    db.close();
  }
  return fs.statSync(dest).size;
}

/**
 * Refuses a file that is not a sound SQLite database of this application's schema: integrity check, the
 * schema_migrations history a prefix of this version's migrations (an older backup is migrated on start),
 * and the core tables present.
 */
export function validateBackup(file: string): void {
  if (!fs.existsSync(file)) throw new BackupError(`Berkas cadangan tidak ditemukan: ${file}`);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma('schema_version');
  } catch {
    throw new BackupError(`${file} bukan berkas basis data SQLite.`);
  }
  try {
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new BackupError(`Berkas cadangan rusak (integrity_check: ${String(check)}).`);
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name));
    for (const t of ['schema_migrations', 'units', 'users', 'periods', 'assessments', 'answers']) {
      if (!tables.has(t)) throw new BackupError(`Berkas cadangan bukan basis data aplikasi ini (tabel ${t} tidak ada).`);
    }
    try {
      pendingMigrations(db);
    } catch (err) {
      throw new BackupError(`Skema berkas cadangan tidak cocok dengan versi aplikasi ini: ${(err as Error).message}`);
    }
  } finally {
    db.close();
  }
}

const isBusy = (err: unknown) => err instanceof Database.SqliteError && (err.code === 'SQLITE_BUSY' || err.code === 'SQLITE_LOCKED');

/**
 * Whether another connection (a running server, a backup) has the database open. NOTE: in WAL mode every open
 * connection holds a shared lock on the database file for as long as it stays open, so an exclusive lock taken
 * without waiting fails exactly when someone else has the file open; the lock goes when the probe closes.
 */
export function databaseInUse(dbFile: string): boolean {
  if (!fs.existsSync(dbFile)) return false;
  const probe = new Database(dbFile, { fileMustExist: true, timeout: 0 });
  try {
    probe.pragma('locking_mode = EXCLUSIVE');
    probe.exec('BEGIN EXCLUSIVE');
    probe.exec('ROLLBACK');
    return false;
  } catch (err) {
    if (isBusy(err)) return true;
    throw err;
  } finally {
    probe.close();
  }
}

/**
 * Replaces the database with a validated backup. The current file is first backed up next to it
 * (`<file>.sebelum-restore-<time>`). Refused while the database is open elsewhere: replacing the file and its WAL
 * under a running server loses what the server goes on writing. Returns that safety copy's path.
 */
export async function restoreDatabase(dbFile: string, source: string, now = new Date()): Promise<string | null> {
  if (databaseInUse(dbFile)) {
    throw new BackupError(`Basis data ${dbFile} sedang dipakai (server masih berjalan?). Hentikan server terlebih dahulu, lalu jalankan restore lagi. Tidak ada yang diubah.`);
  }
  validateBackup(source);
  let safety: string | null = null;
  if (fs.existsSync(dbFile)) {
    safety = `${dbFile}.sebelum-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    await backupDatabase(dbFile, safety);
  }
  const tmp = `${dbFile}.restore-tmp`;
  fs.copyFileSync(source, tmp);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${dbFile}${suffix}`, { force: true });
  fs.renameSync(tmp, dbFile);
  return safety;
}
