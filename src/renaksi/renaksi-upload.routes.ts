import { Router, type Request, type Response } from 'express';
import multer from 'multer';
import { formatInt } from '../shared/format';
import { formBody, readBody } from '../web/body';
import { verifyCsrf } from '../web/csrf';
import { requireRole, requireUser } from '../web/guards';
import { idParam } from '../web/params';
import { flash } from '../web/view-locals';
import type { RenaksiService } from './renaksi.api';
import { RENAKSI_EDITORS } from './renaksi-roles';
import { assertDraft } from './renaksi.service';
import type { UploadIssue } from './renaksi-upload';
import { UploadRejectedError } from './renaksi-upload.service';

/** Largest workbook accepted: a plan of thousands of rows is well under 2 MB. */
export const UPLOAD_MAX_BYTES = 5 * 1024 * 1024;

// NOTE: browsers send file names as raw UTF-8; multer's default reads them as latin1.
const single = multer({ storage: multer.memoryStorage(), defParamCharset: 'utf8', limits: { fileSize: UPLOAD_MAX_BYTES, files: 1, fields: 5, fieldSize: 1024 } }).single('file');

const MULTER_MESSAGES: Record<string, string> = {
  LIMIT_FILE_SIZE: `berkas lebih besar dari ${formatInt(UPLOAD_MAX_BYTES / 1024 / 1024)} MB`,
  LIMIT_UNEXPECTED_FILE: 'berkas harus dikirim pada kolom "Berkas Excel"',
  LIMIT_FILE_COUNT: 'unggah satu berkas saja',
};

/** Runs multer; its errors become an upload report line instead of a 500. */
function parseMultipart(req: Request, res: Response): Promise<UploadIssue | null> {
  return new Promise((resolve, reject) => {
    single(req, res, (err: unknown) => {
      if (!err) return resolve(null);
      if (err instanceof multer.MulterError) return resolve({ sheetRow: null, column: null, message: MULTER_MESSAGES[err.code] ?? 'berkas tidak dapat diterima' });
      reject(err);
    });
  });
}

function renderForm(renaksi: RenaksiService, req: Request, res: Response, status: number, issues: UploadIssue[], fileName: string | null) {
  const { period } = renaksi.loadPeriod(idParam(req, 'periodId'));
  const plan = renaksi.planOrDefault(period.id);
  res.status(status).render('renaksi/upload', { title: `Unggah Renaksi – ${period.name}`, period, plan, issues, fileName, maxMb: UPLOAD_MAX_BYTES / 1024 / 1024 });
}

/**
 * Editing the plan offline: the upload form, the upload itself, the preview of a valid upload and applying it.
 * Mounted at /periods/:periodId.
 */
export function renaksiUploadRoutes(renaksi: RenaksiService): Router {
  const router = Router({ mergeParams: true });
  const editors = requireRole(...RENAKSI_EDITORS);

  /** @route GET /periods/:periodId/renaksi/upload — how to edit offline and the upload form */
  router.get('/renaksi/upload', editors, (req, res) => {
    renderForm(renaksi, req, res, 200, [], null);
  });

  /**
   * @route POST /periods/:periodId/renaksi/upload — an edited copy of the workbook; valid → preview, else 422 with a
   * report. Multipart: multer reads the body here, then the CSRF token is checked before the file is looked at.
   */
  router.post('/renaksi/upload', readBody, editors, async (req, res) => {
    const periodId = idParam(req, 'periodId');
    renaksi.loadPeriod(periodId);
    const multerIssue = await parseMultipart(req, res);
    verifyCsrf(req, res);
    assertDraft(renaksi.planOrDefault(periodId));
    if (multerIssue) return renderForm(renaksi, req, res, 422, [multerIssue], null);
    if (!req.file) return renderForm(renaksi, req, res, 422, [{ sheetRow: null, column: null, message: 'pilih berkas Excel (.xlsx) yang akan diunggah' }], null);
    const fileName = req.file.originalname;
    try {
      const preview = await renaksi.previewUpload(requireUser(req), periodId, { bytes: req.file.buffer, name: fileName });
      if (preview.uploadId === null) {
        flash(req, 'success', `Berkas "${fileName}" dibaca (${formatInt(preview.rowsInFile)} baris): tidak ada perubahan dibanding Renaksi tersimpan.`);
        return res.redirect(`/periods/${periodId}/renaksi`);
      }
      res.redirect(303, `/periods/${periodId}/renaksi/uploads/${preview.uploadId}`);
    } catch (err) {
      if (err instanceof UploadRejectedError) return renderForm(renaksi, req, res, 422, err.issues, fileName);
      throw err;
    }
  });

  /** @route GET /periods/:periodId/renaksi/uploads/:uploadId — the changes of an upload, field by field (old → new) */
  router.get('/renaksi/uploads/:uploadId', editors, (req, res) => {
    const { period } = renaksi.loadPeriod(idParam(req, 'periodId'));
    const upload = renaksi.findUpload(requireUser(req), period.id, idParam(req, 'uploadId'));
    res.render('renaksi/uploads/show', { title: `Pratinjau unggahan – ${period.name}`, period, plan: renaksi.ensurePlan(period.id), upload });
  });

  /** @route POST /periods/:periodId/renaksi/uploads/:uploadId/apply — applies every change in one transaction */
  router.post('/renaksi/uploads/:uploadId/apply', formBody, editors, (req, res) => {
    const periodId = idParam(req, 'periodId');
    renaksi.loadPeriod(periodId);
    const n = renaksi.applyUpload(requireUser(req), periodId, idParam(req, 'uploadId'));
    flash(req, 'success', `Perubahan dari berkas diterapkan pada ${formatInt(n)} baris. Kolom yang diubah dipertahankan saat penyusunan ulang.`);
    res.redirect(`/periods/${periodId}/renaksi`);
  });

  return router;
}
