import { AppError } from '../errors/app-error';
import type { Evidence, StoredFile } from '../evidence';
import { instrumentForUnit, type Instrument } from '../instrument';
import type { Period } from '../periods';
import type { Unit } from '../units';
import { bindDeps } from '../shared/bind-deps';
import type { User } from '../shared/identity';
import type { Answer, AnswerDetail, Assessment } from './assessments.repo';
import type { AnswerInput } from './assessments.schemas';
import { LOCKED_STATUSES, requireEditable, requirePeriodUnit, type AssessmentsDeps } from './assessment-access';
import { attachLink, deleteEvidence, evidenceDownload } from './assessment-evidence';

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

/**
 * The period's instrument as this unit answers it (requirePeriodUnit: 403 for a narahubung of another unit, 404 for
 * an unknown unit or period or a unit not of the period): N/A reserved for named units (F4 for Inspektorat in
 * revision 2) is open to them.
 */
function answeringInstrument(deps: AssessmentsDeps, user: User, periodId: number, unitId: number): { unit: Unit; period: Period; instrument: Instrument } {
  const { unit, period, instrument } = requirePeriodUnit(deps, user, periodId, unitId);
  return { unit, period, instrument: instrumentForUnit(instrument, unit.code) };
}

/** Everything the questionnaire page shows for one unit and period (a narahubung only for their own unit). */
export function getQuestionnaire(deps: AssessmentsDeps, user: User, periodId: number, unitId: number): Questionnaire {
  const { unit, period, instrument } = answeringInstrument(deps, user, periodId, unitId);
  const assessment = deps.assessments.find(periodId, unitId);
  const answers = assessment ? deps.assessments.answers(assessment.id) : {};
  const totalCount = instrument.aspects.reduce((s, a) => s + a.indicators.length, 0);
  const answeredCount = Object.values(answers).filter((a) => a.isNa || a.level !== null).length;
  return {
    period,
    instrument,
    unit,
    assessment,
    answers,
    evidence: assessment ? deps.evidence.listByIndicator(assessment.id) : {},
    locked: assessment ? LOCKED_STATUSES.has(assessment.status) : false,
    answeredCount,
    totalCount,
  };
}

/** One answer someone else changed since the person loaded it: both values, for them to choose. */
export interface AnswerConflict {
  code: string;
  yours: { level: number | null; isNa: boolean; note: string };
  /** The stored answer (version 0 and empty when none is stored). */
  current: { level: number | null; isNa: boolean; note: string; version: number; updatedAt: string | null; updatedByName: string | null; updatedById: number | null };
}

/** A stale save: nothing was written. */
export class AnswerConflictError extends AppError {
  constructor(readonly conflicts: AnswerConflict[]) {
    super(409, 'answer-conflict', `${conflicts.length} jawaban (${conflicts.map((c) => c.code).join(', ')}) sudah diubah orang lain sejak halaman dibuka; tidak ada yang disimpan. Pilih nilai yang dipakai.`);
  }
}

const sameContent = (a: { level: number | null; isNa: boolean; note: string } | undefined, b: AnswerInput): boolean =>
  (a?.level ?? null) === b.level && (a?.isNa ?? false) === b.isNa && (a?.note ?? '') === b.note;

function conflictOf(deps: AssessmentsDeps, assessmentId: number, input: AnswerInput): AnswerConflict {
  const cur: AnswerDetail | undefined = deps.assessments.findAnswerDetail(assessmentId, input.code);
  return {
    code: input.code,
    yours: { level: input.level, isNa: input.isNa, note: input.note },
    current: {
      level: cur?.level ?? null, isNa: cur?.isNa ?? false, note: cur?.note ?? '', version: cur?.version ?? 0,
      updatedAt: cur?.updatedAt ?? null, updatedByName: cur?.updatedByName ?? null, updatedById: cur?.updatedById ?? null,
    },
  };
}

