import { Router, type Request } from 'express';
import { z } from 'zod';
import type { Repos } from '../db/repos';
import { verifyPassword } from '../users/passwords';

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

export function authRoutes(repos: Repos): Router {
  const router = Router();

  /** @route GET /login */
  router.get('/login', (req, res) => {
    if (req.user) return res.redirect('/');
    res.render('auth/login', { title: 'Masuk', values: { username: '' }, next: safeNext(req.query.next) });
  });

  /** @route POST /login — fields: username, password, _csrf, next */
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
    const locked = repos.loginThrottle.lockedUntil(parsed.data.username, ip);
    if (locked !== null) {
      const minutes = Math.max(1, Math.ceil((locked - Date.now()) / 60_000));
      repos.audit.record({ userId: null, action: 'auth.login_locked', entity: 'user', newValue: { username: parsed.data.username, ip } });
      return fail({ _form: `Terlalu banyak percobaan masuk yang gagal. Silakan coba lagi dalam ${minutes} menit.` }, 429);
    }
    const found = repos.users.findCredentials(parsed.data.username);
    const ok = found?.active === true && (await verifyPassword(found.passwordHash, parsed.data.password));
    if (!found || !ok) {
      repos.loginThrottle.recordFailure(parsed.data.username, ip);
      repos.audit.record({ userId: null, action: 'auth.login_failed', entity: 'user', newValue: { username: parsed.data.username, ip } });
      return fail({ _form: 'Nama pengguna atau kata sandi salah.' });
    }
    repos.loginThrottle.recordSuccess(parsed.data.username);
    await regenerate(req);
    req.session.userId = found.id;
    req.session.loginAt = Date.now();
    req.session.userAgent = (req.get('user-agent') ?? '').slice(0, 200);
    req.session.ip = ip;
    repos.audit.record({ userId: found.id, action: 'auth.login', entity: 'user', entityId: found.id, newValue: { ip } });
    res.redirect(next);
  });

  /** @route POST /logout */
  router.post('/logout', (req, res) => {
    req.session.destroy(() => res.redirect('/login'));
  });

  return router;
}
