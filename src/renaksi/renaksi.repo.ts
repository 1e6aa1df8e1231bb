import type { Db } from '../db/database';
import type { DraftRow, PlanCounts, RenaksiEditableField, RenaksiTextField } from './renaksi-draft';

export interface RenaksiPlan {
  id: number;
  periodId: number;
  startYear: number;
  endYear: number;
  status: 'draf' | 'final';
  generatedAt: string | null;
  updatedAt: string;
}

export type RenaksiScopeStored = 'kabupaten' | 'manual';

export interface RenaksiRow extends Record<RenaksiTextField, string> {
  id: number;
  planId: number;
  sourceKey: string | null;
  scope: RenaksiScopeStored;
  aspectCode: string;
  indicatorCode: string | null;
  /** Units at or above the target level by the end of each plan year (counts). */
  targets: Record<string, number>;
  outputTargets: Record<string, string>;
  /** The unit counts the row was drafted from; null for a row added by hand or not drafted since the upgrade. */
  counts: PlanCounts | null;
  notes: string;
  priority: number;
  isPriority: boolean;
  sortOrder: number;
  editedFields: RenaksiEditableField[];
  gapOpen: boolean;
  version: number;
  createdAt: string | null;
  updatedAt: string;
  updatedByName: string | null;
  deletedAt: string | null;
}

interface RowRecord {
  id: number;
  plan_id: number;
  source_key: string | null;
  scope: RenaksiScopeStored;
  aspect_code: string;
  indicator_code: string | null;
  problem: string;
  goal: string;
  activity: string;
  output_indicator: string;
  targets: string;
  schedule: string;
  responsible: string;
  budget: string;
  support: string;
  verification: string;
  unit_scope: string;
  dpa: string;
  output_targets: string;
  counts: string | null;
  notes: string;
  priority: number;
  is_priority: number;
  sort_order: number;
  edited_fields: string;
  gap_open: number;
  version: number;
  created_at: string | null;
  updated_at: string;
  updated_by_name: string | null;
  deleted_at: string | null;
}

const toRow = (r: RowRecord): RenaksiRow => ({
  id: r.id,
  planId: r.plan_id,
  sourceKey: r.source_key,
  scope: r.scope,
  aspectCode: r.aspect_code,
  indicatorCode: r.indicator_code,
  problem: r.problem,
  goal: r.goal,
  activity: r.activity,
  outputIndicator: r.output_indicator,
  targets: JSON.parse(r.targets) as Record<string, number>,
  outputTargets: JSON.parse(r.output_targets) as Record<string, string>,
  counts: r.counts === null ? null : (JSON.parse(r.counts) as PlanCounts),
  notes: r.notes,
  schedule: r.schedule,
  responsible: r.responsible,
  unitScope: r.unit_scope,
  dpa: r.dpa,
  budget: r.budget,
  support: r.support,
  verification: r.verification,
  priority: r.priority,
  isPriority: r.is_priority === 1,
  sortOrder: r.sort_order,
  editedFields: JSON.parse(r.edited_fields) as RenaksiEditableField[],
  gapOpen: r.gap_open === 1,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  updatedByName: r.updated_by_name,
  deletedAt: r.deleted_at,
});

/** What an update may set: the editable fields plus the columns drafting and the team's tools maintain. */
export type RowChanges = Partial<{
  [K in RenaksiTextField]: string;
} & {
  targets: Record<string, number>;
  outputTargets: Record<string, string>;
  counts: PlanCounts | null;
  notes: string;
  priority: number;
  isPriority: boolean;
  aspectCode: string;
  indicatorCode: string | null;
  editedFields: string[];
  gapOpen: boolean;
}>;

/** camelCase field → column for every field an update may set. */
const COLUMNS: Record<keyof RowChanges, string> = {
  problem: 'problem',
  goal: 'goal',
  activity: 'activity',
  outputIndicator: 'output_indicator',
  schedule: 'schedule',
  responsible: 'responsible',
  unitScope: 'unit_scope',
  dpa: 'dpa',
  budget: 'budget',
  support: 'support',
  verification: 'verification',
  targets: 'targets',
  outputTargets: 'output_targets',
  counts: 'counts',
  notes: 'notes',
  priority: 'priority',
  isPriority: 'is_priority',
  aspectCode: 'aspect_code',
  indicatorCode: 'indicator_code',
  editedFields: 'edited_fields',
  gapOpen: 'gap_open',
};

const JSON_COLUMNS: ReadonlySet<keyof RowChanges> = new Set(['targets', 'outputTargets', 'counts', 'editedFields']);

