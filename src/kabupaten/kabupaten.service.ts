import type { Db } from '../db/database';
import type { AuditService } from '../audit';
import { AppError, badInput, forbidden, notFound } from '../errors/app-error';
import type { CheckedFile, EvidenceService } from '../evidence';
import type { KabupatenItem } from '../instrument';
import type { Period, PeriodsService } from '../periods';
import { bindDeps } from '../shared/bind-deps';
import type { User } from '../shared/identity';
import {
  buildConditions, conditionRecord, summarizeConditions, type ConditionRecord, type KabupatenCondition, type KabupatenSummary,
} from './kabupaten-conditions';
import type { KabupatenAnswer, KabupatenEvidenceRecord, KabupatenRepo } from './kabupaten.repo';
import { isCurrentDecision } from './kabupaten-state';
import { writeDemoConditions } from './kabupaten-demo';
import type { KabupatenAnswerInput, KabupatenDecisionInput } from './kabupaten.schemas';

export interface KabupatenDeps {
  db: Db;
  kabupaten: KabupatenRepo;
  /** The units' evidence store: files are written and served by content, where every bukti dukung is kept. */
  evidence: Pick<EvidenceService, 'writeEvidenceFiles' | 'evidenceFile'>;
  audit: AuditService;
  periods: Pick<PeriodsService, 'loadPeriod'>;
}

/** The kabupaten conditions of a period: what the page, the dashboard, the deck and the Renaksi read. */
export interface KabupatenConditions {
  period: Period;
  conditions: KabupatenCondition[];
  summary: KabupatenSummary;
}

export interface SaveResult {
  answers: number;
  links: number;
  files: number;
  deleted: number;
}

/** The period with its checklist; null when its instrument has none (revision 1). */
function checklistOf(deps: KabupatenDeps, periodId: number): { period: Period; items: KabupatenItem[] } | null {
  const { period, instrument } = deps.periods.loadPeriod(periodId);
  return instrument.kabupatenChecklist ? { period, items: instrument.kabupatenChecklist } : null;
}

/** Like checklistOf, but a period without a checklist is 404: it offers nothing to answer or verify. */
function requireChecklist(deps: KabupatenDeps, periodId: number): { period: Period; items: KabupatenItem[] } {
  const c = checklistOf(deps, periodId);
  if (!c) throw new AppError(404, 'not-found', 'Instrumen periode ini tidak memiliki daftar kondisi tingkat kabupaten.');
  return c;
}

/**
 * The checklist of the period's instrument with the admin's answers, the verifikator's decisions and the evidence,
 * in the instrument's order; null when the instrument has no checklist. For the Renaksi's kondisi awal and its
 * narrative: `value`/`state` are the verified answer while its decision is current, else the admin's (see `status`).
 */
export function kabupatenConditions(deps: KabupatenDeps, periodId: number): KabupatenConditions | null {
  const c = checklistOf(deps, periodId);
  if (!c) return null;
  const conditions = buildConditions(c.items, deps.kabupaten.answers(periodId), deps.kabupaten.evidenceByItem(periodId));
  return { period: c.period, conditions, summary: summarizeConditions(conditions) };
}

/**
 * The period's conditions as documents print them (see ConditionRecord), in the instrument's order; null when its
 * instrument has no checklist. What finalising a Renaksi stores with the version and its narrative prints.
 */
export function conditionRecords(deps: KabupatenDeps, periodId: number): ConditionRecord[] | null {
  return kabupatenConditions(deps, periodId)?.conditions.map(conditionRecord) ?? null;
}

/** Like kabupatenConditions, but 404 for a period whose instrument has no checklist (its page offers nothing). */
export function requireKabupatenConditions(deps: KabupatenDeps, periodId: number): KabupatenConditions {
  requireChecklist(deps, periodId);
  return kabupatenConditions(deps, periodId) as KabupatenConditions;
}

