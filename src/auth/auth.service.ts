import type { AuditService } from '../audit';
import { formatInt } from '../shared/format';
import { bindDeps } from '../shared/bind-deps';
import type { User } from '../shared/identity';
import type { UsersService } from '../users';
import type { LoginLimiter } from './login-limiter';

export interface AuthDeps {
  users: UsersService;
  audit: AuditService;
  loginLimiter: LoginLimiter;
  /** Checks a password at the same cost whether or not the account can sign in (users' createLoginVerifier). */
  verifyLogin: (storedHash: string | null, plain: string) => Promise<boolean>;
}

/** A sign-in attempt: the account, or why it was refused (one message for any wrong part; 429 while limited). */
export type SignInResult =
  | { ok: true; user: User }
  | { ok: false; status: 422; message: string }
  | { ok: false; status: 429; message: string; retryAfterSec: number };

/**
 * Checks a sign-in: the attempt is counted before the password is checked, and a refused attempt is audited (a lock
 * once, when it starts). The caller starts the session on success, then calls recordSignIn.
 */
async function checkSignIn(deps: AuthDeps, username: string, password: string, ip: string): Promise<SignInResult> {
  const gate = await deps.loginLimiter.reserve(username, ip);
  if (!gate.allowed) {
    for (const scope of gate.newLocks) {
      deps.audit.record({ userId: null, action: 'auth.login_locked', entity: 'user', newValue: { username, ip, lingkup: scope, detik: gate.retryAfterSec } });
    }
    const minutes = Math.ceil(gate.retryAfterSec / 60);
    return { ok: false, status: 429, message: `Terlalu banyak percobaan masuk. Silakan coba lagi dalam ${formatInt(minutes)} menit.`, retryAfterSec: gate.retryAfterSec };
  }
  const found = deps.users.findCredentials(username);
  const usable = found?.active === true ? found : null;
  const ok = await deps.verifyLogin(usable?.passwordHash ?? null, password);
  if (!usable || !ok) {
    deps.audit.record({ userId: null, action: 'auth.login_failed', entity: 'user', newValue: { username, ip } });
    return { ok: false, status: 422, message: 'Nama pengguna atau kata sandi salah.' };
  }
  await deps.loginLimiter.succeeded(username, ip);
  return { ok: true, user: usable };
}

/** Audits a sign-in once its session has started. */
function recordSignIn(deps: AuthDeps, user: User, ip: string): void {
  deps.audit.record({ userId: user.id, action: 'auth.login', entity: 'user', entityId: user.id, newValue: { ip } });
}

export function createAuthService(deps: AuthDeps) {
  return bindDeps(deps, { checkSignIn, recordSignIn });
}
export type AuthService = ReturnType<typeof createAuthService>;
