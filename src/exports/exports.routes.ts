import { Router } from 'express';
import { requireRole, requireUser } from '../web/guards';
import { idParam } from '../web/params';
import type { ExportsService } from './exports.service';
import { writeAssessmentRecap } from './recap-workbook';

/** Who prepares or runs the FGD and may take the full assessment recap. */
export const RECAP_READERS = ['admin', 'verifikator', 'fasilitator', 'tim_renaksi'] as const;

/** The assessment recap download. Mounted at /periods/:periodId. */
export function exportsRoutes(exportsService: ExportsService): Router {
  const router = Router({ mergeParams: true });

  /**
   * @route GET /periods/:periodId/rekap.xlsx — every unit × indicator with self and verified levels, notes and
   * evidence, streamed row by row so it scales to tens of thousands of units
   */
  router.get('/rekap.xlsx', requireRole(...RECAP_READERS), async (req, res) => {
    const { period, source } = exportsService.recapSource(idParam(req, 'periodId'));
    exportsService.recordRecapExport(requireUser(req), period.id);
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename="rekap-penilaian-mandiri-periode-${period.id}.xlsx"`);
    try {
      await writeAssessmentRecap(res, source);
    } catch (err) {
      // The writer stops as soon as the client goes away (a cancelled download), which is no error of ours.
      if (res.destroyed) return;
      // NOTE: the headers are gone; all that is left is to cut the download so it cannot be mistaken for a whole file.
      console.error('[error] recap export failed', err);
      res.destroy(err instanceof Error ? err : undefined);
    }
  });

  return router;
}