/** What a save stored: how many answers and links changed, and each saved indicator's answer as now stored. */
interface SaveResult {
  changed: number;
  stored: Map<string, Answer | undefined>;
}

/**
 * Saves the changed answers and new evidence links of a unit in one transaction, with an audit row per change.
 * An input carrying a `version` older than the stored answer is a conflict unless it asks for what is already
 * stored (a retried request); any conflict throws AnswerConflictError before anything is written.
 */
function writeAnswers(deps: AssessmentsDeps, user: User, periodId: number, unitId: number, inputs: AnswerInput[]): SaveResult {
  requirePeriodUnit(deps, user, periodId, unitId);
  return deps.db.transaction(() => {
    const assessment = deps.assessments.findOrCreate(periodId, unitId);
    requireEditable(assessment);
    // NOTE: point reads of the saved indicators only: autosave sends one of thirty, and it is the hot path.
    const stored = new Map(inputs.map((i) => [i.code, deps.assessments.answer(assessment.id, i.code)]));
    const stale = inputs.filter((i) => !i.keepStored && i.version !== undefined && i.version !== (stored.get(i.code)?.version ?? 0) && !sameContent(stored.get(i.code), i));
    if (stale.length > 0) throw new AnswerConflictError(stale.map((i) => conflictOf(deps, assessment.id, i)));
    let changed = 0;
    for (const input of inputs) {
      const old = stored.get(input.code);
      const empty = !old && input.level === null && !input.isNa && input.note === '';
      if (!input.keepStored && !sameContent(old, input) && !empty) {
        stored.set(input.code, deps.assessments.upsertAnswer({ assessmentId: assessment.id, code: input.code, level: input.level, isNa: input.isNa, note: input.note, userId: user.id }));
        deps.audit.record({
          userId: user.id, action: 'answer.update', entity: 'answer', entityId: assessment.id, unitId,
          oldValue: old ? { indikator: input.code, level: old.isNa ? 'na' : old.level, catatan: old.note } : null,
          newValue: { indikator: input.code, level: input.isNa ? 'na' : input.level, catatan: input.note },
        });
        changed++;
      }
      if (input.link !== '') {
        deps.evidence.addEvidenceLink(user, assessment, input.code, input.link);
        changed++;
      }
    }
    if (changed > 0) deps.assessments.touch(assessment.id);
    return { changed, stored };
  })();
}

/** Saves answers and links (see writeAnswers for the version rule); returns how many changed. */
export function saveAnswers(deps: AssessmentsDeps, user: User, periodId: number, unitId: number, inputs: AnswerInput[]): number {
  return writeAnswers(deps, user, periodId, unitId, inputs).changed;
}

/**
 * Autosave of one indicator: saves it (see writeAnswers for the version rule) and returns the stored answer,
 * or null when nothing is stored for it (an empty answer that was never saved).
 */
export function saveAnswer(deps: AssessmentsDeps, user: User, periodId: number, unitId: number, input: AnswerInput): Answer | null {
  return writeAnswers(deps, user, periodId, unitId, [input]).stored.get(input.code) ?? null;
}

export interface FormChanges {
  answers: AnswerInput[];
  /** Files already written to the evidence store (writeEvidenceFiles), recorded here by hash. */
  files: StoredFile[];
  deleteIds: number[];
}

/**
 * What the no-JavaScript questionnaire form sends in one go: answers, links, evidence ticked for deletion and
 * uploaded files; all of it or nothing, in one transaction (a conflict, a lock or a refused deletion writes
 * nothing). Returns the counts and the new evidence ids.
 */
