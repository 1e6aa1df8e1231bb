import crypto from 'node:crypto';
import type { Db } from '../db/database';

export function createSettingsRepo(db: Db) {
  const get = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const set = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  return {
    get: (key: string): string | undefined => get.get(key)?.value,
    set: (key: string, value: string): void => {
      set.run(key, value);
    },
    /** A stable random secret kept in the database (created on first use), e.g. for signing session cookies. */
    secret: (key: string): string => {
      const existing = get.get(key)?.value;
      if (existing) return existing;
      const value = crypto.randomBytes(32).toString('hex');
      set.run(key, value);
      return value;
    },
  };
}
export type SettingsRepo = ReturnType<typeof createSettingsRepo>;
