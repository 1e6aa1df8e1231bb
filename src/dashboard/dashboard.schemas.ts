import { z } from 'zod';
import { badInput } from '../errors/app-error';
import type { Instrument } from '../instrument';
import type { LevelBasis } from '../scoring';
import { validate } from '../web/validate';
import { DEFAULT_HEATMAP_SORT, type HeatmapSort } from './dashboard-model';
import { DASHBOARD_TABLES, type DashboardTable } from './dashboard-outputs';

/** Who may read the scores: every staff role (a narahubung sees only their unit's rapor). */
export const SCORE_VIEWERS = ['admin', 'verifikator', 'fasilitator', 'tim_renaksi'] as const;

/** ?basis=self shows self-assessed levels; anything else the verified ones. */
export function basisOf(raw: unknown): LevelBasis {
  return raw === 'self' ? 'self' : 'verified';
}

const HEATMAP_SORT_QUERY = z.object({
  sort: z.string({ error: 'urutan harus satu nilai' }).optional(),
  dir: z.enum(['asc', 'desc'], { error: 'arah urutan harus asc atau desc' }).optional(),
});

/**
 * The heatmap's ?sort=name|index|group|<aspect code>&dir=asc|desc; anything else is refused (422) naming the field.
 * Numbers sort highest first by default, names A–Z.
 */
export function parseHeatmapSort(query: unknown, instrument: Instrument): HeatmapSort {
  const { sort, dir } = validate(HEATMAP_SORT_QUERY, query, { rootField: 'sort' });
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
  return validate(SHOW_NAMES_QUERY, query, { rootField: 'anon' }).anon === '1';
}

export const SNAPSHOT_FORM = z.object({
  basis: z.enum(['self', 'verified'], { error: 'dasar tingkat harus self atau verified' }),
  anon: z.enum(['0', '1']).optional(),
});
