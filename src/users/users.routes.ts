import { Router, type Request, type Response } from 'express';
import { AppError } from '../errors/app-error';
import type { UnitsService } from '../units';
import { ROLES } from '../shared/identity';
import { formBody } from '../web/body';
import { requireRole, requireUser } from '../web/guards';
import { idParam } from '../web/params';
import { flash } from '../web/view-locals';
import { formatPhone } from '../shared/phone';
import { passwordLinkUrl } from './password-link-url';
import type { UsersService } from './users.api';
import { userImportRoutes } from './user-import.routes';

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

/** Account administration (admin only), with the bulk import under /import. Mounted at /admin/users. */
export function usersRoutes(users: UsersService, units: UnitsService): Router {
  const router = Router();
  router.use(requireRole('admin'));
  // NOTE: ahead of the /:userId routes, so "import" is never read as an account id.
  router.use('/import', userImportRoutes(users));

  const renderList = (res: Response, status: number, values: Record<string, unknown>, errors: Record<string, string>) =>
    res.status(status).render('admin/users', {
      title: 'Pengguna', users: users.listAll(), units: units.listActive(), roles: ROLES, values, errors,
    });

  const loadTarget = (req: Request) => users.requireAccount(idParam(req, 'userId'));

  /** @route GET /admin/users — accounts list and the new-account form */
  router.get('/', (_req, res) => {
    renderList(res, 200, { role: 'narahubung' }, {});
  });

  /** @route POST /admin/users — creates an account; fields username, displayName, role, unitId, phone, password */
  router.post('/', formBody, async (req, res) => {
    const body = req.body as Record<string, unknown>;
    const { password: _password, ...values } = body;
    if (await orRerender(() => users.createUser(body, requireUser(req).id), (errors) => renderList(res, 422, values, errors))) {
      flash(req, 'success', `Akun "${String(body.username).trim()}" berhasil dibuat.`);
      res.redirect('/admin/users');
    }
  });

  /** @route GET /admin/users/:userId/edit — name, role, unit, status, password link, sessions */
  router.get('/:userId/edit', (req, res) => {
    const target = loadTarget(req);
    res.render('admin/user-edit', {
      title: `Ubah Pengguna ${target.username}`, target, units: units.listActive(), roles: ROLES,
      values: { displayName: target.displayName, role: target.role, unitId: target.unitId ?? '', phone: formatPhone(target.phone) },
      sessions: users.sessionsOf(target.id, req.sessionID),
    });
  });

  /** @route POST /admin/users/:userId — saves name, role, unit and phone (Nomor HP) */
  router.post('/:userId', formBody, async (req, res) => {
    const target = loadTarget(req);
    const body = req.body as Record<string, unknown>;
    const ok = await orRerender(
      () => users.updateUser(requireUser(req), target.id, body),
      (errors) =>
        res.status(422).render('admin/user-edit', {
          title: `Ubah Pengguna ${target.username}`, target, units: units.listActive(), roles: ROLES, values: body, errors,
          sessions: users.sessionsOf(target.id, req.sessionID),
        }),
    );
    if (ok) {
      flash(req, 'success', `Data akun "${target.username}" disimpan.`);
      res.redirect(`/admin/users/${target.id}/edit`);
    }
  });

  /** @route POST /admin/users/:userId/deactivate — soft delete: the account can no longer sign in */
  router.post('/:userId/deactivate', formBody, (req, res) => {
    const target = loadTarget(req);
    users.setUserActive(requireUser(req), target.id, false);
    flash(req, 'success', `Akun "${target.username}" dinonaktifkan; semua sesinya diakhiri.`);
    res.redirect(`/admin/users/${target.id}/edit`);
  });

  /** @route POST /admin/users/:userId/restore — re-activates a deactivated account */
  router.post('/:userId/restore', formBody, (req, res) => {
    const target = loadTarget(req);
    users.setUserActive(requireUser(req), target.id, true);
    flash(req, 'success', `Akun "${target.username}" diaktifkan kembali.`);
    res.redirect(`/admin/users/${target.id}/edit`);
  });

  /** @route POST /admin/users/:userId/password-link — shows a one-time set-password link once */
  router.post('/:userId/password-link', formBody, (req, res) => {
    const { token, user } = users.issuePasswordLink(requireUser(req), loadTarget(req).id);
    res.render('admin/password-link', { title: 'Tautan Atur Kata Sandi', target: user, link: passwordLinkUrl(req, token) });
  });

  /** @route POST /admin/users/:userId/sessions/:handle/revoke — ends one session of the user */
  router.post('/:userId/sessions/:handle/revoke', formBody, (req, res) => {
    const target = loadTarget(req);
    const ended = users.revokeSession(requireUser(req), target.id, String(req.params.handle));
    flash(req, ended ? 'success' : 'error', ended ? 'Sesi diakhiri.' : 'Sesi tidak ditemukan (mungkin sudah berakhir).');
    res.redirect(`/admin/users/${target.id}/edit`);
  });

  return router;
}
