import type { Request, Response } from 'express';
import type { Repos } from '../db/repos';
import type { AppConfig } from '../config/config';
import { requireUser } from '../web/guards';
import { idParam } from '../web/params';
import { formatFileSize } from '../shared/format';
import type { Indicator } from '../instrument/instrument.schemas';
import type { User } from '../shared/identity';
import type { Evidence } from '../evidence/evidence.repo';
import { ACCEPTED_EXTENSIONS } from '../shared/file-sniffer';
import { getQuestionnaire, indicatorsWithoutEvidence, missingIndicators, unconfirmedCopies, type AnswerConflict } from './assessments.service';

export const VIEWERS = ['narahubung', 'admin', 'verifikator', 'fasilitator', 'tim_renaksi'] as const;
export const EDITORS = ['narahubung', 'admin'] as const;

export const questionnairePath = (periodId: number, unitId: number) => `/periods/${periodId}/units/${unitId}/assessment`;

/** "Level 3 – criterion", "Tidak berlaku" or "Belum dijawab": an answer as words. */
export function answerText(ind: Indicator, a: { level: number | null; isNa: boolean } | undefined): string {
  if (!a || (!a.isNa && a.level === null)) return 'Belum dijawab';
  if (a.isNa) return 'Tidak berlaku';
  return `Level ${a.level} – ${ind.levels[a.level as number] ?? ''}`;
}

/** Whether this user may delete this evidence: its uploader, or an admin. */
export const canDeleteEvidence = (user: User, e: Evidence): boolean => e.createdById === user.id || user.role === 'admin';

export interface RenderExtra {
  values?: Record<string, unknown>;
  errors?: Record<string, string>;
  conflicts?: AnswerConflict[];
}

/** Renders the questionnaire page (edit form or read-only) with the given status, kept values and errors. */
export function renderQuestionnaire(repos: Repos, config: AppConfig, req: Request, res: Response, status: number, extra: RenderExtra = {}): void {
  const user = requireUser(req);
  const q = getQuestionnaire(repos, user, idParam(req, 'periodId'), idParam(req, 'unitId'));
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
    uploadHint: `PDF, JPG/PNG, DOC/DOCX, XLS/XLSX atau PPTX, paling besar ${formatFileSize(config.uploadMaxBytes)} per berkas`,
    maxBytes: config.uploadMaxBytes,
    accept: ACCEPTED_EXTENSIONS.map((e) => `.${e}`).join(','),
  });
}

