import { Router, type Request, type Response } from 'express';
import { AppError } from '../errors/app-error';
import type { EvidenceModule } from '../evidence';
import { formBody } from '../web/body';
import { requireRole, requireUser } from '../web/guards';
import { idParam } from '../web/params';
import { flash } from '../web/view-locals';
import { EXPECTED_SHARE, MONEV_STATUS_LABELS, REVIEW_STATE_LABELS, WINDOW_STATE_LABELS } from './monitoring-calc';
import { parseWindowsForm, UNIT_FILTER_SCHEMA, unitListLink } from './monitoring.schemas';
import { shownUnits } from './monitoring-view.service';
import { MONEV_EDITORS, MONEV_READERS } from './monitoring-roles';
import type { MonitoringPagesService } from './monitoring.api';

const VIEWERS = ['narahubung', ...MONEV_READERS] as const;

/**
 * The monev overview per semester, the admin's reporting windows, the coordinating PD of a row, and evidence
 * downloads. Mounted at /periods/:periodId.
 */
export function monitoringRoutes(service: MonitoringPagesService, evidence: Pick<EvidenceModule, 'hints'>): Router {
  const router = Router({ mergeParams: true });
  const base = '/renaksi/monev';
  const pageUrl = (req: Request) => `/periods/${idParam(req, 'periodId')}${base}`;

  function render(req: Request, res: Response, status: number, state: { values?: Record<string, unknown>; errors?: Record<string, string> } = {}): void {
    const page = service.overviewPage(requireUser(req), idParam(req, 'periodId'), req.query.semester);
    const filter = UNIT_FILTER_SCHEMA.parse(req.query);
    res.status(status).render('monev/index', {
      title: `Monev Renaksi – ${page.p.period.name}`, period: page.p.period, page, base: pageUrl(req),
      units: shownUnits(page.units, filter), filter,
      pageLink: (n: number) => `${unitListLink(pageUrl(req), { semester: page.semester?.key, cari: filter.cari, hal: n })}#bagian-unit`,
      values: state.values ?? null, errors: state.errors ?? {},
      statusLabels: MONEV_STATUS_LABELS, reviewLabels: REVIEW_STATE_LABELS, windowLabels: WINDOW_STATE_LABELS, expectedShare: EXPECTED_SHARE, ...evidence.hints,
    });
  }

  /** @route GET /periods/:periodId/renaksi/monev[?semester=2022-1][&cari=<unit name or code>&hal=2] — rows, aspects on schedule and units' own parts for a semester (100 units a page) */
  router.get(base, requireRole(...VIEWERS), (req, res) => render(req, res, 200));

  /** @route POST /periods/:periodId/renaksi/monev/windows — the admin sets each semester's window (opens, deadline) */
  router.post(`${base}/windows`, formBody, requireRole('admin'), (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const semesters = service.progress(idParam(req, 'periodId')).semesters;
    const parsed = parseWindowsForm(semesters, body);
    if (!parsed.value) return render(req, res, 422, { values: body, errors: { _form: 'Periksa kembali tanggal yang ditandai; belum ada yang disimpan.', ...parsed.errors } });
    const changed = service.setWindows(requireUser(req), idParam(req, 'periodId'), parsed.value);
    flash(req, 'success', changed > 0 ? `Jadwal pelaporan tersimpan (${changed} semester berubah).` : 'Tidak ada perubahan jadwal.');
    res.redirect(pageUrl(req));
  });

  /** @route POST /periods/:periodId/renaksi/monev/rows/:rowId/coordinator — admin or tim_renaksi names the row's coordinating PD */
  router.post(`${base}/rows/:rowId/coordinator`, formBody, requireRole(...MONEV_EDITORS), (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const raw = body.unitId;
    const unitId = raw === '' ? null : typeof raw === 'string' && /^[1-9][0-9]{0,9}$/.test(raw) ? Number(raw) : undefined;
    if (unitId === undefined) throw new AppError(422, 'invalid-input', 'PD koordinator: pilih salah satu perangkat daerah.', { unitId: 'pilih salah satu perangkat daerah' });
    service.setCoordinator(requireUser(req), idParam(req, 'periodId'), idParam(req, 'rowId'), unitId);
    flash(req, 'success', 'PD koordinator baris tersimpan.');
    const back = typeof body.back === 'string' && /^\d{4}-[12]$/.test(body.back) ? `/rows/${idParam(req, 'rowId')}/${body.back}` : '';
    res.redirect(pageUrl(req) + back);
  });

  /** @route GET /periods/:periodId/renaksi/monev/evidence/:evidenceId — an evidence file, always as an attachment */
  router.get(`${base}/evidence/:evidenceId`, requireRole(...VIEWERS), (req, res) => {
    const file = service.monevEvidenceFile(requireUser(req), idParam(req, 'periodId'), idParam(req, 'evidenceId'));
    res.attachment(file.fileName);
    res.set({ 'Content-Type': file.mimeType, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, no-store' });
    res.sendFile(file.path);
  });

  return router;
}
