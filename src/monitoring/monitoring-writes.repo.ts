import type { Db } from '../db/database';
import type { MonevStatus, ReviewState } from './monitoring-calc';

/** What a reporter saves on a Lampiran I row for one semester. */
export interface RowReportValues {
  status: MonevStatus | null;
  /** The first output's when the year's target lists several. */
  realisasi: number | null;
  /** One per output when the year's target lists several (storedRealisasi); null otherwise. */
  outputRealisasi: (number | null)[] | null;
  kendala: string;
  tindakLanjut: string;
}

/** What a unit saves on one of its indicators for one semester. */
export interface UnitItemValues {
  indicatorCode: string;
  status: MonevStatus | null;
  activity: string;
  kendala: string;
}

export interface EvidenceOwnerRef {
  rowReportId?: number;
  unitReportId?: number;
  indicatorCode: string | null;
}

/**
 * The report's fillers since its last review with the saver added once (segregation of duties: none of them reviews
 * it; a review empties the list).
 */
const ADD_FILLER = `CASE WHEN EXISTS (SELECT 1 FROM json_each(filled_by) WHERE value = @userId) THEN filled_by ELSE json_insert(filled_by, '$[#]', CAST(@userId AS INTEGER)) END`;

/**
 * Every write of the monev. Updates of a report are guarded by its version (optimistic locking): they return
 * whether the row still had the version the person saw.
 */
