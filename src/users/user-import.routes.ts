import { Router, type Request, type Response } from 'express';
import { requireRole, requireUser } from '../web/guards';
import { AppError } from '../errors/app-error';
import { toCsv } from '../shared/csv';
import { ROLE_LABELS } from '../shared/format';
import { receiveUpload } from '../web/upload';
import { ROLE_CHOICES, USER_IMPORT_COLUMNS, USER_IMPORT_MAX_BYTES, USER_IMPORT_MAX_ROWS, USER_IMPORT_SHEET } from './user-import';
import type { CreatedAccount } from './user-import.service';
import type { UsersService } from './users.api';
import { formBody, readBody } from '../web/body';
import { passwordLinkUrl } from './password-link-url';

const TITLE = 'Impor Pengguna';

const renderForm = (res: Response, status: number, errors: Record<string, string>) =>
  res.status(status).render('admin/users/import', {
    title: TITLE, errors, columns: USER_IMPORT_COLUMNS, sheet: USER_IMPORT_SHEET, roleChoices: ROLE_CHOICES,
    maxRows: USER_IMPORT_MAX_ROWS, maxMb: USER_IMPORT_MAX_BYTES / 1024 / 1024,
  });

/** The links as a CSV the admin can save: one row per created account. */
function linksCsv(req: Request, created: CreatedAccount[]): string {
  return toCsv<CreatedAccount>([
    { header: 'Nama pengguna', kind: 'text', value: (a) => a.username },
    { header: 'Nama lengkap', kind: 'text', value: (a) => a.displayName },
    { header: 'Peran', kind: 'text', value: (a) => ROLE_LABELS[a.role] },
    { header: 'Unit', kind: 'text', value: (a) => a.unitName },
    { header: 'Tautan atur kata sandi', kind: 'text', value: (a) => passwordLinkUrl(req, a.token) },
  ], created);
}

/** Bulk import of accounts (admin): upload form, template, preview, apply. Mounted at /admin/users/import. */
export function userImportRoutes(users: UsersService): Router {
  const router = Router();
  const admin = requireRole('admin');

  /** @route GET /admin/users/import — the columns, the rules, the template link and the upload form */
  router.get('/', admin, (_req, res) => {
    renderForm(res, 200, {});
  });

  /**
   * @route POST /admin/users/import/upload — multipart (`file`, `_csrf`): reads the file, keeps it and shows the
   * preview. receiveUpload reads the body and checks the CSRF token before anything is done with the file.
   */
  router.post('/upload', readBody, admin, async (req, res) => {
    let token: string;
    try {
      const file = await receiveUpload(req, res, { field: 'file', maxBytes: USER_IMPORT_MAX_BYTES });
      token = await users.stageUserImport(requireUser(req), file.originalName, file.data);
    } catch (err) {
      if (err instanceof AppError && (err.status === 422 || err.status === 413)) return renderForm(res, err.status, { file: err.fields.file ?? err.message });
      throw err;
    }
    res.redirect(303, `/admin/users/import/${token}`);
  });

  /** @route GET /admin/users/import/template.xlsx — the template to fill (sheet Pengguna, role and unit lists) */
  router.get('/template.xlsx', admin, async (_req, res) => {
    const wb = users.userImportTemplate();
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', 'attachment; filename="templat-impor-pengguna.xlsx"');
    await wb.xlsx.write(res);
    res.end();
  });

  /** @route GET /admin/users/import/:token — line-by-line report of what applying the staged file would do */
  router.get('/:token', admin, (req, res) => {
    const preview = users.previewUserImport(requireUser(req), String(req.params.token));
    res.render('admin/users/import-preview', { title: `Pratinjau ${TITLE}`, preview, errors: {} });
  });

  /**
   * @route POST /admin/users/import/:token — applies the staged file in one transaction (field planHash).
   * NOTE: answers 200 with the result page instead of redirecting: it carries the new accounts' one-time links,
   * which are never stored in clear, so they can be shown this once only (as the single-account link page does).
   */
  router.post('/:token', formBody, admin, (req, res) => {
    const token = String(req.params.token);
    const body = req.body as Record<string, unknown>;
    let result: ReturnType<UsersService['applyUserImport']>;
    try {
      result = users.applyUserImport(requireUser(req), token, typeof body.planHash === 'string' ? body.planHash : '');
    } catch (err) {
      if (err instanceof AppError && (err.status === 422 || err.status === 409)) {
        const preview = users.previewUserImport(requireUser(req), token);
        return res.status(err.status).render('admin/users/import-preview', { title: `Pratinjau ${TITLE}`, preview, errors: { _form: err.message } });
      }
      throw err;
    }
    const links = result.created.map((a) => ({ ...a, link: passwordLinkUrl(req, a.token) }));
    const csv = Buffer.from(linksCsv(req, result.created), 'utf8').toString('base64');
    res.setHeader('Cache-Control', 'no-store');
    res.render('admin/users/import-result', { title: `Hasil ${TITLE}`, result, links, csvHref: `data:text/csv;charset=utf-8;base64,${csv}` });
  });

  return router;
}
