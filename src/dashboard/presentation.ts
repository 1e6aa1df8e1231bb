import crypto from 'node:crypto';
import type { Indicator, Instrument } from '../instrument';
import type { LevelBasis } from '../scoring';
import type { UnitGroup } from '../units';
import { GROUP_KEYS, GROUPS, sortHeatmap, type GroupKey, type HeatmapRow, type UnitCounts } from './aggregates';
import { weakestRows } from './dashboard-outputs';
import type { DashboardModel } from './dashboard-model';
import type { Progress } from '../progress';
import { presentProgress, type PresentedProgress } from './presentation-progress';
import type { ConditionState, KabupatenConditions, KabupatenReviewStatus, KabupatenSummary } from '../kabupaten';
import type { PresentedLapor } from '../lapor';

/**
 * The numbers of the FGD presentation as plain data: what a live deck polls and what a snapshot freezes. Stored
 * as JSON in presentation_snapshots, so only add optional fields; bump `version` for anything else.
 */
export interface PresentationData {
  version: 1;
  period: { id: number; name: string; year: number; isDemo: boolean };
  basis: LevelBasis;
  computedAt: string;
  categories: Instrument['categories'];
  counts: UnitCounts;
  index: Record<GroupKey, PresentedMean>;
  aspects: { code: string; name: string; weight: number; means: Record<GroupKey, PresentedMean> }[];
  heatmap: HeatmapRow[];
  weakest: PresentedIndicator[];
  /** The SP4N-LAPOR! data slide's numbers; absent while no export was imported for the period. */
  lapor?: PresentedLapor;
  /** Kondisi tingkat kabupaten; absent when the period's instrument has no checklist (and in older snapshots). */
  kabupaten?: PresentedKabupaten;
  /** Kemajuan: against the previous period and the signed plan; absent without either (and in older snapshots). */
  progress?: PresentedProgress;
}

/** The kabupaten's own conditions as the deck shows them (no evidence, no names of people). */
export interface PresentedKabupaten {
  conditions: {
    code: string;
    title: string;
    state: ConditionState | null;
    stateLabel: string | null;
    valueLabel: string | null;
    criterion: string | null;
    status: KabupatenReviewStatus;
    statusLabel: string;
  }[];
  summary: KabupatenSummary;
}

export interface PresentedMean {
  mean: number | null;
  category: string | null;
  unitCount: number;
}

export interface PresentedIndicator {
  rank: number;
  code: string;
  title: string;
  aspectCode: string;
  mean: number | null;
  applicable: number;
  belowTarget: number;
  target: number;
  coordinator: string;
  activities: Indicator['activities'];
}

/** Rows of the heatmap per slide and weakest indicators per next-steps slide: what stays legible at 1366×768. */
export const HEATMAP_ROWS_PER_SLIDE = 12;
export const NEXT_STEPS_PER_SLIDE = 5;
export const KABUPATEN_CONDITIONS_PER_SLIDE = 6;

function presentKabupaten(k: KabupatenConditions): PresentedKabupaten {
  return {
    conditions: k.conditions.map((c) => ({
      code: c.item.code, title: c.item.title, state: c.state, stateLabel: c.stateLabel, valueLabel: c.valueLabel, criterion: c.criterion,
      status: c.status, statusLabel: c.statusLabel,
    })),
    summary: k.summary,
  };
}

/**
 * The presentation's numbers from the dashboard's figures, stamped with the time they were computed, with the
 * kabupaten's own conditions when the period's instrument has them and the progress between periods when there is any.
 */
