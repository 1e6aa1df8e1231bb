import { Router } from 'express';
import { RENAKSI_READERS } from '../renaksi';
import { requireRole, requireUser } from '../web/guards';
import { idParam } from '../web/params';
import type { NarrativeService } from './narrative.api';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A unit's own Renaksi to download from the unit's pages. Mounted at /periods/:periodId. */
export function unitPlanRoutes(narrative: NarrativeService): Router {
  const router = Router({ mergeParams: true });

  /**
   * @route GET /periods/:periodId/units/:unitId/renaksi.docx — the unit's own Renaksi (Word): its gap indicators,
   * activities for its level, target levels per year, head and narahubung; a narahubung their own unit's once final
   */
  router.get('/units/:unitId/renaksi.docx', requireRole(...RENAKSI_READERS, 'narahubung'), async (req, res) => {
    const { bytes, fileName } = await narrative.exportUnitPlanDocx(requireUser(req), idParam(req, 'periodId'), idParam(req, 'unitId'));
    res.setHeader('Content-Type', DOCX_TYPE);
    res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    res.setHeader('Content-Length', String(bytes.length));
    res.end(bytes);
  });

  return router;
}
