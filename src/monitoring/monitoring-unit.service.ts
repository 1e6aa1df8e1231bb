import { AppError } from '../errors/app-error';
import type { CheckedFile } from '../evidence';
import type { User } from '../shared/identity';
import type { ReviewForm, UnitReportForm } from './monitoring.schemas';
import { assertEditable, assertMonitored, assertNotOwnReport, assertWindowOpen, submitsOnSave, requireUnitReporter, staleReport, unitContext } from './monitoring-access';
import { applyEvidence, reportEvidence, type MonitoringWriteDeps } from './monitoring-report.service';

/**
 * Saves a unit's own part for one semester: per Lampiran II indicator its status, what it did, kendala, and evidence
 * (files `file_<code>`, links); submits it with action 'ajukan'. All or nothing, with the refusals of a row report
 * (plan not final, semester outside the plan, another unit, closed window unless admin, locked, stale).
 */
export async function saveUnitReport(
  deps: MonitoringWriteDeps, user: User, periodId: number, unitId: number, key: string, form: UnitReportForm, files: CheckedFile[], deleteIds: number[],
): Promise<{ id: number; reviewState: string }> {
  const { p, semester, unit } = unitContext(deps, periodId, unitId, key);
  assertMonitored(p);
  requireUnitReporter(user, unit);
  assertWindowOpen(user, semester);
  const planId = (p.plan as { id: number }).id;
  const stored = await deps.evidence.writeEvidenceFiles(files);
  return deps.db.transaction(() => {
    const old = deps.monitoring.findUnitReport(planId, unitId, semester.year, semester.semester);
    assertEditable(user, old?.reviewState ?? null);
    if ((old?.version ?? 0) !== form.version) throw staleReport();
    const id = old ? old.id : deps.writes.insertUnitReport(planId, unitId, semester.year, semester.semester, user.id);
    if (old && !deps.writes.touchUnitReport(old.id, old.version, user.id)) throw staleReport();
    for (const item of form.items) deps.writes.saveUnitItem(id, { indicatorCode: item.indicatorCode, status: item.status, activity: item.activity, kendala: item.kendala });
    applyEvidence(deps, user, { unitReportId: id, unitId }, {
      links: form.items.filter((i) => i.link !== '').map((i) => ({ indicatorCode: i.indicatorCode, url: i.link })),
      files: stored.map((f) => ({ ...f, indicatorCode: f.code })), deleteIds,
    }, old ? reportEvidence(deps, { unitReportId: id }) : []);
    const submit = submitsOnSave(form.action, old?.reviewState ?? null);
    if (submit) deps.writes.submit('unit', id);
    deps.audit.record({
      userId: user.id, action: submit ? 'monev.unit.submit' : 'monev.unit.save', entity: 'monev_unit_report', entityId: id, unitId,
      oldValue: old ? { items: old.items } : null,
      newValue: { semester: semester.label, items: form.items.map(({ link: _link, ...i }) => i) },
    });
    return { id, reviewState: submit ? 'diajukan' : old?.reviewState ?? 'draf' };
  })();
}

/** The verifikator accepts or returns a unit's submitted report, as reviewRowReport. */
export function reviewUnitReport(deps: MonitoringWriteDeps, user: User, periodId: number, unitId: number, key: string, form: ReviewForm): void {
  const { p, semester, unit } = unitContext(deps, periodId, unitId, key);
  assertMonitored(p);
  const planId = (p.plan as { id: number }).id;
  deps.db.transaction(() => {
    const report = deps.monitoring.findUnitReport(planId, unitId, semester.year, semester.semester);
    if (!report || report.reviewState !== 'diajukan') throw new AppError(409, 'report-not-submitted', 'Laporan ini belum diajukan (atau sudah diperiksa); belum dapat diperiksa. Tidak ada yang disimpan.');
    assertNotOwnReport(user, report);
    const state = form.decision === 'terima' ? 'diterima' : 'dikembalikan';
    if (report.version !== form.version || !deps.writes.review('unit', report.id, form.version, state, form.comment, user.id)) throw staleReport();
    deps.audit.record({
      userId: user.id, action: 'monev.unit.review', entity: 'monev_unit_report', entityId: report.id, unitId: unit.unitId,
      oldValue: { status: report.reviewState }, newValue: { semester: semester.label, status: state, komentar: form.comment },
    });
  })();
}
