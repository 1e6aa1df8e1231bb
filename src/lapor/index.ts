import { Router } from 'express';
import type { Db } from '../db/database';
import type { AssessmentsService } from '../assessments';
import type { AuditService } from '../audit';
import type { PeriodsService } from '../periods';
import type { UnitsService } from '../units';
import { documentSetting } from '../shared/document-settings';
import { createSettingsRepo } from '../shared/settings.repo';
import { createHeldUploads } from './held-uploads';
import { createLaporRepo } from './lapor.repo';
import { createFiguresCache } from './lapor-figures.service';
import { laporRoutes } from './lapor.routes';
import { laporSettingsRoutes } from './lapor-settings.routes';
import { laporApiRoutes, laporTableRoutes } from './lapor-api.routes';
import { runLaporImportCli, type LaporCliFlags } from './lapor-cli';
import { createLaporService } from './lapor.service';
import type { LaporContext, LaporUnit } from './lapor-context';

export type { LaporService, RecordedSample } from './lapor.service';
export type { PresentedLapor, LaporSection, VerifyView } from './lapor-view';
export { presentedMonthlyChart } from './lapor-view';
export { nationalHolidays } from './holidays';
export { createWorkdayCalendar } from './workdays';

export interface LaporModuleDeps {
  db: Db;
  units: Pick<UnitsService, 'listActive' | 'listUnits' | 'idsInPeriod'>;
  periods: Pick<PeriodsService, 'loadPeriod'>;
  assessments: Pick<AssessmentsService, 'find' | 'answers'>;
  audit: Pick<AuditService, 'record'>;
}

/**
 * Data from SP4N-LAPOR! itself (issue 16): the admin imports an export of reports per period (`router`, mounted at
 * /periods/:periodId: /lapor…, and the dashboard section's tables), keeps the remembered instansi and the cuti bersama
 * (`adminRouter`, at /admin/lapor); integrators read the figures at /api/periods/:periodId/lapor (`apiRouter`). The
 * questionnaire, verification and dashboard modules show the figures through `service`; the CLI runs lapor:import.
 */
const laporUnit = (u: { id: number; code: string; name: string; group: LaporUnit['group'] }): LaporUnit => ({ id: u.id, code: u.code, name: u.name, group: u.group });

export function createLaporModule(deps: LaporModuleDeps) {
  const settings = createSettingsRepo(deps.db);
  const repo = createLaporRepo(deps.db);
  const ctx: LaporContext = {
    db: deps.db,
    listUnits: () => deps.units.listActive().map(laporUnit),
    periodUnits: (periodId) => {
      const counted = new Set([...deps.units.idsInPeriod(periodId), ...repo.unitIdsWithReports(periodId)]);
      return deps.units.listUnits().filter((u) => counted.has(u.id)).map(laporUnit);
    },
    loadPeriod: (periodId) => deps.periods.loadPeriod(periodId),
    answers: (periodId, unitId) => {
      const a = deps.assessments.find(periodId, unitId);
      return a ? deps.assessments.answers(a.id) : {};
    },
    regionName: () => documentSetting(settings, 'renaksi.region'),
    audit: (entry) => deps.audit.record(entry),
    repo,
    held: createHeldUploads(),
    cache: createFiguresCache(),
  };
  const router = Router({ mergeParams: true });
  router.use(laporRoutes(ctx), laporTableRoutes(ctx));
  return {
    service: createLaporService(ctx),
    router,
    adminRouter: laporSettingsRoutes(ctx),
    apiRouter: laporApiRoutes(ctx),
    /** The lapor:import CLI command. */
    runImportCli: (flags: LaporCliFlags, print: (line: string) => void) => runLaporImportCli(ctx, flags, print),
  };
}
