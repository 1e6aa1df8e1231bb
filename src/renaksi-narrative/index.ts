import { Router } from 'express';
import type { Db } from '../db/database';
import type { AuditService } from '../audit';
import type { RenaksiService } from '../renaksi';
import type { ScoringService } from '../scoring';
import type { KabupatenService } from '../kabupaten';
import { createBuildCache } from '../shared/build-cache';
import { createSettingsRepo } from '../shared/settings.repo';
import { createNarrativeRepo } from './narrative.repo';
import { createNarrativeService } from './narrative.api';
import { renaksiNarrativeRoutes } from './narrative.routes';
import { unitPlanRoutes } from './unit-plan.routes';

export { unitPlanUrl, type RenaksiPlanStatus, type RenaksiPlanStatusOf } from './unit-plan-access';

/** Documents kept by the fingerprint of their content: a narrative is about 25 KB, so a few hundred periods' worth. */
const DOCX_CACHE_BYTES = 8 * 1024 * 1024;

export interface RenaksiNarrativeModuleDeps {
  db: Db;
  scoring: ScoringService;
  renaksi: RenaksiService;
  audit: AuditService;
  kabupaten: KabupatenService;
}

/**
 * The Renaksi's narrative document (.docx: BAB I–VI with every figure from the data) and the page where the team
 * writes its paragraphs, and each unit's own Renaksi (.docx). The router is mounted at /periods/:periodId (/renaksi.docx,
 * /renaksi/narasi, /units/:unitId/renaksi.docx).
 */
export function createRenaksiNarrativeModule(deps: RenaksiNarrativeModuleDeps) {
  const service = createNarrativeService({
    ...deps,
    narratives: createNarrativeRepo(deps.db),
    settings: createSettingsRepo(deps.db),
    docs: createBuildCache(DOCX_CACHE_BYTES),
  });
  const router = Router({ mergeParams: true });
  router.use(renaksiNarrativeRoutes(service), unitPlanRoutes(service));
  return { service, router };
}
