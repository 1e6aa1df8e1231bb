import { spawn } from 'node:child_process';
import express from 'express';
import type { Server } from 'node:http';
import { openDatabase } from '../db/database';

/**
 * The ceiling for autosave: bare Express + better-sqlite3 doing the same SQL writes as one autosave (the answer
 * upsert and its audit row, in one transaction) with no sessions, CSRF, validation or rendering.
 */
export function startCeilingServer(dbFile: string, assessmentId: number, userId: number, unitId: number): Promise<{ url: string; close: () => Promise<void> }> {
  const db = openDatabase(dbFile);
  const upsert = db.prepare(
    `INSERT INTO answers (assessment_id, indicator_code, level, is_na, note, updated_at, updated_by)
     VALUES (?, ?, ?, 0, ?, ?, ?)
     ON CONFLICT (assessment_id, indicator_code) DO UPDATE SET level = excluded.level, note = excluded.note,
       updated_at = excluded.updated_at, updated_by = excluded.updated_by, version = answers.version + 1`,
  );
  const audit = db.prepare(
    "INSERT INTO audit_log (at, user_id, action, entity, entity_id, unit_id, old_value, new_value) VALUES (?, ?, 'answer.update', 'answer', ?, ?, NULL, ?)",
  );
  const save = db.transaction((code: string, level: number, note: string) => {
    const now = new Date().toISOString();
    upsert.run(assessmentId, code, level, note, now, userId);
    audit.run(now, userId, assessmentId, unitId, JSON.stringify({ indikator: code, level, catatan: note }));
  });
  const app = express();
  app.use(express.json());
  app.put('/ceiling/answers/:code', (req, res) => {
    const body = req.body as { level: number; note: string };
    save(String(req.params.code), body.level, body.note);
    res.json({ ok: true });
  });
  return new Promise((resolve) => {
    const server: Server = app.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise((r) => server.close(() => { db.close(); r(); })),
      });
    });
  });
}

/**
 * Starts the ceiling in a process of its own, as the app runs in production, so that neither shares a thread
 * with the load generator. Resolves with its URL and a stop function.
 */
export function spawnCeilingServer(dbFile: string, assessmentId: number, userId: number, unitId: number): Promise<{ url: string; close: () => Promise<void> }> {
  const child = spawn(process.execPath, [__filename, dbFile, String(assessmentId), String(userId), String(unitId)], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`ceiling server exited (${String(code)})`)));
    child.stdout.once('data', (d: Buffer) => {
      resolve({
        url: d.toString().trim(),
        close: () => new Promise((r) => {
          child.removeAllListeners('exit');
          child.once('exit', () => r());
          child.kill('SIGTERM');
        }),
      });
    });
  });
}

if (require.main === module) {
  const [file, assessmentId, userId, unitId] = process.argv.slice(2);
  void startCeilingServer(String(file), Number(assessmentId), Number(userId), Number(unitId)).then((c) => {
    process.stdout.write(`${c.url}\n`);
    process.once('SIGTERM', () => void c.close().then(() => process.exit(0)));
  });
}
