import type { Repos } from '../db/repos';
import { AppError, notFound } from '../errors/app-error';
import { requireUnitAccess } from '../auth/guards';
import type { Instrument } from '../instrument/instrument.schemas';
import type { Period } from '../periods/periods.repo';
import type { Unit } from '../units/units.repo';
import type { User } from '../users/users.repo';
import { loadPeriod } from '../scoring/scores.service';
import type { Answer, Assessment, AssessmentStatus } from './assessments.repo';
import type { AnswerInput } from './assessments.schemas';
import type { Evidence } from '../evidence/evidence.repo';

export const LOCKED_STATUSES: ReadonlySet<AssessmentStatus> = new Set(['diajukan', 'diverifikasi']);

export interface Questionnaire {
  period: Period;
  instrument: Instrument;
  unit: Unit;
  assessment: Assessment | undefined;
  answers: Record<string, Answer>;
  evidence: Record<string, Evidence[]>;
  locked: boolean;
  answeredCount: number;
  totalCount: number;
}

function loadUnit(repos: Repos, user: User, unitId: number): Unit {
  requireUnitAccess(user, unitId);
  const unit = repos.units.findById(unitId);
  if (!unit) throw notFound('Unit');
  return unit;
}

/** Everything the questionnaire page shows for one unit and period (a narahubung only for their own unit). */
export function getQuestionnaire(repos: Repos, user: User, periodId: number, unitId: number): Questionnaire {
  const unit = loadUnit(repos, user, unitId);
  const { period, instrument } = loadPeriod(repos, periodId);
  const assessment = repos.assessments.find(periodId, unitId);
  const answers = assessment ? repos.assessments.answers(assessment.id) : {};
  const totalCount = instrument.aspects.reduce((s, a) => s + a.indicators.length, 0);
  const answeredCount = Object.values(answers).filter((a) => a.isNa || a.level !== null).length;
  return {
    period,
    instrument,
    unit,
    assessment,
    answers,
    evidence: assessment ? repos.evidence.listByIndicator(assessment.id) : {},
    locked: assessment ? LOCKED_STATUSES.has(assessment.status) : false,
    answeredCount,
    totalCount,
  };
}

function requireEditable(assessment: Assessment): void {
  if (LOCKED_STATUSES.has(assessment.status)) {
    throw new AppError(409, 'assessment-locked', 'Penilaian sudah diajukan sehingga jawabannya terkunci.');
  }
}

/**
 * Saves the changed answers and new evidence links of a unit in one transaction, with an audit row per change.
 * Returns how many answers changed.
 */
export function saveAnswers(repos: Repos, user: User, periodId: number, unitId: number, inputs: AnswerInput[]): number {
  loadUnit(repos, user, unitId);
  loadPeriod(repos, periodId);
  return repos.db.transaction(() => {
    const assessment = repos.assessments.findOrCreate(periodId, unitId);
    requireEditable(assessment);
    const before = repos.assessments.answers(assessment.id);
    let changed = 0;
    for (const input of inputs) {
      const old = before[input.code];
      const same = old && old.level === input.level && old.isNa === input.isNa && old.note === input.note;
      const empty = !old && input.level === null && !input.isNa && input.note === '';
      if (!same && !empty) {
        repos.assessments.upsertAnswer({ assessmentId: assessment.id, code: input.code, level: input.level, isNa: input.isNa, note: input.note, userId: user.id });
        repos.audit.record({
          userId: user.id, action: 'answer.update', entity: 'answer', entityId: assessment.id, unitId,
          oldValue: old ? { indikator: input.code, level: old.isNa ? 'na' : old.level, catatan: old.note } : null,
          newValue: { indikator: input.code, level: input.isNa ? 'na' : input.level, catatan: input.note },
        });
        changed++;
      }
      if (input.link !== '') {
        const id = repos.evidence.insertLink(assessment.id, input.code, input.link, user.id);
        repos.audit.record({ userId: user.id, action: 'evidence.add', entity: 'evidence', entityId: id, unitId, newValue: { indikator: input.code, tautan: input.link } });
        changed++;
      }
    }
    if (changed > 0) repos.assessments.touch(assessment.id);
    return changed;
  })();
}

/** Indicators not yet answered (neither a level nor N/A), in instrument order. */
export function missingIndicators(instrument: Instrument, answers: Record<string, Answer>): { code: string; title: string }[] {
  return instrument.aspects
    .flatMap((a) => a.indicators)
    .filter((ind) => {
      const a = answers[ind.code];
      return !a || (!a.isNa && a.level === null);
    })
    .map((ind) => ({ code: ind.code, title: ind.title }));
}

/**
 * Submits a unit's assessment: refused with the list of unanswered indicators while any remain; locks the answers.
 */
export function submitAssessment(repos: Repos, user: User, periodId: number, unitId: number): void {
  loadUnit(repos, user, unitId);
  const { instrument } = loadPeriod(repos, periodId);
  repos.db.transaction(() => {
    const assessment = repos.assessments.findOrCreate(periodId, unitId);
    requireEditable(assessment);
    const missing = missingIndicators(instrument, repos.assessments.answers(assessment.id));
    if (missing.length > 0) {
      throw new AppError(422, 'assessment-incomplete', `Masih ada ${missing.length} indikator yang belum dijawab: ${missing.map((m) => m.code).join(', ')}.`);
    }
    repos.assessments.setStatus(assessment.id, 'diajukan');
    repos.audit.record({ userId: user.id, action: 'assessment.submit', entity: 'assessment', entityId: assessment.id, unitId, oldValue: assessment.status, newValue: 'diajukan' });
  })();
}
