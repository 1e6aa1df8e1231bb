import type { AuditService } from '../audit';
import type { AssessmentsService } from '../assessments';
import type { Period, PeriodsService } from '../periods';
import { bindDeps } from '../shared/bind-deps';
import { GROUP_LABELS, STATUS_LABELS } from '../shared/format';
import type { User } from '../shared/identity';
import type { ExportsRepo } from './exports.repo';
import type { RecapSource } from './recap-workbook';

export interface ExportsDeps {
  exports: ExportsRepo;
  periods: PeriodsService;
  assessments: AssessmentsService;
  audit: AuditService;
}

/**
 * What the assessment recap of a period is written from: every unit of the period with readers for its answers and
 * evidence (read as the rows are written).
 */
function recapSource(deps: ExportsDeps, periodId: number): { period: Period; source: RecapSource } {
  const { period, instrument } = deps.periods.loadPeriod(periodId);
  const units = deps.assessments.listPeriodUnits(period.id).map((u) => ({
    assessmentId: u.assessmentId, code: u.unitCode, name: u.unitName, groupLabel: GROUP_LABELS[u.group], statusLabel: STATUS_LABELS[u.status ?? 'belum_mulai'],
  }));
  return { period, source: { periodName: period.name, instrument, units, answersOf: deps.exports.answersOf, evidenceOf: deps.exports.evidenceOf } };
}

/** Audits a download of the recap. */
function recordRecapExport(deps: ExportsDeps, user: User, periodId: number): void {
  deps.audit.record({ userId: user.id, action: 'export.rekap', entity: 'period', entityId: periodId });
}

export function createExportsService(deps: ExportsDeps) {
  return bindDeps(deps, { recapSource, recordRecapExport });
}
export type ExportsService = ReturnType<typeof createExportsService>;
