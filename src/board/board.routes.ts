import { Router, type Request } from 'express';
import type { Repos } from '../db/repos';
import { requireRole, requireUser } from '../web/guards';
import { idParam } from '../web/params';
import { loadPeriod } from '../scoring/scores.service';
import { formatDateTime, GROUP_LABELS, STATUS_LABELS } from '../shared/format';
import { hasProvisionalUnits } from '../units/units.service';
import { arrangeBoard, boardQueryString, countByStatus, officialNumbers } from './board-view';
import { buildBoardWorkbook } from './board-workbook';
import { parseBoardQuery, SORT_KEYS, BOARD_STATUSES, type BoardQuery } from './board.schemas';

export const BOARD_VIEWERS = ['admin', 'fasilitator', 'verifikator'] as const;

function filterLabel(q: BoardQuery): string {
  return `Kelompok: ${q.kelompok ? GROUP_LABELS[q.kelompok] : 'semua'} · Status: ${q.status ? STATUS_LABELS[q.status] : 'semua'}`;
}

export function boardRoutes(repos: Repos): Router {
  const router = Router();

  function board(req: Request) {
    const { period, instrument } = loadPeriod(repos, idParam(req, 'periodId'));
    const q = parseBoardQuery(req.query);
    const all = repos.board.listBoard(period.id);
    return { period, q, all, rows: arrangeBoard(all, q), total: instrument.aspects.reduce((s, a) => s + a.indicators.length, 0) };
  }

  /**
   * @route GET /periods/:periodId/units — the completion board: every unit with status, answered and evidence
   * counts, last activity and narahubung; ?kelompok, ?status filter and ?urut, ?arah sort on the server.
   */
  router.get('/periods/:periodId/units', requireRole(...BOARD_VIEWERS), (req, res) => {
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
      provisional: hasProvisionalUnits(repos),
      role: requireUser(req).role,
    });
  });

  /** @route GET /periods/:periodId/units.xlsx — the same board (same filter and order) as an Excel workbook */
  router.get('/periods/:periodId/units.xlsx', requireRole(...BOARD_VIEWERS), async (req, res) => {
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
    repos.audit.record({ userId: requireUser(req).id, action: 'export.board', entity: 'period', entityId: b.period.id });
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename="status-pengisian-periode-${b.period.id}.xlsx"`);
    await wb.xlsx.write(res);
    res.end();
  });

  return router;
}
