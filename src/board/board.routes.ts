import { Router, type Request } from 'express';
import { formatDateTime, GROUP_LABELS, STATUS_LABELS } from '../shared/format';
import { requireRole, requireUser } from '../web/guards';
import { idParam } from '../web/params';
import { boardQueryString, countByStatus, officialNumbers } from './board-view';
import { buildBoardWorkbook } from './board-workbook';
import type { BoardService } from './board.service';
import { SORT_KEYS, BOARD_STATUSES, type BoardQuery } from './board.schemas';

export const BOARD_VIEWERS = ['admin', 'fasilitator', 'verifikator'] as const;

function filterLabel(q: BoardQuery): string {
  return `Kelompok: ${q.kelompok ? GROUP_LABELS[q.kelompok] : 'semua'} · Status: ${q.status ? STATUS_LABELS[q.status] : 'semua'}`;
}

/** The completion board of a period and its workbook. Mounted at /periods/:periodId. */
export function boardRoutes(boards: BoardService): Router {
  const router = Router({ mergeParams: true });
  const board = (req: Request) => boards.getBoard(idParam(req, 'periodId'), req.query);

  /**
   * @route GET /periods/:periodId/units — the completion board: every unit with status, answered and evidence
   * counts, last activity and narahubung; ?kelompok, ?status filter and ?urut, ?arah sort on the server.
   */
  router.get('/units', requireRole(...BOARD_VIEWERS), (req, res) => {
    const b = board(req);
    res.render('periods/units', {
      title: `Status Pengisian – ${b.period.name}`,
      period: b.period,
      q: b.q,
      rows: b.rows,
      total: b.total,
      counts: countByStatus(b.all),
      unitTotal: b.all.length,
      officialNo: officialNumbers(b.all),
      sortKeys: SORT_KEYS,
      statuses: BOARD_STATUSES,
      qs: (change: Partial<BoardQuery>) => boardQueryString(b.q, change),
      provisional: boards.hasProvisionalUnits(),
      role: requireUser(req).role,
    });
  });

  /** @route GET /periods/:periodId/units.xlsx — the same board (same filter and order) as an Excel workbook */
  router.get('/units.xlsx', requireRole(...BOARD_VIEWERS), async (req, res) => {
    const b = board(req);
    const wb = buildBoardWorkbook({
      periodName: b.period.name,
      total: b.total,
      filterLabel: filterLabel(b.q),
      unitTotal: b.all.length,
      generatedLabel: formatDateTime(new Date().toISOString()),
      rows: b.rows,
      statusLabel: (r) => STATUS_LABELS[r.status],
      groupLabel: (r) => GROUP_LABELS[r.group],
    });
    boards.recordExport(requireUser(req), b.period.id);
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename="status-pengisian-periode-${b.period.id}.xlsx"`);
    await wb.xlsx.write(res);
    res.end();
  });

  return router;
}
