import { Router, type Request, type Response } from 'express';
import type { AppConfig } from '../config/config';
import type { Repos } from '../db/repos';
import { requireUser } from '../web/guards';
import { AppError } from '../errors/app-error';
import { flash } from '../web/view-locals';
import { changeOwnPassword, setPasswordWithToken } from '../users/users.service';

/** Own account (password, sessions) and the public one-time set-password page. */
export function accountRoutes(repos: Repos, config: AppConfig): Router {
  const router = Router();

  const renderAccount = (req: Request, res: Response, status: number, errors: Record<string, string> = {}) =>
    res.status(status).render('account/show', {
      title: 'Akun Saya', sessions: repos.sessions.listForUser(requireUser(req).id, req.sessionID), errors,
    });

  /** @route GET /akun — own account: change password, own sessions */
  router.get('/akun', (req, res) => {
    renderAccount(req, res, 200);
  });

  /** @route POST /akun/sandi — fields current, password, confirm */
  router.post('/akun/sandi', async (req, res) => {
    try {
      await changeOwnPassword(repos, requireUser(req), req.sessionID, req.body as Record<string, unknown>, config.passwordCost);
    } catch (err) {
      if (err instanceof AppError && err.status === 422) return renderAccount(req, res, 422, err.fields);
      throw err;
    }
    flash(req, 'success', 'Kata sandi diganti. Sesi lain akun ini telah diakhiri.');
    res.redirect('/akun');
  });

  /** @route POST /akun/sesi/:handle/revoke — ends one of one's own sessions */
  router.post('/akun/sesi/:handle/revoke', (req, res) => {
    const ended = repos.sessions.revoke(requireUser(req).id, String(req.params.handle));
    flash(req, ended ? 'success' : 'error', ended ? 'Sesi diakhiri.' : 'Sesi tidak ditemukan.');
    res.redirect('/akun');
  });

  /** @route GET /atur-sandi/:token — the form behind a one-time link (no sign-in needed) */
  router.get('/atur-sandi/:token', (req, res) => {
    const valid = repos.passwordTokens.peek(String(req.params.token)) !== undefined;
    res.status(valid ? 200 : 410).render('account/set-password', { title: 'Atur Kata Sandi', valid, token: req.params.token });
  });

  /** @route POST /atur-sandi/:token — fields password, confirm */
  router.post('/atur-sandi/:token', async (req, res) => {
    const token = String(req.params.token);
    try {
      await setPasswordWithToken(repos, token, req.body, config.passwordCost);
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
