import type { Db } from '../db/database';
import type { LaporField } from './lapor-columns';
import type { ApplyReport } from './lapor-plan';
import type { LaporStatus } from './lapor-status';

/** A stored report as the figures read it. */
export interface StoredReport {
  unitId: number;
  receivedOn: string;
  firstResponseOn: string | null;
  finishedOn: string | null;
  status: LaporStatus;
  classification: string | null;
}

export interface LaporImportRow {
  id: number;
  periodId: number;
  fileName: string;
  exportDate: string;
  rowsRead: number;
  inserted: number;
  updated: number;
  refused: number;
  leftOut: number;
  source: 'web' | 'cli' | 'demo';
  appliedBy: string | null;
  appliedAt: string;
}

export interface DayOff {
  day: string;
  note: string;
}

export interface InstansiDecisionRow {
  key: string;
  name: string;
  unitId: number | null;
  decidedAt: string;
}

interface ImportDbRow {
  id: number;
  period_id: number;
  file_name: string;
  export_date: string;
  rows_read: number;
  inserted: number;
  updated: number;
  refused: number;
  left_out: number;
  source: 'web' | 'cli' | 'demo';
  applied_by_name: string | null;
  applied_at: string;
}

const toImport = (r: ImportDbRow): LaporImportRow => ({
  id: r.id, periodId: r.period_id, fileName: r.file_name, exportDate: r.export_date, rowsRead: r.rows_read, inserted: r.inserted,
  updated: r.updated, refused: r.refused, leftOut: r.left_out, source: r.source, appliedBy: r.applied_by_name, appliedAt: r.applied_at,
});

export type NewImport = Omit<LaporImportRow, 'id' | 'appliedBy' | 'appliedAt'> & { appliedById: number | null };

