import { notFound } from '../errors/app-error';
import { bindDeps } from '../shared/bind-deps';
import type { User } from '../shared/identity';
import type { RenaksiPlan, RenaksiRow } from './renaksi.repo';
import { groupPlanRows, type PlanGroup } from './renaksi-layout';
import { ensurePlan, generateRenaksi, planOrDefault, requireRow, setPlanYears, type RenaksiDeps } from './renaksi.service';
import { addManualRow, deleteRow, editRow, moveRow, restoreRow, setRowPriority } from './renaksi-rows.service';
import { applyUpload, findUpload, previewUpload } from './renaksi-upload.service';
import { documentSettings, downloadWorkbook, finalPlan, finalizePlan, reopenPlan, saveDocumentSettings, versionWorkbook } from './renaksi-plan.service';
import { planPage, rowPage, rowView } from './renaksi-view.service';
import { mergeRow, splitRow } from './renaksi-row-shape.service';
import { targetMap, unitPlan } from './renaksi-target-map.service';
import { finalPlanScores, signedDocument, signedScores } from './renaksi-signed';

/** The period's plan; 404 while none was drafted (or for an unknown period). */
function requirePlan(deps: RenaksiDeps, periodId: number): RenaksiPlan {
  deps.periods.loadPeriod(periodId);
  const plan = deps.renaksi.findPlan(periodId);
  if (!plan) throw notFound('Renaksi');
  return plan;
}

/** The plan if one was drafted (the settings page shows defaults otherwise). */
function findPlan(deps: RenaksiDeps, periodId: number): RenaksiPlan | undefined {
  return deps.renaksi.findPlan(periodId);
}

/**
 * Lampiran I's live rows grouped under their sasaran and numbered exactly as the workbook and the plan page number
 * them (I, I.1, …); none before the plan is drafted. What the narrative document summarises.
 */
function lampiranGroups(deps: RenaksiDeps, periodId: number): PlanGroup<RenaksiRow>[] {
  const { instrument } = deps.periods.loadPeriod(periodId);
  const plan = deps.renaksi.findPlan(periodId);
  return groupPlanRows(instrument.aspects, plan ? deps.renaksi.listRows(plan.id) : []);
}

/** The Renaksi workbook to download (a final plan: its stored, signed version), audited. */
async function exportWorkbook(deps: RenaksiDeps, user: User, periodId: number): Promise<{ bytes: Buffer; versionNo: number | null }> {
  deps.periods.loadPeriod(periodId);
  const out = await downloadWorkbook(deps, periodId);
  deps.audit.record({ userId: user.id, action: 'export.renaksi', entity: 'period', entityId: periodId, newValue: out.versionNo === null ? null : { versionNo: out.versionNo } });
  return out;
}

/** A final version exactly as it was stored, audited; 404 for an unknown version. */
function exportVersion(deps: RenaksiDeps, user: User, periodId: number, versionNo: number): Buffer {
  const bytes = versionWorkbook(deps, periodId, versionNo);
  deps.audit.record({ userId: user.id, action: 'export.renaksi.version', entity: 'period', entityId: periodId, newValue: { versionNo } });
  return bytes;
}

/** The Renaksi module's service: everything its pages do, from drafting the plan to its signed versions. */
export function createRenaksiService(deps: RenaksiDeps) {
  return {
    loadPeriod: deps.periods.loadPeriod,
    computePeriodScores: deps.scoring.computePeriodScores,
    ...bindDeps(deps, {
      findPlan, requirePlan, planOrDefault, ensurePlan, requireRow, generateRenaksi, setPlanYears,
      addManualRow, deleteRow, editRow, moveRow, restoreRow, setRowPriority, splitRow, mergeRow,
      previewUpload, findUpload, applyUpload,
      finalizePlan, finalPlan, reopenPlan, exportWorkbook, exportVersion, documentSettings, saveDocumentSettings,
      planPage, rowPage, rowView, targetMap, unitPlan, lampiranGroups, signedScores, signedDocument, finalPlanScores,
    }),
  };
}
export type RenaksiService = ReturnType<typeof createRenaksiService>;