/** Changes whenever an answer or decision of the period does (the live deck's cache key). */
export function kabupatenChangeKey(deps: KabupatenDeps, periodId: number): string {
  return deps.kabupaten.changeKey(periodId);
}

const requireRoleOf = (user: User, role: User['role']) => {
  if (user.role !== role) throw forbidden();
};

function recordEvidence(deps: KabupatenDeps, user: User, action: 'evidence.add' | 'evidence.delete', id: number, value: Record<string, unknown>): void {
  deps.audit.record({
    userId: user.id, action, entity: 'kabupaten_evidence', entityId: id,
    ...(action === 'evidence.add' ? { newValue: value } : { oldValue: value }),
  });
}

/** Saves one item's answer when it changed; returns whether it did. A value left out keeps the stored one. */
function saveAnswer(deps: KabupatenDeps, user: User, periodId: number, input: KabupatenAnswerInput, old: KabupatenAnswer | undefined): boolean {
  const value = input.value ?? old?.value ?? null;
  if (old ? old.value === value && old.note === input.note : value === null && input.note === '') return false;
  deps.kabupaten.upsertAnswer({ periodId, code: input.code, value, note: input.note, userId: user.id });
  deps.audit.record({
    userId: user.id, action: 'kabupaten.answer', entity: 'kabupaten_answer', entityId: periodId,
    oldValue: old ? { kondisi: input.code, jawaban: old.value, penjelasan: old.note } : null,
    newValue: { kondisi: input.code, jawaban: value, penjelasan: input.note },
  });
  return true;
}

/** Soft-deletes the period's evidence rows named; 404 for one that is not the period's or already gone. */
function deleteEvidence(deps: KabupatenDeps, user: User, periodId: number, ids: number[]): void {
  for (const id of ids) {
    const e = deps.kabupaten.findEvidence(id);
    if (!e || e.periodId !== periodId || e.deletedAt !== null) throw notFound('Bukti dukung');
    deps.kabupaten.softDeleteEvidence(id);
    recordEvidence(deps, user, 'evidence.delete', id, { indikator: e.indicatorCode, ...(e.kind === 'file' ? { berkas: e.fileName, sha256: e.sha256 } : { tautan: e.url }) });
  }
}

/**
 * The admin saves the checklist form in one transaction: answers and notes, links, evidence ticked for deletion,
 * files already checked by content (the units' upload checks). As for a unit's evidence, the files are written to
 * the store first (off the request thread, outside the database lock) and the transaction refers to them by hash.
 */
export async function saveKabupatenAnswers(
  deps: KabupatenDeps, user: User, periodId: number, input: { answers: KabupatenAnswerInput[]; files: CheckedFile[]; deleteIds: number[] },
): Promise<SaveResult> {
  requireRoleOf(user, 'admin');
  requireChecklist(deps, periodId);
  const files = await deps.evidence.writeEvidenceFiles(input.files);
  return deps.db.transaction((): SaveResult => {
    const stored = deps.kabupaten.answers(periodId);
    let answers = 0;
    let links = 0;
    for (const a of input.answers) {
      if (saveAnswer(deps, user, periodId, a, stored[a.code])) answers++;
      if (a.link === '') continue;
      const id = deps.kabupaten.insertLink(periodId, a.code, a.link, user.id);
      recordEvidence(deps, user, 'evidence.add', id, { indikator: a.code, tautan: a.link });
      links++;
    }
    deleteEvidence(deps, user, periodId, input.deleteIds);
    for (const f of files) {
      const id = deps.kabupaten.insertFile({ periodId, code: f.code, fileName: f.fileName, size: f.size, sha256: f.sha256, mimeType: f.mimeType, userId: user.id });
      recordEvidence(deps, user, 'evidence.add', id, { indikator: f.code, berkas: f.fileName, ukuran: f.size, sha256: f.sha256 });
    }
    return { answers, links, files: files.length, deleted: input.deleteIds.length };
  })();
}

