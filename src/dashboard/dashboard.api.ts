import { bindDeps } from '../shared/bind-deps';
import { getDashboard, getProgress, getRapor, getUnitReport, type DashboardDeps } from './dashboard.service';
import { createSnapshot, getSnapshot, listSnapshots, livePresentation } from './presentation.service';

/** The dashboard module's service: the dashboard, unit reports and rapor, the FGD presentation and its snapshots. */
export function createDashboardService(deps: DashboardDeps) {
  return {
    computePeriodScores: deps.scoring.computePeriodScores,
    /** Changes whenever the deck's numbers may: the counted unit data, the kabupaten's conditions or the SP4N-LAPOR! data. */
    liveKey: (periodId: number): string =>
      `${deps.scoring.countedKey(periodId)}|${deps.kabupaten.kabupatenChangeKey(periodId)}|${deps.lapor.stamp(periodId)}`,
    kabupatenConditions: deps.kabupaten.kabupatenConditions,
    findPeriod: deps.periods.findById,
    laporSection: deps.lapor.dashboardSection,
    laporRaporLine: deps.lapor.raporLine,
    ...bindDeps(deps, { getDashboard, getProgress, getUnitReport, getRapor, livePresentation, createSnapshot, getSnapshot, listSnapshots }),
  };
}
export type DashboardService = ReturnType<typeof createDashboardService>;
