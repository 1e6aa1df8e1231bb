import { Router, type Request, type Response } from 'express';
import { parseDeleteIds } from '../assessments';
import { AppError } from '../errors/app-error';
import type { EvidenceModule } from '../evidence';
import { formBody, readBody } from '../web/body';
import { requireRole, requireUser } from '../web/guards';
import { verifyCsrf } from '../web/csrf';
import { idParam } from '../web/params';
import { flash } from '../web/view-locals';
import { itemValues, valueCriterion, valueLabel } from './kabupaten-state';
import { parseKabupatenAnswers, parseKabupatenDecisions } from './kabupaten.schemas';
import type { KabupatenService } from './kabupaten.service';

/** Who sees the kabupaten conditions: the roles that see the dashboard. A narahubung does not. */
export const KABUPATEN_VIEWERS = ['admin', 'verifikator', 'fasilitator', 'tim_renaksi'] as const;

export interface KabupatenRouteDeps {
  service: KabupatenService;
  /** The units' evidence upload: its multipart parser, content checks and form hints. */
  evidence: Pick<EvidenceModule, 'upload' | 'checkUploads' | 'hints'>;
}

interface FormState {
  values?: Record<string, unknown> | null;
  errors?: Record<string, string>;
}

function savedMessage(r: { answers: number; links: number; files: number; deleted: number }): string {
  const parts = [
    r.answers > 0 ? `Jawaban tersimpan (${r.answers} perubahan).` : '',
    r.files > 0 ? `${r.files} berkas bukti dukung diunggah.` : '',
    r.links > 0 ? `${r.links} tautan bukti dukung ditambahkan.` : '',
    r.deleted > 0 ? `${r.deleted} bukti dukung dihapus.` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : 'Tidak ada perubahan untuk disimpan.';
}

/**
 * The kabupaten conditions page, mounted at /periods/:periodId. NOTE: the admin's form is multipart (evidence files):
 * its route reads the body (readBody, then the evidence upload parser) and checks the CSRF token itself (verifyCsrf).
 */
export function kabupatenRoutes({ service, evidence }: KabupatenRouteDeps): Router {
  const router = Router({ mergeParams: true });
  const base = '/kabupaten';
  const pageUrl = (periodId: number) => `/periods/${periodId}/kabupaten`;

  function render(req: Request, res: Response, status: number, state: FormState = {}): void {
    const periodId = idParam(req, 'periodId');
    const k = service.requireKabupatenConditions(periodId);
    const role = requireUser(req).role;
    res.status(status).render('kabupaten/show', {
      title: `Kondisi tingkat kabupaten – ${k.period.name}`,
      period: k.period,
      k,
      base: pageUrl(periodId),
      canAnswer: role === 'admin',
      canVerify: role === 'verifikator',
      values: state.values ?? null,
      errors: state.errors ?? {},
      itemValues, valueLabel, valueCriterion,
      ...evidence.hints,
    });
  }

  /** Renders the form again with the typed values kept when the service refuses with 422. */
  async function orRerender(req: Request, res: Response, action: () => unknown): Promise<boolean> {
    try {
      await action();
      return true;
    } catch (err) {
      if (!(err instanceof AppError) || err.status !== 422) throw err;
      render(req, res, 422, { values: req.body as Record<string, unknown>, errors: { _form: err.message, ...err.fields } });
      return false;
    }
  }

  /** @route GET /periods/:periodId/kabupaten — the checklist with answers, evidence and verification (404 without one) */
  router.get(base, requireRole(...KABUPATEN_VIEWERS), (req, res) => {
    render(req, res, 200);
  });

  /**
   * @route POST /periods/:periodId/kabupaten — the admin saves answers, notes, links, files and evidence ticked for
   * deletion, all or nothing; refused input re-renders the form with the values kept.
   */
  router.post(base, requireRole('admin'), readBody, evidence.upload, async (req, res) => {
    verifyCsrf(req, res);
    const periodId = idParam(req, 'periodId');
    const items = service.kabupatenItems(periodId);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const parsed = parseKabupatenAnswers(items, body);
    const del = parseDeleteIds(body);
    const files = evidence.checkUploads(req.files, new Set(items.map((i) => i.code)), (code) => `Kondisi ${code}`);
    const errors = { ...parsed.errors, ...files.errors, ...(del.error ? { _form: del.error } : {}) };
    if (Object.keys(errors).length > 0) {
      return render(req, res, files.status ?? 422, { values: body, errors: { _form: 'Periksa kembali isian yang ditandai; belum ada yang disimpan.', ...errors } });
    }
    let result = { answers: 0, links: 0, files: 0, deleted: 0 };
    const save = async () => { result = await service.saveKabupatenAnswers(requireUser(req), periodId, { answers: parsed.answers, files: files.files, deleteIds: del.ids }); };
    if (!(await orRerender(req, res, save))) return;
    flash(req, 'success', savedMessage(result));
    const go = body.go;
    res.redirect(pageUrl(periodId) + (typeof go === 'string' && /^K[0-9]{1,2}$/.test(go) ? `#kondisi-${go}` : ''));
  });

  /** @route POST /periods/:periodId/kabupaten/verification — the verifikator confirms or changes answers, with comments */
  router.post(`${base}/verification`, formBody, requireRole('verifikator'), async (req, res) => {
    const periodId = idParam(req, 'periodId');
    const body = (req.body ?? {}) as Record<string, unknown>;
    const parsed = parseKabupatenDecisions(service.kabupatenItems(periodId), body);
    if (Object.keys(parsed.errors).length > 0) {
      return render(req, res, 422, { values: body, errors: { _form: 'Periksa kembali isian yang ditandai; belum ada yang disimpan.', ...parsed.errors } });
    }
    let changed = 0;
    if (!(await orRerender(req, res, () => { changed = service.decideKabupaten(requireUser(req), periodId, parsed.decisions); }))) return;
    flash(req, 'success', changed > 0 ? `Hasil pemeriksaan tersimpan (${changed} perubahan).` : 'Tidak ada perubahan untuk disimpan.');
    res.redirect(pageUrl(periodId));
  });

  /** @route GET /periods/:periodId/kabupaten/evidence/:evidenceId — an evidence file, always as an attachment */
  router.get(`${base}/evidence/:evidenceId`, requireRole(...KABUPATEN_VIEWERS), (req, res) => {
    const file = service.kabupatenEvidenceFile(idParam(req, 'periodId'), idParam(req, 'evidenceId'));
    res.attachment(file.fileName);
    res.set({ 'Content-Type': file.mimeType, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, no-store' });
    res.sendFile(file.path);
  });

  return router;
}