/** Applies one decision; returns whether anything changed. Records the reason a decision cannot be made in `errors`. */
function applyDecision(deps: KabupatenDeps, user: User, periodId: number, input: KabupatenDecisionInput, old: KabupatenAnswer | undefined, errors: Record<string, string>): boolean {
  if (input.decision === null) {
    if (!old?.decision) return false;
    deps.kabupaten.setDecision({ periodId, code: input.code, decision: null, judgedValue: null, verifiedValue: null, comment: '', userId: null });
  } else {
    if (!old || old.value === null) {
      errors[`decision_${input.code}`] = `Kondisi ${input.code}: belum dijawab admin sehingga tidak dapat diperiksa.`;
      return false;
    }
    const verifiedValue = input.decision === 'terima' ? old.value : input.value;
    const same = isCurrentDecision(old) && old.decision === input.decision && old.verifiedValue === verifiedValue && old.verifierComment === input.comment;
    if (same) return false;
    deps.kabupaten.setDecision({ periodId, code: input.code, decision: input.decision, judgedValue: old.value, verifiedValue, comment: input.comment, userId: user.id });
  }
  deps.audit.record({
    userId: user.id, action: 'kabupaten.verify', entity: 'kabupaten_answer', entityId: periodId,
    oldValue: old?.decision ? { kondisi: input.code, keputusan: old.decision, jawaban: old.verifiedValue, catatan: old.verifierComment } : null,
    newValue: { kondisi: input.code, keputusan: input.decision, jawaban: input.decision === 'ubah' ? input.value : input.decision === 'terima' ? old?.value ?? null : null, catatan: input.comment },
  });
  return true;
}

/**
 * The verifikator confirms or changes the admin's answers, with a comment (required to change one). All or nothing:
 * a decision on an unanswered item refuses the whole form. Returns how many decisions changed.
 */
export function decideKabupaten(deps: KabupatenDeps, user: User, periodId: number, inputs: KabupatenDecisionInput[]): number {
  requireRoleOf(user, 'verifikator');
  requireChecklist(deps, periodId);
  return deps.db.transaction(() => {
    const stored = deps.kabupaten.answers(periodId);
    const errors: Record<string, string> = {};
    const changed = inputs.filter((d) => applyDecision(deps, user, periodId, d, stored[d.code], errors)).length;
    if (Object.keys(errors).length > 0) throw badInput(errors, 'Periksa kembali isian yang ditandai; belum ada yang disimpan.');
    return changed;
  })();
}

/** A stored evidence file of the period's conditions, for download; 404 for a link, another period's or a deleted one. */
export function kabupatenEvidenceFile(deps: KabupatenDeps, periodId: number, evidenceId: number): { path: string; fileName: string; mimeType: string } {
  requireChecklist(deps, periodId);
  const e: KabupatenEvidenceRecord | undefined = deps.kabupaten.findEvidence(evidenceId);
  if (!e || e.periodId !== periodId || e.deletedAt !== null) throw notFound('Berkas bukti dukung');
  return deps.evidence.evidenceFile(e);
}

/** The period's checklist items, or 404 when it has none. */
export function kabupatenItems(deps: KabupatenDeps, periodId: number): KabupatenItem[] {
  return requireChecklist(deps, periodId).items;
}

/** Writes the demo answers (DEMO=1) for the period's checklist; nothing without a checklist or when already answered. */
function writeDemo(deps: KabupatenDeps, periodId: number, userId: number): void {
  const c = checklistOf(deps, periodId);
  if (c) writeDemoConditions(deps.kabupaten, c.items, periodId, userId);
}

/** The kabupaten conditions service: its functions with the module's dependencies bound. */
export function createKabupatenService(deps: KabupatenDeps) {
  return bindDeps(deps, {
    kabupatenConditions, conditionRecords, requireKabupatenConditions, kabupatenItems, kabupatenChangeKey, saveKabupatenAnswers, decideKabupaten,
    kabupatenEvidenceFile, writeDemo,
  });
}
export type KabupatenService = ReturnType<typeof createKabupatenService>;
