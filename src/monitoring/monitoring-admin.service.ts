import { AppError, notFound } from '../errors/app-error';
import type { User } from '../shared/identity';
import type { Semester } from './monitoring-calc';
import { requireRowViewer, requireUnitViewer } from './monitoring-access';
import type { MonitoringWriteDeps } from './monitoring-report.service';
import { scopedProgress, type MonitoringDeps } from './monitoring.service';

/**
 * The admin's reporting windows, the coordinating PD of a row, and evidence downloads.
 */

/** The admin sets (or clears) the window of each semester of the plan; one transaction, audited when anything changed. */
export function setWindows(
  deps: MonitoringWriteDeps, user: User, periodId: number, windows: { semester: Semester; window: { opensOn: string; deadline: string } | null }[],
): number {
  const plan = deps.renaksi.findPlan(periodId);
  if (!plan) throw notFound('Renaksi');
  return deps.db.transaction(() => {
    const old = new Map(deps.monitoring.listWindows(plan.id).map((w) => [`${w.year}-${w.semester}`, w]));
    const changed = windows.filter(({ semester: s, window: w }) => {
      const o = old.get(s.key);
      return w ? !o || o.opensOn !== w.opensOn || o.deadline !== w.deadline : o !== undefined;
    });
    for (const c of changed) deps.writes.setWindow(plan.id, c.semester.year, c.semester.semester, c.window, user.id);
    if (changed.length > 0) {
      deps.audit.record({
        userId: user.id, action: 'monev.windows', entity: 'renaksi_plan', entityId: plan.id,
        oldValue: changed.map((c) => ({ semester: c.semester.label, ...old.get(c.semester.key) })),
        newValue: changed.map((c) => ({ semester: c.semester.label, ...(c.window ?? { dihapus: true }) })),
      });
    }
    return changed.length;
  })();
}

/**
 * Dates a report and its evidence on the days it was saved, submitted and reviewed (ISO timestamps), instead of the
 * day the rows were written: for the demo seed, whose reports stand for three semesters reported in the past.
 */
export function setReportDates(
  deps: MonitoringWriteDeps, kind: 'row' | 'unit', id: number, dates: { savedAt: string; submittedAt: string | null; reviewedAt: string | null },
): void {
  deps.writes.setReportDates(kind, id, dates);
}

/** Admin or tim_renaksi names the coordinating PD of a row (null: back to the one its penanggung jawab names). */
export function setCoordinator(deps: MonitoringWriteDeps, user: User, periodId: number, rowId: number, unitId: number | null): void {
  const p = scopedProgress(deps, periodId, 'none');
  const row = p.rows.find((r) => r.rowId === rowId);
  if (!p.plan || !row) throw notFound('Baris Renaksi');
  if (unitId !== null && !deps.units.findById(unitId)?.active) {
    throw new AppError(422, 'invalid-input', 'PD koordinator: pilih unit yang aktif.', { unitId: 'PD koordinator: pilih unit yang aktif.' });
  }
  deps.db.transaction(() => {
    deps.writes.setCoordinator(rowId, unitId, user.id);
    deps.audit.record({
      userId: user.id, action: 'monev.coordinator', entity: 'renaksi_row', entityId: rowId,
      oldValue: row.coordinator, newValue: { baris: row.no, unitId },
    });
  })();
}

/**
 * An evidence file of a report of the period's plan, for someone who may see that report (readers, the row's
 * coordinating narahubung, the unit's own narahubung); 404 for evidence of another plan, deleted, or a link.
 */
export function monevEvidenceFile(deps: MonitoringDeps, user: User, periodId: number, evidenceId: number): { path: string; fileName: string; mimeType: string } {
  const p = scopedProgress(deps, periodId, 'none');
  const e = deps.monitoring.findEvidence(evidenceId);
  if (!p.plan || !e || e.deletedAt !== null) throw notFound('Bukti dukung');
  const planId = p.plan.id;
  if (e.rowReportId !== null) {
    const report = deps.monitoring.findRowReportOwner(e.rowReportId);
    const row = report?.planId === planId ? p.rows.find((r) => r.rowId === report.rowId) : undefined;
    if (!row) throw notFound('Bukti dukung');
    requireRowViewer(user, row);
  } else {
    const report = e.unitReportId === null ? undefined : deps.monitoring.findUnitReportOwner(e.unitReportId);
    const unit = report?.planId === planId ? deps.units.findById(report.unitId) : undefined;
    if (!report || !unit) throw notFound('Bukti dukung');
    requireUnitViewer(user, { unitId: unit.id, name: unit.name });
  }
  return deps.evidence.evidenceFile(e);
}
