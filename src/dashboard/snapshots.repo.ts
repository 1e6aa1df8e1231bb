import type { Db } from '../db/database';
import type { LevelBasis } from '../scoring';
import type { PresentationData } from './presentation';

export interface SnapshotSummary {
  id: number;
  periodId: number;
  basis: LevelBasis;
  createdAt: string;
  createdByName: string | null;
}

export interface Snapshot extends SnapshotSummary {
  data: PresentationData;
}

interface SnapshotRow {
  id: number;
  period_id: number;
  basis: LevelBasis;
  created_at: string;
  created_by_name: string | null;
  data: string;
}

const toSummary = (r: Omit<SnapshotRow, 'data'>): SnapshotSummary => ({
  id: r.id,
  periodId: r.period_id,
  basis: r.basis,
  createdAt: r.created_at,
  createdByName: r.created_by_name,
});

/** Frozen presentation numbers; a snapshot is written once and never changed. */
export function createSnapshotsRepo(db: Db) {
  const insert = db.prepare(
    'INSERT INTO presentation_snapshots (period_id, basis, data, created_by, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const byId = db.prepare<[number, number], SnapshotRow>(
    `SELECT s.id, s.period_id, s.basis, s.created_at, s.data, u.display_name AS created_by_name
     FROM presentation_snapshots s LEFT JOIN users u ON u.id = s.created_by WHERE s.id = ? AND s.period_id = ?`,
  );
  const ofPeriod = db.prepare<[number], Omit<SnapshotRow, 'data'>>(
    `SELECT s.id, s.period_id, s.basis, s.created_at, u.display_name AS created_by_name
     FROM presentation_snapshots s LEFT JOIN users u ON u.id = s.created_by WHERE s.period_id = ? ORDER BY s.id DESC`,
  );
  return {
    insert: (s: { periodId: number; basis: LevelBasis; data: PresentationData; createdBy: number }): number =>
      Number(insert.run(s.periodId, s.basis, JSON.stringify(s.data), s.createdBy, s.data.computedAt).lastInsertRowid),
    /** A snapshot of the period, or undefined (also when it belongs to another period). */
    find: (periodId: number, id: number): Snapshot | undefined => {
      const r = byId.get(id, periodId);
      return r && { ...toSummary(r), data: JSON.parse(r.data) as PresentationData };
    },
    listOfPeriod: (periodId: number): SnapshotSummary[] => ofPeriod.all(periodId).map(toSummary),
  };
}
export type SnapshotsRepo = ReturnType<typeof createSnapshotsRepo>;
