import { Router, type Request } from 'express';
import { z } from 'zod';
import { formBody } from '../web/body';
import { fieldMessages } from '../web/validate';
import type { AuthService } from './auth.service';

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

/** Signing in and out; mounted at the root (/login, /logout). */
export function authRoutes(auth: AuthService): Router {
  const router = Router();

  /** @route GET /login */
  router.get('/login', (req, res) => {
    if (req.user) return res.redirect('/');
    res.render('auth/login', { title: 'Masuk', values: { username: '' }, next: safeNext(req.query.next) });
  });

  /**
   * @route POST /login — fields: username, password, _csrf, next
   * The attempt is counted before the password is checked; a refused attempt gets 429 with Retry-After.
   */
  router.post('/login', formBody, async (req, res) => {
    const body = req.body as Record<string, unknown>;
    const next = safeNext(body.next);
    const parsed = LOGIN_SCHEMA.safeParse(body);
    const username = typeof body.username === 'string' ? body.username : '';
    const fail = (errors: Record<string, string>, status = 422) =>
      res.status(status).render('auth/login', { title: 'Masuk', values: { username }, next, errors });
    if (!parsed.success) return fail(fieldMessages(parsed.error));
    const ip = req.ip ?? 'unknown';
    const result = await auth.checkSignIn(parsed.data.username, parsed.data.password, ip);
    if (!result.ok) {
      if (result.status === 429) res.set('Retry-After', String(result.retryAfterSec));
      return fail({ _form: result.message }, result.status);
    }
    await regenerate(req);
    req.session.userId = result.user.id;
    req.session.loginAt = Date.now();
    req.session.userAgent = (req.get('user-agent') ?? '').slice(0, 200);
    req.session.ip = ip;
    auth.recordSignIn(result.user, ip);
    res.redirect(next);
  });

  /** @route POST /logout */
  router.post('/logout', formBody, (req, res) => {
    req.session.destroy(() => res.redirect('/login'));
  });

  return router;
}
