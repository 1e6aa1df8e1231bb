import type { PasswordCost } from '../config/config';
import type { Db } from '../db/database';
import type { AuditService } from '../audit';
import type { UnitsService } from '../units';
import { createUsersRepo } from './users.repo';
import { createSessionsRepo } from './sessions.repo';
import { createPasswordTokensRepo } from './password-tokens.repo';
import { createUserImportsRepo } from './user-imports.repo';
import { createUsersService } from './users.api';
import { usersRoutes } from './users.routes';

export type { UsersService } from './users.api';
export { createLoginVerifier, hashPassword, verifyPassword, UNSET_PASSWORD_HASH } from './passwords';

export interface UsersModuleDeps {
  db: Db;
  units: UnitsService;
  audit: AuditService;
  passwordCost: PasswordCost;
}

/**
 * Accounts: who may sign in, with which role and unit, their sessions and one-time set-password links. The admin
 * manages them at /admin/users (the router, with the bulk import under /admin/users/import).
 */
export function createUsersModule({ db, units, audit, passwordCost }: UsersModuleDeps) {
  const service = createUsersService({
    db, units, audit, passwordCost,
    users: createUsersRepo(db),
    sessions: createSessionsRepo(db),
    passwordTokens: createPasswordTokensRepo(db),
    userImports: createUserImportsRepo(db),
  });
  return { service, router: usersRoutes(service, units) };
}
