import { hashPassword } from '../auth/passwords';
import type { Repos } from '../db/repos';
import { badInput } from '../errors/app-error';
import { NEW_USER_SCHEMA, fieldErrors } from './users.schemas';

/**
 * Creates an account from raw input (form, CLI). Throws a 422 naming each bad field; nothing is written then.
 * Returns the new user's id.
 */
export async function createUser(repos: Repos, raw: unknown, actorId: number | null): Promise<number> {
  const parsed = NEW_USER_SCHEMA.safeParse(raw);
  if (!parsed.success) throw badInput(fieldErrors(parsed.error));
  const input = parsed.data;
  if (input.unitId !== null && !repos.units.findById(input.unitId)) {
    throw badInput({ unitId: 'Unit tidak ditemukan.' });
  }
  if (repos.users.findCredentials(input.username)) {
    throw badInput({ username: `Nama pengguna "${input.username}" sudah dipakai.` });
  }
  const passwordHash = await hashPassword(input.password);
  return repos.db.transaction(() => {
    const id = repos.users.insert({ username: input.username, displayName: input.displayName, passwordHash, role: input.role, unitId: input.unitId });
    repos.audit.record({ userId: actorId, action: 'user.create', entity: 'user', entityId: id, unitId: input.unitId, newValue: { username: input.username, role: input.role } });
    return id;
  })();
}
