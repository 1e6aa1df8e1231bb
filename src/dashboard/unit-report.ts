import type { Instrument } from '../instrument';
import type { Period } from '../periods';
import { gapPriority, SCORE_EPSILON, type LevelBasis, type PeriodScores, type UnitResult } from '../scoring';
import {
  aspectMeans, countUnits, indexMeans, isCounted, levelDistributions, unitGaps, unitRadar,
  type IndicatorGap, type LevelDistribution, type MeanCell, type RadarRow, type UnitCounts,
} from './aggregates';
import { aspectExpression, meanExpression, unitIndexExpression } from './explain';

/** One unit's scores beside the kabupaten: what the unit page and the rapor show. */
export interface UnitReport {
  period: Period;
  instrument: Instrument;
  basis: LevelBasis;
  unit: UnitResult;
  /** Whether the unit is in the kabupaten figures. */
  counted: boolean;
  kabupaten: MeanCell;
  /** Every unit of the period, so the kabupaten mean reads "21 dari 57 unit". */
  counts: UnitCounts;
  radar: RadarRow[];
  /** Every indicator, in instrument order. */
  gaps: IndicatorGap[];
  /** The indicators below target, most urgent first (the Renaksi's priority). */
  priorityGaps: PriorityGap[];
  /** Indicators with a level, N/A and unanswered, for "26 dari 26 yang berlaku (4 tidak berlaku)". */
  indicatorCounts: { applicable: number; na: number; unanswered: number };
  explain: {
    index: string;
    kabupaten: string;
    /** Per aspect code: the unit's aspect score and the kabupaten mean, written out. */
    aspects: Record<string, { unit: string; kabupaten: string }>;
  };
}

export interface PriorityGap extends IndicatorGap {
  level: number;
  gap: number;
  aspectWeight: number;
  /** Share of the applicable counted units below target on the indicator (1 when none is counted yet). */
  shareBelow: number;
  /** gapPriority(gap, aspect weight, share below). */
  priority: number;
}

/**
 * A unit's gaps (gap > 0) ordered as the Renaksi orders its rows: by gapPriority, highest first; equal priorities
 * keep the instrument's order. The share below target comes from the counted units' distribution.
 */
export function gapsByPriority(instrument: Instrument, gaps: IndicatorGap[], distributions: LevelDistribution[]): PriorityGap[] {
  const weight = new Map(instrument.aspects.map((a) => [a.code, a.weight]));
  const dist = new Map(distributions.map((d) => [d.code, d]));
  const open = gaps.flatMap((g): PriorityGap[] => {
    if (typeof g.level !== 'number' || g.gap === null || g.gap <= 0) return [];
    const d = dist.get(g.code);
    const shareBelow = d && d.applicable > 0 ? d.belowTarget / d.applicable : 1;
    const aspectWeight = weight.get(g.aspectCode) ?? 0;
    return [{ ...g, level: g.level, gap: g.gap, aspectWeight, shareBelow, priority: gapPriority(g.gap, aspectWeight, shareBelow) }];
  });
  return open.map((g, i) => ({ g, i })).sort((a, b) => (Math.abs(b.g.priority - a.g.priority) > SCORE_EPSILON ? b.g.priority - a.g.priority : 0) || a.i - b.i).map(({ g }) => g);
}

/** The unit's report from the period's scores; undefined when the unit is not part of the period. */
export function buildUnitReport(scores: PeriodScores, unitId: number): UnitReport | undefined {
  const unit = scores.units.find((u) => u.unitId === unitId);
  if (!unit) return undefined;
  const { instrument } = scores;
  const kabupaten = indexMeans(instrument, scores.units).kabupaten;
  const aspects = aspectMeans(instrument, scores.units);
  const kabAspects = Object.fromEntries(aspects.map((a) => [a.code, a.means.kabupaten.mean]));
  const gaps = unitGaps(instrument, unit);
  return {
    period: scores.period,
    instrument,
    basis: scores.basis,
    unit,
    counted: isCounted(unit),
    kabupaten,
    counts: countUnits(scores.units),
    radar: unitRadar(instrument, unit, kabAspects),
    gaps,
    priorityGaps: gapsByPriority(instrument, gaps, levelDistributions(instrument, scores.units)),
    indicatorCounts: {
      applicable: gaps.filter((g) => typeof g.level === 'number').length,
      na: gaps.filter((g) => g.level === 'na').length,
      unanswered: gaps.filter((g) => g.level === null).length,
    },
    explain: {
      index: unitIndexExpression(instrument, unit.score),
      kabupaten: meanExpression(kabupaten.terms.map((t) => t.value), kabupaten.mean),
      aspects: Object.fromEntries(
        aspects.map((a) => [
          a.code,
          {
            unit: aspectExpression(instrument, a.code, unit.score),
            kabupaten: meanExpression(a.means.kabupaten.terms.map((t) => t.value), a.means.kabupaten.mean),
          },
        ]),
      ),
    },
  };
}
