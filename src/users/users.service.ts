import { hashPassword, verifyPassword } from './passwords';
import type { PasswordCost } from '../config/config';
import type { Db } from '../db/database';
import { AppError, badInput, notFound } from '../errors/app-error';
import type { AuditService } from '../audit';
import type { UnitsService } from '../units';
import type { Role, User } from '../shared/identity';
import { validate } from '../web/validate';
import {
  EDIT_USER_SCHEMA, NEW_USER_SCHEMA, OWN_ADMIN_ROLE_MESSAGE, OWN_PHONE_SCHEMA, SET_PASSWORD_SCHEMA, dropsOwnAdminRole, passwordMentionsUsername,
} from './users.schemas';
import type { UsersRepo } from './users.repo';
import type { SessionsRepo } from './sessions.repo';
import type { PasswordTokensRepo } from './password-tokens.repo';
import type { UserImportsRepo } from './user-imports.repo';

export interface UsersDeps {
  db: Db;
  users: UsersRepo;
  sessions: SessionsRepo;
  passwordTokens: PasswordTokensRepo;
  userImports: UserImportsRepo;
  units: UnitsService;
  audit: AuditService;
  /** The argon2id cost of new hashes (config.passwordCost). */
  passwordCost: PasswordCost;
}

/** How long a one-time set-password link works. */
export const PASSWORD_LINK_TTL_MS = 72 * 60 * 60 * 1000;

function requireUnit(deps: UsersDeps, unitId: number | null): void {
  if (unitId !== null && !deps.units.findById(unitId)) throw badInput({ unitId: 'Unit tidak ditemukan.' });
}

function loadUser(deps: UsersDeps, id: number): User {
  const user = deps.users.findById(id);
  if (!user) throw notFound('Pengguna');
  return user;
}

/**
 * Creates an account from raw input (form, CLI). Throws a 422 naming each bad field; nothing is written then.
 * Returns the new user's id. The password is hashed at deps.passwordCost.
 */
export async function createUser(deps: UsersDeps, raw: unknown, actorId: number | null): Promise<number> {
  const input = validate(NEW_USER_SCHEMA, raw);
  requireUnit(deps, input.unitId);
  const taken = () => badInput({ username: `Nama pengguna "${input.username}" sudah dipakai.` });
  if (deps.users.findCredentials(input.username)) throw taken();
  const passwordHash = await hashPassword(input.password, deps.passwordCost);
  return deps.db.transaction(() => {
    // NOTE: re-checked inside the transaction: another request may have taken the name while we were hashing.
    if (deps.users.findCredentials(input.username)) throw taken();
    return insertAccount(deps, actorId, { username: input.username, displayName: input.displayName, passwordHash, role: input.role, unitId: input.unitId, phone: input.phone });
  })();
}

/** Inserts a validated account with its audit row (`source` adds to what the row records); the caller owns the transaction. */
export function insertAccount(
  deps: UsersDeps, actorId: number | null,
  a: { username: string; displayName: string; passwordHash: string; role: Role; unitId: number | null; phone: string | null }, source: Record<string, unknown> = {},
): number {
  const id = deps.users.insert(a);
  deps.audit.record({ userId: actorId, action: 'user.create', entity: 'user', entityId: id, unitId: a.unitId, newValue: { username: a.username, role: a.role, ...source } });
  return id;
}

/** The account's editable data as its audit rows record it. */
const auditedData = (a: { displayName: string; phone: string | null }) => ({ nama: a.displayName, nomorHp: a.phone });

/**
 * Saves validated name, role, unit and phone of an account with its audit row; a role or unit change ends the
 * account's sessions so the new rights apply at once. The caller owns the transaction.
 */
export function applyAccountEdit(deps: UsersDeps, actorId: number, user: User, input: AccountEdit, source: Record<string, unknown> = {}): void {
  deps.users.update({ id: user.id, ...input });
  if (user.role !== input.role || user.unitId !== input.unitId) {
    deps.sessions.revokeAllForUser(user.id);
    deps.audit.record({ userId: actorId, action: 'user.role_change', entity: 'user', entityId: user.id, unitId: input.unitId,
      oldValue: { peran: user.role, unit: user.unitName }, newValue: { peran: input.role, unit: input.unitId, ...source } });
  } else {
    deps.audit.record({ userId: actorId, action: 'user.update', entity: 'user', entityId: user.id, oldValue: auditedData(user), newValue: { ...auditedData(input), ...source } });
  }
}

/** What the admin edits on an account (name, role, unit, phone). */
export interface AccountEdit {
  displayName: string;
  role: Role;
  unitId: number | null;
  phone: string | null;
}

