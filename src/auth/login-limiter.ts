import { RateLimiterRes, RateLimiterSQLite } from 'rate-limiter-flexible';
import type { Db } from '../db/database';

interface Limit {
  /** Attempts allowed inside `durationSec`. */
  points: number;
  durationSec: number;
  /** How long a key stays refused once it went over. */
  blockSec: number;
}

/**
 * Every attempt counts the moment it arrives, before the password is checked, so parallel guesses cannot slip
 * past. A name is limited per address: a stranger's guesses lock the stranger's address for that name, never
 * the owner signing in from elsewhere. The per-address limit is wide, for an office behind one NAT.
 */
export const LOGIN_LIMITS = {
  perNameAndAddress: { points: 5, durationSec: 15 * 60, blockSec: 15 * 60 },
  perAddress: { points: 100, durationSec: 60 * 60, blockSec: 60 * 60 },
} as const satisfies Record<string, Limit>;

export type LockScope = 'nama-dan-alamat' | 'alamat';

/** The answer to one attempt: go ahead and check the password, or refuse it for `retryAfterSec`. */
export type LoginGate =
  | { allowed: true }
  | { allowed: false; retryAfterSec: number; /** Locks this attempt started (each lock is audited once). */ newLocks: LockScope[] };

const TABLE = 'login_limits';

function limiter(db: Db, keyPrefix: LockScope, limit: Limit): RateLimiterSQLite {
  return new RateLimiterSQLite({
    storeClient: db, storeType: 'better-sqlite3', tableName: TABLE, tableCreated: true, clearExpiredByTimeout: false,
    keyPrefix, points: limit.points, duration: limit.durationSec, blockDuration: limit.blockSec,
  });
}

const nameKey = (username: string, ip: string) => `${username.trim().toLowerCase()}|${ip}`;

/** Login limits on rate-limiter-flexible's SQLite store (table login_limits), so a restart forgets nothing. */
export function createLoginLimiter(db: Db, limits: { perNameAndAddress: Limit; perAddress: Limit } = LOGIN_LIMITS) {
  const byName = limiter(db, 'nama-dan-alamat', limits.perNameAndAddress);
  const byAddress = limiter(db, 'alamat', limits.perAddress);
  const purge = db.prepare<[number]>(`DELETE FROM ${TABLE} WHERE expire IS NOT NULL AND expire <= ?`);
  return {
    /** Counts the attempt on both limits; call before checking the password. */
    async reserve(username: string, ip: string): Promise<LoginGate> {
      const checks = [{ scope: 'nama-dan-alamat' as const, rl: byName, key: nameKey(username, ip) }, { scope: 'alamat' as const, rl: byAddress, key: ip }];
      const results = await Promise.allSettled(checks.map((c) => c.rl.consume(c.key)));
      const refused: { scope: LockScope; res: RateLimiterRes; points: number }[] = [];
      results.forEach((r, i) => {
        const check = checks[i] as (typeof checks)[number];
        if (r.status === 'fulfilled') return;
        if (!(r.reason instanceof RateLimiterRes)) throw r.reason;
        refused.push({ scope: check.scope, res: r.reason, points: check.rl.points });
      });
      if (refused.length === 0) return { allowed: true };
      const retryAfterMs = Math.max(...refused.map((r) => r.res.msBeforeNext));
      // NOTE: the store counts on while a key is blocked, so exactly one attempt sees points + 1: the one that locked it.
      const newLocks = refused.filter((r) => r.res.consumedPoints === r.points + 1).map((r) => r.scope);
      return { allowed: false, retryAfterSec: Math.max(1, Math.ceil(retryAfterMs / 1000)), newLocks };
    },
    /** A signed-in owner starts afresh at this address, and the attempt stops counting against the address. */
    async succeeded(username: string, ip: string): Promise<void> {
      await byName.delete(nameKey(username, ip));
      await byAddress.reward(ip);
    },
    /** Deletes counters whose window or block is over; returns how many. */
    purgeExpired(now = Date.now()): number {
      return purge.run(now).changes;
    },
  };
}
export type LoginLimiter = ReturnType<typeof createLoginLimiter>;
