import { Router, type Request, type Response } from 'express';
import { AppError } from '../errors/app-error';
import { RENAKSI_EDITORS, RENAKSI_READERS } from '../renaksi';
import { formBody } from '../web/body';
import { requireRole, requireUser } from '../web/guards';
import { idParam } from '../web/params';
import { validate } from '../web/validate';
import { flash } from '../web/view-locals';
import { NARRATIVE_DEFAULTS, NARRATIVE_LABELS, NARRATIVE_SECTIONS } from './narrative-texts';
import { NARRATIVE_FORM_SCHEMA, type NarrativeForm } from './narrative.schemas';
import type { NarrativeService } from './narrative.api';
import { NarrativeConflictError } from './narrative.service';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

type Body = Record<string, unknown>;
interface RenderOptions {
  values?: Body;
  errors?: Record<string, string>;
  conflict?: NarrativeConflictError['changed'];
  message?: string;
}

/** The narrative document of the Renaksi: its download, and the page where the team writes its paragraphs. Mounted at /periods/:periodId. */
export function renaksiNarrativeRoutes(narrative: NarrativeService): Router {
  const router = Router({ mergeParams: true });
  const editors = requireRole(...RENAKSI_EDITORS);

  function render(req: Request, res: Response, status: number, opts: RenderOptions = {}) {
    const { period } = narrative.loadPeriod(idParam(req, 'periodId'));
    const page = narrative.narrativePage(period);
    res.status(status).render('renaksi/narasi', {
      title: `Narasi Renaksi – ${period.name}`,
      ...page,
      // After a refused save the form shows what the person typed, with the versions of the stored texts of now.
      values: opts.values ?? page.values,
      errors: opts.errors ?? {},
      conflict: opts.conflict ?? null,
      message: opts.message ?? null,
      sections: NARRATIVE_SECTIONS,
      sectionLabels: NARRATIVE_LABELS,
      defaults: NARRATIVE_DEFAULTS,
    });
  }

  /** @route GET /periods/:periodId/renaksi.docx — the Renaksi narrative (BAB I–VI, figures from the data) as Word */
  router.get('/renaksi.docx', requireRole(...RENAKSI_READERS), async (req, res) => {
    const periodId = idParam(req, 'periodId');
    narrative.loadPeriod(periodId);
    const bytes = await narrative.exportNarrativeDocx(requireUser(req), periodId);
    res.setHeader('Content-Type', DOCX_TYPE);
    res.setHeader('Content-Disposition', `attachment; filename="renaksi-sp4n-lapor-periode-${periodId}-narasi.docx"`);
    res.setHeader('Content-Length', String(bytes.length));
    res.end(bytes);
  });

  /** @route GET /periods/:periodId/renaksi/narasi — the narrative's paragraphs for the team to write */
  router.get('/renaksi/narasi', editors, (req, res) => {
    render(req, res, 200);
  });

  /** @route POST /periods/:periodId/renaksi/narasi — saves the paragraphs; bad input 422, someone else's save 409, values kept */
  router.post('/renaksi/narasi', formBody, editors, (req, res) => {
    const periodId = idParam(req, 'periodId');
    narrative.loadPeriod(periodId);
    const body = req.body as Body;
    let data: NarrativeForm;
    try {
      data = validate(NARRATIVE_FORM_SCHEMA, body);
    } catch (err) {
      if (!(err instanceof AppError && err.status === 422)) throw err;
      return render(req, res, 422, { values: body, errors: err.fields, message: 'Narasi belum disimpan. Periksa isian yang ditandai.' });
    }
    try {
      const changed = narrative.saveNarrative(requireUser(req), periodId, data);
      flash(req, 'success', changed.length ? `Narasi tersimpan: ${changed.map((s) => NARRATIVE_LABELS[s]).join('; ')}.` : 'Tidak ada perubahan pada narasi.');
      res.redirect(`/periods/${periodId}/renaksi/narasi`);
    } catch (err) {
      if (err instanceof NarrativeConflictError) return render(req, res, 409, { values: data, conflict: err.changed });
      if (err instanceof AppError && err.status === 409) return render(req, res, 409, { values: data, message: err.message });
      throw err;
    }
  });

  return router;
}
