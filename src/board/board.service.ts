import type { AuditService } from '../audit';
import type { Period, PeriodsService } from '../periods';
import type { UnitsService } from '../units';
import { bindDeps } from '../shared/bind-deps';
import type { User } from '../shared/identity';
import { arrangeBoard } from './board-view';
import type { BoardRepo, BoardRow } from './board.repo';
import { parseBoardQuery, type BoardQuery } from './board.schemas';

export interface BoardDeps {
  board: BoardRepo;
  periods: PeriodsService;
  units: UnitsService;
  audit: AuditService;
}

/** The completion board of a period: every unit (`all`), the filtered and sorted `rows`, the indicator count. */
export interface Board {
  period: Period;
  q: BoardQuery;
  all: BoardRow[];
  rows: BoardRow[];
  total: number;
}

/** The board for the (validated) query: ?kelompok, ?status filter and ?urut, ?arah sort. */
function getBoard(deps: BoardDeps, periodId: number, query: unknown): Board {
  const { period, instrument } = deps.periods.loadPeriod(periodId);
  const q = parseBoardQuery(query);
  const all = deps.board.listBoard(period.id);
  return { period, q, all, rows: arrangeBoard(all, q), total: instrument.aspects.reduce((s, a) => s + a.indicators.length, 0) };
}

/** Audits a download of the board as a workbook. */
function recordExport(deps: BoardDeps, user: User, periodId: number): void {
  deps.audit.record({ userId: user.id, action: 'export.board', entity: 'period', entityId: periodId });
}

/** The board's service; whether the unit list is still provisional is the units module's. */
export function createBoardService(deps: BoardDeps) {
  return { hasProvisionalUnits: deps.units.hasProvisionalUnits, ...bindDeps(deps, { getBoard, recordExport }) };
}
export type BoardService = ReturnType<typeof createBoardService>;
