import { Router } from 'express';
import { EXPECTED_SHARE, SEMESTER_MONTHS } from '../monitoring';
import { RENAKSI_READERS } from '../renaksi';
import { requireRole, requireUser } from '../web/guards';
import { idParam } from '../web/params';
import type { MonevDocumentsService } from './monev-documents.service';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The monev documents of a final Renaksi: the Lampiran III workbook and the semester report. Read by the Renaksi's
 * readers (the matrix covers every row and unit, so a narahubung, who sees only their unit, does not get it).
 * Mounted at /periods/:periodId.
 */
export function monevDocumentsRoutes(service: MonevDocumentsService): Router {
  const router = Router({ mergeParams: true });
  const readers = requireRole(...RENAKSI_READERS);

  /** @route GET /periods/:periodId/renaksi/monev.xlsx — Lampiran III, Matriks Monitoring dan Evaluasi (one sheet per plan year) and Kemajuan */
  router.get('/renaksi/monev.xlsx', readers, async (req, res) => {
    const periodId = idParam(req, 'periodId');
    const bytes = await service.exportMonevWorkbook(requireUser(req), periodId);
    res.setHeader('Content-Type', XLSX_TYPE);
    res.setHeader('Content-Disposition', `attachment; filename="monev-renaksi-sp4n-lapor-periode-${periodId}.xlsx"`);
    res.setHeader('Content-Length', String(bytes.length));
    res.end(bytes);
  });

  /** @route GET /periods/:periodId/renaksi/monev/laporan[?semester=2023-1] — the semester report for the Bupati, printable on A4 */
  router.get('/renaksi/monev/laporan', readers, (req, res) => {
    const periodId = idParam(req, 'periodId');
    const page = service.semesterReportPage(periodId, req.query.semester);
    res.render('monev/laporan', {
      title: `Laporan Monev Renaksi ${page.report.semester.label} – ${page.period.name}`, ...page, base: `/periods/${periodId}/renaksi`,
      expectedShare: EXPECTED_SHARE, semesterMonths: SEMESTER_MONTHS,
    });
  });

  return router;
}
