import type { Db } from '../db/database';
import type { AuditService } from '../audit';
import { createUnitsRepo } from './units.repo';
import { createUnitImportsRepo } from './unit-imports.repo';
import { createUnitsService } from './units.service';
import { unitsRoutes } from './units.routes';

export type { Unit, UnitGroup } from './units.repo';
export type { UnitsService } from './units.service';

/** The perangkat daerah and kecamatan that assess themselves; the admin keeps the list at /admin/units (the router). */
export function createUnitsModule({ db, audit }: { db: Db; audit: AuditService }) {
  const service = createUnitsService({ db, units: createUnitsRepo(db), unitImports: createUnitImportsRepo(db), audit });
  return { service, router: unitsRoutes(service, audit) };
}
