import type { PeriodsService } from '../periods';
import type { RenaksiService } from '../renaksi';
import type { ScoringService } from '../scoring';
import { createProgressService } from './progress.service';

export type { PeriodComparison, UnitChange, AspectChange, IndicatorChange, CountedLevel } from './progress-compare';
export type { PlanYearProgress, RowProgress, AspectProgress, UnitProgress, UnitItemProgress } from './progress-plan';
export type { UnitTrajectory, TrajectoryItem, TrajectoryCell } from './progress-trajectory';
export type { PeriodRef } from './progress-types';
export { parseUnitScope, type UnitScope, type UnitPage } from './progress-scope';
export type { Progress, PlanProgress, ProgressService } from './progress.service';

/**
 * Progress between periods (SPEC.md, "Monitoring and evaluation of the Renaksi"): a period against the previous one
 * (levels, indexes, aspect scores) and against the earlier signed Renaksi covering its year (units expected at target
 * vs reached, each unit's target levels vs reached). No pages of its own: the dashboard module shows it and answers
 * GET /api/periods/:periodId/progress; the monev workbook reads `service.againstPlanYears(planPeriodId, years)`.
 */
export function createProgressModule(deps: { periods: PeriodsService; scoring: ScoringService; renaksi: RenaksiService }) {
  return { service: createProgressService(deps) };
}
