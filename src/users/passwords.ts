import argon2 from 'argon2';

/** argon2id with the library's defaults (64 MiB, t=3, p=4). */
export function hashPassword(plain: string): Promise<string> {
  return argon2.hash(plain, { type: argon2.argon2id });
}

/**
 * Stored for an account whose owner has not set a password yet (bulk import: they set it through a one-time link).
 * It is no argon2 hash, so no password matches it.
 */
export const UNSET_PASSWORD_HASH = '!belum-diatur';

export async function verifyPassword(hash: string, plain: string): Promise<boolean> {
  if (hash === UNSET_PASSWORD_HASH) return false;
  try {
    return await argon2.verify(hash, plain);
  } catch {
    return false;
  }
}
