import { Router } from 'express';
import { badInput } from '../errors/app-error';
import { formBody } from '../web/body';
import { requireRole, requireUser } from '../web/guards';
import { idParam } from '../web/params';
import { validate } from '../web/validate';
import { flash } from '../web/view-locals';
import type { RenaksiService } from './renaksi.api';
import { RENAKSI_EDITORS } from './renaksi-roles';
import { MERGE_SCHEMA, MOVE_SCHEMA, parseVersion, PRIORITY_SCHEMA } from './renaksi.schemas';
import { filterFromBack, planUrl } from './renaksi-plan-view';

type Body = Record<string, unknown>;

/** The version a form showed; a form without one is refused (422) before anything is read. */
function requireVersion(body: Body): number {
  const version = parseVersion(body);
  if (version === 0) throw badInput({ version: 'Versi baris tidak valid.' });
  return version;
}

/**
 * The row actions of the plan page (delete, restore, move, priority, split, merge): plain forms that come back to the
 * same aspect or filter (`kembali`) at the row. Mounted at /periods/:periodId.
 */
export function renaksiRowActionRoutes(renaksi: RenaksiService): Router {
  const router = Router({ mergeParams: true });
  const editors = requireRole(...RENAKSI_EDITORS);
  const base = '/renaksi/rows/:rowId';
  const back = (body: Body, periodId: number, rowId?: number) => planUrl(periodId, filterFromBack(body.kembali), rowId);

  /** @route POST /periods/:periodId/renaksi/rows/:rowId/delete — soft delete (restorable); needs the shown version */
  router.post(`${base}/delete`, formBody, editors, (req, res) => {
    const periodId = idParam(req, 'periodId');
    const body = req.body as Body;
    renaksi.deleteRow(requireUser(req), periodId, idParam(req, 'rowId'), requireVersion(body));
    flash(req, 'success', 'Baris dihapus dari Renaksi. Baris dapat dipulihkan dari daftar "Baris terhapus".');
    res.redirect(`${back(body, periodId)}#terhapus`);
  });

  /** @route POST /periods/:periodId/renaksi/rows/:rowId/restore — brings a deleted row back, shown in its aspect */
  router.post(`${base}/restore`, formBody, editors, (req, res) => {
    const periodId = idParam(req, 'periodId');
    const rowId = idParam(req, 'rowId');
    const row = renaksi.restoreRow(requireUser(req), periodId, rowId);
    flash(req, 'success', 'Baris dipulihkan.');
    res.redirect(planUrl(periodId, { aspek: row.aspectCode }, rowId));
  });

  /** @route POST /periods/:periodId/renaksi/rows/:rowId/move — one place up or down within its aspect */
  router.post(`${base}/move`, formBody, editors, (req, res) => {
    const periodId = idParam(req, 'periodId');
    const rowId = idParam(req, 'rowId');
    const { direction } = validate(MOVE_SCHEMA, req.body);
    renaksi.moveRow(requireUser(req), periodId, rowId, direction);
    res.redirect(back(req.body as Body, periodId, rowId));
  });

  /** @route POST /periods/:periodId/renaksi/rows/:rowId/priority — marks (1) or unmarks (0) a priority */
  router.post(`${base}/priority`, formBody, editors, (req, res) => {
    const periodId = idParam(req, 'periodId');
    const rowId = idParam(req, 'rowId');
    const { isPriority } = validate(PRIORITY_SCHEMA, req.body);
    renaksi.setRowPriority(requireUser(req), periodId, rowId, isPriority === '1');
    res.redirect(back(req.body as Body, periodId, rowId));
  });

  /** @route POST /periods/:periodId/renaksi/rows/:rowId/split — a copy right after the row, to edit apart */
  router.post(`${base}/split`, formBody, editors, (req, res) => {
    const periodId = idParam(req, 'periodId');
    const body = req.body as Body;
    const id = renaksi.splitRow(requireUser(req), periodId, idParam(req, 'rowId'), requireVersion(body));
    flash(req, 'success', 'Baris dipecah: salinannya ada tepat di bawahnya dan dapat disunting terpisah.');
    res.redirect(back(body, periodId, id));
  });

  /** @route POST /periods/:periodId/renaksi/rows/:rowId/merge — adds the row's content to another (`into`) and deletes it */
  router.post(`${base}/merge`, formBody, editors, (req, res) => {
    const periodId = idParam(req, 'periodId');
    const body = req.body as Body;
    const version = requireVersion(body);
    const { into } = validate(MERGE_SCHEMA, body);
    const kept = renaksi.mergeRow(requireUser(req), periodId, idParam(req, 'rowId'), version, into);
    flash(req, 'success', 'Baris digabungkan; baris asalnya dihapus dan dapat dipulihkan dari daftar "Baris terhapus".');
    res.redirect(back(body, periodId, kept.id));
  });

  return router;
}
