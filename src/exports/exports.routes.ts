import { Router } from 'express';
import type { Repos } from '../db/repos';
import { requireRole, requireUser } from '../web/guards';
import { idParam } from '../web/params';
import { writeAssessmentRecap } from './recap-workbook';
import { recapSource } from './recap-export.service';

/** Who prepares or runs the FGD and may take the full assessment recap. */
export const RECAP_READERS = ['admin', 'verifikator', 'fasilitator', 'tim_renaksi'] as const;

export function exportsRoutes(repos: Repos): Router {
  const router = Router();

  /**
   * @route GET /periods/:periodId/rekap.xlsx — every unit × indicator with self and verified levels, notes and
   * evidence, streamed row by row so it scales to tens of thousands of units
   */
  router.get('/periods/:periodId/rekap.xlsx', requireRole(...RECAP_READERS), async (req, res) => {
    const { period, ...source } = recapSource(repos, idParam(req, 'periodId'));
    repos.audit.record({ userId: requireUser(req).id, action: 'export.rekap', entity: 'period', entityId: period.id });
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
