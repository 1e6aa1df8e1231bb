import { requireUnitAccess } from '../web/guards';
import { AppError, notFound } from '../errors/app-error';
import type { Db } from '../db/database';
import type { AuditService } from '../audit';
import type { EvidenceService } from '../evidence';
import type { PeriodsService } from '../periods';
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

/** The unit, when this user may see it (a narahubung only their own: 403 otherwise; unknown: 404). */
export function loadUnit(deps: { units: UnitsService }, user: User, unitId: number): Unit {
  requireUnitAccess(user, unitId);
  const unit = deps.units.findById(unitId);
  if (!unit) throw notFound('Unit');
  return unit;
}

/** Throws 409 when the assessment's answers are locked (submitted or verified). */
export function requireEditable(assessment: Pick<Assessment, 'status'>): void {
  if (LOCKED_STATUSES.has(assessment.status)) {
    throw new AppError(409, 'assessment-locked', 'Penilaian sudah diajukan sehingga jawabannya terkunci.');
  }
}
