import argon2 from 'argon2';
import crypto from 'node:crypto';
import type { PasswordCost } from '../config/config';

/** argon2id at the configured cost (config.passwordCost: production's 64 MiB, t=3, p=4; cheap in tests). */
export function hashPassword(plain: string, cost: PasswordCost): Promise<string> {
  return argon2.hash(plain, { type: argon2.argon2id, ...cost });
}

/**
 * Stored for an account whose owner has not set a password yet (bulk import: they set it through a one-time link).
 * It is no argon2 hash, so no password matches it.
 */
export const UNSET_PASSWORD_HASH = '!belum-diatur';

/** Checks a password against a stored hash; the hash carries its own cost, so hashes of any cost verify. */
export async function verifyPassword(hash: string, plain: string): Promise<boolean> {
  if (hash === UNSET_PASSWORD_HASH) return false;
  try {
    return await argon2.verify(hash, plain);
  } catch {
    return false;
  }
}

/**
 * Login check that costs the same whether or not the account can sign in: an unknown name, a deactivated
 * account or one without a password yet is verified against a dummy hash made at the configured cost, so the
 * answer time does not tell which names exist. Pass null for "no usable account"; that always fails.
 */
export function createLoginVerifier(cost: PasswordCost): (storedHash: string | null, plain: string) => Promise<boolean> {
  let dummy: Promise<string> | null = null;
  return async (storedHash, plain) => {
    if (storedHash !== null && storedHash !== UNSET_PASSWORD_HASH) return verifyPassword(storedHash, plain);
    dummy ??= hashPassword(crypto.randomBytes(18).toString('base64url'), cost);
    await verifyPassword(await dummy, plain);
    return false;
  };
}
