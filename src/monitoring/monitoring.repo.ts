import type { Db } from '../db/database';
import type { MonevStatus, ReportingWindow, ReviewState } from './monitoring-calc';

/** The review bookkeeping every report carries. */
interface ReviewFields {
  id: number;
  year: number;
  semester: 1 | 2;
  reviewState: ReviewState;
  verifierComment: string;
  /** Who last filled the report (the one who submitted it when it is waiting for review); null for none. */
  reportedBy: number | null;
  /** Everyone who saved the report since its last review (ids, each once); none of them may review it. */
  filledBy: number[];
  reportedByName: string | null;
  submittedAt: string | null;
  reviewedByName: string | null;
  reviewedAt: string | null;
  version: number;
  updatedAt: string;
}

/** The realisasi of one Lampiran I row in one semester. */
export interface RowReport extends ReviewFields {
  rowId: number;
  status: MonevStatus | null;
  /** The first output's realisasi when the year's target lists several (outputRealisasi has each). */
  realisasi: number | null;
  /** One realisasi per output of the year's target, in its order, when it lists several; null otherwise. */
  outputRealisasi: (number | null)[] | null;
  kendala: string;
  tindakLanjut: string;
}

/** A unit's own report for one semester, with what it did per indicator. */
export interface UnitReport extends ReviewFields {
  planId: number;
  unitId: number;
  items: UnitItem[];
}

/** What the progress reads of a unit's report: whose, which semester, its review state. */
export type UnitReportState = Pick<UnitReport, 'id' | 'unitId' | 'year' | 'semester' | 'reviewState'>;

interface UnitItem {
  indicatorCode: string;
  status: MonevStatus | null;
  activity: string;
  kendala: string;
}

export interface MonevEvidence {
  id: number;
  rowReportId: number | null;
  unitReportId: number | null;
  indicatorCode: string | null;
  kind: 'link' | 'file';
  url: string | null;
  fileName: string | null;
  fileSize: number | null;
  sha256: string | null;
  mimeType: string | null;
  createdBy: string | null;
  createdAt: string;
  deletedAt: string | null;
}

export interface StoredWindow extends ReportingWindow {
  year: number;
  semester: 1 | 2;
}

interface ReviewRecord {
  id: number;
  year: number;
  semester: 1 | 2;
  review_state: ReviewState;
  verifier_comment: string;
  reported_by: number | null;
  filled_by: string;
  reported_by_name: string | null;
  submitted_at: string | null;
  reviewed_by_name: string | null;
  reviewed_at: string | null;
  version: number;
  updated_at: string;
}

interface RowReportRecord extends ReviewRecord {
  row_id: number;
  status: MonevStatus | null;
  realisasi: number | null;
  output_realisasi: string | null;
  kendala: string;
  tindak_lanjut: string;
}

interface UnitReportRecord extends ReviewRecord {
  plan_id: number;
  unit_id: number;
}

/** The stored list of user ids (filled_by); the ids alone, whatever else it holds. */
function idList(json: string): number[] {
  const list: unknown = JSON.parse(json);
  return Array.isArray(list) ? list.filter((x): x is number => Number.isInteger(x)) : [];
}

const toReview = (r: ReviewRecord): ReviewFields => ({
  id: r.id, year: r.year, semester: r.semester, reviewState: r.review_state, verifierComment: r.verifier_comment,
  reportedBy: r.reported_by, filledBy: idList(r.filled_by), reportedByName: r.reported_by_name, submittedAt: r.submitted_at, reviewedByName: r.reviewed_by_name, reviewedAt: r.reviewed_at,
  version: r.version, updatedAt: r.updated_at,
});

/** The stored per-output list; null when absent or not a list of numbers and nulls. */
function outputList(json: string | null): (number | null)[] | null {
  const list: unknown = json === null ? null : JSON.parse(json);
  return Array.isArray(list) && list.every((x) => x === null || typeof x === 'number') ? (list as (number | null)[]) : null;
}

const toRowReport = (r: RowReportRecord): RowReport => ({
  ...toReview(r), rowId: r.row_id, status: r.status, realisasi: r.realisasi, outputRealisasi: outputList(r.output_realisasi),
  kendala: r.kendala, tindakLanjut: r.tindak_lanjut,
});

const NAMES = `rb.display_name AS reported_by_name, vb.display_name AS reviewed_by_name`;
const JOINS = (alias: string) => `LEFT JOIN users rb ON rb.id = ${alias}.reported_by LEFT JOIN users vb ON vb.id = ${alias}.reviewed_by`;

