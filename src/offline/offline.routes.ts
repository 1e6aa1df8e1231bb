import { Router, type Request, type Response } from 'express';
import { requireRole, requireUser } from '../web/guards';
import { AppError } from '../errors/app-error';
import { idParam } from '../web/params';
import { readBody } from '../web/body';
import { receiveUpload } from '../web/upload';
import type { OfflineService, UploadReport } from './offline.service';

declare module 'express-session' {
  interface SessionData {
    /** The last applied offline upload's report, shown once after the redirect. */
    offlineReport?: UploadReport;
  }
}

/** Offline questionnaires are 30 rows of text; 5 MB is far more than a filled one needs. */
export const QUESTIONNAIRE_MAX_BYTES = 5 * 1024 * 1024;
const FILLERS = ['narahubung', 'admin'] as const;

function render(offline: OfflineService, req: Request, res: Response, status: number, report: UploadReport | null, errors: Record<string, string> = {}) {
  const q = offline.getQuestionnaire(requireUser(req), idParam(req, 'periodId'), idParam(req, 'unitId'));
  res.status(status).render('offline/upload', { title: `Isi Tanpa Koneksi – ${q.unit.name}`, period: q.period, q, report, errors });
}

/**
 * Fill without a connection: download the unit's workbook, fill it offline, upload it back. Mounted at
 * /periods/:periodId/units/:unitId.
 */
export function offlineRoutes(offline: OfflineService): Router {
  const router = Router({ mergeParams: true });

  /** @route GET /periods/:periodId/units/:unitId/questionnaire.xlsx — the unit's workbook to fill offline */
  router.get('/questionnaire.xlsx', requireRole(...FILLERS), async (req, res) => {
    const { bytes, fileName } = await offline.questionnaireWorkbook(requireUser(req), idParam(req, 'periodId'), idParam(req, 'unitId'));
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    res.setHeader('Content-Length', String(bytes.length));
    res.end(bytes);
  });

  /** @route GET /periods/:periodId/units/:unitId/questionnaire-upload — download link, upload form, last report */
  router.get('/questionnaire-upload', requireRole(...FILLERS), (req, res) => {
    const report = req.session.offlineReport ?? null;
    delete req.session.offlineReport;
    render(offline, req, res, 200, report);
  });

  /**
   * @route POST /periods/:periodId/units/:unitId/questionnaire-upload — multipart (`file`, `_csrf`, read and
   * checked by receiveUpload); applies the file only when every line is acceptable, else 422 with the line-by-line
   * report and nothing saved.
   */
  router.post('/questionnaire-upload', readBody, requireRole(...FILLERS), async (req, res) => {
    const periodId = idParam(req, 'periodId');
    const unitId = idParam(req, 'unitId');
    const user = requireUser(req);
    offline.getQuestionnaire(user, periodId, unitId);
    let report: UploadReport;
    try {
      const file = await receiveUpload(req, res, { field: 'file', maxBytes: QUESTIONNAIRE_MAX_BYTES });
      report = await offline.importQuestionnaire(user, periodId, unitId, file);
    } catch (err) {
      if (err instanceof AppError && (err.status === 422 || err.status === 413)) return render(offline, req, res, err.status, null, { file: err.fields.file ?? err.message });
      throw err;
    }
    if (!report.applied) return render(offline, req, res, 422, report);
    req.session.offlineReport = report;
    res.redirect(`/periods/${periodId}/units/${unitId}/questionnaire-upload`);
  });

  return router;
}
