import { Router, type Request, type Response } from 'express';
import { AnswerConflictError, parseAnswerForm, parseDeleteIds, requireEditable } from '../assessments';
import { AppError } from '../errors/app-error';
import type { EvidenceRecord } from '../evidence';
import { readBody } from '../web/body';
import { verifyCsrf } from '../web/csrf';
import { requireRole, requireUser } from '../web/guards';
import { idParam } from '../web/params';
import { renderToString } from '../web/render-to-string';
import { flash } from '../web/view-locals';
import { canDeleteEvidence, EDITORS, questionnairePath, renderQuestionnaire, type QuestionnaireDeps } from './questionnaire-view';

const wantsJson = (req: Request) => req.accepts(['html', 'json']) === 'json';

function savedMessage(r: { answers: number; deleted: number; fileIds: number[] }): string {
  const parts = [
    r.answers > 0 ? `Jawaban tersimpan (${r.answers} perubahan).` : '',
    r.fileIds.length > 0 ? `${r.fileIds.length} berkas bukti dukung diunggah.` : '',
    r.deleted > 0 ? `${r.deleted} bukti dukung dihapus.` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : 'Tidak ada perubahan untuk disimpan.';
}

/**
 * The questionnaire form's POST routes, mounted at /periods/:periodId/units/:unitId/assessment. NOTE: the form is
 * multipart when it carries evidence files and urlencoded otherwise: these routes read either (readBody, then the
 * evidence upload parser) and then check the CSRF token themselves (verifyCsrf) before anything else happens.
 */
export function questionnaireFormRoutes(deps: QuestionnaireDeps): Router {
  const router = Router({ mergeParams: true });
  const upload = deps.evidence.upload;

  /**
   * Saves everything the form sends in one transaction: answers (version-checked), links, evidence ticked for
   * deletion, uploaded files (written to the store first, then referenced by hash in the transaction). Refusals
   * re-render the form with the person's values kept and nothing written. Resolves to null when it has already
   * answered the request.
   */
  async function saveForm(req: Request, res: Response, submitting: boolean): Promise<{ answers: number; deleted: number; fileIds: number[] } | null> {
    verifyCsrf(req, res);
    const user = requireUser(req);
    const periodId = idParam(req, 'periodId');
    const unitId = idParam(req, 'unitId');
    const q = deps.assessments.getQuestionnaire(user, periodId, unitId);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const parsed = parseAnswerForm(q.instrument, body);
    const del = parseDeleteIds(body);
    const codes = new Set(q.instrument.aspects.flatMap((a) => a.indicators.map((i) => i.code)));
    const files = deps.evidence.checkUploads(req.files, codes);
    const errors = { ...parsed.errors, ...files.errors, ...(del.error ? { _form: del.error } : {}) };
    if (Object.keys(errors).length > 0) {
      const status = files.status ?? 422;
      if (wantsJson(req)) throw new AppError(status, status === 413 ? 'file-too-large' : 'invalid-input', Object.values(errors)[0] ?? '', errors);
      renderQuestionnaire(deps, req, res, status, { values: body, errors: { _form: 'Periksa kembali isian yang ditandai; belum ada yang disimpan.', ...errors } });
      return null;
    }
    if (submitting && q.locked) return { answers: 0, deleted: 0, fileIds: [] };
    // A locked assessment is refused before any file is written; the transaction checks again for a race.
    if (q.assessment && files.files.length > 0) requireEditable(q.assessment);
    const stored = await deps.evidence.service.writeEvidenceFiles(files.files);
    try {
      return deps.assessments.saveQuestionnaireForm(user, periodId, unitId, { answers: parsed.answers, files: stored, deleteIds: del.ids });
    } catch (err) {
      if (!(err instanceof AnswerConflictError) || wantsJson(req)) throw err;
      renderQuestionnaire(deps, req, res, 409, { values: body, errors: { _form: err.message }, conflicts: err.conflicts });
      return null;
    }
  }

  /** Where to land after saving: back at the indicator whose "Simpan & unggah" was pressed. */
  function backTo(req: Request): string {
    const go = (req.body as Record<string, unknown> | undefined)?.go;
    const anchor = typeof go === 'string' && /^[A-Z][0-9]{1,2}$/.test(go) ? `#ind-${go}` : '';
    return questionnairePath(idParam(req, 'periodId'), idParam(req, 'unitId')) + anchor;
  }

  /**
   * @route POST /periods/:periodId/units/:unitId/assessment — saves the whole form (works without JavaScript);
   * with `Accept: application/json` (the page's script uploading one file) answers with the new evidence items.
   */
  router.post('/', readBody, requireRole(...EDITORS), upload, async (req, res) => {
    const result = await saveForm(req, res, false);
    if (!result) return;
    if (wantsJson(req)) {
      const user = requireUser(req);
      const evidence = await Promise.all(
        result.fileIds.map(async (id) => {
          const e = deps.evidence.service.findById(id) as EvidenceRecord;
          const html = await renderToString(res, 'assessments/_evidence-item', { e, base: questionnairePath(e.periodId, e.unitId), deletable: canDeleteEvidence(user, e) });
          return { code: e.indicatorCode, id: e.id, html };
        }),
      );
      res.json({ evidence });
      return;
    }
    flash(req, 'success', savedMessage(result));
    res.redirect(backTo(req));
  });

  /**
   * @route POST /periods/:periodId/units/:unitId/assessment/submit — saves what the form sends (so nothing typed is
   * lost), then submits and locks; an incomplete assessment stays a draft and lists what is missing.
   */
  router.post('/submit', readBody, requireRole(...EDITORS), upload, async (req, res) => {
    const result = await saveForm(req, res, true);
    if (!result) return;
    try {
      deps.assessments.submitAssessment(requireUser(req), idParam(req, 'periodId'), idParam(req, 'unitId'));
    } catch (err) {
      if (err instanceof AppError && err.code === 'assessment-incomplete') {
        return renderQuestionnaire(deps, req, res, 422, { errors: { _form: err.message } });
      }
      throw err;
    }
    flash(req, 'success', 'Penilaian mandiri berhasil diajukan untuk diverifikasi.');
    res.redirect(questionnairePath(idParam(req, 'periodId'), idParam(req, 'unitId')));
  });

  return router;
}
