import { Router } from 'express';
import type { Repos } from '../db/repos';
import { requireRole } from '../web/guards';
import { idParam } from '../web/params';
import { requireUnit } from '../units/units.service';
import { describeAudit } from './audit-describe';

export const HISTORY_PAGE_SIZE = 25;

/** The admin's view of the audit log per unit. */
export function auditRoutes(repos: Repos): Router {
  const router = Router();

  /** @route GET /admin/units/:unitId/history — every recorded change of the unit, newest first (?halaman=N) */
  router.get('/admin/units/:unitId/history', requireRole('admin'), (req, res) => {
    const unit = requireUnit(repos, idParam(req, 'unitId'));
    const total = repos.audit.countByUnit(unit.id);
    const pages = Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE));
    const raw = typeof req.query.halaman === 'string' && /^[1-9][0-9]{0,5}$/.test(req.query.halaman) ? Number(req.query.halaman) : 1;
    const page = Math.min(raw, pages);
    const entries = repos.audit.listByUnit(unit.id, HISTORY_PAGE_SIZE, (page - 1) * HISTORY_PAGE_SIZE).map((e) => ({ ...e, description: describeAudit(e) }));
    res.render('admin/units/history', { title: `Riwayat – ${unit.name}`, unit, entries, page, pages, total });
  });

  return router;
}
