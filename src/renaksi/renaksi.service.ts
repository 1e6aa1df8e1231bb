import type { Repos } from '../db/repos';
import { AppError } from '../errors/app-error';
import type { User } from '../users/users.repo';
import { computePeriodScores, type PeriodScores } from '../scoring/scores.service';
import { draftRenaksi, planYears, type DraftUnit } from './renaksi-draft';
import { mergeDraft } from './renaksi-merge';
import type { RenaksiPlan, RenaksiRow } from './renaksi.repo';

export const DEFAULT_PLAN_YEARS = { start: 2022, end: 2024 } as const;

/** Included, complete units as drafting input (verified levels where set). */
export function draftUnits(scores: PeriodScores): DraftUnit[] {
  return scores.units
    .filter((u) => u.included && u.score.complete)
    .map((u) => ({ unitId: u.unitId, name: u.name, group: u.group, levels: u.score.levels }));
}

/** The period's plan, created with the default plan years on first use. */
export function ensurePlan(repos: Repos, periodId: number): RenaksiPlan {
  const existing = repos.renaksi.findPlan(periodId);
  if (existing) return existing;
  repos.renaksi.insertPlan(periodId, DEFAULT_PLAN_YEARS.start, DEFAULT_PLAN_YEARS.end);
  return repos.renaksi.findPlan(periodId) as RenaksiPlan;
}

export interface GenerateResult {
  inserted: number;
  updated: number;
  closed: number;
}

/**
 * Drafts the Renaksi from the period's scores and merges it into the stored plan in one transaction: new gaps
 * become rows (after the existing ones), hand-edited fields are kept, rows whose gap closed are marked, not deleted.
 */
export function generateRenaksi(repos: Repos, user: User, periodId: number): GenerateResult {
  const scores = computePeriodScores(repos, periodId, 'verified');
  return repos.db.transaction(() => {
    const plan = ensurePlan(repos, periodId);
    if (plan.status === 'final') throw new AppError(409, 'plan-final', 'Renaksi sudah final dan tidak dapat disusun ulang.');
    const draft = draftRenaksi(scores.instrument, draftUnits(scores), planYears(plan.startYear, plan.endYear));
    const existing = repos.renaksi.listRows(plan.id);
    const merge = mergeDraft(existing, draft);
    let order = existing.reduce((m, r) => Math.max(m, r.sortOrder), 0);
    for (const d of merge.insert) repos.renaksi.insertDraftRow(plan.id, d, ++order);
    const byId = new Map(existing.map((r) => [r.id, r]));
    for (const u of merge.update) {
      const row = byId.get(u.id) as RenaksiRow;
      repos.renaksi.updateRow(u.id, u.fields, { editedFields: row.editedFields, gapOpen: true });
    }
    for (const id of merge.closeGap) repos.renaksi.closeGap(id);
    repos.renaksi.markGenerated(plan.id);
    const result = { inserted: merge.insert.length, updated: merge.update.length, closed: merge.closeGap.length };
    repos.audit.record({ userId: user.id, action: 'renaksi.generate', entity: 'renaksi_plan', entityId: plan.id, newValue: result });
    return result;
  })();
}
