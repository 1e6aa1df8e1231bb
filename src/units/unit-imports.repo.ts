import type { Db } from '../db/database';
import { createStagedImportsRepo, type StagedImport } from '../shared/staged-imports.repo';
import type { ImportLine } from './unit-import';

/** A parsed unit list waiting on its preview page. */
export type PendingImport = StagedImport<ImportLine>;

export function createUnitImportsRepo(db: Db) {
  return createStagedImportsRepo<ImportLine>(db, 'unit_imports');
}
export type UnitImportsRepo = ReturnType<typeof createUnitImportsRepo>;
