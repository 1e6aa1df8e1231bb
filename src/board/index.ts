import type { Db } from '../db/database';
import type { AuditService } from '../audit';
import type { PeriodsService } from '../periods';
import type { UnitsService } from '../units';
import { createBoardRepo } from './board.repo';
import { createBoardService } from './board.service';
import { boardRoutes } from './board.routes';

/**
 * The completion board: how far every unit got with its questionnaire, on the page and as a workbook. The router is
 * mounted at /periods/:periodId (/units, /units.xlsx).
 */
export function createBoardModule(deps: { db: Db; periods: PeriodsService; units: UnitsService; audit: AuditService }) {
  return { router: boardRoutes(createBoardService({ ...deps, board: createBoardRepo(deps.db) })) };
}
