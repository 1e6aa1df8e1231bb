import type { BoardRow, BoardStatus } from './board.repo';
import type { BoardQuery, SortKey } from './board.schemas';

/** Workflow order, so sorting by status reads from "not started" to "verified". */
const STATUS_ORDER: Record<BoardStatus, number> = { belum_mulai: 0, draf: 1, dikembalikan: 2, diajukan: 3, diverifikasi: 4 };

const byName = (a: BoardRow, b: BoardRow) => a.name.localeCompare(b.name, 'id');

const COMPARE: Record<SortKey, (a: BoardRow, b: BoardRow) => number> = {
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
 * Filters by group and status and sorts by one column (ties by unit name, always ascending), without changing
 * the input.
 */
export function arrangeBoard(rows: readonly BoardRow[], q: BoardQuery): BoardRow[] {
  const sign = q.arah === 'desc' ? -1 : 1;
  const cmp = COMPARE[q.urut];
  return rows
    .filter((r) => (!q.kelompok || r.group === q.kelompok) && (!q.status || r.status === q.status))
    .sort((a, b) => sign * cmp(a, b) || byName(a, b));
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
