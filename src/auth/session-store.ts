import session from 'express-session';
import type { Db } from '../db/database';

/**
 * NOTE: express-session touches the session on every request (rolling cookie); writing that to SQLite each time
 * turned every read into a write. The expiry moves forward at most once per interval per session instead.
 */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * express-session store on the app's SQLite file, so sessions survive a restart. The signed-in user, login time,
 * browser and address are copied into columns so sessions can be listed and revoked per user. Expired rows are
 * pruned on write at most once a minute.
 *
 * The idle timeout is kept here, on the server: a row expires `idleMs` after it was last used (to within a
 * minute), whatever the browser does with its cookie. The cookie itself lives for the absolute lifetime, so it
 * needs no re-signing on every response.
 */
export class SqliteSessionStore extends session.Store {
  private readonly getStmt;
  private readonly setStmt;
  private readonly destroyStmt;
  private readonly touchStmt;
  private readonly pruneStmt;
  private lastPrune = 0;
  private readonly lastTouch = new Map<string, number>();

  constructor(db: Db, private readonly idleMs: number) {
    super();
    this.getStmt = db.prepare<[string, number], { data: string }>('SELECT data FROM sessions WHERE sid = ? AND expires_at > ?');
    this.setStmt = db.prepare(
      `INSERT INTO sessions (sid, expires_at, data, user_id, created_at, last_seen_at, user_agent, ip)
       VALUES (@sid, @expiresAt, @data, @userId, @loginAt, @now, @userAgent, @ip)
       ON CONFLICT (sid) DO UPDATE SET expires_at = excluded.expires_at, data = excluded.data, user_id = excluded.user_id,
         created_at = excluded.created_at, last_seen_at = excluded.last_seen_at, user_agent = excluded.user_agent, ip = excluded.ip`,
    );
    this.destroyStmt = db.prepare('DELETE FROM sessions WHERE sid = ?');
    this.touchStmt = db.prepare('UPDATE sessions SET expires_at = ?, last_seen_at = ? WHERE sid = ?');
    this.pruneStmt = db.prepare('DELETE FROM sessions WHERE expires_at <= ?');
  }

  override get(sid: string, cb: (err: unknown, session?: session.SessionData | null) => void): void {
    try {
      const row = this.getStmt.get(sid, Date.now());
      cb(null, row ? (JSON.parse(row.data) as session.SessionData) : null);
    } catch (err) {
      cb(err);
    }
  }

  override set(sid: string, sess: session.SessionData, cb?: (err?: unknown) => void): void {
    try {
      this.setStmt.run({
        sid,
        expiresAt: Date.now() + this.idleMs,
        data: JSON.stringify(sess),
        userId: sess.userId ?? null,
        loginAt: sess.loginAt ?? null,
        now: Date.now(),
        userAgent: sess.userAgent ?? null,
        ip: sess.ip ?? null,
      });
      if (Date.now() - this.lastPrune > 60_000) {
        this.lastPrune = Date.now();
        this.pruneStmt.run(Date.now());
      }
      cb?.();
    } catch (err) {
      cb?.(err);
    }
  }

  override destroy(sid: string, cb?: (err?: unknown) => void): void {
    try {
      this.destroyStmt.run(sid);
      cb?.();
    } catch (err) {
      cb?.(err);
    }
  }

  override touch(sid: string, _sess: session.SessionData, cb?: () => void): void {
    const now = Date.now();
    if (now - (this.lastTouch.get(sid) ?? 0) >= TOUCH_INTERVAL_MS) {
      this.lastTouch.set(sid, now);
      this.touchStmt.run(now + this.idleMs, now, sid);
      if (this.lastTouch.size > 10_000) {
        for (const [k, t] of this.lastTouch) if (now - t >= TOUCH_INTERVAL_MS) this.lastTouch.delete(k);
      }
    }
    cb?.();
  }
}
