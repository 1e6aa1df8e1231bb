import type { Repos } from '../db/repos';
import { requireUnitAccess } from '../web/guards';
import { AppError, notFound } from '../errors/app-error';
import type { Unit } from '../units/units.repo';
import type { User } from '../shared/identity';
import type { Assessment, AssessmentStatus } from './assessments.repo';

/** Statuses in which the answers and the evidence are read-only ('dikembalikan' is editable again). */
export const LOCKED_STATUSES: ReadonlySet<AssessmentStatus> = new Set(['diajukan', 'diverifikasi']);

/** The unit, when this user may see it (a narahubung only their own: 403 otherwise; unknown: 404). */
export function loadUnit(repos: Repos, user: User, unitId: number): Unit {
  requireUnitAccess(user, unitId);
  const unit = repos.units.findById(unitId);
  if (!unit) throw notFound('Unit');
  return unit;
}

/** Throws 409 when the assessment's answers are locked (submitted or verified). */
export function requireEditable(assessment: Pick<Assessment, 'status'>): void {
  if (LOCKED_STATUSES.has(assessment.status)) {
    throw new AppError(409, 'assessment-locked', 'Penilaian sudah diajukan sehingga jawabannya terkunci.');
  }
}
