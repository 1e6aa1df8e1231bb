import session from 'express-session';
import type { RequestHandler } from 'express';
import type { AppConfig } from '../config/config';
import type { Db } from '../db/database';
import type { AuditService } from '../audit';
import { createSettingsRepo } from '../shared/settings.repo';
import { createLoginVerifier, type UsersService } from '../users';
import { csrfSigning } from '../web/csrf';
import { accountRoutes, passwordLinkRoutes } from './account.routes';
import { authRoutes } from './auth.routes';
import { createAuthService } from './auth.service';
import { loadUser } from './load-user';
import { schedulePurge } from './login-housekeeping';
import { createLoginLimiter } from './login-limiter';
import { SqliteSessionStore } from './session-store';

export interface AuthModuleDeps {
  db: Db;
  config: AppConfig;
  users: UsersService;
  audit: AuditService;
}

/**
 * Signing in: the session (cookie and SQLite store), the CSRF signing of anonymous pages and the signed-in user on
 * every request (`session`), the sign-in form (`router`: /login, /logout), one's own account (`accountRouter`:
 * /akun), the one-time set-password page (`passwordLinkRouter`: /atur-sandi), and the server's purge of expired
 * sessions and login counters (`schedulePurge`).
 */
export function createAuthModule({ db, config, users, audit }: AuthModuleDeps) {
  const loginLimiter = createLoginLimiter(db);
  const auth = createAuthService({ users, audit, loginLimiter, verifyLogin: createLoginVerifier(config.passwordCost) });
  const secret = config.sessionSecret ?? createSettingsRepo(db).secret('session.secret');
  const sessionMiddleware = session({
    store: new SqliteSessionStore(db, config.sessionIdleMs),
    secret,
    name: 'sp4n.sid',
    resave: false,
    saveUninitialized: false,
    // NOTE: idle expiry is enforced by the store (server side); the cookie lasts the absolute lifetime, which
    // loadUser enforces from the login time.
    cookie: { httpOnly: true, sameSite: 'lax', secure: config.trustProxy ? 'auto' : false, maxAge: config.sessionAbsoluteMs },
  });
  const sessionHandlers: RequestHandler[] = [sessionMiddleware, csrfSigning(secret), loadUser(users, config.sessionAbsoluteMs)];
  return {
    session: sessionHandlers,
    schedulePurge: () => schedulePurge({ db, sessions: { purgeExpired: users.purgeExpiredSessions }, loginLimiter }),
    router: authRoutes(auth),
    accountRouter: accountRoutes(users),
    passwordLinkRouter: passwordLinkRoutes(users),
  };
}