/** Every SQL string of the monev: windows, row reports, unit reports with their items, evidence, coordinators. */
export function createMonitoringRepo(db: Db) {
  const windows = db.prepare<[number], { year: number; semester: 1 | 2; opens_on: string; deadline: string }>(
    'SELECT year, semester, opens_on, deadline FROM monev_windows WHERE plan_id = ? ORDER BY year, semester',
  );
  const rowReports = db.prepare<[number], RowReportRecord>(
    `SELECT m.*, ${NAMES} FROM monev_row_reports m JOIN renaksi_rows r ON r.id = m.row_id ${JOINS('m')} WHERE r.plan_id = ? ORDER BY m.row_id, m.year, m.semester`,
  );
  const rowReport = db.prepare<[number, number, number], RowReportRecord>(
    `SELECT m.*, ${NAMES} FROM monev_row_reports m ${JOINS('m')} WHERE m.row_id = ? AND m.year = ? AND m.semester = ?`,
  );
  const unitReportStates = db.prepare<[number], { id: number; unit_id: number; year: number; semester: 1 | 2; review_state: ReviewState }>(
    'SELECT id, unit_id, year, semester, review_state FROM monev_unit_reports WHERE plan_id = ? ORDER BY unit_id, year, semester',
  );
  const oneUnitReportStates = db.prepare<[number, number], { id: number; unit_id: number; year: number; semester: 1 | 2; review_state: ReviewState }>(
    'SELECT id, unit_id, year, semester, review_state FROM monev_unit_reports WHERE plan_id = ? AND unit_id = ? ORDER BY year, semester',
  );
  const unitReport = db.prepare<[number, number, number, number], UnitReportRecord>(
    `SELECT m.*, ${NAMES} FROM monev_unit_reports m ${JOINS('m')} WHERE m.plan_id = ? AND m.unit_id = ? AND m.year = ? AND m.semester = ?`,
  );
  const unitReportById = db.prepare<[number], { id: number; plan_id: number; unit_id: number }>('SELECT id, plan_id, unit_id FROM monev_unit_reports WHERE id = ?');
  const rowReportById = db.prepare<[number], { id: number; row_id: number; plan_id: number }>(
    'SELECT m.id, m.row_id, r.plan_id FROM monev_row_reports m JOIN renaksi_rows r ON r.id = m.row_id WHERE m.id = ?',
  );
  const unitItems = db.prepare<[number], { indicator_code: string; status: MonevStatus | null; activity: string; kendala: string }>(
    'SELECT indicator_code, status, activity, kendala FROM monev_unit_items WHERE report_id = ? ORDER BY indicator_code',
  );
  const EVIDENCE = 'SELECT e.*, u.display_name AS created_by_name FROM monev_evidence e LEFT JOIN users u ON u.id = e.created_by';
  const rowEvidence = db.prepare<[number], Record<string, unknown>>(
    `${EVIDENCE} JOIN monev_row_reports rr ON rr.id = e.row_report_id JOIN renaksi_rows r ON r.id = rr.row_id
     WHERE e.deleted_at IS NULL AND r.plan_id = ? ORDER BY e.id`,
  );
  const reportEvidence = {
    row: db.prepare<[number], Record<string, unknown>>(`${EVIDENCE} WHERE e.deleted_at IS NULL AND e.row_report_id = ? ORDER BY e.id`),
    unit: db.prepare<[number], Record<string, unknown>>(`${EVIDENCE} WHERE e.deleted_at IS NULL AND e.unit_report_id = ? ORDER BY e.id`),
  };
  const evidenceCounts = db.prepare<[number, number], { kind: 'row' | 'unit'; report_id: number; n: number }>(
    `SELECT 'row' AS kind, e.row_report_id AS report_id, count(*) AS n FROM monev_evidence e
       JOIN monev_row_reports rr ON rr.id = e.row_report_id JOIN renaksi_rows r ON r.id = rr.row_id
       WHERE e.deleted_at IS NULL AND r.plan_id = ? GROUP BY e.row_report_id
     UNION ALL
     SELECT 'unit', e.unit_report_id, count(*) FROM monev_evidence e JOIN monev_unit_reports ur ON ur.id = e.unit_report_id
       WHERE e.deleted_at IS NULL AND ur.plan_id = ? GROUP BY e.unit_report_id`,
  );
  const oneUnitEvidenceCounts = db.prepare<[number, number, number], { kind: 'row' | 'unit'; report_id: number; n: number }>(
    `SELECT 'row' AS kind, e.row_report_id AS report_id, count(*) AS n FROM monev_evidence e
       JOIN monev_row_reports rr ON rr.id = e.row_report_id JOIN renaksi_rows r ON r.id = rr.row_id
       WHERE e.deleted_at IS NULL AND r.plan_id = ? GROUP BY e.row_report_id
     UNION ALL
     SELECT 'unit', e.unit_report_id, count(*) FROM monev_unit_reports ur JOIN monev_evidence e ON e.unit_report_id = ur.id
       WHERE e.deleted_at IS NULL AND ur.plan_id = ? AND ur.unit_id = ? GROUP BY e.unit_report_id`,
  );
  const evidenceById = db.prepare<[number], Record<string, unknown>>('SELECT * FROM monev_evidence WHERE id = ?');
  const coordinators = db.prepare<[number], { row_id: number; unit_id: number }>(
    'SELECT c.row_id, c.unit_id FROM monev_coordinators c JOIN renaksi_rows r ON r.id = c.row_id WHERE r.plan_id = ?',
  );

  return {
    listWindows: (planId: number): StoredWindow[] => windows.all(planId).map((w) => ({ year: w.year, semester: w.semester, opensOn: w.opens_on, deadline: w.deadline })),
    /** Every row report of the plan's rows (deleted rows' included: their realisasi is kept). */
    listRowReports: (planId: number): RowReport[] => rowReports.all(planId).map(toRowReport),
    findRowReport: (rowId: number, year: number, semester: number): RowReport | undefined => {
      const r = rowReport.get(rowId, year, semester);
      return r && toRowReport(r);
    },
    /** Every unit report of the plan (`unitId`: of that unit only), without its items. */
    listUnitReportStates: (planId: number, unitId: number | null = null): UnitReportState[] =>
      (unitId === null ? unitReportStates.all(planId) : oneUnitReportStates.all(planId, unitId))
        .map((r) => ({ id: r.id, unitId: r.unit_id, year: r.year, semester: r.semester, reviewState: r.review_state })),
    /** A unit's own report for a semester with its items, if one was saved. */
    findUnitReport(planId: number, unitId: number, year: number, semester: number): UnitReport | undefined {
      const r = unitReport.get(planId, unitId, year, semester);
      if (!r) return undefined;
      const items = unitItems.all(r.id).map((i) => ({ indicatorCode: i.indicator_code, status: i.status, activity: i.activity, kendala: i.kendala }));
      return { ...toReview(r), planId: r.plan_id, unitId: r.unit_id, items };
    },
    /** Whose report a row report is (its row and plan), for an evidence download. */
    findRowReportOwner: (id: number): { rowId: number; planId: number } | undefined => {
      const r = rowReportById.get(id);
      return r && { rowId: r.row_id, planId: r.plan_id };
    },
    /** Whose report a unit report is (its unit and plan), for an evidence download. */
    findUnitReportOwner: (id: number): { unitId: number; planId: number } | undefined => {
      const r = unitReportById.get(id);
      return r && { unitId: r.unit_id, planId: r.plan_id };
    },
    /** Evidence (not deleted) of every row report of the plan, oldest first. */
    listRowEvidence: (planId: number): MonevEvidence[] => rowEvidence.all(planId).map(toEvidence),
    /** Evidence (not deleted) of one row report or one unit report, oldest first. */
    listReportEvidence: (owner: { rowReportId?: number; unitReportId?: number }): MonevEvidence[] => [
      ...(owner.rowReportId === undefined ? [] : reportEvidence.row.all(owner.rowReportId)),
      ...(owner.unitReportId === undefined ? [] : reportEvidence.unit.all(owner.unitReportId)),
    ].map(toEvidence),
    /** Evidence (not deleted) per report of the plan: `row:<id>` / `unit:<id>` → how many. */
    /** Evidence (not deleted) per report of the plan: every row report's, and every unit report's or only one unit's. */
    evidenceCounts: (planId: number, unitId: number | null = null): Map<string, number> =>
      new Map((unitId === null ? evidenceCounts.all(planId, planId) : oneUnitEvidenceCounts.all(planId, planId, unitId)).map((c) => [`${c.kind}:${c.report_id}`, c.n])),
    findEvidence: (id: number): MonevEvidence | undefined => {
      const r = evidenceById.get(id);
      return r && toEvidence(r);
    },
    /** Coordinating units the admin named, by row id. */
    coordinatorOverrides: (planId: number): Map<number, number> => new Map(coordinators.all(planId).map((c) => [c.row_id, c.unit_id])),
  };
}
export type MonitoringRepo = ReturnType<typeof createMonitoringRepo>;

function toEvidence(r: Record<string, unknown>): MonevEvidence {
  return {
    id: r.id as number,
    rowReportId: (r.row_report_id as number | null) ?? null,
    unitReportId: (r.unit_report_id as number | null) ?? null,
    indicatorCode: (r.indicator_code as string | null) ?? null,
    kind: r.kind as 'link' | 'file',
    url: (r.url as string | null) ?? null,
    fileName: (r.file_name as string | null) ?? null,
    fileSize: (r.file_size as number | null) ?? null,
    sha256: (r.file_sha256 as string | null) ?? null,
    mimeType: (r.mime_type as string | null) ?? null,
    createdBy: (r.created_by_name as string | null) ?? null,
    createdAt: r.created_at as string,
    deletedAt: (r.deleted_at as string | null) ?? null,
  };
}
