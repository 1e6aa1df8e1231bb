import { Router, type Request, type Response } from 'express';
import { AppError } from '../errors/app-error';
import type { UsersService } from '../users';
import { formBody } from '../web/body';
import { requireUser } from '../web/guards';
import { flash } from '../web/view-locals';
import { formatPhone } from '../shared/phone';

/** One's own account: mobile number, password and sessions. Mounted at /akun. */
export function accountRoutes(users: UsersService): Router {
  const router = Router();

  const renderAccount = (req: Request, res: Response, status: number, errors: Record<string, string> = {}, phone?: unknown) =>
    res.status(status).render('account/show', {
      title: 'Akun Saya', sessions: users.sessionsOf(requireUser(req).id, req.sessionID), errors,
      phone: typeof phone === 'string' ? phone : formatPhone(requireUser(req).phone),
    });

  /** @route GET /akun — own account: change password, own sessions */
  router.get('/', (req, res) => {
    renderAccount(req, res, 200);
  });

  /** @route POST /akun/sandi — fields current, password, confirm */
  router.post('/sandi', formBody, async (req, res) => {
    try {
      await users.changeOwnPassword(requireUser(req), req.sessionID, req.body as Record<string, unknown>);
    } catch (err) {
      if (err instanceof AppError && err.status === 422) return renderAccount(req, res, 422, err.fields);
      throw err;
    }
    flash(req, 'success', 'Kata sandi diganti. Sesi lain akun ini telah diakhiri.');
    res.redirect('/akun');
  });

  /** @route POST /akun/hp — field phone: one's own mobile number (blank removes it) */
  router.post('/hp', formBody, (req, res) => {
    const body = req.body as Record<string, unknown>;
    try {
      users.updateOwnPhone(requireUser(req), body);
    } catch (err) {
      if (err instanceof AppError && err.status === 422) return renderAccount(req, res, 422, err.fields, body.phone);
      throw err;
    }
    flash(req, 'success', 'Nomor HP disimpan.');
    res.redirect('/akun');
  });

  /** @route POST /akun/sesi/:handle/revoke — ends one of one's own sessions */
  router.post('/sesi/:handle/revoke', formBody, (req, res) => {
    const ended = users.revokeOwnSession(requireUser(req), String(req.params.handle));
    flash(req, ended ? 'success' : 'error', ended ? 'Sesi diakhiri.' : 'Sesi tidak ditemukan.');
    res.redirect('/akun');
  });

  return router;
}

/** The public page behind a one-time set-password link (no sign-in needed). Mounted at /atur-sandi. */
export function passwordLinkRoutes(users: UsersService): Router {
  const router = Router();

  /** @route GET /atur-sandi/:token — the form behind a one-time link */
  router.get('/:token', (req, res) => {
    const valid = users.passwordLinkValid(String(req.params.token));
    res.status(valid ? 200 : 410).render('account/set-password', { title: 'Atur Kata Sandi', valid, token: req.params.token });
  });

  /** @route POST /atur-sandi/:token — fields password, confirm */
  router.post('/:token', formBody, async (req, res) => {
    const token = String(req.params.token);
    try {
      await users.setPasswordWithToken(token, req.body);
    } catch (err) {
      if (err instanceof AppError && err.status === 422) {
        return res.status(422).render('account/set-password', { title: 'Atur Kata Sandi', valid: true, token, errors: err.fields });
      }
      throw err;
    }
    flash(req, 'success', 'Kata sandi sudah diatur. Silakan masuk.');
    res.redirect('/login');
  });

  return router;
}
