import { AppError, conflict, notFound } from '../errors/app-error';
import type { User } from '../shared/identity';
import { planYears } from './renaksi-draft';
import type { RenaksiRow } from './renaksi.repo';
import { renaksiDocument, RENAKSI_WORKBOOK_TASK } from './renaksi-export.service';
import { allDocumentSettings, type DocumentSettingKey } from '../shared/document-settings';
import type { DocumentSettings } from './renaksi.schemas';
import { assertDraft, ensurePlan, type RenaksiDeps } from './renaksi.service';
import type { UnitResult } from '../scoring';
import { currentDocument, currentUnits, versionRows, versionUnits, type DocumentJson } from './renaksi-signed';

/**
 * What must not change while a version is being written: the plan years, every live row's version, the units with
 * their levels and notes (stored with the version as `unitsJson`, and printed in the workbook's Lampiran II), the
 * kabupaten conditions and the document settings (stored for the narrative; the settings are printed in the workbook).
 */
function fingerprint(deps: RenaksiDeps, planId: number, periodId: number): { key: string; unitsJson: string; document: DocumentJson } {
  const plan = deps.renaksi.findPlan(periodId);
  const unitsJson = JSON.stringify(currentUnits(deps, periodId, planId));
  const document = currentDocument(deps, periodId);
  const rows = deps.renaksi.listRows(planId).map((r) => [r.id, r.version, r.sortOrder]);
  return { key: JSON.stringify([plan?.status, plan?.startYear, plan?.endYear, rows, unitsJson, document]), unitsJson, document };
}

/**
 * The Renaksi workbook of the plan as it stands now: its document is gathered here, the bytes are built in the worker
 * pool, or taken from `deps.workbooks` when a workbook was already built from the same document.
 */
export function buildCurrentWorkbook(deps: RenaksiDeps, periodId: number): Promise<Buffer> {
  return deps.workbooks.get(RENAKSI_WORKBOOK_TASK, renaksiDocument(deps, periodId));
}

/**
 * Finalises the plan: stores a dated, read-only version (the exact workbook bytes, the rows, the units with the
 * levels and notes Lampiran II was built from, the kabupaten conditions and the document settings, as JSON) and sets
 * the plan to final. If anyone changed the plan or a
 * level while the workbook was being built, nothing is stored (409).
 * Returns the new version number.
 */
export async function finalizePlan(deps: RenaksiDeps, user: User, periodId: number, now = new Date()): Promise<number> {
  const plan = ensurePlan(deps, periodId);
  assertDraft(plan);
  const before = fingerprint(deps, plan.id, periodId);
  const xlsx = await buildCurrentWorkbook(deps, periodId);
  return deps.db.transaction(() => {
    const current = ensurePlan(deps, periodId);
    assertDraft(current);
    if (fingerprint(deps, plan.id, periodId).key !== before.key) throw conflict('Renaksi berubah ketika sedang difinalkan. Periksa perubahan terbaru lalu finalkan lagi.');
    const rows = deps.renaksi.listRows(plan.id);
    const versionNo = deps.renaksiVersions.nextVersionNo(plan.id);
    deps.renaksiVersions.insertVersion({
      planId: plan.id, versionNo, startYear: current.startYear, endYear: current.endYear, rowCount: rows.length,
      finalizedAt: now.toISOString(), userId: user.id, rowsJson: JSON.stringify(rows), unitsJson: before.unitsJson, ...before.document, xlsx,
    });
    deps.renaksi.setStatus(plan.id, 'final');
    deps.audit.record({ userId: user.id, action: 'renaksi.finalize', entity: 'renaksi_plan', entityId: plan.id, newValue: { versionNo, rows: rows.length } });
    return versionNo;
  })();
}

/** Admin only (checked by the route): a final plan becomes a draft again; its versions stay as they are. */
export function reopenPlan(deps: RenaksiDeps, user: User, periodId: number): void {
  deps.db.transaction(() => {
    const plan = ensurePlan(deps, periodId);
    if (plan.status !== 'final') throw new AppError(409, 'plan-draft', 'Renaksi masih berstatus draf.');
    deps.renaksi.setStatus(plan.id, 'draf');
    deps.audit.record({ userId: user.id, action: 'renaksi.reopen', entity: 'renaksi_plan', entityId: plan.id, oldValue: 'final', newValue: 'draf' });
  })();
}

/** The stored bytes of a final version; 404 when there is no such version. */
export function versionWorkbook(deps: RenaksiDeps, periodId: number, versionNo: number): Buffer {
  const plan = deps.renaksi.findPlan(periodId);
  const bytes = plan && deps.renaksiVersions.versionXlsx(plan.id, versionNo);
  if (!bytes) throw notFound('Versi Renaksi');
  return bytes;
}

/** The document a download gives: a final plan's latest stored version (what was signed), else built now. */
export async function downloadWorkbook(deps: RenaksiDeps, periodId: number): Promise<{ bytes: Buffer; versionNo: number | null }> {
  const plan = ensurePlan(deps, periodId);
  const latest = plan.status === 'final' ? deps.renaksiVersions.listVersions(plan.id)[0] : undefined;
  if (latest) return { bytes: versionWorkbook(deps, periodId, latest.versionNo), versionNo: latest.versionNo };
  return { bytes: await buildCurrentWorkbook(deps, periodId), versionNo: null };
}

/** The document settings as the form shows them. */
export function documentSettings(deps: RenaksiDeps): Record<DocumentSettingKey, string> {
  return allDocumentSettings(deps.settings);
}

/** Saves the signature block, region and paper (global settings used by every Renaksi document). */
export function saveDocumentSettings(deps: RenaksiDeps, user: User, values: DocumentSettings): void {
  deps.db.transaction(() => {
    const old = documentSettings(deps);
    const changed = (Object.keys(values) as DocumentSettingKey[]).filter((k) => values[k] !== old[k]);
    for (const k of changed) deps.settings.set(k, values[k]);
    if (changed.length > 0) {
      deps.audit.record({
        userId: user.id, action: 'renaksi.settings', entity: 'settings', oldValue: Object.fromEntries(changed.map((k) => [k, old[k]])),
        newValue: Object.fromEntries(changed.map((k) => [k, values[k]])),
      });
    }
  })();
}

/** The plan as the Bupati signed it: its newest final version. */
export interface FinalPlan {
  periodId: number;
  versionNo: number;
  finalizedAt: string;
  years: number[];
  /** Lampiran I's rows as stored in the version (rows deleted before finalising are not in it). */
  rows: RenaksiRow[];
  /**
   * The active units of the period as scored when the plan was finalised; null for a version finalised before they
   * were stored (migration 021): then the plan period's current scores stand in for them.
   */
  units: UnitResult[] | null;
}

/**
 * The period's plan as last finalised (the newest stored version), or null when it was never finalised. A plan
 * reopened as a draft still answers with its last final version: that is the signed plan until a new one is
 * finalised. What monitoring measures against.
 */
export function finalPlan(deps: RenaksiDeps, periodId: number): FinalPlan | null {
  const plan = deps.renaksi.findPlan(periodId);
  const v = plan && deps.renaksiVersions.latestVersionRows(plan.id);
  if (!v) return null;
  return {
    periodId, versionNo: v.versionNo, finalizedAt: v.finalizedAt, years: planYears(v.startYear, v.endYear), rows: versionRows(v), units: versionUnits(v)?.units ?? null,
  };
}