export function saveQuestionnaireForm(
  deps: AssessmentsDeps, user: User, periodId: number, unitId: number, changes: FormChanges,
): { answers: number; deleted: number; fileIds: number[] } {
  return deps.db.transaction(() => {
    const answers = saveAnswers(deps, user, periodId, unitId, changes.answers);
    for (const id of changes.deleteIds) deleteEvidence(deps, user, periodId, unitId, id);
    const assessment = deps.assessments.findOrCreate(periodId, unitId);
    const fileIds = deps.evidence.storeEvidenceFiles(user, assessment, changes.files);
    if (fileIds.length > 0) deps.assessments.touch(assessment.id);
    return { answers, deleted: changes.deleteIds.length, fileIds };
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

/** Indicators claimed at level 1 or more with no evidence at all: a warning before submitting, not a block. */
export function indicatorsWithoutEvidence(
  instrument: Instrument, answers: Record<string, Answer>, evidence: Record<string, Evidence[]>,
): { code: string; title: string }[] {
  return instrument.aspects
    .flatMap((a) => a.indicators)
    .filter((ind) => (answers[ind.code]?.level ?? 0) >= 1 && (evidence[ind.code]?.length ?? 0) === 0)
    .map((ind) => ({ code: ind.code, title: ind.title }));
}

/** Answers copied from an earlier period, unchanged and not yet confirmed by the unit, in instrument order. */
export function unconfirmedCopies(instrument: Instrument, answers: Record<string, Answer>): { code: string; title: string }[] {
  return instrument.aspects
    .flatMap((a) => a.indicators)
    .filter((ind) => answers[ind.code]?.copyState === 'disalin')
    .map((ind) => ({ code: ind.code, title: ind.title }));
}

/** Why the answers cannot be submitted yet (unanswered indicators, unconfirmed copies), or null. */
function submitBlocker(instrument: Instrument, answers: Record<string, Answer>): string | null {
  const missing = missingIndicators(instrument, answers);
  const copies = unconfirmedCopies(instrument, answers);
  const parts = [
    missing.length > 0 ? `Masih ada ${missing.length} indikator yang belum dijawab: ${missing.map((m) => m.code).join(', ')}.` : '',
    copies.length > 0
      ? `Masih ada ${copies.length} jawaban salinan dari periode sebelumnya yang belum dikonfirmasi: ${copies.map((m) => m.code).join(', ')}. Periksa jawabannya, lalu ubah atau konfirmasi jawaban salinan.`
      : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : null;
}

/**
 * Submits a unit's assessment: refused, listing them, while any indicator is unanswered or any answer copied from an
 * earlier period is unconfirmed and unchanged; locks the answers.
 */
export function submitAssessment(deps: AssessmentsDeps, user: User, periodId: number, unitId: number): void {
  const { instrument } = requirePeriodUnit(deps, user, periodId, unitId);
  deps.db.transaction(() => {
    const assessment = deps.assessments.findOrCreate(periodId, unitId);
    requireEditable(assessment);
    const blocker = submitBlocker(instrument, deps.assessments.answers(assessment.id));
    if (blocker) throw new AppError(422, 'assessment-incomplete', blocker);
    deps.assessments.setStatus(assessment.id, 'diajukan');
    deps.audit.record({ userId: user.id, action: 'assessment.submit', entity: 'assessment', entityId: assessment.id, unitId, oldValue: assessment.status, newValue: 'diajukan' });
  })();
}

/**
 * The assessments service: the questionnaire's reads and saves, and the records the other modules read and write
 * (verification sets statuses and verified levels, period setup copies answers, the seed writes sample data).
 */
export function createAssessmentsService(deps: AssessmentsDeps) {
  const { find, findOrCreate, answers, listPeriodUnits, answersOfPeriod, upsertAnswer, setStatus, setVerifiedLevel, touch } = deps.assessments;
  return {
    find, findOrCreate, answers, listPeriodUnits, answersOfPeriod, upsertAnswer, setStatus, setVerifiedLevel, touch,
    ...bindDeps(deps, {
      requirePeriodUnit, answeringInstrument, getQuestionnaire, saveAnswers, saveAnswer, saveQuestionnaireForm, submitAssessment, attachLink, deleteEvidence, evidenceDownload,
    }),
  };
}
export type AssessmentsService = ReturnType<typeof createAssessmentsService>;
