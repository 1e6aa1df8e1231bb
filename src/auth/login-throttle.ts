import type { Db } from '../db/database';

/** Failures allowed per account name (and per address) inside the window before a lockout. */
export const LOGIN_POLICY = {
  maxPerUsername: 5,
  maxPerIp: 30,
  windowMs: 15 * 60 * 1000,
  lockMs: 15 * 60 * 1000,
} as const;

/**
 * Counts failed logins per account name and per client address in the database (so a restart does not reset
 * them) and locks a key for a while after too many failures. The caller shows one message for every refusal,
 * never which part was wrong or whether the account exists.
 */
export function createLoginThrottle(db: Db, policy = LOGIN_POLICY) {
  const get = db.prepare<[string], { failures: number; first_at: number; locked_until: number | null }>(
    'SELECT failures, first_at, locked_until FROM login_failures WHERE key = ?',
  );
  const upsert = db.prepare(
    `INSERT INTO login_failures (key, failures, first_at, locked_until) VALUES (@key, @failures, @firstAt, @lockedUntil)
     ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, first_at = excluded.first_at, locked_until = excluded.locked_until`,
  );
  const clear = db.prepare('DELETE FROM login_failures WHERE key = ?');
  const keys = (username: string, ip: string) => [
    { key: `u:${username.trim().toLowerCase()}`, max: policy.maxPerUsername },
    { key: `ip:${ip}`, max: policy.maxPerIp },
  ];
  return {
    /** Epoch ms until which logins for this name or address are refused, or null when allowed. */
    lockedUntil(username: string, ip: string, now = Date.now()): number | null {
      const until = keys(username, ip)
        .map((k) => get.get(k.key)?.locked_until ?? null)
        .filter((t): t is number => t !== null && t > now);
      return until.length ? Math.max(...until) : null;
    },
    recordFailure(username: string, ip: string, now = Date.now()): void {
      db.transaction(() => {
        for (const k of keys(username, ip)) {
          const row = get.get(k.key);
          const fresh = !row || now - row.first_at > policy.windowMs;
          const failures = fresh ? 1 : row.failures + 1;
          upsert.run({
            key: k.key,
            failures: failures >= k.max ? 0 : failures,
            firstAt: fresh ? now : row.first_at,
            lockedUntil: failures >= k.max ? now + policy.lockMs : (row?.locked_until ?? null),
          });
        }
      })();
    },
    /** A successful login clears the account's counter (not the address's). */
    recordSuccess(username: string): void {
      clear.run(`u:${username.trim().toLowerCase()}`);
    },
  };
}
export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
