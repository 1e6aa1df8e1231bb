import type { Db } from '../db/database';
import type { AuditService } from '../audit';
import type { EvidenceModule } from '../evidence';
import type { PeriodsService } from '../periods';
import { createKabupatenRepo } from './kabupaten.repo';
import { createKabupatenService } from './kabupaten.service';
import { kabupatenRoutes } from './kabupaten.routes';

export type { KabupatenService, KabupatenConditions } from './kabupaten.service';
export type { ConditionRecord, KabupatenCondition, KabupatenSummary } from './kabupaten-conditions';
export type { ConditionState, KabupatenReviewStatus } from './kabupaten-state';

export interface KabupatenModuleDeps {
  db: Db;
  periods: PeriodsService;
  audit: AuditService;
  /** The units' evidence: the same upload parser, content checks and file store. */
  evidence: EvidenceModule;
}

/**
 * Kondisi tingkat kabupaten: the conditions that belong to the kabupaten, not to a unit (the instrument's
 * kabupatenChecklist, revision 2 onwards). The admin answers them per period with evidence, a verifikator confirms or
 * changes each answer; the dashboard and the FGD deck read them through `service` (`kabupatenConditions`), the
 * Renaksi (its narrative, and each final version's stored copy) as records (`conditionRecords`). They never change a unit's index. The router is mounted at /periods/:periodId (/kabupaten…).
 */
export function createKabupatenModule({ db, periods, audit, evidence }: KabupatenModuleDeps) {
  const service = createKabupatenService({ db, kabupaten: createKabupatenRepo(db), evidence: evidence.service, audit, periods });
  return { service, router: kabupatenRoutes({ service, evidence }) };
}
export type KabupatenModule = ReturnType<typeof createKabupatenModule>;
