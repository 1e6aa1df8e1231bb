import { Router } from 'express';
import type { Repos } from '../db/repos';
import { requireRole, requireUser } from '../auth/guards';
import { AppError } from '../errors/app-error';
import { flash } from '../web/view-locals';
import { ROLES } from './users.repo';
import { createUser } from './users.service';

export function usersRoutes(repos: Repos): Router {
  const router = Router();
  const admin = requireRole('admin');

  const render = (res: import('express').Response, status: number, values: Record<string, unknown>, errors: Record<string, string>) =>
    res.status(status).render('admin/users', {
      title: 'Pengguna',
      users: repos.users.listAll(),
      units: repos.units.listActive(),
      roles: ROLES,
      values,
      errors,
    });

  /** @route GET /admin/users — accounts list and the new-account form */
  router.get('/admin/users', admin, (_req, res) => {
    render(res, 200, { role: 'narahubung' }, {});
  });

  /** @route POST /admin/users — creates an account; fields username, displayName, role, unitId, password */
  router.post('/admin/users', admin, async (req, res) => {
    const body = req.body as Record<string, unknown>;
    try {
      await createUser(repos, body, requireUser(req).id);
    } catch (err) {
      if (err instanceof AppError && err.status === 422) {
        const { password: _password, ...values } = body;
        return render(res, 422, values, err.fields);
      }
      throw err;
    }
    flash(req, 'success', `Akun "${String(body.username).trim()}" berhasil dibuat.`);
    res.redirect('/admin/users');
  });

  return router;
}