/** All SQL of the SP4N-LAPOR! data (migration 010). */
export function createLaporRepo(db: Db) {
  // NOTE: a province's year is 100.000 rows; rows as arrays (raw) and single values (pluck) skip an object per row.
  const reports = db
    .prepare<[number], [number, string, string | null, string | null, LaporStatus, string | null]>(
      'SELECT unit_id, received_on, first_response_on, finished_on, status, classification FROM lapor_reports WHERE period_id = ?',
    )
    .raw(true);
  const trackingIds = db.prepare<[number], string>('SELECT tracking_id FROM lapor_reports WHERE period_id = ?').pluck(true);
  const reportingUnits = db.prepare<[number], number>('SELECT DISTINCT unit_id FROM lapor_reports WHERE period_id = ?').pluck(true);
  const finishedIds = db
    .prepare<[number, number], string>("SELECT tracking_id FROM lapor_reports WHERE period_id = ? AND unit_id = ? AND status = 'selesai'")
    .pluck(true);
  const upsert = db.prepare(
    `INSERT INTO lapor_reports (period_id, tracking_id, unit_id, received_on, first_response_on, finished_on, status, classification, channel, category, import_id)
     VALUES (@periodId, @trackingId, @unitId, @receivedOn, @firstResponseOn, @finishedOn, @status, @classification, @channel, @category, @importId)
     ON CONFLICT (period_id, tracking_id) DO UPDATE SET unit_id = excluded.unit_id, received_on = excluded.received_on,
       first_response_on = excluded.first_response_on, finished_on = excluded.finished_on, status = excluded.status,
       classification = excluded.classification, channel = excluded.channel, category = excluded.category, import_id = excluded.import_id`,
  );
  const insertImport = db.prepare(
    `INSERT INTO lapor_imports (period_id, file_name, export_date, rows_read, inserted, updated, refused, left_out, source, applied_by, applied_at)
     VALUES (@periodId, @fileName, @exportDate, @rowsRead, @inserted, @updated, @refused, @leftOut, @source, @appliedById, @appliedAt)`,
  );
  const imports = db.prepare<[number], ImportDbRow>(
    `SELECT i.*, u.display_name AS applied_by_name FROM lapor_imports i LEFT JOIN users u ON u.id = i.applied_by
     WHERE i.period_id = ? ORDER BY i.id DESC`,
  );
  const stamp = db.prepare<[number], { n: number; last: number | null; asOf: string | null }>(
    'SELECT COUNT(*) AS n, MAX(id) AS last, MAX(export_date) AS asOf FROM lapor_imports WHERE period_id = ?',
  );
  const versionKey = db.prepare<[number, number], { k: string }>(
    `SELECT (SELECT IFNULL(MAX(id), 0) || '/' || IFNULL(MAX(export_date), '') FROM lapor_imports WHERE period_id = ?)
       || '|' || (SELECT IFNULL(group_concat(day), '') FROM lapor_days_off)
       || '|' || (SELECT IFNULL(group_concat(unit_id || ':' || target), '') FROM lapor_targets WHERE period_id = ?) AS k`,
  );
  const mappings = db.prepare<[], { header_key: string; field: LaporField }>('SELECT header_key, field FROM lapor_header_mappings');
  const putMapping = db.prepare(
    `INSERT INTO lapor_header_mappings (header_key, field, header, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (header_key) DO UPDATE SET field = excluded.field, header = excluded.header, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  );
  const dropMapping = db.prepare('DELETE FROM lapor_header_mappings WHERE header_key = ?');
  const decisions = db.prepare<[], { instansi_key: string; instansi_name: string; unit_id: number | null; decided_at: string }>(
    'SELECT instansi_key, instansi_name, unit_id, decided_at FROM lapor_instansi_units ORDER BY instansi_name',
  );
  const putDecision = db.prepare(
    `INSERT INTO lapor_instansi_units (instansi_key, instansi_name, unit_id, decided_by, decided_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (instansi_key) DO UPDATE SET instansi_name = excluded.instansi_name, unit_id = excluded.unit_id,
       decided_by = excluded.decided_by, decided_at = excluded.decided_at`,
  );
  const dropDecision = db.prepare('DELETE FROM lapor_instansi_units WHERE instansi_key = ?');
  const daysOff = db.prepare<[], { day: string; note: string }>('SELECT day, note FROM lapor_days_off ORDER BY day');
  const putDayOff = db.prepare(
    'INSERT INTO lapor_days_off (day, note, created_by, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (day) DO UPDATE SET note = excluded.note',
  );
  const dropDayOff = db.prepare('DELETE FROM lapor_days_off WHERE day = ?');
  const targets = db.prepare<[number], { unit_id: number; target: number }>('SELECT unit_id, target FROM lapor_targets WHERE period_id = ?');
  const putTarget = db.prepare(
    'INSERT INTO lapor_targets (period_id, unit_id, target) VALUES (?, ?, ?) ON CONFLICT (period_id, unit_id) DO UPDATE SET target = excluded.target',
  );
  const dropTarget = db.prepare('DELETE FROM lapor_targets WHERE period_id = ? AND unit_id = ?');
  return {
    reports: (periodId: number): StoredReport[] =>
      reports.all(periodId).map(([unitId, receivedOn, firstResponseOn, finishedOn, status, classification]) => ({ unitId, receivedOn, firstResponseOn, finishedOn, status, classification })),
    trackingIds: (periodId: number): Set<string> => new Set(trackingIds.all(periodId)),
    /** The units holding at least one report of the period. */
    unitIdsWithReports: (periodId: number): number[] => reportingUnits.all(periodId),
    /** The tracking IDs of a unit's finished reports in the period (D3's sample population). */
    finishedTrackingIds: (periodId: number, unitId: number): string[] => finishedIds.all(periodId, unitId),
    /** Records an import; call inside the transaction that stores its reports. */
    insertImport: (i: NewImport): number => Number(insertImport.run({ ...i, appliedAt: new Date().toISOString() }).lastInsertRowid),
    upsertReports: (periodId: number, importId: number, rows: readonly ApplyReport[]): void => {
      for (const r of rows) upsert.run({ ...r, periodId, importId });
    },
    imports: (periodId: number): LaporImportRow[] => imports.all(periodId).map(toImport),
    /** Whether the period has data, the last import's id (changes with every import) and the latest export date. */
    stamp: (periodId: number): { imports: number; lastImportId: number | null; asOf: string | null } => {
      const s = stamp.get(periodId) as { n: number; last: number | null; asOf: string | null };
      return { imports: s.n, lastImportId: s.last, asOf: s.asOf };
    },
    /** Changes whenever anything the period's figures are computed from changes (imports, days off, targets). */
    versionKey: (periodId: number): string => (versionKey.get(periodId, periodId) as { k: string }).k,
    rememberedHeaders: (): Map<string, LaporField> => new Map(mappings.all().map((r) => [r.header_key, r.field])),
    rememberHeader: (key: string, field: LaporField, header: string, userId: number): void => {
      putMapping.run(key, field, header, userId, new Date().toISOString());
    },
    forgetHeader: (key: string): void => {
      dropMapping.run(key);
    },
    decisions: (): InstansiDecisionRow[] => decisions.all().map((r) => ({ key: r.instansi_key, name: r.instansi_name, unitId: r.unit_id, decidedAt: r.decided_at })),
    decide: (key: string, name: string, unitId: number | null, userId: number): void => {
      putDecision.run(key, name, unitId, userId, new Date().toISOString());
    },
    forgetDecision: (key: string): void => {
      dropDecision.run(key);
    },
    daysOff: (): DayOff[] => daysOff.all(),
    addDayOff: (day: string, note: string, userId: number | null): void => {
      putDayOff.run(day, note, userId, new Date().toISOString());
    },
    removeDayOff: (day: string): boolean => dropDayOff.run(day).changes > 0,
    targets: (periodId: number): Map<number, number> => new Map(targets.all(periodId).map((r) => [r.unit_id, r.target])),
    setTarget: (periodId: number, unitId: number, target: number | null): void => {
      if (target === null) dropTarget.run(periodId, unitId);
      else putTarget.run(periodId, unitId, target);
    },
  };
}
export type LaporRepo = ReturnType<typeof createLaporRepo>;
