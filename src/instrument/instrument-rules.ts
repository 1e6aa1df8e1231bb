import type { Activity, Indicator, Instrument } from './instrument.schemas';

/** Whether the unit with this code may answer "tidak berlaku": every unit (allowNa) or a named one (naUnitCodes). */
export function naAllowedFor(ind: Indicator, unitCode: string): boolean {
  return ind.allowNa || (ind.naUnitCodes?.includes(unitCode) ?? false);
}

/**
 * The instrument as one unit answers it: an indicator whose N/A is reserved for named units (F4 for Inspektorat in
 * revision 2) gets allowNa for those units, so the questionnaire, autosave and offline checks need no other rule.
 * Returns the same object when nothing differs for the unit.
 */
export function instrumentForUnit(instrument: Instrument, unitCode: string): Instrument {
  const named = (ind: Indicator) => !ind.allowNa && naAllowedFor(ind, unitCode);
  if (!instrument.aspects.some((a) => a.indicators.some(named))) return instrument;
  return {
    ...instrument,
    aspects: instrument.aspects.map((a) => ({
      ...a,
      indicators: a.indicators.map((ind) => (named(ind) ? { ...ind, allowNa: true } : ind)),
    })),
  };
}

/**
 * Whether a unit that received no report at all answers the indicator "tidak berlaku". Revision 1 carries no
 * naCase: there every N/A-allowing indicator (D1–D4) was N/A for exactly that reason.
 */
export function naWithoutReports(ind: Indicator): boolean {
  return ind.naCase === undefined ? ind.allowNa : ind.naCase === 'no-reports';
}

/**
 * The recommended activities for a unit starting at `level` (a unit that did not submit starts at 0): those made
 * for that level, and those made for every level. The loader guarantees each level below the target has one.
 */
export function activitiesForLevel(ind: Indicator, level: number | null): Activity[] {
  const from = level ?? 0;
  return ind.activities.filter((a) => !a.forLevels || a.forLevels.includes(from));
}
