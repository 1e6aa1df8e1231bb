import type { PlanGroup } from './renaksi-layout';
import { PLAN_FILTER_SCHEMA, type PlanFilter } from './renaksi.schemas';

/**
 * What the plan editor shows at a time (pure): one aspect, or one filter across the aspects, so the page stays light
 * and the numbers (I.1, II.3) stay those of the whole document.
 */

export interface AspectTab {
  code: string;
  name: string;
  number: string;
  rows: number;
}

/** What a row must offer to the filters. */
export interface FilterableRow {
  row: { scope: string; gapOpen: boolean; isPriority: boolean; editedFields: unknown[] };
  isNew: boolean;
}

function matches(v: FilterableRow, f: PlanFilter): boolean {
  if (f.cakupan && v.row.scope !== f.cakupan) return false;
  switch (f.tampil) {
    case 'terbuka': return v.row.gapOpen;
    case 'tertutup': return !v.row.gapOpen;
    case 'prioritas': return v.row.isPriority;
    case 'disunting': return v.row.editedFields.length > 0;
    case 'baru': return v.isNew;
    default: return true;
  }
}

/** Rows per page of a filter across the aspects: keeps the page light whatever the filter matches. */
export const FILTER_PAGE_ROWS = 12;

export interface ShownRows<R> {
  tabs: AspectTab[];
  /** The aspect shown, or null when a filter is shown across every aspect. */
  aspect: string | null;
  groups: PlanGroup<R>[];
  shownCount: number;
  /** Rows that match (on every page). */
  matchCount: number;
  page: number;
  pages: number;
}

/** Keeps rows `from` (inclusive) to `to` (exclusive) of the groups, counted across them in order. */
function sliceGroups<R>(groups: PlanGroup<R>[], from: number, to: number): PlanGroup<R>[] {
  let at = 0;
  return groups
    .map((g) => {
      const start = at;
      at += g.rows.length;
      return { ...g, rows: g.rows.slice(Math.max(0, from - start), Math.max(0, to - start)) };
    })
    .filter((g) => g.rows.length > 0);
}

/**
 * Picks what the page shows from the numbered groups: the aspect asked for (or, without a filter, the first aspect
 * with rows), narrowed by the filters; with a filter and no aspect, the matching rows of every aspect,
 * FILTER_PAGE_ROWS at a time (page `hal`, kept within the pages there are).
 */
export function shownRows<R extends FilterableRow>(groups: PlanGroup<R>[], filter: PlanFilter): ShownRows<R> {
  const tabs = groups.map((g) => ({ code: g.aspectCode, name: g.aspectName, number: g.number, rows: g.rows.length }));
  const filtered = filter.tampil !== undefined || filter.cakupan !== undefined;
  const asked = groups.find((g) => g.aspectCode === filter.aspek)?.aspectCode;
  const aspect = asked ?? (filtered ? null : groups[0]?.aspectCode ?? null);
  const matching = groups
    .filter((g) => aspect === null || g.aspectCode === aspect)
    .map((g) => ({ ...g, rows: g.rows.filter((r) => matches(r.row, filter)) }))
    .filter((g) => g.rows.length > 0);
  const matchCount = matching.reduce((s, g) => s + g.rows.length, 0);
  const pages = aspect === null ? Math.max(1, Math.ceil(matchCount / FILTER_PAGE_ROWS)) : 1;
  const page = Math.min(pages, filter.hal ?? 1);
  const shown = aspect === null ? sliceGroups(matching, (page - 1) * FILTER_PAGE_ROWS, page * FILTER_PAGE_ROWS) : matching;
  return { tabs, aspect, groups: shown, shownCount: shown.reduce((s, g) => s + g.rows.length, 0), matchCount, page, pages };
}

/** The filter as the query string of the plan page ("aspek=B&tampil=prioritas"; '' for none). */
export function filterQuery(filter: PlanFilter): string {
  const q = new URLSearchParams();
  if (filter.aspek) q.set('aspek', filter.aspek);
  if (filter.cakupan) q.set('cakupan', filter.cakupan);
  if (filter.tampil) q.set('tampil', filter.tampil);
  if (filter.hal && filter.hal > 1 && !filter.aspek) q.set('hal', String(filter.hal));
  return q.toString();
}

/** The filter a form carried back (`kembali`, a query string); anything else is dropped, never echoed. */
export function filterFromBack(raw: unknown): PlanFilter {
  const text = typeof raw === 'string' ? raw.replace(/^\?/, '') : '';
  return PLAN_FILTER_SCHEMA.parse(Object.fromEntries(new URLSearchParams(text)));
}

/** The plan page with the filter a form carried, at a row: `/periods/1/renaksi?aspek=B#row-12`. */
export function planUrl(periodId: number, filter: PlanFilter, rowId?: number): string {
  const q = filterQuery(filter);
  return `/periods/${periodId}/renaksi${q ? `?${q}` : ''}${rowId ? `#row-${rowId}` : ''}`;
}
