import { Router } from 'express';
import { z } from 'zod';
import type { Repos } from '../db/repos';
import { requireRole } from '../web/guards';
import { badInput } from '../errors/app-error';
import { auditLabel } from './audit-labels';
import { describeAudit } from './audit-describe';

const PAGE_SIZE = 50;

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

export function auditLogRoutes(repos: Repos): Router {
  const router = Router();

  /** @route GET /admin/audit?action=&from=&to=&page= — the audit log for the admin, newest first */
  router.get('/admin/audit', requireRole('admin'), (req, res) => {
    const parsed = QUERY_SCHEMA.safeParse(req.query);
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const i of parsed.error.issues) fields[String(i.path[0])] ??= i.message;
      throw badInput(fields, Object.values(fields).join(' '));
    }
    const q = parsed.data;
    const rows = repos.audit.list({ action: q.action, from: q.from, to: q.to ? nextDay(q.to) : '' }, PAGE_SIZE + 1, (q.page - 1) * PAGE_SIZE);
    res.render('admin/audit', {
      title: 'Log Audit',
      rows: rows.slice(0, PAGE_SIZE).map((r) => ({ ...r, label: auditLabel(r.action), description: describeAudit(r) })),
      hasNext: rows.length > PAGE_SIZE,
      q,
      groups: AUDIT_GROUPS,
    });
  });

  return router;
}
