import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { backupDatabase, restoreDatabase, validateBackup, BackupError } from '../../src/db/backup';
import { openDatabase } from '../../src/db/database';
import { migrate } from '../../src/db/migrate';
import { createModules } from '../../src/app';
import { seedInstruments, seedUnits } from '../../src/seed';
import { TEMPLATES_DIR } from '../../src/shared/paths';
import { runCli } from '../../src/cli';
import { TEST_PASSWORD_ENV, testConfig } from '../../src/config/config';

function freshDataDir(): { dir: string; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp4n-backup-'));
  const file = path.join(dir, 'sp4n.sqlite');
  const db = openDatabase(file);
  migrate(db);
  const m = createModules({ db, config: testConfig({ dataDir: dir }) });
  seedInstruments(m.instrument.service, TEMPLATES_DIR);
  seedUnits(m.units.service, TEMPLATES_DIR);
  db.close();
  return { dir, file };
}

/** Units a new database is seeded with: Kutai Timur's 39 perangkat daerah and 18 kecamatan. */
const SEEDED_UNITS = 57;

const unitCount = (file: string) => {
  const db = new Database(file, { readonly: true });
  const n = (db.prepare('SELECT COUNT(*) AS n FROM units').get() as { n: number }).n;
  db.close();
  return n;
};

describe('backup and restore', () => {
  beforeEach(() => {
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('backs up online while another connection keeps writing, and the copy is a valid backup', async () => {
    const { dir, file } = freshDataDir();
    const live = openDatabase(file);
    const insert = live.prepare("INSERT INTO units (code, name, group_kind, created_at) VALUES (?, ?, 'pd', 'x')");
    let i = 0;
    const writer = setInterval(() => insert.run(`PD-X${i}`, `Unit ${i++}`), 1);

    const size = await backupDatabase(file, path.join(dir, 'cadangan.sqlite'));
    clearInterval(writer);
    live.close();

    expect(size).toBeGreaterThan(0);
    expect(() => validateBackup(path.join(dir, 'cadangan.sqlite'))).not.toThrow();
    expect(unitCount(path.join(dir, 'cadangan.sqlite'))).toBeGreaterThanOrEqual(SEEDED_UNITS);
  });

  it('restores a backup, keeping a safety copy of the database it replaces', async () => {
    const { dir, file } = freshDataDir();
    await backupDatabase(file, path.join(dir, 'cadangan.sqlite'));
    const db = openDatabase(file);
    db.prepare('DELETE FROM units').run();
    db.close();

    const safety = await restoreDatabase(file, path.join(dir, 'cadangan.sqlite'));

    expect(unitCount(file)).toBe(SEEDED_UNITS);
    expect(safety && unitCount(safety)).toBe(0);
  });

  it.each([
    ['a text file', (f: string) => fs.writeFileSync(f, 'bukan basis data'), 'bukan berkas basis data SQLite'],
    ['another application’s database', (f: string) => new Database(f).exec('CREATE TABLE x (y INTEGER)'), 'tabel schema_migrations tidak ada'],
    [
      'a backup from a newer version',
      (f: string) => {
        fs.copyFileSync(freshDataDir().file, f);
        new Database(f).prepare("INSERT INTO schema_migrations VALUES ('999_masa_depan.sql', 'x', 'x')").run();
      },
      'Skema berkas cadangan tidak cocok',
    ],
  ])('refuses %s and leaves the database untouched', async (_label, make, message) => {
    const { dir, file } = freshDataDir();
    const bad = path.join(dir, 'bad.sqlite');
    make(bad);

    await expect(restoreDatabase(file, bad)).rejects.toThrow(BackupError);
    await expect(restoreDatabase(file, bad)).rejects.toThrow(message);
    expect(unitCount(file)).toBe(SEEDED_UNITS);
    expect(fs.readdirSync(dir).filter((f) => f.includes('sebelum-restore'))).toEqual([]);
  });

  it('offers backup and restore on the CLI, evidence files included', async () => {
    const { dir } = freshDataDir();
    const sha = 'a'.repeat(64);
    fs.mkdirSync(path.join(dir, 'evidence'));
    fs.writeFileSync(path.join(dir, 'evidence', sha), '%PDF-1.4 bukti');

    const backup = await runCli(['backup', path.join(dir, 'harian.sqlite')], { ...TEST_PASSWORD_ENV, DATA_DIR: dir });
    fs.rmSync(path.join(dir, 'evidence'), { recursive: true });
    const missing = await runCli(['restore'], { ...TEST_PASSWORD_ENV, DATA_DIR: dir });
    const restore = await runCli(['restore', path.join(dir, 'harian.sqlite')], { ...TEST_PASSWORD_ENV, DATA_DIR: dir });

    expect(backup).toBe(0);
    expect(missing).toBe(2);
    expect(restore).toBe(0);
    expect(unitCount(path.join(dir, 'sp4n.sqlite'))).toBe(SEEDED_UNITS);
    expect(fs.readFileSync(path.join(dir, 'harian.sqlite.bukti', sha), 'utf8')).toBe('%PDF-1.4 bukti');
    expect(fs.readFileSync(path.join(dir, 'evidence', sha), 'utf8')).toBe('%PDF-1.4 bukti');
  });
});
