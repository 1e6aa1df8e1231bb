import type { Repos } from '../db/repos';
import { AppError, conflict, notFound } from '../errors/app-error';
import type { User } from '../shared/identity';
import { renaksiDocument, RENAKSI_WORKBOOK_TASK } from './renaksi-export.service';
import { SIGNATURE_DEFAULTS, documentSetting, type DocumentSettingKey } from '../shared/document-settings';
import type { BuildCache } from '../shared/build-cache';
import type { DocumentSettings } from './renaksi.schemas';
import { assertDraft, ensurePlan } from './renaksi.service';

/** What must not change while a version is being written: the plan years and every live row's version. */
function fingerprint(repos: Repos, planId: number, periodId: number): string {
  const plan = repos.renaksi.findPlan(periodId);
  return JSON.stringify([plan?.status, plan?.startYear, plan?.endYear, repos.renaksi.listRows(planId).map((r) => [r.id, r.version, r.sortOrder])]);
}

/**
 * The Renaksi workbook of the plan as it stands now: its document is gathered here, the bytes are built in the worker
 * pool, or taken from `workbooks` when a workbook was already built from the same document.
 */
export function buildCurrentWorkbook(repos: Repos, workbooks: BuildCache, periodId: number, now = new Date()): Promise<Buffer> {
  return workbooks.get(RENAKSI_WORKBOOK_TASK, renaksiDocument(repos, periodId, now));
}

/**
 * Finalises the plan: stores a dated, read-only version (the exact workbook bytes and the rows as JSON) and sets the
 * plan to final. If anyone changed the plan while the workbook was being built, nothing is stored (409).
 * Returns the new version number.
 */
export async function finalizePlan(repos: Repos, workbooks: BuildCache, user: User, periodId: number, now = new Date()): Promise<number> {
  const plan = ensurePlan(repos, periodId);
  assertDraft(plan);
  const before = fingerprint(repos, plan.id, periodId);
  const xlsx = await buildCurrentWorkbook(repos, workbooks, periodId, now);
  return repos.db.transaction(() => {
    const current = ensurePlan(repos, periodId);
    assertDraft(current);
    if (fingerprint(repos, plan.id, periodId) !== before) throw conflict('Renaksi berubah ketika sedang difinalkan. Periksa perubahan terbaru lalu finalkan lagi.');
    const rows = repos.renaksi.listRows(plan.id);
    const versionNo = repos.renaksiVersions.nextVersionNo(plan.id);
    repos.renaksiVersions.insertVersion({
      planId: plan.id, versionNo, startYear: current.startYear, endYear: current.endYear, rowCount: rows.length,
      finalizedAt: now.toISOString(), userId: user.id, rowsJson: JSON.stringify(rows), xlsx,
    });
    repos.renaksi.setStatus(plan.id, 'final');
    repos.audit.record({ userId: user.id, action: 'renaksi.finalize', entity: 'renaksi_plan', entityId: plan.id, newValue: { versionNo, rows: rows.length } });
    return versionNo;
  })();
}

/** Admin only (checked by the route): a final plan becomes a draft again; its versions stay as they are. */
export function reopenPlan(repos: Repos, user: User, periodId: number): void {
  repos.db.transaction(() => {
    const plan = ensurePlan(repos, periodId);
    if (plan.status !== 'final') throw new AppError(409, 'plan-draft', 'Renaksi masih berstatus draf.');
    repos.renaksi.setStatus(plan.id, 'draf');
    repos.audit.record({ userId: user.id, action: 'renaksi.reopen', entity: 'renaksi_plan', entityId: plan.id, oldValue: 'final', newValue: 'draf' });
  })();
}

/** The stored bytes of a final version; 404 when there is no such version. */
export function versionWorkbook(repos: Repos, periodId: number, versionNo: number): Buffer {
  const plan = repos.renaksi.findPlan(periodId);
  const bytes = plan && repos.renaksiVersions.versionXlsx(plan.id, versionNo);
  if (!bytes) throw notFound('Versi Renaksi');
  return bytes;
}

/** The document a download gives: a final plan's latest stored version (what was signed), else built now. */
export async function downloadWorkbook(repos: Repos, workbooks: BuildCache, periodId: number): Promise<{ bytes: Buffer; versionNo: number | null }> {
  const plan = ensurePlan(repos, periodId);
  const latest = plan.status === 'final' ? repos.renaksiVersions.listVersions(plan.id)[0] : undefined;
  if (latest) return { bytes: versionWorkbook(repos, periodId, latest.versionNo), versionNo: latest.versionNo };
  return { bytes: await buildCurrentWorkbook(repos, workbooks, periodId), versionNo: null };
}

/** The document settings as the form shows them. */
export function documentSettings(repos: Repos): Record<DocumentSettingKey, string> {
  return Object.fromEntries((Object.keys(SIGNATURE_DEFAULTS) as DocumentSettingKey[]).map((k) => [k, documentSetting(repos.settings, k)])) as Record<DocumentSettingKey, string>;
}

/** Saves the signature block, region and paper (global settings used by every Renaksi document). */
export function saveDocumentSettings(repos: Repos, user: User, values: DocumentSettings): void {
  repos.db.transaction(() => {
    const old = documentSettings(repos);
    const changed = (Object.keys(values) as DocumentSettingKey[]).filter((k) => values[k] !== old[k]);
    for (const k of changed) repos.settings.set(k, values[k]);
    if (changed.length > 0) {
      repos.audit.record({
        userId: user.id, action: 'renaksi.settings', entity: 'settings', oldValue: Object.fromEntries(changed.map((k) => [k, old[k]])),
        newValue: Object.fromEntries(changed.map((k) => [k, values[k]])),
      });
    }
  })();
}
