import type { LevelBasis, PeriodScores } from '../scoring';
import type { Instrument } from '../instrument';
import type { Period } from '../periods';
import type { UnitGroup } from '../units';
import {
  aspectMeans,
  countUnits,
  heatmapMatrix,
  indexMeans,
  levelDistributions,
  rankUnits,
  sortHeatmap,
  weakestIndicators,
  type AspectMeanRow,
  type GroupKey,
  type HeatmapRow,
  type LevelDistribution,
  type MeanCell,
  type RankedUnit,
  type SortDir,
  type UnitCounts,
  type UnrankedUnit,
} from './aggregates';
import { unitIndexExpression } from './explain';

export const WEAKEST_COUNT = 10;

export interface HeatmapSort {
  key: string;
  dir: SortDir;
}

export const DEFAULT_HEATMAP_SORT: HeatmapSort = { key: 'index', dir: 'desc' };

/** Everything the dashboard shows, computed once from a period's scores. */
export interface DashboardModel {
  period: Period;
  instrument: Instrument;
  basis: LevelBasis;
  counts: UnitCounts;
  /** Every unit of the period in the official order (id, name, group), for pickers and lists. */
  units: { unitId: number; name: string; group: UnitGroup }[];
  index: Record<GroupKey, MeanCell>;
  aspects: AspectMeanRow[];
  heatmap: HeatmapRow[];
  sort: HeatmapSort;
  ranked: RankedUnit[];
  unranked: UnrankedUnit[];
  distributions: LevelDistribution[];
  weakest: LevelDistribution[];
  /** "Cara menghitung" of each unit's index, by unit id. */
  indexExplain: Record<number, string>;
}

/** Builds the dashboard's figures; the heatmap comes sorted as asked. */
export function buildDashboard(scores: PeriodScores, sort: HeatmapSort = DEFAULT_HEATMAP_SORT): DashboardModel {
  const { instrument, units } = scores;
  const distributions = levelDistributions(instrument, units);
  const { ranked, unranked } = rankUnits(units);
  return {
    period: scores.period,
    instrument,
    basis: scores.basis,
    counts: countUnits(units),
    units: units.map((u) => ({ unitId: u.unitId, name: u.name, group: u.group })),
    index: indexMeans(instrument, units),
    aspects: aspectMeans(instrument, units),
    heatmap: sortHeatmap(heatmapMatrix(instrument, units), sort.key, sort.dir),
    sort,
    ranked,
    unranked,
    distributions,
    weakest: weakestIndicators(distributions, WEAKEST_COUNT),
    indexExplain: Object.fromEntries(units.map((u) => [u.unitId, unitIndexExpression(instrument, u.score)])),
  };
}
