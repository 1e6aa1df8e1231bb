import { bindDeps } from '../shared/bind-deps';
import { monevEvidenceFile, setCoordinator, setReportDates, setWindows } from './monitoring-admin.service';
import { reviewRowReport, saveRowReport, type MonitoringWriteDeps } from './monitoring-report.service';
import { reviewUnitReport, saveUnitReport } from './monitoring-unit.service';
import { overviewPage, rowReportPage, unitReportPage } from './monitoring-view.service';
import { progress, rowCoordinators, rowEvidence, scopedProgress, type MonitoringDeps } from './monitoring.service';

/** A unit's Lampiran II indicators (what its own report covers); none for a unit without an own part. */
function unitIndicators(deps: MonitoringDeps, periodId: number, unitId: number): string[] {
  return scopedProgress(deps, periodId, { unitId, ownRows: true }).units.find((u) => u.unitId === unitId)?.indicators ?? [];
}

/**
 * The monitoring module's service. `progress(periodId)` is the stable read for other modules (the board, the
 * semester report, the monev workbook); the rest serves this module's pages.
 */
export function createMonitoringService(deps: MonitoringWriteDeps) {
  return bindDeps(deps, {
    progress, rowCoordinators, rowEvidence, unitIndicators,
    overviewPage, rowReportPage, unitReportPage,
    saveRowReport, reviewRowReport, saveUnitReport, reviewUnitReport,
    setWindows, setCoordinator, monevEvidenceFile, setReportDates,
  });
}
export type MonitoringPagesService = ReturnType<typeof createMonitoringService>;
