import crypto from 'node:crypto';
import type { Db } from '../db/database';

export interface SessionInfo {
  /** A public handle: a hash of the session id, never the id itself (that is a bearer secret). */
  handle: string;
  userId: number;
  loginAt: number | null;
  lastSeenAt: number | null;
  userAgent: string | null;
  ip: string | null;
  current: boolean;
}

export const sessionHandle = (sid: string): string => crypto.createHash('sha256').update(sid).digest('hex').slice(0, 24);

export function createSessionsRepo(db: Db) {
  const byUser = db.prepare<[number, number], { sid: string; user_id: number; created_at: number | null; last_seen_at: number | null; user_agent: string | null; ip: string | null }>(
    'SELECT sid, user_id, created_at, last_seen_at, user_agent, ip FROM sessions WHERE user_id = ? AND expires_at > ? ORDER BY last_seen_at DESC',
  );
  const del = db.prepare('DELETE FROM sessions WHERE sid = ?');
  const delUser = db.prepare('DELETE FROM sessions WHERE user_id = ? AND sid <> ?');
  const delExpired = db.prepare<[number]>('DELETE FROM sessions WHERE expires_at <= ?');
  return {
    listForUser(userId: number, currentSid: string | undefined): SessionInfo[] {
      return byUser.all(userId, Date.now()).map((r) => ({
        handle: sessionHandle(r.sid),
        userId: r.user_id,
        loginAt: r.created_at,
        lastSeenAt: r.last_seen_at,
        userAgent: r.user_agent,
        ip: r.ip,
        current: r.sid === currentSid,
      }));
    },
    /** Ends one of the user's sessions by its public handle; returns whether one was ended. */
    revoke(userId: number, handle: string): boolean {
      const hit = byUser.all(userId, Date.now()).find((r) => sessionHandle(r.sid) === handle);
      if (!hit) return false;
      del.run(hit.sid);
      return true;
    },
    /** Ends every session of the user except the given one (e.g. after a password change). */
    revokeAllForUser(userId: number, exceptSid = ''): number {
      return delUser.run(userId, exceptSid).changes;
    },
    /** Deletes sessions past their idle expiry; returns how many. */
    purgeExpired(now = Date.now()): number {
      return delExpired.run(now).changes;
    },
  };
}
export type SessionsRepo = ReturnType<typeof createSessionsRepo>;
