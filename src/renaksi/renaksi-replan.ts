import { SCORE_EPSILON } from '../scoring';
import type { PlanCounts, PlanInstrumentSource, RenaksiEditableField } from './renaksi-draft';
import { formatSchedule, scheduleFor, yearlyFromGaps } from './renaksi-matrix';
import { activitiesFor, outputTargetsFor, type PlanIndicatorSource } from './renaksi-row-text';
import { retargetForYears } from './renaksi-targets';

/** What replanning reads of a stored row. */
export interface ReplanRow {
  id: number;
  scope: 'kabupaten' | 'manual';
  indicatorCode: string | null;
  targets: Record<string, number>;
  outputTargets: Record<string, string>;
  schedule: string;
  counts: PlanCounts | null;
  priority: number;
  editedFields: RenaksiEditableField[];
}

export interface ReplanChange {
  id: number;
  changes: { targets?: Record<string, number>; outputTargets?: Record<string, string>; schedule?: string; counts?: PlanCounts };
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * The rows' values for new plan years (pure). From the counts stored with a row (units per gap) the yearly unit
 * counts are recounted for the new years; drafted targets, output targets and waktu nobody edited follow them; typed
 * values are kept for the remaining years and carried into new ones (retargetForYears). Manual rows keep what was
 * typed. Returns only the rows that change, with only the changed values.
 */
export function replanForYears(instrument: PlanInstrumentSource, rows: ReplanRow[], years: number[]): ReplanChange[] {
  const indicators = new Map(instrument.aspects.flatMap((a) => a.indicators).map((i) => [i.code, i]));
  const ranked = rows
    .filter((r) => r.counts !== null)
    .sort((a, b) => (Math.abs(b.priority - a.priority) > SCORE_EPSILON ? b.priority - a.priority : 0) || a.id - b.id);
  const rank = new Map(ranked.map((r, i) => [r.id, i]));
  const out: ReplanChange[] = [];
  for (const row of rows) {
    const edited = new Set<RenaksiEditableField>(row.scope === 'manual' ? ['targets', 'outputTargets', 'schedule'] : row.editedFields);
    const counts = row.counts && { ...row.counts, yearly: yearlyFromGaps(row.counts.byGap, years) };
    const ind: PlanIndicatorSource | undefined = row.indicatorCode ? indicators.get(row.indicatorCode) : undefined;
    const draftedOutputs = counts && ind ? outputTargetsFor(activitiesFor(ind, counts).items, counts, years) : null;
    const next: ReplanChange['changes'] = {
      targets: retargetForYears({ values: row.targets, keepTyped: edited.has('targets') }, counts?.yearly ?? null, years),
      outputTargets: retargetForYears({ values: row.outputTargets, keepTyped: edited.has('outputTargets') }, draftedOutputs, years),
      counts: counts ?? undefined,
      schedule: counts && !edited.has('schedule') ? formatSchedule(scheduleFor(rank.get(row.id) ?? 0, ranked.length, counts.yearly, years)) : undefined,
    };
    const changes: ReplanChange['changes'] = {};
    if (!same(next.targets, row.targets)) changes.targets = next.targets;
    if (!same(next.outputTargets, row.outputTargets)) changes.outputTargets = next.outputTargets;
    if (next.counts && !same(next.counts, row.counts)) changes.counts = next.counts;
    if (next.schedule !== undefined && next.schedule !== row.schedule) changes.schedule = next.schedule;
    if (Object.keys(changes).length > 0) out.push({ id: row.id, changes });
  }
  return out;
}
