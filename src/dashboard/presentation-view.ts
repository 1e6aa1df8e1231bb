import { categorize } from '../scoring';
import { formatDateTime } from '../shared/format';
import { aspectBarsChart, categoryTone, indexGaugeChart, weakestChart, type ChartModel } from './chart-data';
import { hideUnitNames, presentationFingerprint, presentationSlides, type PresentationData, type Slide } from './presentation';

export interface DeckOptions {
  hideNames: boolean;
  /** Set for a frozen snapshot; absent for the live deck. */
  snapshot?: { id: number; createdAt: string };
}

export interface DeckView {
  data: PresentationData;
  slides: Slide[];
  charts: { gauge: ChartModel; aspects: ChartModel; groups: ChartModel; weakest: ChartModel };
  tone: (category: string | null) => number | null;
  /** "Langsung · 27 November 2026 pukul 18.05" or "Snapshot 27 November 2026 pukul 18.05". */
  stamp: string;
  hideNames: boolean;
  snapshotId: number | null;
  /** Equals the `fingerprint` of the JSON the live deck polls (same names option). */
  fingerprint: string;
}

/** What the deck template needs: the slides in story order, their charts, and the live/snapshot stamp. Pure. */
export function deckView(raw: PresentationData, opts: DeckOptions): DeckView {
  const data = opts.hideNames ? hideUnitNames(raw) : raw;
  const categories = data.categories;
  return {
    data,
    slides: presentationSlides(data),
    charts: {
      gauge: indexGaugeChart(data.index.kabupaten.mean, data.index.kabupaten.category, categories),
      aspects: aspectBarsChart(data.aspects, ['kabupaten']),
      groups: aspectBarsChart(data.aspects, ['pd', 'kecamatan']),
      weakest: weakestChart(data.weakest, categories, (s) => categorize(s, categories)),
    },
    tone: (category) => categoryTone(category, categories),
    stamp: opts.snapshot
      ? `Snapshot ${formatDateTime(opts.snapshot.createdAt)} WITA (angka tidak berubah)`
      : `Langsung · dihitung ${formatDateTime(data.computedAt)} WITA`,
    hideNames: opts.hideNames,
    snapshotId: opts.snapshot?.id ?? null,
    fingerprint: presentationFingerprint(data),
  };
}
