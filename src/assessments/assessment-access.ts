import { requireUnitAccess } from '../web/guards';
import { AppError } from '../errors/app-error';
import type { Db } from '../db/database';
import type { AuditService } from '../audit';
import type { EvidenceService } from '../evidence';
import type { Instrument } from '../instrument';
import type { Period, PeriodsService } from '../periods';
import type { Unit, UnitsService } from '../units';
import type { User } from '../shared/identity';
import type { Assessment, AssessmentsRepo } from './assessments.repo';
import type { AssessmentStatus } from '../shared/assessment-status';

/** What the assessments module is given: its repository and the services of the modules it calls. */
export interface AssessmentsDeps {
  db: Db;
  assessments: AssessmentsRepo;
  units: UnitsService;
  periods: PeriodsService;
  evidence: EvidenceService;
  audit: AuditService;
}

/** Statuses in which the answers and the evidence are read-only ('dikembalikan' is editable again). */
export const LOCKED_STATUSES: ReadonlySet<AssessmentStatus> = new Set(['diajukan', 'diverifikasi']);

/**
 * The guard of every read and write of a unit's assessment in a period (questionnaire and its autosave, evidence,
 * offline workbook and upload, submit, verification, review, rapor): the unit and the period, when this user may see
 * the unit (a narahubung only their own: 403 otherwise), both exist (404) and the unit is one of the period's units
 * (404 `unit-not-in-period` naming why: a unit formed later, or deactivated; src/db/period-units.ts). `user` null:
 * a caller whose route admits only roles that see every unit (verification).
 */
export function requirePeriodUnit(
  deps: { units: UnitsService; periods: PeriodsService }, user: User | null, periodId: number, unitId: number,
): { unit: Unit; period: Period; instrument: Instrument } {
  if (user) requireUnitAccess(user, unitId);
  const unit = deps.units.requireUnit(unitId);
  const { period, instrument } = deps.periods.loadPeriod(periodId);
  deps.units.requireInPeriod(unit, period);
  return { unit, period, instrument };
}

/** Throws 409 when the assessment's answers are locked (submitted or verified). */
export function requireEditable(assessment: Pick<Assessment, 'status'>): void {
  if (LOCKED_STATUSES.has(assessment.status)) {
    throw new AppError(409, 'assessment-locked', 'Penilaian sudah diajukan sehingga jawabannya terkunci.');
  }
}
