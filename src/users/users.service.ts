import { hashPassword, verifyPassword } from './passwords';
import type { PasswordCost } from '../config/config';
import type { Repos } from '../db/repos';
import { AppError, badInput, notFound } from '../errors/app-error';
import type { Role, User } from '../shared/identity';
import {
  EDIT_USER_SCHEMA, NEW_USER_SCHEMA, OWN_ADMIN_ROLE_MESSAGE, SET_PASSWORD_SCHEMA, dropsOwnAdminRole, fieldErrors, passwordMentionsUsername,
} from './users.schemas';

/** How long a one-time set-password link works. */
export const PASSWORD_LINK_TTL_MS = 72 * 60 * 60 * 1000;

function requireUnit(repos: Repos, unitId: number | null): void {
  if (unitId !== null && !repos.units.findById(unitId)) throw badInput({ unitId: 'Unit tidak ditemukan.' });
}

function loadUser(repos: Repos, id: number): User {
  const user = repos.users.findById(id);
  if (!user) throw notFound('Pengguna');
  return user;
}

/**
 * Creates an account from raw input (form, CLI). Throws a 422 naming each bad field; nothing is written then.
 * Returns the new user's id. The password is hashed at `cost` (config.passwordCost).
 */
export async function createUser(repos: Repos, raw: unknown, actorId: number | null, cost: PasswordCost): Promise<number> {
  const parsed = NEW_USER_SCHEMA.safeParse(raw);
  if (!parsed.success) throw badInput(fieldErrors(parsed.error));
  const input = parsed.data;
  requireUnit(repos, input.unitId);
  const taken = () => badInput({ username: `Nama pengguna "${input.username}" sudah dipakai.` });
  if (repos.users.findCredentials(input.username)) throw taken();
  const passwordHash = await hashPassword(input.password, cost);
  return repos.db.transaction(() => {
    // NOTE: re-checked inside the transaction: another request may have taken the name while we were hashing.
    if (repos.users.findCredentials(input.username)) throw taken();
    return insertAccount(repos, actorId, { username: input.username, displayName: input.displayName, passwordHash, role: input.role, unitId: input.unitId });
  })();
}

/** Inserts a validated account with its audit row (`source` adds to what the row records); the caller owns the transaction. */
export function insertAccount(
  repos: Repos, actorId: number | null,
  a: { username: string; displayName: string; passwordHash: string; role: Role; unitId: number | null }, source: Record<string, unknown> = {},
): number {
  const id = repos.users.insert(a);
  repos.audit.record({ userId: actorId, action: 'user.create', entity: 'user', entityId: id, unitId: a.unitId, newValue: { username: a.username, role: a.role, ...source } });
  return id;
}

/**
 * Saves validated name, role and unit of an account with its audit row; a role or unit change ends the account's
 * sessions so the new rights apply at once. The caller owns the transaction.
 */
export function applyAccountEdit(repos: Repos, actorId: number, user: User, input: { displayName: string; role: Role; unitId: number | null }, source: Record<string, unknown> = {}): void {
  repos.users.update({ id: user.id, ...input });
  if (user.role !== input.role || user.unitId !== input.unitId) {
    repos.sessions.revokeAllForUser(user.id);
    repos.audit.record({ userId: actorId, action: 'user.role_change', entity: 'user', entityId: user.id, unitId: input.unitId,
      oldValue: { peran: user.role, unit: user.unitName }, newValue: { peran: input.role, unit: input.unitId, ...source } });
  } else {
    repos.audit.record({ userId: actorId, action: 'user.update', entity: 'user', entityId: user.id, oldValue: user.displayName, newValue: input.displayName });
  }
}

