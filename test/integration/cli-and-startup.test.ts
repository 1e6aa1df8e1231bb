import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli';
import { ConfigError, TEST_PASSWORD_ENV, loadConfig } from '../../src/config/config';
import { openDatabase } from '../../src/db/database';
import { migrate, MigrationError } from '../../src/db/migrate';
import { MIGRATIONS_DIR } from '../../src/shared/paths';

function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

describe('CLI', () => {
  let dataDir: string;
  let out: string[];
  let err: string[];

  beforeEach(() => {
    dataDir = tempDir('sp4n-cli-');
    out = [];
    err = [];
    jest.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
    jest.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  });
  afterEach(() => jest.restoreAllMocks());

  it('prints help in Bahasa Indonesia', async () => {
    const code = await runCli(['--help'], {});

    expect(code).toBe(0);
    expect(out.join('\n')).toContain('user:add --username U --role PERAN');
  });

  it('adds a narahubung for a unit code, stored with a hash, into a migrated and seeded database', async () => {
    const code = await runCli(['user:add', '--username', 'nara.telen', '--role', 'narahubung', '--unit', 'KEC-TELEN', '--password', 'telen-2022!'], { ...TEST_PASSWORD_ENV, DATA_DIR: dataDir, ADMIN_PASSWORD: 'admin-rahasia' });

    expect(code).toBe(0);
    const db = openDatabase(path.join(dataDir, 'sp4n.sqlite'));
    const row = db.prepare("SELECT u.role, n.code, u.password_hash FROM users u JOIN units n ON n.id = u.unit_id WHERE username = 'nara.telen'").get() as { role: string; code: string; password_hash: string };
    const periods = db.prepare('SELECT name FROM periods').all();
    db.close();
    expect(row).toMatchObject({ role: 'narahubung', code: 'KEC-TELEN' });
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=1024,p=1,t=1\$/);
    expect(periods).toEqual([{ name: 'Penilaian Mandiri SP4N-LAPOR! 2022' }]);
  });

  it('refuses an unknown unit code and a short password with a message naming the option', async () => {
    const unknownUnit = await runCli(['user:add', '--username', 'x1', '--role', 'narahubung', '--unit', 'KEC-ATLANTIS', '--password', 'panjang-sekali'], { ...TEST_PASSWORD_ENV, DATA_DIR: dataDir, ADMIN_PASSWORD: 'admin-rahasia' });
    await expect(runCli(['user:add', '--username', 'x2', '--role', 'fasilitator', '--password', 'pendek'], { ...TEST_PASSWORD_ENV, DATA_DIR: dataDir, ADMIN_PASSWORD: 'admin-rahasia' })).rejects.toMatchObject({ fields: { password: 'Kata sandi minimal 8 karakter.' } });

    expect(unknownUnit).toBe(1);
    expect(err.join('\n')).toContain('Unit dengan kode "KEC-ATLANTIS" tidak ditemukan');
  });
});

describe('start-up checks', () => {
  it('stops on a bad environment value, naming the variable', () => {
    expect(() => loadConfig({ PORT: 'delapan', ADMIN_PASSWORD: 'pendek' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'delapan', ADMIN_PASSWORD: 'pendek' });
    } catch (e) {
      expect((e as Error).message).toContain('PORT');
      expect((e as Error).message).toContain('ADMIN_PASSWORD: minimal 8 karakter');
    }
  });

  it('applies each migration once and refuses a migration file changed after it was applied', () => {
    const dir = tempDir('sp4n-mig-');
    for (const f of fs.readdirSync(MIGRATIONS_DIR)) fs.copyFileSync(path.join(MIGRATIONS_DIR, f), path.join(dir, f));
    const db = openDatabase(':memory:');

    const first = migrate(db, dir);
    const second = migrate(db, dir);
    fs.appendFileSync(path.join(dir, '001_init.sql'), '\n-- diubah\n');

    expect(first).toContain('001_init.sql');
    expect(second).toEqual([]);
    expect(() => migrate(db, dir)).toThrow(MigrationError);
    expect(() => migrate(db, dir)).toThrow(/001_init.sql diubah setelah diterapkan/);
  });

  it('refuses to run when an applied migration is missing from disk', () => {
    const dir = tempDir('sp4n-mig-');
    for (const f of fs.readdirSync(MIGRATIONS_DIR)) fs.copyFileSync(path.join(MIGRATIONS_DIR, f), path.join(dir, f));
    const db = openDatabase(':memory:');
    migrate(db, dir);
    db.prepare("INSERT INTO schema_migrations (name, checksum, applied_at) VALUES ('000_hilang.sql', 'x', 'x')").run();

    expect(() => migrate(db, dir)).toThrow(/Riwayat migrasi tidak cocok/);
  });

  it('rolls back a failing migration together with its history row', () => {
    const dir = tempDir('sp4n-mig-');
    fs.writeFileSync(path.join(dir, '001_ok.sql'), 'CREATE TABLE a (x INTEGER);');
    fs.writeFileSync(path.join(dir, '002_broken.sql'), 'CREATE TABLE b (x INTEGER); THIS IS NOT SQL;');
    const db = openDatabase(':memory:');

    expect(() => migrate(db, dir)).toThrow();

    const applied = db.prepare('SELECT name FROM schema_migrations').all();
    const tableB = db.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").all();
    expect(applied).toEqual([{ name: '001_ok.sql' }]);
    expect(tableB).toEqual([]);
  });
});
