import { Router } from 'express';
import type { Db } from '../db/database';
import type { AuditService } from '../audit';
import type { PeriodsService } from '../periods';
import type { ScoringService } from '../scoring';
import type { UnitsService } from '../units';
import type { KabupatenService } from '../kabupaten';
import { createBuildCache } from '../shared/build-cache';
import { createSettingsRepo } from '../shared/settings.repo';
import { createRenaksiRepo } from './renaksi.repo';
import { createRenaksiVersionsRepo } from './renaksi-versions.repo';
import { createRenaksiUnitNotesRepo } from './renaksi-unit-notes.repo';
import { createRenaksiService } from './renaksi.api';
import { renaksiRoutes } from './renaksi.routes';
import { renaksiRowsRoutes } from './renaksi-rows.routes';
import { renaksiSettingsRoutes } from './renaksi-settings.routes';
import { renaksiUploadRoutes } from './renaksi-upload.routes';

export { RENAKSI_EDITORS, RENAKSI_READERS } from './renaksi-roles';
export { assertDraft } from './renaksi.service';
export { planYears, yearlyTargets, yearTarget } from './renaksi-draft';
export { startingLevel } from './renaksi-matrix';
export { unitPlanItems, type MapIndicator } from './renaksi-target-map';
export { decreeSubject, yearSpan } from './renaksi-lampiran';
export { sasaranText } from './renaksi-row-text';
export type { FinalPlan } from './renaksi-plan.service';
export type { SignedDocument } from './renaksi-signed';
export type { UnitPlan } from './renaksi-target-map.service';
export type { RenaksiService } from './renaksi.api';
export type { RenaksiPlan, RenaksiRow } from './renaksi.repo';

/** Workbooks kept by the fingerprint of their document: a few dozen periods' Renaksi workbooks. */
const WORKBOOK_CACHE_BYTES = 16 * 1024 * 1024;

export interface RenaksiModuleDeps {
  db: Db;
  scoring: ScoringService;
  periods: PeriodsService;
  units: UnitsService;
  audit: AuditService;
  /** The kabupaten conditions, stored with each final version for the narrative document. */
  kabupaten: Pick<KabupatenService, 'conditionRecords'>;
}

/**
 * The Rencana Aksi: drafted from the gaps to the targets, edited by the team (in the browser or as a workbook),
 * finalized as signed, dated versions. The router is mounted at /periods/:periodId (/renaksi…, /renaksi.xlsx).
 */
export function createRenaksiModule(deps: RenaksiModuleDeps) {
  const service = createRenaksiService({
    ...deps,
    renaksi: createRenaksiRepo(deps.db),
    renaksiVersions: createRenaksiVersionsRepo(deps.db),
    renaksiUnitNotes: createRenaksiUnitNotesRepo(deps.db),
    settings: createSettingsRepo(deps.db),
    workbooks: createBuildCache(WORKBOOK_CACHE_BYTES),
  });
  const router = Router({ mergeParams: true });
  router.use(renaksiRoutes(service), renaksiRowsRoutes(service), renaksiSettingsRoutes(service), renaksiUploadRoutes(service));
  return { service, router };
}
