import type { Indicator } from './instrument.schemas';

/** Same tolerance as scoring: a computed 49.999999999 % is 50 % (e.g. 29 of 58 reports). */
const EPSILON = 1e-9;

/**
 * The level an SP4N-LAPOR! figure reaches on an indicator that carries `laporThresholds` (D1, D2, D4, E3 in
 * revision 2): the highest level whose bound the value meets (min: value ≥ min; max: value ≤ max), else 0.
 * `null` means the figure cannot be computed (no report at all, or no agreed target) and gives the
 * indicator's `noFigure` ("na" or 0). Throws for an indicator without thresholds or a value that is not a
 * finite number ≥ 0, since both are a caller's mistake.
 */
export function levelFromLaporFigure(ind: Indicator, value: number | null): number | 'na' {
  const t = ind.laporThresholds;
  if (!t) throw new Error(`Indikator ${ind.code} tidak memiliki ambang data SP4N-LAPOR!`);
  if (value === null) return t.noFigure;
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`Nilai ${t.metric} untuk ${ind.code} tidak valid: ${value}`);
  let reached = 0;
  for (const l of t.levels) {
    const meets = l.min !== undefined ? value + EPSILON >= l.min : l.max !== undefined && value - EPSILON <= l.max;
    if (meets) reached = l.level;
  }
  return reached;
}
