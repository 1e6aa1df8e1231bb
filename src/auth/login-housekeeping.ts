import type { Db } from '../db/database';

/** How often the server deletes expired sessions and login counters. */
export const PURGE_INTERVAL_MS = 15 * 60 * 1000;

/** What the housekeeping deletes from: the sessions (users module) and the login counters (auth's limiter). */
export interface LoginHousekeepingDeps {
  db: Db;
  sessions: { purgeExpired(now?: number): number };
  loginLimiter: { purgeExpired(now?: number): number };
}

/** Deletes sessions past their idle expiry and login counters whose window or block is over. */
export function purgeExpiredLoginData(deps: LoginHousekeepingDeps, now = Date.now()): { sessions: number; loginLimits: number } {
  return deps.db.transaction(() => ({ sessions: deps.sessions.purgeExpired(now), loginLimits: deps.loginLimiter.purgeExpired(now) }))();
}

/**
 * Purges now and then every PURGE_INTERVAL_MS, so neither table grows with traffic however quiet the server is
 * otherwise (the session store also prunes when it writes). Returns a function that stops the timer.
 */
export function schedulePurge(deps: LoginHousekeepingDeps, intervalMs = PURGE_INTERVAL_MS): () => void {
  purgeExpiredLoginData(deps);
  const timer = setInterval(() => purgeExpiredLoginData(deps), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
