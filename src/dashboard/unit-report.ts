import type { Instrument } from '../instrument';
import type { Period } from '../periods';
import type { LevelBasis, PeriodScores, UnitResult } from '../scoring';
import { aspectMeans, indexMeans, isCounted, unitGaps, unitRadar, type IndicatorGap, type MeanCell, type RadarRow } from './aggregates';
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
  radar: RadarRow[];
  gaps: IndicatorGap[];
  explain: {
    index: string;
    kabupaten: string;
    /** Per aspect code: the unit's aspect score and the kabupaten mean, written out. */
    aspects: Record<string, { unit: string; kabupaten: string }>;
  };
}

/** The unit's report from the period's scores; undefined when the unit is not part of the period. */
export function buildUnitReport(scores: PeriodScores, unitId: number): UnitReport | undefined {
  const unit = scores.units.find((u) => u.unitId === unitId);
  if (!unit) return undefined;
  const { instrument } = scores;
  const kabupaten = indexMeans(instrument, scores.units).kabupaten;
  const aspects = aspectMeans(instrument, scores.units);
  const kabAspects = Object.fromEntries(aspects.map((a) => [a.code, a.means.kabupaten.mean]));
  return {
    period: scores.period,
    instrument,
    basis: scores.basis,
    unit,
    counted: isCounted(unit),
    kabupaten,
    radar: unitRadar(instrument, unit, kabAspects),
    gaps: unitGaps(instrument, unit),
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
