import { notFound } from '../errors/app-error';
import { bindDeps } from '../shared/bind-deps';
import type { User } from '../shared/identity';
import { createUser, changeOwnPassword, issuePasswordLink, setPasswordWithToken, setUserActive, updateOwnPhone, updateUser, type UsersDeps } from './users.service';
import { applyUserImport, previewUserImport, stageUserImport, userImportTemplate } from './user-import.service';
import type { SessionInfo } from './sessions.repo';

/** An account by id; 404 when there is none. */
function requireAccount(deps: UsersDeps, id: number): User {
  const user = deps.users.findById(id);
  if (!user) throw notFound('Pengguna');
  return user;
}

/** The signed-in sessions of an account, the current one marked. */
function sessionsOf(deps: UsersDeps, userId: number, currentSid: string): SessionInfo[] {
  return deps.sessions.listForUser(userId, currentSid);
}

/** Ends one session of one's own account; false when it was not found. */
function revokeOwnSession(deps: UsersDeps, user: User, handle: string): boolean {
  return deps.sessions.revoke(user.id, handle);
}

/** The admin ends one session of an account (audited); false when it was not found. */
function revokeSession(deps: UsersDeps, actor: User, userId: number, handle: string): boolean {
  const ended = deps.sessions.revoke(userId, handle);
  if (ended) deps.audit.record({ userId: actor.id, action: 'session.revoke', entity: 'user', entityId: userId });
  return ended;
}

/** Whether a one-time set-password link still works. */
function passwordLinkValid(deps: UsersDeps, token: string): boolean {
  return deps.passwordTokens.peek(token) !== undefined;
}

/**
 * The users module's service: account administration and import for its pages, and what sign-in (auth) and the
 * other modules read of accounts.
 */
export function createUsersService(deps: UsersDeps) {
  const { findById, findCredentials, listAll, listByUnit, insert } = deps.users;
  return {
    findById, findCredentials, listAll, listByUnit, insert, purgeExpiredSessions: deps.sessions.purgeExpired,
    ...bindDeps(deps, {
      requireAccount, sessionsOf, revokeOwnSession, revokeSession, passwordLinkValid,
      createUser, updateUser, setUserActive, issuePasswordLink, setPasswordWithToken, changeOwnPassword, updateOwnPhone,
      userImportTemplate, stageUserImport, previewUserImport, applyUserImport,
    }),
  };
}
export type UsersService = ReturnType<typeof createUsersService>;