export function createMonitoringWrites(db: Db) {
  const insertRow = db.prepare(
    `INSERT INTO monev_row_reports (row_id, year, semester, status, realisasi, output_realisasi, kendala, tindak_lanjut, reported_by, filled_by, created_at, updated_at)
     VALUES (@rowId, @year, @semester, @status, @realisasi, @outputRealisasi, @kendala, @tindakLanjut, @userId, json_array(CAST(@userId AS INTEGER)), @now, @now)`,
  );
  const updateRow = db.prepare(
    `UPDATE monev_row_reports SET status = @status, realisasi = @realisasi, output_realisasi = @outputRealisasi, kendala = @kendala, tindak_lanjut = @tindakLanjut,
       reported_by = @userId, filled_by = ${ADD_FILLER}, updated_at = @now, version = version + 1 WHERE id = @id AND version = @version`,
  );
  const insertUnit = db.prepare(
    `INSERT INTO monev_unit_reports (plan_id, unit_id, year, semester, reported_by, filled_by, created_at, updated_at)
     VALUES (@planId, @unitId, @year, @semester, @userId, json_array(CAST(@userId AS INTEGER)), @now, @now)`,
  );
  const touchUnit = db.prepare(
    `UPDATE monev_unit_reports SET reported_by = @userId, filled_by = ${ADD_FILLER}, updated_at = @now, version = version + 1 WHERE id = @id AND version = @version`,
  );
  const upsertItem = db.prepare(
    `INSERT INTO monev_unit_items (report_id, indicator_code, status, activity, kendala) VALUES (@reportId, @indicatorCode, @status, @activity, @kendala)
     ON CONFLICT (report_id, indicator_code) DO UPDATE SET status = excluded.status, activity = excluded.activity, kendala = excluded.kendala`,
  );
  const setState = (table: 'monev_row_reports' | 'monev_unit_reports') => ({
    submit: db.prepare(`UPDATE ${table} SET review_state = 'diajukan', submitted_at = @now, updated_at = @now, version = version + 1 WHERE id = @id`),
    review: db.prepare(
      `UPDATE ${table} SET review_state = @state, verifier_comment = @comment, reviewed_by = @userId, reviewed_at = @now, updated_at = @now, filled_by = '[]',
         version = version + 1 WHERE id = @id AND version = @version AND review_state = 'diajukan'`,
    ),
  });
  const dates = (table: 'monev_row_reports' | 'monev_unit_reports', owner: 'row_report_id' | 'unit_report_id') => ({
    report: db.prepare(
      `UPDATE ${table} SET created_at = @savedAt, updated_at = COALESCE(@reviewedAt, @submittedAt, @savedAt),
         submitted_at = CASE WHEN submitted_at IS NULL THEN NULL ELSE @submittedAt END,
         reviewed_at = CASE WHEN reviewed_at IS NULL THEN NULL ELSE @reviewedAt END WHERE id = @id`,
    ),
    evidence: db.prepare(`UPDATE monev_evidence SET created_at = @savedAt WHERE ${owner} = @id`),
  });
  const rowDates = dates('monev_row_reports', 'row_report_id');
  const unitDates = dates('monev_unit_reports', 'unit_report_id');
  const rowState = setState('monev_row_reports');
  const unitState = setState('monev_unit_reports');
  const insertEvidence = db.prepare(
    `INSERT INTO monev_evidence (row_report_id, unit_report_id, indicator_code, kind, url, file_name, file_size, file_sha256, mime_type, created_by, created_at)
     VALUES (@rowReportId, @unitReportId, @indicatorCode, @kind, @url, @fileName, @fileSize, @sha256, @mimeType, @userId, @now)`,
  );
  const deleteEvidence = db.prepare('UPDATE monev_evidence SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL');
  const upsertWindow = db.prepare(
    `INSERT INTO monev_windows (plan_id, year, semester, opens_on, deadline, updated_at, updated_by) VALUES (@planId, @year, @semester, @opensOn, @deadline, @now, @userId)
     ON CONFLICT (plan_id, year, semester) DO UPDATE SET opens_on = excluded.opens_on, deadline = excluded.deadline, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  );
  const deleteWindow = db.prepare('DELETE FROM monev_windows WHERE plan_id = ? AND year = ? AND semester = ?');
  const upsertCoordinator = db.prepare(
    `INSERT INTO monev_coordinators (row_id, unit_id, updated_at, updated_by) VALUES (@rowId, @unitId, @now, @userId)
     ON CONFLICT (row_id) DO UPDATE SET unit_id = excluded.unit_id, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  );
  const deleteCoordinator = db.prepare('DELETE FROM monev_coordinators WHERE row_id = ?');
  const now = () => new Date().toISOString();
  const rowParams = (v: RowReportValues) => ({ ...v, outputRealisasi: v.outputRealisasi ? JSON.stringify(v.outputRealisasi) : null });

  return {
    insertRowReport: (rowId: number, year: number, semester: number, v: RowReportValues, userId: number): number =>
      Number(insertRow.run({ rowId, year, semester, ...rowParams(v), userId, now: now() }).lastInsertRowid),
    updateRowReport: (id: number, version: number, v: RowReportValues, userId: number): boolean =>
      updateRow.run({ id, version, ...rowParams(v), userId, now: now() }).changes === 1,
    insertUnitReport: (planId: number, unitId: number, year: number, semester: number, userId: number): number =>
      Number(insertUnit.run({ planId, unitId, year, semester, userId, now: now() }).lastInsertRowid),
    touchUnitReport: (id: number, version: number, userId: number): boolean => touchUnit.run({ id, version, userId, now: now() }).changes === 1,
    saveUnitItem: (reportId: number, item: UnitItemValues): void => {
      upsertItem.run({ reportId, ...item });
    },
    submit: (kind: 'row' | 'unit', id: number): void => {
      (kind === 'row' ? rowState : unitState).submit.run({ id, now: now() });
    },
    /**
     * Accepts or returns a submitted report, emptying its fillers (the next round of filling starts fresh); false when
     * it changed meanwhile or is not waiting for review.
     */
    review: (kind: 'row' | 'unit', id: number, version: number, state: Extract<ReviewState, 'diterima' | 'dikembalikan'>, comment: string, userId: number): boolean =>
      (kind === 'row' ? rowState : unitState).review.run({ id, version, state, comment, userId, now: now() }).changes === 1,
    /**
     * Dates a report and its evidence as written on other days than today: saved (and its evidence added) at
     * `savedAt`, submitted and reviewed at the times given when it was. Only the demo seed uses it, so its reports
     * carry the days a kabupaten would have reported on (ISO timestamps).
     */
    setReportDates: (kind: 'row' | 'unit', id: number, d: { savedAt: string; submittedAt: string | null; reviewedAt: string | null }): void => {
      const q = kind === 'row' ? rowDates : unitDates;
      q.report.run({ id, ...d, submittedAt: d.submittedAt ?? d.savedAt, reviewedAt: d.reviewedAt });
      q.evidence.run({ id, savedAt: d.savedAt });
    },
    insertLink: (owner: EvidenceOwnerRef, url: string, userId: number): number =>
      Number(insertEvidence.run({
        rowReportId: owner.rowReportId ?? null, unitReportId: owner.unitReportId ?? null, indicatorCode: owner.indicatorCode,
        kind: 'link', url, fileName: null, fileSize: null, sha256: null, mimeType: null, userId, now: now(),
      }).lastInsertRowid),
    insertFile: (owner: EvidenceOwnerRef, f: { fileName: string; size: number; sha256: string; mimeType: string }, userId: number): number =>
      Number(insertEvidence.run({
        rowReportId: owner.rowReportId ?? null, unitReportId: owner.unitReportId ?? null, indicatorCode: owner.indicatorCode,
        kind: 'file', url: null, fileName: f.fileName, fileSize: f.size, sha256: f.sha256, mimeType: f.mimeType, userId, now: now(),
      }).lastInsertRowid),
    softDeleteEvidence: (id: number): boolean => deleteEvidence.run(now(), id).changes === 1,
    setWindow: (planId: number, year: number, semester: number, w: { opensOn: string; deadline: string } | null, userId: number): void => {
      if (w) upsertWindow.run({ planId, year, semester, ...w, userId, now: now() });
      else deleteWindow.run(planId, year, semester);
    },
    setCoordinator: (rowId: number, unitId: number | null, userId: number): void => {
      if (unitId === null) deleteCoordinator.run(rowId);
      else upsertCoordinator.run({ rowId, unitId, userId, now: now() });
    },
  };
}
export type MonitoringWrites = ReturnType<typeof createMonitoringWrites>;
