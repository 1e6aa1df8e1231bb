import { Router, type Request, type Response } from 'express';
import type { AppConfig } from '../config/config';
import type { Repos } from '../db/repos';
import { requireRole, requireUser } from '../web/guards';
import { AppError, notFound } from '../errors/app-error';
import { idParam } from '../web/params';
import { flash } from '../web/view-locals';
import { ROLES } from '../shared/identity';
import { passwordLinkUrl } from './password-link-url';
import { createUser, issuePasswordLink, setUserActive, updateUser } from './users.service';

/** Runs a form action; a 422 re-renders the form with the values and field messages, anything else propagates. */
async function orRerender(action: () => unknown, rerender: (errors: Record<string, string>) => void): Promise<boolean> {
  try {
    await action();
    return true;
  } catch (err) {
    if (err instanceof AppError && err.status === 422) {
      rerender(err.fields);
      return false;
    }
    throw err;
  }
}

export function usersRoutes(repos: Repos, config: AppConfig): Router {
  const router = Router();
  router.use('/admin/users', requireRole('admin'));

  const renderList = (res: Response, status: number, values: Record<string, unknown>, errors: Record<string, string>) =>
    res.status(status).render('admin/users', {
      title: 'Pengguna', users: repos.users.listAll(), units: repos.units.listActive(), roles: ROLES, values, errors,
    });

  const loadTarget = (req: Request) => {
    const target = repos.users.findById(idParam(req, 'userId'));
    if (!target) throw notFound('Pengguna');
    return target;
  };

  /** @route GET /admin/users — accounts list and the new-account form */
  router.get('/admin/users', (_req, res) => {
    renderList(res, 200, { role: 'narahubung' }, {});
  });

  /** @route POST /admin/users — creates an account; fields username, displayName, role, unitId, password */
  router.post('/admin/users', async (req, res) => {
    const body = req.body as Record<string, unknown>;
    const { password: _password, ...values } = body;
    if (await orRerender(() => createUser(repos, body, requireUser(req).id, config.passwordCost), (errors) => renderList(res, 422, values, errors))) {
      flash(req, 'success', `Akun "${String(body.username).trim()}" berhasil dibuat.`);
      res.redirect('/admin/users');
    }
  });

  /** @route GET /admin/users/:userId/edit — name, role, unit, status, password link, sessions */
  router.get('/admin/users/:userId/edit', (req, res) => {
    const target = loadTarget(req);
    res.render('admin/user-edit', {
      title: `Ubah Pengguna ${target.username}`, target, units: repos.units.listActive(), roles: ROLES,
      values: { displayName: target.displayName, role: target.role, unitId: target.unitId ?? '' },
      sessions: repos.sessions.listForUser(target.id, req.sessionID),
    });
  });

  /** @route POST /admin/users/:userId — saves name, role and unit */
  router.post('/admin/users/:userId', async (req, res) => {
    const target = loadTarget(req);
    const body = req.body as Record<string, unknown>;
    const ok = await orRerender(
      () => updateUser(repos, requireUser(req), target.id, body),
      (errors) =>
        res.status(422).render('admin/user-edit', {
          title: `Ubah Pengguna ${target.username}`, target, units: repos.units.listActive(), roles: ROLES, values: body, errors,
          sessions: repos.sessions.listForUser(target.id, req.sessionID),
        }),
    );
    if (ok) {
      flash(req, 'success', `Data akun "${target.username}" disimpan.`);
      res.redirect(`/admin/users/${target.id}/edit`);
    }
  });

  /** @route POST /admin/users/:userId/deactivate — soft delete: the account can no longer sign in */
  router.post('/admin/users/:userId/deactivate', (req, res) => {
    const target = loadTarget(req);
    setUserActive(repos, requireUser(req), target.id, false);
    flash(req, 'success', `Akun "${target.username}" dinonaktifkan; semua sesinya diakhiri.`);
    res.redirect(`/admin/users/${target.id}/edit`);
  });

  /** @route POST /admin/users/:userId/restore — re-activates a deactivated account */
  router.post('/admin/users/:userId/restore', (req, res) => {
    const target = loadTarget(req);
    setUserActive(repos, requireUser(req), target.id, true);
    flash(req, 'success', `Akun "${target.username}" diaktifkan kembali.`);
    res.redirect(`/admin/users/${target.id}/edit`);
  });

  /** @route POST /admin/users/:userId/password-link — shows a one-time set-password link once */
  router.post('/admin/users/:userId/password-link', (req, res) => {
    const { token, user } = issuePasswordLink(repos, requireUser(req), loadTarget(req).id);
    res.render('admin/password-link', { title: 'Tautan Atur Kata Sandi', target: user, link: passwordLinkUrl(req, token) });
  });

  /** @route POST /admin/users/:userId/sessions/:handle/revoke — ends one session of the user */
  router.post('/admin/users/:userId/sessions/:handle/revoke', (req, res) => {
    const target = loadTarget(req);
    const ended = repos.sessions.revoke(target.id, String(req.params.handle));
    if (ended) repos.audit.record({ userId: requireUser(req).id, action: 'session.revoke', entity: 'user', entityId: target.id });
    flash(req, ended ? 'success' : 'error', ended ? 'Sesi diakhiri.' : 'Sesi tidak ditemukan (mungkin sudah berakhir).');
    res.redirect(`/admin/users/${target.id}/edit`);
  });

  return router;
}