/** Changes name, role, unit and phone; a role change ends the user's sessions so the new rights apply at once. */
export function updateUser(deps: UsersDeps, actor: User, id: number, raw: unknown): void {
  const user = loadUser(deps, id);
  const input = validate(EDIT_USER_SCHEMA, raw);
  requireUnit(deps, input.unitId);
  if (dropsOwnAdminRole(actor.id, user.id, input.role)) throw badInput({ role: OWN_ADMIN_ROLE_MESSAGE });
  deps.db.transaction(() => applyAccountEdit(deps, actor.id, user, input))();
}

/** One's own mobile number (account page): normalised, audited; a 422 on `phone` changes nothing. */
export function updateOwnPhone(deps: UsersDeps, user: User, raw: unknown): void {
  const { phone } = validate(OWN_PHONE_SCHEMA, raw);
  const current = loadUser(deps, user.id);
  if (current.phone === phone) return;
  deps.db.transaction(() => {
    deps.users.setPhone(user.id, phone);
    deps.audit.record({ userId: user.id, action: 'user.update', entity: 'user', entityId: user.id, oldValue: { nomorHp: current.phone }, newValue: { nomorHp: phone } });
  })();
}

/** Deactivates (soft-deletes; ends every session) or restores an account. An admin cannot deactivate themselves. */
export function setUserActive(deps: UsersDeps, actor: User, id: number, active: boolean): void {
  const user = loadUser(deps, id);
  if (!active && user.id === actor.id) throw new AppError(409, 'self-deactivation', 'Anda tidak dapat menonaktifkan akun Anda sendiri.');
  deps.db.transaction(() => {
    deps.users.setActive(id, active);
    if (!active) deps.sessions.revokeAllForUser(id);
    deps.audit.record({ userId: actor.id, action: active ? 'user.restore' : 'user.deactivate', entity: 'user', entityId: id, unitId: user.unitId });
  })();
}

/** Issues a one-time set-password link token for the admin to pass on (no mail server is assumed). */
export function issuePasswordLink(deps: UsersDeps, actor: User, id: number): { token: string; user: User } {
  const user = loadUser(deps, id);
  return { token: issueLinkToken(deps, actor.id, id), user };
}

/** A fresh one-time set-password token for the account (earlier ones stop working), audited; returned in clear once. */
export function issueLinkToken(deps: UsersDeps, actorId: number, userId: number): string {
  const token = deps.passwordTokens.issue(userId, actorId, PASSWORD_LINK_TTL_MS);
  deps.audit.record({ userId: actorId, action: 'user.password_link', entity: 'user', entityId: userId });
  return token;
}

async function validatedHash(raw: unknown, username: string, cost: PasswordCost): Promise<string> {
  const { password } = validate(SET_PASSWORD_SCHEMA, raw);
  if (passwordMentionsUsername(password, username)) throw badInput({ password: 'Kata sandi tidak boleh memuat nama pengguna.' });
  return hashPassword(password, cost);
}

/** Sets a password through a one-time link; the link stops working and every session of the account ends. */
export async function setPasswordWithToken(deps: UsersDeps, token: string, raw: unknown): Promise<User> {
  const userId = deps.passwordTokens.peek(token);
  if (userId === undefined) throw new AppError(410, 'link-invalid', 'Tautan ini sudah dipakai atau kedaluwarsa. Minta tautan baru kepada admin.');
  const user = loadUser(deps, userId);
  const hash = await validatedHash(raw, user.username, deps.passwordCost);
  deps.db.transaction(() => {
    if (deps.passwordTokens.consume(token) !== userId) throw new AppError(410, 'link-invalid', 'Tautan ini sudah dipakai atau kedaluwarsa.');
    deps.users.setPassword(userId, hash);
    deps.sessions.revokeAllForUser(userId);
    deps.audit.record({ userId, action: 'user.password_set', entity: 'user', entityId: userId });
  })();
  return user;
}

/** Changes one's own password after checking the current one; the other sessions of the account end. */
export async function changeOwnPassword(deps: UsersDeps, user: User, currentSid: string, raw: Record<string, unknown>): Promise<void> {
  const creds = deps.users.findCredentials(user.username);
  const current = typeof raw.current === 'string' ? raw.current : '';
  if (!creds || !(await verifyPassword(creds.passwordHash, current))) throw badInput({ current: 'Kata sandi saat ini salah.' });
  const hash = await validatedHash(raw, user.username, deps.passwordCost);
  deps.db.transaction(() => {
    deps.users.setPassword(user.id, hash);
    deps.sessions.revokeAllForUser(user.id, currentSid);
    deps.audit.record({ userId: user.id, action: 'user.password_change', entity: 'user', entityId: user.id });
  })();
}
