import { bindDeps } from '../shared/bind-deps';
import { getDashboard, getRapor, getUnitReport, type DashboardDeps } from './dashboard.service';
import { createSnapshot, getSnapshot, listSnapshots, livePresentation } from './presentation.service';

/** The dashboard module's service: the dashboard, unit reports and rapor, the FGD presentation and its snapshots. */
export function createDashboardService(deps: DashboardDeps) {
  return {
    computePeriodScores: deps.scoring.computePeriodScores,
    countedKey: deps.scoring.countedKey,
    findPeriod: deps.periods.findById,
    ...bindDeps(deps, { getDashboard, getUnitReport, getRapor, livePresentation, createSnapshot, getSnapshot, listSnapshots }),
  };
}
export type DashboardService = ReturnType<typeof createDashboardService>;
