import type { AuditService } from '../audit';
import type { AssessmentsService } from '../assessments';
import type { Period, PeriodsService } from '../periods';
import { bindDeps } from '../shared/bind-deps';
import { INCLUDED_STATUSES } from '../scoring';
import { documentPaper, documentSetting } from '../shared/document-settings';
import { GROUP_LABELS, STATUS_LABELS } from '../shared/format';
import type { SettingsRepo } from '../shared/settings.repo';
import type { User } from '../shared/identity';
import type { ExportsRepo } from './exports.repo';
import type { RecapSource } from './recap-workbook';

export interface ExportsDeps {
  exports: ExportsRepo;
  settings: SettingsRepo;
  periods: PeriodsService;
  assessments: AssessmentsService;
  audit: AuditService;
}

/**
 * What the assessment recap of a period is written from: every unit of the period in the official order with its
 * status, the answer and evidence readers (read as the rows are written), and the document settings (region,
 * paper) the Renaksi uses too.
 */
function recapSource(deps: ExportsDeps, periodId: number, now = new Date()): { period: Period; source: RecapSource } {
  const { period, instrument } = deps.periods.loadPeriod(periodId);
  const units = deps.assessments.listPeriodUnits(period.id).map((u) => ({
    assessmentId: u.assessmentId,
    code: u.unitCode,
    name: u.unitName,
    groupLabel: GROUP_LABELS[u.group],
    statusLabel: STATUS_LABELS[u.status ?? 'belum_mulai'],
    included: u.status !== null && INCLUDED_STATUSES.has(u.status),
  }));
  return {
    period,
    source: {
      periodName: period.name,
      regionName: documentSetting(deps.settings, 'renaksi.region'),
      generatedAt: now,
      paper: documentPaper(deps.settings),
      instrument,
      units,
      answersOf: deps.exports.answersOf,
      evidenceOf: deps.exports.evidenceOf,
    },
  };
}

/** Audits a download of the recap. */
function recordRecapExport(deps: ExportsDeps, user: User, periodId: number): void {
  deps.audit.record({ userId: user.id, action: 'export.rekap', entity: 'period', entityId: periodId });
}

export function createExportsService(deps: ExportsDeps) {
  return bindDeps(deps, { recapSource, recordRecapExport });
}
export type ExportsService = ReturnType<typeof createExportsService>;
