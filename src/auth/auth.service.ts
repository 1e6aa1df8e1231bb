import type { AuditService } from '../audit';
import type { User } from '../shared/identity';
import { bindDeps } from '../shared/bind-deps';
import { verifyPassword, type UsersService } from '../users';
import type { LoginThrottle } from './login-throttle';

export interface AuthDeps {
  users: UsersService;
  audit: AuditService;
  loginThrottle: LoginThrottle;
}

/** A sign-in attempt: the account, or why it was refused (one message for any wrong part; 429 while locked). */
export type SignInResult = { ok: true; user: User } | { ok: false; status: 422 | 429; message: string };

/**
 * Checks a sign-in against the throttle and the stored hash; every refusal is audited and counted. The caller starts
 * the session on success (then calls recordSignIn).
 */
async function checkSignIn(deps: AuthDeps, username: string, password: string, ip: string): Promise<SignInResult> {
  const locked = deps.loginThrottle.lockedUntil(username, ip);
  if (locked !== null) {
    const minutes = Math.max(1, Math.ceil((locked - Date.now()) / 60_000));
    deps.audit.record({ userId: null, action: 'auth.login_locked', entity: 'user', newValue: { username, ip } });
    return { ok: false, status: 429, message: `Terlalu banyak percobaan masuk yang gagal. Silakan coba lagi dalam ${minutes} menit.` };
  }
  const found = deps.users.findCredentials(username);
  const ok = found?.active === true && (await verifyPassword(found.passwordHash, password));
  if (!found || !ok) {
    deps.loginThrottle.recordFailure(username, ip);
    deps.audit.record({ userId: null, action: 'auth.login_failed', entity: 'user', newValue: { username, ip } });
    return { ok: false, status: 422, message: 'Nama pengguna atau kata sandi salah.' };
  }
  deps.loginThrottle.recordSuccess(username);
  return { ok: true, user: found };
}

/** Audits a sign-in once its session has started. */
function recordSignIn(deps: AuthDeps, user: User, ip: string): void {
  deps.audit.record({ userId: user.id, action: 'auth.login', entity: 'user', entityId: user.id, newValue: { ip } });
}

export function createAuthService(deps: AuthDeps) {
  return bindDeps(deps, { checkSignIn, recordSignIn });
}
export type AuthService = ReturnType<typeof createAuthService>;
