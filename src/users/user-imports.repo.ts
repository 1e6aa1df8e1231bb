import type { Db } from '../db/database';
import { createStagedImportsRepo } from '../shared/staged-imports.repo';
import type { UserImportRow } from './user-import';

/** Parsed user lists waiting on their preview page (008 user_imports). */
export function createUserImportsRepo(db: Db) {
  return createStagedImportsRepo<UserImportRow>(db, 'user_imports');
}
export type UserImportsRepo = ReturnType<typeof createUserImportsRepo>;
