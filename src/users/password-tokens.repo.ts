import crypto from 'node:crypto';
import type { Db } from '../db/database';

export const hashToken = (token: string): string => crypto.createHash('sha256').update(token).digest('hex');

/** One-time set-password links: only the token's hash is stored; a token works once, before it expires. */
export function createPasswordTokensRepo(db: Db) {
  const insert = db.prepare(
    'INSERT INTO password_tokens (token_hash, user_id, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
  );
  const find = db.prepare<[string, string], { id: number; user_id: number }>(
    'SELECT id, user_id FROM password_tokens WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?',
  );
  const use = db.prepare('UPDATE password_tokens SET used_at = ? WHERE id = ? AND used_at IS NULL');
  const voidOthers = db.prepare('UPDATE password_tokens SET used_at = ? WHERE user_id = ? AND used_at IS NULL');
  return {
    /** Creates a token for the user (earlier unused ones stop working) and returns it in clear, once. */
    issue(userId: number, createdBy: number | null, ttlMs: number): string {
      const token = crypto.randomBytes(32).toString('base64url');
      const now = new Date();
      db.transaction(() => {
        voidOthers.run(now.toISOString(), userId);
        insert.run(hashToken(token), userId, createdBy, now.toISOString(), new Date(now.getTime() + ttlMs).toISOString());
      })();
      return token;
    },
    /** The user id a valid, unused token belongs to. */
    peek(token: string): number | undefined {
      return find.get(hashToken(token), new Date().toISOString())?.user_id;
    },
    /** Marks the token used; returns its user id, or undefined when it was not valid (used, expired, unknown). */
    consume(token: string): number | undefined {
      const row = find.get(hashToken(token), new Date().toISOString());
      if (!row) return undefined;
      return use.run(new Date().toISOString(), row.id).changes === 1 ? row.user_id : undefined;
    },
  };
}
export type PasswordTokensRepo = ReturnType<typeof createPasswordTokensRepo>;
