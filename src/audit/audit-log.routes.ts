import { Router } from 'express';
import { z } from 'zod';
import { requireRole } from '../web/guards';
import { validate } from '../web/validate';
import type { AuditService } from './audit.service';

/** Filter groups offered on the page: prefix → label. */
export const AUDIT_GROUPS: Record<string, string> = {
  '': 'Semua kegiatan',
  'auth.': 'Masuk dan gagal masuk',
  'user.': 'Perubahan akun dan peran',
  'export.': 'Ekspor dokumen',
  'evidence.delete': 'Penghapusan bukti dukung',
  'answer.': 'Perubahan jawaban',
};

const QUERY_SCHEMA = z.object({
  action: z.string().max(40, 'Jenis kegiatan tidak dikenal.').regex(/^[a-z_.]*$/, 'Jenis kegiatan tidak dikenal.').default(''),
  from: z.union([z.literal(''), z.iso.date('Tanggal awal harus berformat TTTT-BB-HH.')]).default(''),
  to: z.union([z.literal(''), z.iso.date('Tanggal akhir harus berformat TTTT-BB-HH.')]).default(''),
  page: z.coerce.number({ error: 'Halaman harus angka.' }).int().min(1).max(100000).default(1),
});

/** Adds a day to a YYYY-MM-DD date so "to" includes the whole day. */
function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The audit log page (admin); mounted at /admin/audit. */
export function auditLogRoutes(audit: AuditService): Router {
  const router = Router();

  /** @route GET /admin/audit?action=&from=&to=&page= — the audit log for the admin, newest first */
  router.get('/', requireRole('admin'), (req, res) => {
    const q = validate(QUERY_SCHEMA, req.query, { summary: 'all-fields' });
    const { rows, hasNext } = audit.logPage({ action: q.action, from: q.from, to: q.to ? nextDay(q.to) : '' }, q.page);
    res.render('admin/audit', { title: 'Log Audit', rows, hasNext, q, groups: AUDIT_GROUPS });
  });

  return router;
}
