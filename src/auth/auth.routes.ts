import { Router, type Request } from 'express';
import { z } from 'zod';
import type { AppConfig } from '../config/config';
import type { Repos } from '../db/repos';
import { formatInt } from '../shared/format';
import { createLoginVerifier } from '../users/passwords';

const LOGIN_SCHEMA = z.object({
  username: z.string({ error: 'Nama pengguna wajib diisi.' }).trim().min(1, 'Nama pengguna wajib diisi.').max(100, 'Nama pengguna terlalu panjang.'),
  password: z.string({ error: 'Kata sandi wajib diisi.' }).min(1, 'Kata sandi wajib diisi.').max(200, 'Kata sandi terlalu panjang.'),
});

/** Only same-site paths may be a post-login destination. */
function safeNext(raw: unknown): string {
  return typeof raw === 'string' && raw.startsWith('/') && !raw.startsWith('//') && !raw.startsWith('/\\') ? raw : '/';
}

function regenerate(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.regenerate((err) => (err ? reject(err) : resolve())));
}

export function authRoutes(repos: Repos, config: AppConfig): Router {
  const router = Router();
  const verifyLogin = createLoginVerifier(config.passwordCost);

  /** @route GET /login */
  router.get('/login', (req, res) => {
    if (req.user) return res.redirect('/');
    res.render('auth/login', { title: 'Masuk', values: { username: '' }, next: safeNext(req.query.next) });
  });

  /**
   * @route POST /login — fields: username, password, _csrf, next
   * The attempt is counted before the password is checked; a refused attempt gets 429 with Retry-After.
   */
  router.post('/login', async (req, res) => {
    const body = req.body as Record<string, unknown>;
    const next = safeNext(body.next);
    const parsed = LOGIN_SCHEMA.safeParse(body);
    const username = typeof body.username === 'string' ? body.username : '';
    const fail = (errors: Record<string, string>, status = 422) =>
      res.status(status).render('auth/login', { title: 'Masuk', values: { username }, next, errors });
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const i of parsed.error.issues) errors[String(i.path[0])] ??= i.message;
      return fail(errors);
    }
    const ip = req.ip ?? 'unknown';
    const gate = await repos.loginLimiter.reserve(parsed.data.username, ip);
    if (!gate.allowed) {
      for (const scope of gate.newLocks) {
        repos.audit.record({ userId: null, action: 'auth.login_locked', entity: 'user', newValue: { username: parsed.data.username, ip, lingkup: scope, detik: gate.retryAfterSec } });
      }
      res.set('Retry-After', String(gate.retryAfterSec));
      const minutes = Math.ceil(gate.retryAfterSec / 60);
      return fail({ _form: `Terlalu banyak percobaan masuk. Silakan coba lagi dalam ${formatInt(minutes)} menit.` }, 429);
    }
    const found = repos.users.findCredentials(parsed.data.username);
    const usable = found?.active === true ? found : null;
    const ok = await verifyLogin(usable?.passwordHash ?? null, parsed.data.password);
    if (!usable || !ok) {
      repos.audit.record({ userId: null, action: 'auth.login_failed', entity: 'user', newValue: { username: parsed.data.username, ip } });
      return fail({ _form: 'Nama pengguna atau kata sandi salah.' });
    }
    await repos.loginLimiter.succeeded(parsed.data.username, ip);
    await regenerate(req);
    req.session.userId = usable.id;
    req.session.loginAt = Date.now();
    req.session.userAgent = (req.get('user-agent') ?? '').slice(0, 200);
    req.session.ip = ip;
    repos.audit.record({ userId: usable.id, action: 'auth.login', entity: 'user', entityId: usable.id, newValue: { ip } });
    res.redirect(next);
  });

  /** @route POST /logout */
  router.post('/logout', (req, res) => {
    req.session.destroy(() => res.redirect('/login'));
  });

  return router;
}
