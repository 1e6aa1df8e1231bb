import { z } from 'zod';
import { badInput } from '../errors/app-error';
import type { Instrument } from '../instrument/instrument.schemas';
import { DEFAULT_HEATMAP_SORT, type HeatmapSort } from './dashboard-model';
import { DASHBOARD_TABLES, type DashboardTable } from './dashboard-outputs';

const HEATMAP_SORT_QUERY = z.object({
  sort: z.string({ error: 'urutan harus satu nilai' }).optional(),
  dir: z.enum(['asc', 'desc'], { error: 'arah urutan harus asc atau desc' }).optional(),
});

/**
 * The heatmap's ?sort=name|index|group|<aspect code>&dir=asc|desc; anything else is refused (422) naming the field.
 * Numbers sort highest first by default, names A–Z.
 */
export function parseHeatmapSort(query: unknown, instrument: Instrument): HeatmapSort {
  const parsed = HEATMAP_SORT_QUERY.safeParse(query);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badInput({ [String(issue?.path[0] ?? 'sort')]: issue?.message ?? 'tidak valid' });
  }
  const { sort, dir } = parsed.data;
  if (sort === undefined) return { key: DEFAULT_HEATMAP_SORT.key, dir: dir ?? DEFAULT_HEATMAP_SORT.dir };
  const known = ['name', 'index', 'group', ...instrument.aspects.map((a) => a.code)];
  if (!known.includes(sort)) throw badInput({ sort: `urutan "${sort}" tidak dikenal; pilih name, index, group atau kode aspek` });
  return { key: sort, dir: dir ?? (sort === 'name' || sort === 'group' ? 'asc' : 'desc') };
}

/** A dashboard table name from the URL (aspects.json …); an unknown one does not exist. */
export function isDashboardTable(name: unknown): name is DashboardTable {
  return typeof name === 'string' && (DASHBOARD_TABLES as readonly string[]).includes(name);
}

const SHOW_NAMES_QUERY = z.object({ anon: z.enum(['0', '1'], { error: 'anon harus 0 atau 1' }).optional() });

/** ?anon=1 hides unit names on the presentation ("Unit 1, Unit 2 …"). */
export function parseHideNames(query: unknown): boolean {
  const parsed = SHOW_NAMES_QUERY.safeParse(query);
  if (!parsed.success) throw badInput({ anon: parsed.error.issues[0]?.message ?? 'tidak valid' });
  return parsed.data.anon === '1';
}

export const SNAPSHOT_FORM = z.object({
  basis: z.enum(['self', 'verified'], { error: 'dasar level harus self atau verified' }),
  anon: z.enum(['0', '1']).optional(),
});