export function buildPresentationData(
  m: DashboardModel, now: Date, kabupaten: KabupatenConditions | null = null, lapor: PresentedLapor | null = null, progress: Progress | null = null,
): PresentationData {
  const kemajuan = progress ? presentProgress(progress) : null;
  const presented = (c: { mean: number | null; category: string | null; terms: unknown[] }): PresentedMean => ({
    mean: c.mean,
    category: c.category,
    unitCount: c.terms.length,
  });
  return {
    version: 1,
    period: { id: m.period.id, name: m.period.name, year: m.period.year, isDemo: m.period.isDemo },
    basis: m.basis,
    computedAt: now.toISOString(),
    categories: m.instrument.categories,
    counts: m.counts,
    index: Object.fromEntries(GROUP_KEYS.map((g) => [g, presented(m.index[g])])) as Record<GroupKey, PresentedMean>,
    aspects: m.aspects.map((a) => ({
      code: a.code,
      name: a.name,
      weight: a.weight,
      means: Object.fromEntries(GROUP_KEYS.map((g) => [g, presented(a.means[g])])) as Record<GroupKey, PresentedMean>,
    })),
    heatmap: sortHeatmap(m.heatmap, 'index', 'desc'),
    weakest: weakestRows(m).map((w) => ({
      rank: w.rank,
      code: w.code,
      title: w.title,
      aspectCode: w.aspectCode,
      mean: w.mean,
      applicable: w.applicable,
      belowTarget: w.belowTarget,
      target: w.target,
      coordinator: w.coordinator,
      activities: w.activities,
    })),
    ...(kabupaten ? { kabupaten: presentKabupaten(kabupaten) } : {}),
    ...(lapor ? { lapor } : {}),
    ...(kemajuan ? { progress: kemajuan } : {}),
  };
}

/** Changes whenever a number or a unit on the slides changes (not the computation time): the live deck's cue. */
export function presentationFingerprint(d: PresentationData): string {
  const { computedAt: _ignored, ...numbers } = d;
  return crypto.createHash('sha256').update(JSON.stringify(numbers)).digest('hex').slice(0, 16);
}

/** With hidden names every unit is "Unit n" by its stable alias and carries no code. */
export function hideUnitNames(d: PresentationData): PresentationData {
  return {
    ...d,
    heatmap: sortHeatmap(
      d.heatmap.map((r) => ({ ...r, name: `Unit ${r.alias}`, code: '' })),
      'index',
      'desc',
    ),
  };
}

export type Slide =
  | { kind: 'index' }
  | { kind: 'aspects' }
  | { kind: 'groups' }
  | { kind: 'kabupaten'; items: PresentedKabupaten['conditions']; page: number; pages: number }
  | { kind: 'progress' }
  | { kind: 'heatmap'; group: UnitGroup; rows: HeatmapRow[]; page: number; pages: number }
  | { kind: 'lapor' }
  | { kind: 'weakest' }
  | { kind: 'next-steps'; items: PresentedIndicator[]; page: number; pages: number };

/** Splits into the fewest pages of at most `max` items, balanced (15 by 12 → 8 + 7, not 12 + 3); one empty page for none. */
export function balancedPages<T>(items: T[], max: number): T[][] {
  const pages = Math.max(1, Math.ceil(items.length / max));
  const size = Math.ceil(items.length / pages);
  return Array.from({ length: pages }, (_, i) => items.slice(i * size, (i + 1) * size));
}

/**
 * The story of the FGD, one slide each: index → aspects → groups → kondisi tingkat kabupaten (when the instrument
 * has a checklist) → kemajuan (against the previous period and the signed plan, when there is either) → heatmap (per
 * group, in pages that stay legible) → the SP4N-LAPOR! data, when imported → weakest indicators → next steps (their
 * recommended activities, in pages).
 */
export function presentationSlides(d: PresentationData): Slide[] {
  const heatmap = GROUPS.flatMap((g) => {
    const pages = balancedPages(d.heatmap.filter((r) => r.group === g), HEATMAP_ROWS_PER_SLIDE);
    return pages.map((rows, i): Slide => ({ kind: 'heatmap', group: g, rows, page: i + 1, pages: pages.length }));
  });
  const next = balancedPages(d.weakest, NEXT_STEPS_PER_SLIDE);
  const kabupaten = d.kabupaten ? balancedPages(d.kabupaten.conditions, KABUPATEN_CONDITIONS_PER_SLIDE) : [];
  return [
    { kind: 'index' },
    { kind: 'aspects' },
    { kind: 'groups' },
    ...kabupaten.map((items, i): Slide => ({ kind: 'kabupaten', items, page: i + 1, pages: kabupaten.length })),
    ...(d.progress ? [{ kind: 'progress' } as const] : []),
    ...heatmap,
    ...(d.lapor ? [{ kind: 'lapor' } as Slide] : []),
    { kind: 'weakest' },
    ...next.map((items, i): Slide => ({ kind: 'next-steps', items, page: i + 1, pages: next.length })),
  ];
}
