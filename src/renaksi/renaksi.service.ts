import { AppError, notFound } from '../errors/app-error';
import type { Db } from '../db/database';
import type { AuditService } from '../audit';
import type { PeriodsService } from '../periods';
import type { UnitsService } from '../units';
import type { KabupatenService } from '../kabupaten';
import type { BuildCache } from '../shared/build-cache';
import type { SettingsRepo } from '../shared/settings.repo';
import type { User } from '../shared/identity';
import { draftPlan, planYears, RENAKSI_TEXT_FIELDS, type DraftRow } from './renaksi-draft';
import type { PeriodScores, ScoringService, UnitRoster } from '../scoring';
import type { UnitGroup } from '../units';
import type { DraftUnit } from './renaksi-evidence';
import type { MatrixUnit } from './renaksi-matrix';
import { mergeDraft } from './renaksi-merge';
import { replanForYears } from './renaksi-replan';
import { sameTargets } from './renaksi-targets';
import type { RenaksiPlan, RenaksiRepo, RenaksiRow, RowChanges } from './renaksi.repo';
import type { RenaksiUnitNotesRepo } from './renaksi-unit-notes.repo';
import type { RenaksiVersionsRepo } from './renaksi-versions.repo';

/** What the Renaksi module is given: its repositories and the services of the modules it reads. */
export interface RenaksiDeps {
  db: Db;
  renaksi: RenaksiRepo;
  renaksiVersions: RenaksiVersionsRepo;
  renaksiUnitNotes: RenaksiUnitNotesRepo;
  settings: SettingsRepo;
  /** Renaksi workbooks kept by the fingerprint of their document, built in the worker pool. */
  workbooks: BuildCache;
  scoring: ScoringService;
  periods: PeriodsService;
  units: UnitsService;
  audit: AuditService;
  /** The kabupaten conditions a final version stores for the narrative document. */
  kabupaten: Pick<KabupatenService, 'conditionRecords'>;
}

export const DEFAULT_PLAN_YEARS = { start: 2022, end: 2024 } as const;

/** Every unit of the period per group. */
export type DraftRoster = Record<UnitGroup, UnitRoster>;

/** Included, complete units (verified levels where set): the units a row's evidence names with their level. */
export function draftUnits(scores: PeriodScores): DraftUnit[] {
  return scores.units
    .filter((u) => u.included && u.score.complete)
    .map((u) => ({ unitId: u.unitId, name: u.name, group: u.group, levels: u.score.levels }));
}

/**
 * Every active unit of the period as the plan counts it (in the official order): a unit that did not submit is
 * below target on every indicator, from level 0 (SPEC.md).
 */
export function matrixUnits(scores: Pick<PeriodScores, 'units'>): MatrixUnit[] {
  return scores.units.map((u) => ({ unitId: u.unitId, name: u.name, group: u.group, submitted: u.included, levels: u.score.levels }));
}

/** Every unit of the period per group, and why the ones left out of drafting are left out. */
export function draftRoster(scores: PeriodScores): DraftRoster {
  const of = (group: 'pd' | 'kecamatan'): UnitRoster => {
    const inGroup = scores.units.filter((u) => u.group === group);
    return {
      total: inGroup.length,
      notSubmitted: inGroup.filter((u) => !u.included).length,
      incomplete: inGroup.filter((u) => u.included && !u.score.complete).length,
    };
  };
  return { pd: of('pd'), kecamatan: of('kecamatan') };
}

/** The kabupaten-wide roster: both groups together. */
export function kabupatenRoster(roster: DraftRoster): UnitRoster {
  return {
    total: roster.pd.total + roster.kecamatan.total,
    notSubmitted: roster.pd.notSubmitted + roster.kecamatan.notSubmitted,
    incomplete: roster.pd.incomplete + roster.kecamatan.incomplete,
  };
}

/**
 * The most units a row's yearly target may count: the units its indicator applies to (from the counts stored with
 * the row), else every active unit of the period (`unitTotal`).
 */
export function rowTargetMax(row: { counts: { applicable: number } | null }, unitTotal: number): number {
  return row.counts?.applicable ?? unitTotal;
}

/** The period's plan as stored, or the default draft it would be created as (read-only pages write nothing). */
export function planOrDefault(deps: RenaksiDeps, periodId: number): RenaksiPlan {
  return deps.renaksi.findPlan(periodId) ?? {
    id: 0, periodId, startYear: DEFAULT_PLAN_YEARS.start, endYear: DEFAULT_PLAN_YEARS.end, status: 'draf', generatedAt: null, updatedAt: '',
  };
}

/** The period's plan, created with the default plan years on first use. */
export function ensurePlan(deps: RenaksiDeps, periodId: number): RenaksiPlan {
  const existing = deps.renaksi.findPlan(periodId);
  if (existing) return existing;
  deps.renaksi.insertPlan(periodId, DEFAULT_PLAN_YEARS.start, DEFAULT_PLAN_YEARS.end);
  return deps.renaksi.findPlan(periodId) as RenaksiPlan;
}

