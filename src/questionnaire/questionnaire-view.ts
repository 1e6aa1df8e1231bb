import type { Request, Response } from 'express';
import { indicatorsWithoutEvidence, missingIndicators, unconfirmedCopies, type AnswerConflict, type AssessmentsService } from '../assessments';
import type { Evidence, EvidenceModule } from '../evidence';
import type { Indicator } from '../instrument';
import type { PeriodsService } from '../periods';
import type { VerificationService } from '../verification';
import type { LaporService } from '../lapor';
import type { User } from '../shared/identity';
import { requireUser } from '../web/guards';
import { idParam } from '../web/params';

/** What the questionnaire's pages are given: the services they read and save through. */
export interface QuestionnaireDeps {
  assessments: AssessmentsService;
  evidence: EvidenceModule;
  periods: PeriodsService;
  /** The verifier's notice shown on the page (comments of the active round, copied answers to confirm). */
  verification: Pick<VerificationService, 'reviewNotice'>;
  /** The unit's SP4N-LAPOR! figure under each indicator it bears on. */
  lapor: Pick<LaporService, 'questionnaireFigures'>;
}

export const VIEWERS = ['narahubung', 'admin', 'verifikator', 'fasilitator', 'tim_renaksi'] as const;
export const EDITORS = ['narahubung', 'admin'] as const;

export const questionnairePath = (periodId: number, unitId: number) => `/periods/${periodId}/units/${unitId}/assessment`;

/** "Tingkat 3 – criterion", "Tidak berlaku" or "Belum dijawab": an answer as words. */
export function answerText(ind: Indicator, a: { level: number | null; isNa: boolean } | undefined): string {
  if (!a || (!a.isNa && a.level === null)) return 'Belum dijawab';
  if (a.isNa) return 'Tidak berlaku';
  return `Tingkat ${a.level} – ${ind.levels[a.level as number] ?? ''}`;
}

/** Whether this user may delete this evidence: its uploader, or an admin. */
export const canDeleteEvidence = (user: User, e: Evidence): boolean => e.createdById === user.id || user.role === 'admin';

export interface RenderExtra {
  values?: Record<string, unknown>;
  errors?: Record<string, string>;
  conflicts?: AnswerConflict[];
}

/**
 * Renders the questionnaire page (edit form or read-only) with the given status, kept values and errors, and the
 * verifier's notice for the unit, asked of the verification module.
 */
export function renderQuestionnaire(deps: QuestionnaireDeps, req: Request, res: Response, status: number, extra: RenderExtra = {}): void {
  const user = requireUser(req);
  const q = deps.assessments.getQuestionnaire(user, idParam(req, 'periodId'), idParam(req, 'unitId'));
  const canEdit = (EDITORS as readonly string[]).includes(user.role) && !q.locked;
  const conflicts = new Map((extra.conflicts ?? []).map((c) => [c.code, c]));
  const values = extra.values ?? null;
  /** The version the form sends back: the stored one after a conflict (sending again means "keep mine"). */
  const versionOf = (code: string): string => {
    const c = conflicts.get(code);
    if (c) return String(c.current.version);
    const v = values?.[`v_${code}`];
    return typeof v === 'string' ? v : String(q.answers[code]?.version ?? 0);
  };
  res.status(status).render('assessments/edit', {
    title: `Penilaian Mandiri – ${q.unit.name}`,
    q,
    canEdit,
    base: questionnairePath(q.period.id, q.unit.id),
    apiBase: `/api/periods/${q.period.id}/units/${q.unit.id}`,
    missing: missingIndicators(q.instrument, q.answers),
    unconfirmed: unconfirmedCopies(q.instrument, q.answers),
    noEvidence: indicatorsWithoutEvidence(q.instrument, q.answers, q.evidence),
    values,
    errors: extra.errors ?? {},
    conflicts,
    versionOf,
    answerText,
    canDelete: (e: Evidence) => canDeleteEvidence(user, e),
    reviewNotice: deps.verification.reviewNotice(user, q.period.id, q.unit.id),
    ...deps.evidence.hints,
    laporFigures: deps.lapor.questionnaireFigures(q.period.id, q.unit.id),
  });
}

