import type { Repos } from '../db/repos';

/** How often the server deletes expired sessions and login counters. */
export const PURGE_INTERVAL_MS = 15 * 60 * 1000;

/** Deletes sessions past their idle expiry and login counters whose window or block is over. */
export function purgeExpiredLoginData(repos: Repos, now = Date.now()): { sessions: number; loginLimits: number } {
  return repos.db.transaction(() => ({ sessions: repos.sessions.purgeExpired(now), loginLimits: repos.loginLimiter.purgeExpired(now) }))();
}

/**
 * Purges now and then every PURGE_INTERVAL_MS, so neither table grows with traffic however quiet the server is
 * otherwise (the session store also prunes when it writes). Returns a function that stops the timer.
 */
export function schedulePurge(repos: Repos, intervalMs = PURGE_INTERVAL_MS): () => void {
  purgeExpiredLoginData(repos);
  const timer = setInterval(() => purgeExpiredLoginData(repos), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
