import type { Instrument } from '../instrument';
import { formatInt, formatScore } from '../shared/format';
import { LEVEL_KEYS, type GroupKey, type LevelDistribution, type RadarRow, type RankedUnit } from './aggregates';
import type { ChartModel } from './chart-model';

/** What the aspect bars need of an aspect: its means per scope (full MeanCells or the presentation's). */
export interface AspectMeans {
  code: string;
  name: string;
  means: Record<GroupKey, { mean: number | null }>;
}

export type { ChartModel, ChartSeries } from './chart-model';

export const GROUP_SERIES_LABELS: Record<GroupKey, string> = { kabupaten: 'Kabupaten', pd: 'Perangkat Daerah', kecamatan: 'Kecamatan' };
export const LEVEL_LABELS: Record<(typeof LEVEL_KEYS)[number], string> = {
  '0': 'Tingkat 0',
  '1': 'Tingkat 1',
  '2': 'Tingkat 2',
  '3': 'Tingkat 3',
  '4': 'Tingkat 4',
  na: 'Tidak berlaku',
};

/**
 * The colour tone 0 (darkest) … 4 (lightest) of a category on the 5-step palette, spread evenly by the category's
 * position from the lowest threshold, so the palette stays monotonic in lightness (grey print) for any template.
 */
export function categoryTone(label: string | null, categories: Instrument['categories']): number | null {
  if (label === null) return null;
  const sorted = [...categories].sort((a, b) => a.min - b.min);
  const pos = sorted.findIndex((c) => c.label === label);
  if (pos < 0) return null;
  return sorted.length === 1 ? 4 : Math.round((pos * 4) / (sorted.length - 1));
}

const text = (v: number | null | undefined) => formatScore(v ?? null);

/** Aspect bars for the given series (kabupaten and/or groups), 0–100. */
export function aspectBarsChart(rows: AspectMeans[], groups: GroupKey[]): ChartModel {
  return {
    type: 'bar',
    horizontal: false,
    stacked: false,
    labels: rows.map((a) => `${a.code}. ${a.name}`),
    max: 100,
    axisTitle: 'Skor (0–100)',
    series: groups.map((g) => ({
      key: g,
      label: GROUP_SERIES_LABELS[g],
      data: rows.map((a) => a.means[g].mean),
      text: rows.map((a) => text(a.means[g].mean)),
      colour: g,
    })),
  };
}

/** The kabupaten index as a half-ring gauge, coloured by its category. */
export function indexGaugeChart(index: number | null, category: string | null, categories: Instrument['categories']): ChartModel {
  const tone = categoryTone(category, categories);
  return {
    type: 'gauge',
    horizontal: false,
    stacked: false,
    labels: ['Indeks', 'Sisa'],
    max: 100,
    axisTitle: '',
    series: [{ key: 'index', label: 'Indeks kabupaten', data: [index ?? 0, 100 - (index ?? 0)], text: [text(index), ''], colour: [tone === null ? 'empty' : `tone-${tone}`, 'empty'] }],
  };
}

/** Ranked units as horizontal bars coloured by category; `names` lets the caller hide unit names. */
export function rankingChart(ranked: RankedUnit[], categories: Instrument['categories'], names: string[] = ranked.map((u) => u.name)): ChartModel {
  return {
    type: 'bar',
    horizontal: true,
    stacked: false,
    labels: ranked.map((u, i) => `${u.rank}. ${names[i] ?? u.name}`),
    max: 100,
    axisTitle: 'Indeks (0–100)',
    series: [
      {
        key: 'index',
        label: 'Indeks',
        data: ranked.map((u) => u.index),
        text: ranked.map((u) => `${formatScore(u.index)} ${u.category}`),
        colour: ranked.map((u) => `tone-${categoryTone(u.category, categories) ?? 0}`),
      },
    ],
  };
}

/** Per indicator, how many counted units sit at each level (stacked horizontal bars). */
export function distributionChart(dists: LevelDistribution[], unitCount: number): ChartModel {
  return {
    type: 'bar',
    horizontal: true,
    stacked: true,
    labels: dists.map((d) => `${d.code} ${d.title}`),
    max: Math.max(1, unitCount),
    axisTitle: 'Jumlah unit',
    series: LEVEL_KEYS.map((k) => ({
      key: `level-${k}`,
      label: LEVEL_LABELS[k],
      data: dists.map((d) => d.counts[k]),
      text: dists.map((d) => (d.counts[k] > 0 ? formatInt(d.counts[k]) : '')),
      colour: `level-${k}`,
    })),
  };
}

/** The weakest indicators' mean scores as horizontal bars, coloured by category. */
export function weakestChart(weakest: Pick<LevelDistribution, 'code' | 'title' | 'mean'>[], categories: Instrument['categories'], categoryOf: (score: number) => string): ChartModel {
  return {
    type: 'bar',
    horizontal: true,
    stacked: false,
    labels: weakest.map((d) => `${d.code} ${d.title}`),
    max: 100,
    axisTitle: 'Rata-rata skor indikator (0–100)',
    series: [
      {
        key: 'mean',
        label: 'Rata-rata skor',
        data: weakest.map((d) => d.mean),
        text: weakest.map((d) => text(d.mean)),
        colour: weakest.map((d) => `tone-${categoryTone(d.mean === null ? null : categoryOf(d.mean), categories) ?? 0}`),
      },
    ],
  };
}

/** A unit's aspects against the kabupaten means on a radar (0–100). */
export function radarChart(rows: RadarRow[], unitName: string): ChartModel {
  return {
    type: 'radar',
    horizontal: false,
    stacked: false,
    labels: rows.map((r) => `${r.code}. ${r.name}`),
    max: 100,
    axisTitle: 'Skor (0–100)',
    series: [
      { key: 'unit', label: unitName, data: rows.map((r) => r.unit), text: rows.map((r) => text(r.unit)), colour: 'unit' },
      { key: 'kabupaten', label: 'Rata-rata kabupaten', data: rows.map((r) => r.kabupaten), text: rows.map((r) => text(r.kabupaten)), colour: 'kabupaten' },
    ],
  };
}
