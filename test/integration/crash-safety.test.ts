import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import Database from 'better-sqlite3';
import { csrfFrom } from '../helpers/test-app';
import { exited, runCliProcess, startServer } from '../helpers/server-process';

const PASSWORD = 'Busang-uji-2022';
const INDICATORS = ['A1', 'B2', 'C3', 'E4'];
const ROUNDS = 3;

async function signIn(baseUrl: string) {
  const agent = request.agent(baseUrl);
  const page = await agent.get('/login');
  await agent.post('/login').type('form').send({ username: 'nara.busang', password: PASSWORD, _csrf: csrfFrom(page.text) });
  const home = await agent.get('/');
  const link = /href="(\/periods\/\d+\/units\/\d+\/assessment)"/.exec(home.text)?.[1];
  if (!link) throw new Error('no questionnaire link on the home page');
  return { agent, csrf: csrfFrom(home.text), url: link };
}

/** Saves note "simpan-<n>" on one indicator until the server dies; returns the highest acknowledged n. */
async function saveStream(s: Awaited<ReturnType<typeof signIn>>, code: string, start: number): Promise<number> {
  let acknowledged = 0;
  for (let n = start; ; n++) {
    try {
      const res = await s.agent.post(s.url).type('form').send({ _csrf: s.csrf, [`level_${code}`]: String(n % 5), [`note_${code}`]: `simpan-${n}` });
      if (res.status !== 302) throw new Error(`unexpected ${res.status}`);
      acknowledged = n;
    } catch {
      return acknowledged;
    }
  }
}

describe('crash safety: SIGKILL during a stream of saves', () => {
  it('keeps every acknowledged save and a sound database after each kill', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp4n-crash-'));
    const env = { DATA_DIR: dataDir, ADMIN_PASSWORD: 'admin-crash-test' };
    const add = runCliProcess(['user:add', '--username', 'nara.busang', '--role', 'narahubung', '--unit', 'KEC-BUSANG', '--password', PASSWORD], env);
    expect(add.status).toBe(0);
    const lastAck: Record<string, number> = {};
    let acknowledged = 0;

    for (let round = 0; round < ROUNDS; round++) {
      const server = await startServer(env);
      const session = await signIn(server.baseUrl);
      const streams = INDICATORS.map((code) => saveStream(session, code, (lastAck[code] ?? 0) + 1));
      await new Promise((r) => setTimeout(r, 300 + Math.floor(Math.random() * 700)));
      server.child.kill('SIGKILL');
      await exited(server.child);
      const results = await Promise.all(streams);
      INDICATORS.forEach((code, i) => {
        const n = results[i] ?? 0;
        if (n > 0) acknowledged += n - (lastAck[code] ?? 0);
        lastAck[code] = Math.max(lastAck[code] ?? 0, n);
      });

      const db = new Database(path.join(dataDir, 'sp4n.sqlite'));
      const integrity = db.pragma('integrity_check', { simple: true });
      const notes = db.prepare('SELECT indicator_code, note FROM answers').all() as { indicator_code: string; note: string }[];
      db.close();
      expect(integrity).toBe('ok');
      for (const code of INDICATORS) {
        const stored = Number(/simpan-(\d+)/.exec(notes.find((r) => r.indicator_code === code)?.note ?? '')?.[1] ?? 0);
        expect(stored).toBeGreaterThanOrEqual(lastAck[code] ?? 0);
        lastAck[code] = stored;
      }
    }

    console.log(`crash test: ${ROUNDS} SIGKILL rounds, ${acknowledged} acknowledged saves checked`);
    expect(acknowledged).toBeGreaterThan(ROUNDS * 5);
  });

  it('finishes in-flight work and closes the database on SIGTERM', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp4n-term-'));
    const server = await startServer({ DATA_DIR: dataDir, ADMIN_PASSWORD: 'admin-term-test' });
    const url = new URL(`${server.baseUrl}/login`);

    // A request whose body is still arriving when SIGTERM comes: the server must still answer it.
    const answered = new Promise<number>((resolve, reject) => {
      const req = http.request({ host: url.hostname, port: url.port, path: '/login', method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': 30 } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write('username=admin&pass');
      setTimeout(() => {
        server.child.kill('SIGTERM');
        setTimeout(() => req.end('word=x12345'), 300);
      }, 200);
    });
    const status = await answered;
    const exit = await exited(server.child);

    expect(status).toBe(403);
    expect(exit.code).toBe(0);
    expect(server.output()).toContain('SIGTERM diterima');
    expect(fs.existsSync(path.join(dataDir, 'sp4n.sqlite-wal'))).toBe(false);
  });
});
