import type { Repos } from '../db/repos';
import { notFound } from '../errors/app-error';
import type { User } from '../shared/identity';
import { computePeriodScores, loadPeriod } from '../scoring/scores.service';
import type { LevelBasis } from '../scoring/scoring';
import { buildDashboard } from './dashboard-model';
import { buildPresentationData, type PresentationData } from './presentation';
import type { Snapshot, SnapshotSummary } from './snapshots.repo';

/** The presentation's numbers as they are now. */
export function livePresentation(repos: Repos, periodId: number, basis: LevelBasis, now = new Date()): PresentationData {
  return buildPresentationData(buildDashboard(computePeriodScores(repos, periodId, basis)), now);
}

/** Freezes the current numbers; returns the new snapshot's id. */
export function createSnapshot(repos: Repos, user: User, periodId: number, basis: LevelBasis): number {
  const data = livePresentation(repos, periodId, basis);
  return repos.db.transaction(() => {
    const id = repos.snapshots.insert({ periodId, basis, data, createdBy: user.id });
    repos.audit.record({ userId: user.id, action: 'snapshot.create', entity: 'presentation_snapshot', entityId: id, newValue: { periodId, basis } });
    return id;
  })();
}

/** A frozen snapshot of the period; 404 for an unknown one or one of another period. */
export function getSnapshot(repos: Repos, periodId: number, snapshotId: number): Snapshot {
  loadPeriod(repos, periodId);
  const snap = repos.snapshots.find(periodId, snapshotId);
  if (!snap) throw notFound('Snapshot presentasi');
  return snap;
}

export function listSnapshots(repos: Repos, periodId: number): SnapshotSummary[] {
  loadPeriod(repos, periodId);
  return repos.snapshots.listOfPeriod(periodId);
}