/** Changes name, role and unit; a role change ends the user's sessions so the new rights apply at once. */
export function updateUser(repos: Repos, actor: User, id: number, raw: unknown): void {
  const user = loadUser(repos, id);
  const parsed = EDIT_USER_SCHEMA.safeParse(raw);
  if (!parsed.success) throw badInput(fieldErrors(parsed.error));
  const input = parsed.data;
  requireUnit(repos, input.unitId);
  if (dropsOwnAdminRole(actor.id, user.id, input.role)) throw badInput({ role: OWN_ADMIN_ROLE_MESSAGE });
  repos.db.transaction(() => applyAccountEdit(repos, actor.id, user, input))();
}

/** Deactivates (soft-deletes; ends every session) or restores an account. An admin cannot deactivate themselves. */
export function setUserActive(repos: Repos, actor: User, id: number, active: boolean): void {
  const user = loadUser(repos, id);
  if (!active && user.id === actor.id) throw new AppError(409, 'self-deactivation', 'Anda tidak dapat menonaktifkan akun Anda sendiri.');
  repos.db.transaction(() => {
    repos.users.setActive(id, active);
    if (!active) repos.sessions.revokeAllForUser(id);
    repos.audit.record({ userId: actor.id, action: active ? 'user.restore' : 'user.deactivate', entity: 'user', entityId: id, unitId: user.unitId });
  })();
}

/** Issues a one-time set-password link token for the admin to pass on (no mail server is assumed). */
export function issuePasswordLink(repos: Repos, actor: User, id: number): { token: string; user: User } {
  const user = loadUser(repos, id);
  return { token: issueLinkToken(repos, actor.id, id), user };
}

/** A fresh one-time set-password token for the account (earlier ones stop working), audited; returned in clear once. */
export function issueLinkToken(repos: Repos, actorId: number, userId: number): string {
  const token = repos.passwordTokens.issue(userId, actorId, PASSWORD_LINK_TTL_MS);
  repos.audit.record({ userId: actorId, action: 'user.password_link', entity: 'user', entityId: userId });
  return token;
}

async function validatedHash(raw: unknown, username: string, cost: PasswordCost): Promise<string> {
  const parsed = SET_PASSWORD_SCHEMA.safeParse(raw);
  if (!parsed.success) throw badInput(fieldErrors(parsed.error));
  if (passwordMentionsUsername(parsed.data.password, username)) throw badInput({ password: 'Kata sandi tidak boleh memuat nama pengguna.' });
  return hashPassword(parsed.data.password, cost);
}

/** Sets a password through a one-time link; the link stops working and every session of the account ends. */
export async function setPasswordWithToken(repos: Repos, token: string, raw: unknown, cost: PasswordCost): Promise<User> {
  const userId = repos.passwordTokens.peek(token);
  if (userId === undefined) throw new AppError(410, 'link-invalid', 'Tautan ini sudah dipakai atau kedaluwarsa. Minta tautan baru kepada admin.');
  const user = loadUser(repos, userId);
  const hash = await validatedHash(raw, user.username, cost);
  repos.db.transaction(() => {
    if (repos.passwordTokens.consume(token) !== userId) throw new AppError(410, 'link-invalid', 'Tautan ini sudah dipakai atau kedaluwarsa.');
    repos.users.setPassword(userId, hash);
    repos.sessions.revokeAllForUser(userId);
    repos.audit.record({ userId, action: 'user.password_set', entity: 'user', entityId: userId });
  })();
  return user;
}

/** Changes one's own password after checking the current one; the other sessions of the account end. */
export async function changeOwnPassword(repos: Repos, user: User, currentSid: string, raw: Record<string, unknown>, cost: PasswordCost): Promise<void> {
  const creds = repos.users.findCredentials(user.username);
  const current = typeof raw.current === 'string' ? raw.current : '';
  if (!creds || !(await verifyPassword(creds.passwordHash, current))) throw badInput({ current: 'Kata sandi saat ini salah.' });
  const hash = await validatedHash(raw, user.username, cost);
  repos.db.transaction(() => {
    repos.users.setPassword(user.id, hash);
    repos.sessions.revokeAllForUser(user.id, currentSid);
    repos.audit.record({ userId: user.id, action: 'user.password_change', entity: 'user', entityId: user.id });
  })();
}
