import { Router } from 'express';
import type { Role } from '../shared/identity';
import { requireRole, requireUser } from '../web/guards';
import { idParam } from '../web/params';
import { requestOrigin } from '../web/request-origin';
import { REVIEW_STATE_LABELS } from './monitoring-calc';
import type { MonevProgress } from './monitoring-progress';
import { MONEV_READERS } from './monitoring-roles';
import { BOARD_STATE_LABELS, buildMonevBoard, type BoardContact } from './monev-board';
import { pickSemester } from './monitoring-view.service';
import { UNIT_FILTER_SCHEMA, unitListLink } from './monitoring.schemas';

/** Who sees the narahubung's numbers and the reminders: not the fasilitator, whose screen is projected in the FGD. */
const MONEV_REMINDER_ROLES: readonly Role[] = ['admin', 'tim_renaksi', 'verifikator'];

interface MonevBoardDeps {
  progress: (periodId: number) => MonevProgress;
  /** Every unit's active narahubung with their numbers. */
  listContacts: () => BoardContact[];
}

/** The monev reporting board. Mounted at /periods/:periodId. */
export function monevBoardRoutes(deps: MonevBoardDeps): Router {
  const router = Router({ mergeParams: true });

  /**
   * @route GET /periods/:periodId/renaksi/monev/board[?semester=2023-1] — per reporting unit (official order) what is
   * due, reported and its review state, "terlambat" after the deadline, counts on top, and a WhatsApp reminder with
   * its plain text for each unit still owing a report; the semester defaults to the open (or latest begun) one.
   * [&status=belum|terlambat|…&kelompok=pd|kecamatan&cari=<name or code>&hal=2] lists only the units that match, 100
   * a page (the counts stay over every unit).
   */
  router.get('/renaksi/monev/board', requireRole(...MONEV_READERS), (req, res) => {
    const periodId = idParam(req, 'periodId');
    const p = deps.progress(periodId);
    const semester = pickSemester(p.semesters, req.query.semester, new Date());
    const index = semester ? p.semesters.indexOf(semester) : -1;
    const showContacts = MONEV_REMINDER_ROLES.includes(requireUser(req).role);
    // NOTE: the names are shown to every reader (as on the completion board), the numbers only to those who remind.
    const contacts = deps.listContacts().map((c) => (showContacts ? c : { ...c, phone: null }));
    const filter = UNIT_FILTER_SCHEMA.parse(req.query);
    const board = index < 0 ? null : buildMonevBoard(p, index, contacts, requestOrigin(req), filter);
    res.render('monev/board', {
      title: `Papan Pelaporan Monev – ${p.period.name}`,
      period: p.period, p, board, filter, showContacts, stateLabels: BOARD_STATE_LABELS, reviewLabels: REVIEW_STATE_LABELS,
      pageLink: (n: number) => unitListLink(`/periods/${periodId}/renaksi/monev/board`, { semester: semester?.key, ...filter, hal: n }),
    });
  });

  return router;
}
