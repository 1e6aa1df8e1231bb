import type { Db } from '../db/database';
import type { AuditService } from '../audit';
import type { MonitoringService } from '../monitoring';
import type { PeriodsService } from '../periods';
import type { ProgressService } from '../progress';
import { createBuildCache } from '../shared/build-cache';
import { createSettingsRepo } from '../shared/settings.repo';
import { createMonevDocumentsService } from './monev-documents.service';
import { monevDocumentsRoutes } from './monev-documents.routes';

/** Monev workbooks kept by the fingerprint of their content (a few hundred KB each). */
const WORKBOOK_CACHE_BYTES = 8 * 1024 * 1024;

interface MonevDocumentsModuleDeps {
  db: Db;
  monitoring: MonitoringService;
  progress: ProgressService;
  periods: PeriodsService;
  audit: AuditService;
}

/**
 * The documents of the Renaksi's monev: Lampiran III (Matriks Monitoring dan Evaluasi, GET …/renaksi/monev.xlsx) and
 * the semester report for the Bupati (GET …/renaksi/monev/laporan). Reads the monitoring module's progress, the
 * progress module's plan-year figures and the Renaksi's document settings; writes nothing but the audit entry.
 * The router is mounted at /periods/:periodId.
 */
export function createMonevDocumentsModule(deps: MonevDocumentsModuleDeps) {
  const service = createMonevDocumentsService({
    monitoring: deps.monitoring, progress: deps.progress, periods: deps.periods, audit: deps.audit,
    settings: createSettingsRepo(deps.db), workbooks: createBuildCache(WORKBOOK_CACHE_BYTES),
  });
  return { service, router: monevDocumentsRoutes(service) };
}
export type { MonevDocumentsService } from './monev-documents.service';
