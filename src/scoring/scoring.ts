import type { Instrument } from '../instrument';
import type { UnitGroup } from '../units';

/** Which level the scores use: the verifier's where set ('verified'), or always the unit's own ('self'). */
export type LevelBasis = 'self' | 'verified';

export interface AnswerLevels {
  level: number | null;
  isNa: boolean;
  verifiedLevel: number | null;
}

/** An indicator's effective state: a level 0–4, 'na', or null when unanswered. */
export type EffectiveLevel = number | 'na' | null;

export interface UnitScore {
  answered: number;
  total: number;
  /** Share of indicators answered or N/A, 0–100. */
  completeness: number;
  complete: boolean;
  levels: Record<string, EffectiveLevel>;
  /** null for an aspect with an unanswered indicator or wholly N/A. */
  aspectScores: Record<string, number | null>;
  /** null unless every indicator is answered or N/A. */
  index: number | null;
  category: string | null;
}

/**
 * The level used for scoring: a verifier's level overrides the unit's (and its N/A) under the 'verified' basis.
 */
export function effectiveLevel(answer: AnswerLevels | undefined, basis: LevelBasis): EffectiveLevel {
  if (!answer) return null;
  if (basis === 'verified' && answer.verifiedLevel !== null) return answer.verifiedLevel;
  if (answer.isNa) return 'na';
  return answer.level;
}

/**
 * Tolerance for comparing computed scores: means of thirds land a hair off exact values (250/3 … → 49.99999999999999
 * for an exact 50), which must not drop a unit into the lower category or reorder equal priorities.
 */
export const SCORE_EPSILON = 1e-9;

/** Category label of a score by the template's thresholds (highest `min` not above the score). */
export function categorize(score: number, categories: Instrument['categories']): string {
  const sorted = [...categories].sort((a, b) => b.min - a.min);
  const hit = sorted.find((c) => score + SCORE_EPSILON >= c.min) ?? sorted[sorted.length - 1];
  return hit ? hit.label : '';
}

function weightedMean(pairs: { value: number; weight: number }[]): number | null {
  const totalWeight = pairs.reduce((s, p) => s + p.weight, 0);
  if (pairs.length === 0 || totalWeight === 0) return null;
  return pairs.reduce((s, p) => s + p.value * p.weight, 0) / totalWeight;
}

/**
 * Scores one unit exactly as SPEC.md says: indicator = level/4×100 (N/A left out), aspect = (weighted) mean of its
 * applicable indicators, index = Σ(aspect weight × score)/Σ(weights of aspects with an applicable indicator).
 * The index exists only when every indicator is answered or N/A.
 */
export function scoreUnit(
  instrument: Instrument,
  answers: Readonly<Record<string, AnswerLevels | undefined>>,
  basis: LevelBasis = 'verified',
): UnitScore {
  const levels: Record<string, EffectiveLevel> = {};
  const aspectScores: Record<string, number | null> = {};
  let answered = 0;
  let total = 0;
  const aspectPairs: { value: number; weight: number }[] = [];
  for (const aspect of instrument.aspects) {
    const pairs: { value: number; weight: number }[] = [];
    let aspectComplete = true;
    for (const ind of aspect.indicators) {
      total++;
      const lv = effectiveLevel(answers[ind.code], basis);
      levels[ind.code] = lv;
      if (lv === null) aspectComplete = false;
      else answered++;
      if (typeof lv === 'number') pairs.push({ value: (lv / instrument.levelScaleMax) * 100, weight: ind.weight ?? 1 });
    }
    const score = aspectComplete ? weightedMean(pairs) : null;
    aspectScores[aspect.code] = score;
    if (score !== null) aspectPairs.push({ value: score, weight: aspect.weight });
  }
  const complete = answered === total;
  const index = complete ? weightedMean(aspectPairs) : null;
  return {
    answered,
    total,
    completeness: total === 0 ? 0 : (answered / total) * 100,
    complete,
    levels,
    aspectScores,
    index,
    category: index === null ? null : categorize(index, instrument.categories),
  };
}

export interface ScoredUnit {
  group: UnitGroup;
  included: boolean;
  score: UnitScore;
}

export interface GroupAggregate {
  /** Units counted in the index mean (included and complete). */
  unitCount: number;
  index: number | null;
  category: string | null;
  aspectScores: Record<string, number | null>;
}

export interface KabupatenAggregate extends GroupAggregate {
  byGroup: Record<UnitGroup, GroupAggregate>;
}

function mean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length;
}

function aggregateGroup(instrument: Instrument, units: ScoredUnit[]): GroupAggregate {
  const counted = units.filter((u) => u.included && u.score.index !== null);
  const index = mean(counted.map((u) => u.score.index as number));
  const aspectScores: Record<string, number | null> = {};
  for (const aspect of instrument.aspects) {
    const values = counted.map((u) => u.score.aspectScores[aspect.code]).filter((v): v is number => typeof v === 'number');
    aspectScores[aspect.code] = mean(values);
  }
  return {
    unitCount: counted.length,
    index,
    category: index === null ? null : categorize(index, instrument.categories),
    aspectScores,
  };
}

/**
 * Kabupaten figures: plain means over the included, complete units (an aspect wholly N/A for a unit is left out
 * of that aspect's mean), overall and per group.
 */
export function aggregateScores(instrument: Instrument, units: ScoredUnit[]): KabupatenAggregate {
  return {
    ...aggregateGroup(instrument, units),
    byGroup: {
      pd: aggregateGroup(instrument, units.filter((u) => u.group === 'pd')),
      kecamatan: aggregateGroup(instrument, units.filter((u) => u.group === 'kecamatan')),
    },
  };
}

/** The gap to an indicator's target: max(0, T − L). */
export function gapOf(level: number, target: number): number {
  return Math.max(0, target - level);
}

/**
 * How urgent closing a gap is (SPEC.md, the Renaksi's order): gap × aspect weight × share of the applicable counted
 * units below target on that indicator. The Renaksi drafts its rows by it and the unit rapor lists a unit's gaps by
 * it, so both name a unit's gaps in the same order.
 */
export function gapPriority(gap: number, aspectWeight: number, shareBelow: number): number {
  return gap * aspectWeight * shareBelow;
}
