import { categorize, describeBelowTarget, type UnitTally } from '../scoring';
import { GROUP_KEYS, type GroupKey } from './aggregates';
import { aspectBarsChart, categoryTone, distributionChart, rankingChart, weakestChart, type ChartModel } from './chart-data';
import type { DashboardModel } from './dashboard-model';
import { weakestRows } from './dashboard-outputs';
import { indicatorMeanExpression, meanExpression } from './explain';

export interface DashboardView {
  charts: { aspects: ChartModel; ranking: ChartModel; distribution: ChartModel; weakest: ChartModel };
  /** "Cara menghitung" per aspect code and scope. */
  aspectExplain: Record<string, Record<GroupKey, string>>;
  indexExplain: Record<GroupKey, string>;
  /** "Cara menghitung" of each indicator's mean score, by code. */
  indicatorExplain: Record<string, string>;
  weakest: ReturnType<typeof weakestRows>;
  /** "2 dari 57 unit di bawah target (1 sudah mencapai target, 54 belum mengajukan penilaian)". */
  belowText: (t: UnitTally) => string;
  tone: (category: string | null) => number | null;
  /** Query string of the heatmap sorted by key: the same key again flips the direction. */
  sortQuery: (key: string) => string;
}

/** What the dashboard page needs beyond the figures: chart view-models, explanations, sort links. Pure. */
export function dashboardView(m: DashboardModel): DashboardView {
  const categories = m.instrument.categories;
  const explainCell = (c: { mean: number | null; terms: { value: number }[] }) => meanExpression(c.terms.map((t) => t.value), c.mean);
  return {
    charts: {
      aspects: aspectBarsChart(m.aspects, ['kabupaten', 'pd', 'kecamatan']),
      ranking: rankingChart(m.ranked, categories),
      distribution: distributionChart(m.distributions, m.counts.counted),
      weakest: weakestChart(m.weakest, categories, (s) => categorize(s, categories)),
    },
    aspectExplain: Object.fromEntries(
      m.aspects.map((a) => [a.code, Object.fromEntries(GROUP_KEYS.map((g) => [g, explainCell(a.means[g])])) as Record<GroupKey, string>]),
    ),
    indexExplain: Object.fromEntries(GROUP_KEYS.map((g) => [g, explainCell(m.index[g])])) as Record<GroupKey, string>,
    indicatorExplain: Object.fromEntries(m.distributions.map((d) => [d.code, indicatorMeanExpression(d, m.instrument.levelScaleMax)])),
    weakest: weakestRows(m),
    belowText: (t) => describeBelowTarget(t),
    tone: (category) => categoryTone(category, categories),
    sortQuery: (key) => {
      const dir = m.sort.key === key ? (m.sort.dir === 'asc' ? 'desc' : 'asc') : key === 'name' || key === 'group' ? 'asc' : 'desc';
      return `?basis=${m.basis}&sort=${encodeURIComponent(key)}&dir=${dir}`;
    },
  };
}