function toParam(name: keyof RowChanges, value: unknown): unknown {
  if (JSON_COLUMNS.has(name)) return value === null ? null : JSON.stringify(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

export interface ManualRowInput extends Record<RenaksiTextField, string> {
  aspectCode: string;
  indicatorCode: string | null;
  targets: Record<string, number>;
  outputTargets: Record<string, string>;
  /** A split row carries the counts of the row it was split from. */
  counts: PlanCounts | null;
  notes: string;
  isPriority: boolean;
}

const ROW_SELECT = `SELECT r.*, u.display_name AS updated_by_name FROM renaksi_rows r LEFT JOIN users u ON u.id = r.updated_by`;

export function createRenaksiRepo(db: Db) {
  const planByPeriod = db.prepare<[number], {
    id: number; period_id: number; start_year: number; end_year: number; status: 'draf' | 'final';
    generated_at: string | null; updated_at: string;
  }>('SELECT * FROM renaksi_plans WHERE period_id = ?');
  const insertPlan = db.prepare('INSERT INTO renaksi_plans (period_id, start_year, end_year, updated_at) VALUES (?, ?, ?, ?)');
  const markGenerated = db.prepare('UPDATE renaksi_plans SET generated_at = ?, updated_at = ? WHERE id = ?');
  const setYears = db.prepare('UPDATE renaksi_plans SET start_year = ?, end_year = ?, updated_at = ? WHERE id = ?');
  const setStatus = db.prepare('UPDATE renaksi_plans SET status = ?, updated_at = ? WHERE id = ?');
  const liveRows = db.prepare<[number], RowRecord>(`${ROW_SELECT} WHERE r.plan_id = ? AND r.deleted_at IS NULL ORDER BY r.sort_order, r.id`);
  const allRows = db.prepare<[number], RowRecord>(`${ROW_SELECT} WHERE r.plan_id = ? ORDER BY r.sort_order, r.id`);
  const deletedRows = db.prepare<[number], RowRecord>(`${ROW_SELECT} WHERE r.plan_id = ? AND r.deleted_at IS NOT NULL ORDER BY r.deleted_at DESC`);
  const rowById = db.prepare<[number], RowRecord>(`${ROW_SELECT} WHERE r.id = ?`);
  const maxOrder = db.prepare<[number], { m: number | null }>('SELECT MAX(sort_order) AS m FROM renaksi_rows WHERE plan_id = ?');
  const insertRow = db.prepare(
    `INSERT INTO renaksi_rows (plan_id, source_key, scope, unit_id, aspect_code, indicator_code, problem, goal, activity,
       output_indicator, targets, output_targets, counts, notes, schedule, responsible, unit_scope, dpa, budget, support,
       verification, priority, is_priority, sort_order, edited_fields, created_at, updated_at, updated_by)
     VALUES (@planId, @sourceKey, @scope, NULL, @aspectCode, @indicatorCode, @problem, @goal, @activity,
       @outputIndicator, @targets, @outputTargets, @counts, @notes, @schedule, @responsible, @unitScope, @dpa, @budget, @support,
       @verification, @priority, @isPriority, @sortOrder, @editedFields, @now, @now, @userId)`,
  );
  const softDelete = db.prepare('UPDATE renaksi_rows SET deleted_at = @now, version = version + 1, updated_at = @now, updated_by = @userId WHERE id = @id AND version = @version AND deleted_at IS NULL');
  const restore = db.prepare('UPDATE renaksi_rows SET deleted_at = NULL, version = version + 1, updated_at = @now, updated_by = @userId WHERE id = @id AND deleted_at IS NOT NULL');
  const closeGap = db.prepare('UPDATE renaksi_rows SET gap_open = 0, version = version + 1, updated_at = ? WHERE id = ?');
  const setOrder = db.prepare('UPDATE renaksi_rows SET sort_order = ? WHERE id = ?');
  const shiftOrder = db.prepare('UPDATE renaksi_rows SET sort_order = sort_order + 1 WHERE plan_id = ? AND sort_order > ?');
  const updateCache = new Map<string, ReturnType<Db['prepare']>>();

  function updateStatement(fields: (keyof RowChanges)[], bump: boolean, checkVersion: boolean) {
    const key = `${fields.join(',')}|${bump}|${checkVersion}`;
    let stmt = updateCache.get(key);
    if (!stmt) {
      const sets = fields.map((f) => `${COLUMNS[f]} = @${f}`);
      if (bump) sets.push('version = version + 1', 'updated_at = @now', 'updated_by = @userId');
      stmt = db.prepare(`UPDATE renaksi_rows SET ${sets.join(', ')} WHERE id = @id${checkVersion ? ' AND version = @expectedVersion' : ''}`);
      updateCache.set(key, stmt);
    }
    return stmt;
  }

  return {
    findPlan(periodId: number): RenaksiPlan | undefined {
      const p = planByPeriod.get(periodId);
      return p && {
        id: p.id, periodId: p.period_id, startYear: p.start_year, endYear: p.end_year, status: p.status,
        generatedAt: p.generated_at, updatedAt: p.updated_at,
      };
    },
    insertPlan: (periodId: number, startYear: number, endYear: number): number =>
      Number(insertPlan.run(periodId, startYear, endYear, new Date().toISOString()).lastInsertRowid),
    markGenerated: (planId: number, at: string): void => {
      markGenerated.run(at, at, planId);
    },
    setYears: (planId: number, startYear: number, endYear: number): void => {
      setYears.run(startYear, endYear, new Date().toISOString(), planId);
    },
    setStatus: (planId: number, status: RenaksiPlan['status']): void => {
      setStatus.run(status, new Date().toISOString(), planId);
    },
    /** The plan's rows that are not deleted, in document order. */
    listRows: (planId: number): RenaksiRow[] => liveRows.all(planId).map(toRow),
    /** Every row including the deleted ones (drafting must see them so a deleted gap is not drafted again). */
    listAllRows: (planId: number): RenaksiRow[] => allRows.all(planId).map(toRow),
    listDeletedRows: (planId: number): RenaksiRow[] => deletedRows.all(planId).map(toRow),
    findRow: (id: number): RenaksiRow | undefined => {
      const r = rowById.get(id);
      return r && toRow(r);
    },
    nextSortOrder: (planId: number): number => (maxOrder.get(planId)?.m ?? 0) + 1,
    insertDraftRow(planId: number, d: DraftRow, sortOrder: number, now: string): number {
      return Number(
        insertRow.run({
          ...d, planId, targets: JSON.stringify(d.targets), outputTargets: JSON.stringify(d.outputTargets), counts: JSON.stringify(d.counts),
          notes: '', isPriority: 0, sortOrder, editedFields: '[]', now, userId: null,
        }).lastInsertRowid,
      );
    },
    /** A row the team adds by hand: scope 'manual', no source key, every field counts as typed. */
    insertManualRow(planId: number, r: ManualRowInput, sortOrder: number, userId: number): number {
      return Number(
        insertRow.run({
          ...r, planId, sourceKey: null, scope: 'manual', targets: JSON.stringify(r.targets), outputTargets: JSON.stringify(r.outputTargets),
          counts: r.counts === null ? null : JSON.stringify(r.counts), priority: r.counts?.priority ?? 0,
          isPriority: r.isPriority ? 1 : 0, sortOrder, editedFields: '[]', now: new Date().toISOString(), userId,
        }).lastInsertRowid,
      );
    },
    /**
     * Sets the given fields. A content change (`bump`, the default) raises the version and records who changed it;
     * with `expectedVersion` the update happens only if the row still has that version. Returns whether a row changed.
     */
    updateRow(id: number, changes: RowChanges, opts: { userId?: number | null; expectedVersion?: number; bump?: boolean } = {}): boolean {
      const names = (Object.keys(changes) as (keyof RowChanges)[]).filter((n) => changes[n] !== undefined).sort();
      const bump = opts.bump ?? true;
      if (names.length === 0 && !bump) return false;
      const params: Record<string, unknown> = { id, now: new Date().toISOString(), userId: opts.userId ?? null, expectedVersion: opts.expectedVersion };
      for (const n of names) params[n] = toParam(n, changes[n]);
      if (opts.expectedVersion === undefined) delete params.expectedVersion;
      return updateStatement(names, bump, opts.expectedVersion !== undefined).run(params).changes === 1;
    },
    /** Soft delete, only if the row still has `version`; returns whether it was deleted. */
    softDelete: (id: number, version: number, userId: number): boolean =>
      softDelete.run({ id, version, userId, now: new Date().toISOString() }).changes === 1,
    restore: (id: number, userId: number): boolean => restore.run({ id, userId, now: new Date().toISOString() }).changes === 1,
    closeGap: (id: number): void => {
      closeGap.run(new Date().toISOString(), id);
    },
    setOrder: (id: number, order: number): void => {
      setOrder.run(order, id);
    },
    /** Makes room right after `sortOrder`: every later row moves one place down. */
    shiftOrderAfter: (planId: number, sortOrder: number): void => {
      shiftOrder.run(planId, sortOrder);
    },
  };
}
export type RenaksiRepo = ReturnType<typeof createRenaksiRepo>;
