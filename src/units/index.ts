import type { Db } from '../db/database';
import type { AuditService } from '../audit';
import { createUnitsRepo } from './units.repo';
import { createUnitImportsRepo } from './unit-imports.repo';
import { createUnitsService } from './units.service';
import { unitsRoutes } from './units.routes';

export type { Unit, UnitGroup } from './units.repo';
export type { UnitsService } from './units.service';
export { readUnitTemplate } from './unit-template';
export { unitHeadTitle } from './unit-head';

/**
 * The perangkat daerah and kecamatan that assess themselves, in their official order; the admin keeps the list at
 * /admin/units (the router, mounted at /admin for /admin/units.xlsx too).
 */
export function createUnitsModule({ db, audit, templatesDir }: { db: Db; audit: AuditService; templatesDir: string }) {
  const service = createUnitsService({ db, units: createUnitsRepo(db), unitImports: createUnitImportsRepo(db), audit });
  return { service, router: unitsRoutes(service, audit, { templatesDir }) };
}
