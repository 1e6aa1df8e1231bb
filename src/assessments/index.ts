import type { Db } from '../db/database';
import type { AuditService } from '../audit';
import type { EvidenceService } from '../evidence';
import type { PeriodsService } from '../periods';
import type { UnitsService } from '../units';
import { createAssessmentsRepo } from './assessments.repo';
import { createAssessmentsService } from './assessments.service';

export type { Answer, Assessment, PeriodUnitRow } from './assessments.repo';
export type { AssessmentsService, AnswerConflict, Questionnaire } from './assessments.service';
export { AnswerConflictError, indicatorsWithoutEvidence, missingIndicators, unconfirmedCopies } from './assessments.service';
export { LOCKED_STATUSES, requireEditable } from './assessment-access';
export { LINK_SCHEMA, NOTE_MAX, URL_MAX, parseAnswerBody, parseAnswerForm, parseDeleteIds, type AnswerInput } from './assessments.schemas';

export interface AssessmentsModuleDeps {
  db: Db;
  units: UnitsService;
  periods: PeriodsService;
  evidence: EvidenceService;
  audit: AuditService;
}

/**
 * A unit's assessment in a period: its answers, status and evidence, and the rules for saving and submitting them.
 * No pages of its own: the questionnaire, verification, the offline workbook and period setup work through `service`.
 */
export function createAssessmentsModule(deps: AssessmentsModuleDeps) {
  return { service: createAssessmentsService({ ...deps, assessments: createAssessmentsRepo(deps.db) }) };
}
