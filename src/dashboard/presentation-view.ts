import { categorize, describeBelowTarget, tallyUnits, uncountedParts } from '../scoring';
import { rosterOf } from './aggregates';
import { formatDateTime } from '../shared/format';
import { aspectBarsChart, categoryTone, indexGaugeChart, weakestChart, type ChartModel } from './chart-data';
import { movementText, periodsAspectChart, progressChart, signedScore } from './progress-view';
import type { PresentedProgress } from './presentation-progress';
import { hideUnitNames, presentationFingerprint, presentationSlides, type PresentationData, type Slide } from './presentation';
import { presentedMonthlyChart } from '../lapor';

export interface DeckOptions {
  hideNames: boolean;
  /** Set for a frozen snapshot; absent for the live deck. */
  snapshot?: { id: number; createdAt: string };
}

export interface DeckView {
  data: PresentationData;
  slides: Slide[];
  charts: { gauge: ChartModel; aspects: ChartModel; groups: ChartModel; weakest: ChartModel; lapor: ChartModel | null; progress: ChartModel | null };
  /** The kemajuan slide's sentences; '' when the deck has no such slide. */
  progressText: { movement: string; signed: (change: number | null) => string };
  tone: (category: string | null) => number | null;
  /** An indicator's units below target over every unit of the period, the rest named for why. */
  belowText: (w: { applicable: number; belowTarget: number }) => string;
  /** Units the figures leave out, e.g. ["36 belum mengajukan penilaian"]; empty when every unit is counted. */
  uncounted: string[];
  /** "Langsung · 27 November 2026 pukul 18.05" or "Snapshot 27 November 2026 pukul 18.05". */
  stamp: string;
  hideNames: boolean;
  snapshotId: number | null;
  /** Equals the `fingerprint` of the JSON the live deck polls (same names option). */
  fingerprint: string;
}

/** The kemajuan slide's chart: the plan's targets against what was reached per aspect, else the aspects in both periods. */
function progressDeckChart(p: PresentedProgress | undefined): ChartModel | null {
  if (!p) return null;
  if (p.plan) return progressChart(p.plan.aspects, p.plan.year);
  return p.compare ? periodsAspectChart(p.aspects, p.compare.year, p.year) : null;
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
      lapor: data.lapor ? presentedMonthlyChart(data.lapor) : null,
      progress: progressDeckChart(data.progress),
    },
    progressText: { movement: data.progress?.movement ? movementText(data.progress.movement) : '', signed: signedScore },
    tone: (category) => categoryTone(category, categories),
    belowText: (w) => describeBelowTarget(tallyUnits(rosterOf(data.counts), w.applicable, w.belowTarget)),
    uncounted: uncountedParts(rosterOf(data.counts)),
    stamp: opts.snapshot
      ? `Snapshot ${formatDateTime(opts.snapshot.createdAt)} WITA (angka tidak berubah)`
      : `Langsung · dihitung ${formatDateTime(data.computedAt)} WITA`,
    hideNames: opts.hideNames,
    snapshotId: opts.snapshot?.id ?? null,
    fingerprint: presentationFingerprint(data),
  };
}