/** Refuses any change to a final plan (409) until the admin reopens it as a draft. */
export function assertDraft(plan: RenaksiPlan): void {
  if (plan.status === 'final') {
    throw new AppError(409, 'plan-final', 'Renaksi sudah final dan tidak dapat diubah. Admin dapat membukanya kembali sebagai draf baru.');
  }
}

/** A live (not deleted) row of the period's plan; 404 otherwise. */
export function requireRow(deps: RenaksiDeps, plan: RenaksiPlan, rowId: number, opts: { deleted?: boolean } = {}): RenaksiRow {
  const row = deps.renaksi.findRow(rowId);
  if (!row || row.planId !== plan.id || (row.deletedAt !== null) !== (opts.deleted ?? false)) throw notFound('Baris Renaksi');
  return row;
}

const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The draft values that differ from what is stored (content: the unit counts too; priority is bookkeeping). */
function contentChanges(row: RenaksiRow, fields: Partial<DraftRow>): RowChanges {
  const changes: RowChanges = {};
  for (const f of RENAKSI_TEXT_FIELDS) {
    const v = fields[f];
    if (v !== undefined && v !== row[f]) changes[f] = v;
  }
  if (fields.targets && !sameTargets(fields.targets, row.targets)) changes.targets = fields.targets;
  if (fields.outputTargets && !sameJson(fields.outputTargets, row.outputTargets)) changes.outputTargets = fields.outputTargets;
  if (fields.counts && !sameJson(fields.counts, row.counts)) changes.counts = fields.counts;
  if (!row.gapOpen) changes.gapOpen = true;
  return changes;
}

export interface GenerateResult {
  inserted: number;
  updated: number;
  closed: number;
}

/**
 * Drafts the Renaksi from the period's scores and merges it into the stored plan in one transaction: new gaps
 * become rows (after the existing ones), hand-edited fields are kept, rows whose gap closed are marked, not deleted.
 * Rows whose content did not change keep their version, so nobody's open edit form turns stale for nothing.
 */
export function generateRenaksi(deps: RenaksiDeps, user: User, periodId: number): GenerateResult {
  const scores = deps.scoring.computePeriodScores(periodId, 'verified');
  return deps.db.transaction(() => {
    const plan = ensurePlan(deps, periodId);
    assertDraft(plan);
    const draft = draftPlan(scores.instrument, matrixUnits(scores), planYears(plan.startYear, plan.endYear));
    const existing = deps.renaksi.listAllRows(plan.id);
    const merge = mergeDraft(existing, draft);
    const now = new Date().toISOString();
    let order = deps.renaksi.nextSortOrder(plan.id) - 1;
    for (const d of merge.insert) deps.renaksi.insertDraftRow(plan.id, d, ++order, now);
    const byId = new Map(existing.map((r) => [r.id, r]));
    let updated = 0;
    for (const u of merge.update) {
      const row = byId.get(u.id) as RenaksiRow;
      const changes = contentChanges(row, u.fields);
      const bookkeeping = { priority: u.fields.priority };
      if (Object.keys(changes).length > 0) {
        deps.renaksi.updateRow(u.id, { ...changes, ...bookkeeping }, { userId: null });
        if (row.deletedAt === null) updated++;
      } else {
        deps.renaksi.updateRow(u.id, bookkeeping, { bump: false });
      }
    }
    for (const id of merge.closeGap) deps.renaksi.closeGap(id);
    deps.renaksi.markGenerated(plan.id, now);
    const result = { inserted: merge.insert.length, updated, closed: merge.closeGap.length };
    deps.audit.record({ userId: user.id, action: 'renaksi.generate', entity: 'renaksi_plan', entityId: plan.id, newValue: result });
    return result;
  })();
}

/**
 * Changes the plan years. Drafted values nobody edited (unit counts, output targets, waktu) are recomputed from the
 * counts stored with each row; typed values (hand-edited or manual rows) are kept for the remaining years and carried
 * forward into new ones. One transaction. Returns how many rows changed.
 */
export function setPlanYears(deps: RenaksiDeps, user: User, periodId: number, years: { startYear: number; endYear: number }): number {
  const { instrument } = deps.periods.loadPeriod(periodId);
  return deps.db.transaction(() => {
    const plan = ensurePlan(deps, periodId);
    assertDraft(plan);
    if (plan.startYear === years.startYear && plan.endYear === years.endYear) return 0;
    const rows = deps.renaksi.listAllRows(plan.id);
    const changes = replanForYears(instrument, rows, planYears(years.startYear, years.endYear));
    for (const c of changes) deps.renaksi.updateRow(c.id, c.changes, { userId: user.id });
    deps.renaksi.setYears(plan.id, years.startYear, years.endYear);
    deps.audit.record({
      userId: user.id, action: 'renaksi.years', entity: 'renaksi_plan', entityId: plan.id,
      oldValue: { startYear: plan.startYear, endYear: plan.endYear }, newValue: { ...years, retargetedRows: changes.length },
    });
    return changes.length;
  })();
}
