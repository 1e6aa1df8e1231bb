import type { Db } from '../db/database';
import type { DraftRow, RenaksiEditableField, RenaksiTextField } from './renaksi-draft';

export interface RenaksiPlan {
  id: number;
  periodId: number;
  startYear: number;
  endYear: number;
  status: 'draf' | 'final';
  generatedAt: string | null;
  updatedAt: string;
}

export interface RenaksiRow extends Record<RenaksiTextField, string> {
  id: number;
  sourceKey: string | null;
  scope: 'kabupaten' | 'unit' | 'manual';
  unitId: number | null;
  aspectCode: string;
  indicatorCode: string | null;
  targets: Record<string, number>;
  priority: number;
  sortOrder: number;
  editedFields: RenaksiEditableField[];
  gapOpen: boolean;
  version: number;
}

interface RowRecord {
  id: number;
  source_key: string | null;
  scope: RenaksiRow['scope'];
  unit_id: number | null;
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
  realization: string;
  priority: number;
  sort_order: number;
  edited_fields: string;
  gap_open: number;
  version: number;
}

const toRow = (r: RowRecord): RenaksiRow => ({
  id: r.id,
  sourceKey: r.source_key,
  scope: r.scope,
  unitId: r.unit_id,
  aspectCode: r.aspect_code,
  indicatorCode: r.indicator_code,
  problem: r.problem,
  goal: r.goal,
  activity: r.activity,
  outputIndicator: r.output_indicator,
  targets: JSON.parse(r.targets) as Record<string, number>,
  schedule: r.schedule,
  responsible: r.responsible,
  budget: r.budget,
  support: r.support,
  verification: r.verification,
  realization: r.realization,
  priority: r.priority,
  sortOrder: r.sort_order,
  editedFields: JSON.parse(r.edited_fields) as RenaksiEditableField[],
  gapOpen: r.gap_open === 1,
  version: r.version,
});

/** camelCase field → column, for the fields a draft or an edit may set. */
const COLUMNS: Record<RenaksiEditableField | 'priority', string> = {
  problem: 'problem',
  goal: 'goal',
  activity: 'activity',
  outputIndicator: 'output_indicator',
  schedule: 'schedule',
  responsible: 'responsible',
  budget: 'budget',
  support: 'support',
  verification: 'verification',
  realization: 'realization',
  targets: 'targets',
  priority: 'priority',
};

export function createRenaksiRepo(db: Db) {
  const planByPeriod = db.prepare<[number], {
    id: number; period_id: number; start_year: number; end_year: number; status: 'draf' | 'final';
    generated_at: string | null; updated_at: string;
  }>('SELECT * FROM renaksi_plans WHERE period_id = ?');
  const insertPlan = db.prepare(
    'INSERT INTO renaksi_plans (period_id, start_year, end_year, updated_at) VALUES (?, ?, ?, ?)',
  );
  const markGenerated = db.prepare('UPDATE renaksi_plans SET generated_at = ?, updated_at = ? WHERE id = ?');
  const rows = db.prepare<[number], RowRecord>('SELECT * FROM renaksi_rows WHERE plan_id = ? ORDER BY sort_order, id');
  const rowById = db.prepare<[number], RowRecord>('SELECT * FROM renaksi_rows WHERE id = ?');
  const insertRow = db.prepare(
    `INSERT INTO renaksi_rows (plan_id, source_key, scope, unit_id, aspect_code, indicator_code, problem, goal, activity,
       output_indicator, targets, schedule, responsible, budget, support, verification, realization, priority,
       sort_order, updated_at)
     VALUES (@planId, @sourceKey, @scope, @unitId, @aspectCode, @indicatorCode, @problem, @goal, @activity,
       @outputIndicator, @targets, @schedule, @responsible, @budget, @support, @verification, @realization, @priority,
       @sortOrder, @now)`,
  );
  const closeGap = db.prepare('UPDATE renaksi_rows SET gap_open = 0, updated_at = ? WHERE id = ?');
  const setOrder = db.prepare('UPDATE renaksi_rows SET sort_order = ? WHERE id = ?');
  const updateCache = new Map<string, ReturnType<Db['prepare']>>();

  function updateStatement(fields: string[]) {
    const key = fields.join(',');
    let stmt = updateCache.get(key);
    if (!stmt) {
      const sets = fields.map((f) => `${COLUMNS[f as keyof typeof COLUMNS]} = @${f}`).join(', ');
      stmt = db.prepare(`UPDATE renaksi_rows SET ${sets}, gap_open = @gapOpen, edited_fields = @editedFields,
        version = version + 1, updated_at = @now WHERE id = @id`);
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
    markGenerated: (planId: number): void => {
      const now = new Date().toISOString();
      markGenerated.run(now, now, planId);
    },
    listRows: (planId: number): RenaksiRow[] => rows.all(planId).map(toRow),
    findRow: (id: number): RenaksiRow | undefined => {
      const r = rowById.get(id);
      return r && toRow(r);
    },
    insertDraftRow(planId: number, d: DraftRow, sortOrder: number): number {
      const { targets, ...rest } = d;
      return Number(
        insertRow.run({ ...rest, planId, targets: JSON.stringify(targets), sortOrder, now: new Date().toISOString() })
          .lastInsertRowid,
      );
    },
    /** Sets the given fields; `editedFields` and `gapOpen` are stored as given. */
    updateRow(id: number, fields: Partial<Record<RenaksiEditableField | 'priority', unknown>>, meta: { editedFields: string[]; gapOpen: boolean }): void {
      const names = Object.keys(fields).sort();
      const params: Record<string, unknown> = { id, now: new Date().toISOString(), gapOpen: meta.gapOpen ? 1 : 0, editedFields: JSON.stringify(meta.editedFields) };
      for (const n of names) {
        const v = fields[n as keyof typeof fields];
        params[n] = n === 'targets' ? JSON.stringify(v) : v;
      }
      updateStatement(names).run(params);
    },
    closeGap: (id: number): void => {
      closeGap.run(new Date().toISOString(), id);
    },
    setOrder: (id: number, order: number): void => {
      setOrder.run(order, id);
    },
  };
}
export type RenaksiRepo = ReturnType<typeof createRenaksiRepo>;
