import { notFound } from '../errors/app-error';
import type { LevelBasis } from '../scoring';
import type { User } from '../shared/identity';
import type { DashboardDeps } from './dashboard.service';
import { buildDashboard } from './dashboard-model';
import { buildPresentationData, type PresentationData } from './presentation';
import type { Snapshot, SnapshotSummary } from './snapshots.repo';

/** The presentation's numbers as they are now, with the kabupaten's own conditions. */
export function livePresentation(deps: DashboardDeps, periodId: number, basis: LevelBasis, now = new Date()): PresentationData {
  const progress = deps.progress.progress(periodId, undefined, basis);
  return buildPresentationData(
    buildDashboard(deps.scoring.computePeriodScores(periodId, basis)), now, deps.kabupaten.kabupatenConditions(periodId), deps.lapor.presented(periodId), progress,
  );
}

/** Freezes the current numbers; returns the new snapshot's id. */
export function createSnapshot(deps: DashboardDeps, user: User, periodId: number, basis: LevelBasis): number {
  const data = livePresentation(deps, periodId, basis);
  return deps.db.transaction(() => {
    const id = deps.snapshots.insert({ periodId, basis, data, createdBy: user.id });
    deps.audit.record({ userId: user.id, action: 'snapshot.create', entity: 'presentation_snapshot', entityId: id, newValue: { periodId, basis } });
    return id;
  })();
}

/** A frozen snapshot of the period; 404 for an unknown one or one of another period. */
export function getSnapshot(deps: DashboardDeps, periodId: number, snapshotId: number): Snapshot {
  deps.periods.loadPeriod(periodId);
  const snap = deps.snapshots.find(periodId, snapshotId);
  if (!snap) throw notFound('Snapshot presentasi');
  return snap;
}

export function listSnapshots(deps: DashboardDeps, periodId: number): SnapshotSummary[] {
  deps.periods.loadPeriod(periodId);
  return deps.snapshots.listOfPeriod(periodId);
}
