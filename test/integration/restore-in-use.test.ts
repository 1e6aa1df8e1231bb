import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import Database from 'better-sqlite3';
import { csrfFrom } from '../helpers/test-app';
import { exited, runCliProcess, startServer } from '../helpers/server-process';

const ADMIN_PASSWORD = 'admin-restore-uji';

const logins = (file: string) => {
  const db = new Database(file, { readonly: true });
  const n = (db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'auth.login'").get() as { n: number }).n;
  db.close();
  return n;
};

describe('restore while the server runs', () => {
  it('refuses while a server process has the database open, saying to stop it, and restores once it stopped', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp4n-restore-'));
    const dbFile = path.join(dataDir, 'sp4n.sqlite');
    const backupFile = path.join(dataDir, 'cadangan.sqlite');
    const env = { DATA_DIR: dataDir };
    const server = await startServer({ ...env, ADMIN_PASSWORD });
    try {
      expect(runCliProcess(['backup', backupFile], env).status).toBe(0);
      const agent = request.agent(server.baseUrl);
      const form = await agent.get('/login');
      await agent.post('/login').type('form').send({ username: 'admin', password: ADMIN_PASSWORD, _csrf: csrfFrom(form.text) });

      const refused = runCliProcess(['restore', backupFile], env);

      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('sedang dipakai');
      expect(refused.stderr).toContain('Hentikan server terlebih dahulu');
      expect(fs.existsSync(`${dbFile}-wal`)).toBe(true);
      expect(fs.readdirSync(dataDir).filter((f) => f.includes('sebelum-restore'))).toEqual([]);
      expect((await agent.get('/akun')).status).toBe(200);
    } finally {
      server.child.kill('SIGTERM');
      await exited(server.child);
    }
    expect(logins(dbFile)).toBe(1);

    const restored = runCliProcess(['restore', backupFile], env);

    expect(restored.status).toBe(0);
    expect(logins(dbFile)).toBe(0);
  });
});
