import type { BoardRow, BoardStatus } from './board.repo';
import type { BoardQuery, SortKey } from './board.schemas';

/** Workflow order, so sorting by status reads from "not started" to "verified". */
const STATUS_ORDER: Record<BoardStatus, number> = { belum_mulai: 0, draf: 1, dikembalikan: 2, diajukan: 3, diverifikasi: 4 };

const byName = (a: BoardRow, b: BoardRow) => a.name.localeCompare(b.name, 'id');

const COMPARE: Record<SortKey, (a: BoardRow, b: BoardRow) => number> = {
  // The rows come in the official order; ties below fall back to it too.
  urutan: () => 0,
  unit: byName,
  kelompok: (a, b) => a.group.localeCompare(b.group),
  status: (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status],
  terjawab: (a, b) => a.answered - b.answered,
  bukti: (a, b) => a.evidenceCount - b.evidenceCount,
  // Units never touched sort before every dated activity.
  aktivitas: (a, b) => (a.lastActivity ?? '').localeCompare(b.lastActivity ?? ''),
  narahubung: (a, b) => (a.narahubung[0] ?? '').localeCompare(b.narahubung[0] ?? '', 'id'),
};

/**
 * Filters by group and status and sorts by one column, without changing the input. The input comes in the official
 * order of units: "urutan" keeps it (reversed for desc), and ties of any other column keep it, always ascending.
 */
export function arrangeBoard(rows: readonly BoardRow[], q: BoardQuery): BoardRow[] {
  const sign = q.arah === 'desc' ? -1 : 1;
  const cmp = COMPARE[q.urut];
  const position = new Map(rows.map((r, i) => [r.unitId, i]));
  const official = (a: BoardRow, b: BoardRow) => (position.get(a.unitId) ?? 0) - (position.get(b.unitId) ?? 0);
  return rows
    .filter((r) => (!q.kelompok || r.group === q.kelompok) && (!q.status || r.status === q.status))
    .sort((a, b) => (q.urut === 'urutan' ? sign * official(a, b) : sign * cmp(a, b) || official(a, b)));
}

/** Each unit's number in the official order (1-based), from the board's unfiltered rows. */
export function officialNumbers(all: readonly BoardRow[]): (unitId: number) => number {
  const no = new Map(all.map((r, i) => [r.unitId, i + 1]));
  return (unitId) => no.get(unitId) ?? 0;
}

/** Units per status over the given rows (for the summary line above the board). */
export function countByStatus(rows: readonly BoardRow[]): Record<BoardStatus, number> {
  const out: Record<BoardStatus, number> = { belum_mulai: 0, draf: 0, dikembalikan: 0, diajukan: 0, diverifikasi: 0 };
  for (const r of rows) out[r.status]++;
  return out;
}

/** The query string for the same board with some parameters changed (empty values dropped). */
export function boardQueryString(q: BoardQuery, change: Partial<BoardQuery> = {}): string {
  const merged = { ...q, ...change };
  const params = new URLSearchParams();
  if (merged.kelompok) params.set('kelompok', merged.kelompok);
  if (merged.status) params.set('status', merged.status);
  params.set('urut', merged.urut);
  params.set('arah', merged.arah);
  return params.toString();
}
