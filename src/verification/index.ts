import { Router } from 'express';
import type { Db } from '../db/database';
import type { AuditService } from '../audit';
import type { AssessmentsService } from '../assessments';
import type { EvidenceService } from '../evidence';
import type { PeriodsService } from '../periods';
import type { PeriodSetupService } from '../period-setup';
import type { UnitsService } from '../units';
import type { UsersService } from '../users';
import type { LaporService } from '../lapor';
import { createVerificationRepo } from './verification.repo';
import { createVerificationSamplesRepo } from './verification-samples.repo';
import { createVerificationService } from './verification.api';
import { verificationApiRoutes, verificationRoutes } from './verification.routes';
import { reviewRoutes } from './review.routes';

export type { VerificationService } from './verification.api';
export type { ReviewNotice } from './review.service';

export interface VerificationModuleDeps {
  db: Db;
  assessments: AssessmentsService;
  evidence: EvidenceService;
  units: UnitsService;
  users: UsersService;
  periods: PeriodsService;
  periodSetup: PeriodSetupService;
  audit: AuditService;
  /** SP4N-LAPOR! figures beside the claims, and the level the data gives (the one-click decision). */
  lapor: Pick<LaporService, 'verificationChecks' | 'dataDecision' | 'sampleFrames'>;
}

/**
 * Verification: the verifier checks each submitted answer against its evidence, returns the assessment with comments
 * or marks it verified; the unit reads the comments. The router is mounted at /periods/:periodId (queue, per-unit
 * page, reopen, review, copy confirmation), the page script's autosave (`apiRouter`) at /api/periods/:periodId/units/
 * :unitId; `service.reviewNotice` is what the questionnaire and home page show.
 */
export function createVerificationModule(deps: VerificationModuleDeps) {
  const service = createVerificationService({ ...deps, verification: createVerificationRepo(deps.db), samples: createVerificationSamplesRepo(deps.db) });
  const router = Router({ mergeParams: true });
  router.use(verificationRoutes(service, deps.periods, deps.lapor), reviewRoutes(service));
  return { service, router, apiRouter: verificationApiRoutes(service, deps.periods) };
}
