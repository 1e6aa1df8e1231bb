import type { Instrument } from '../instrument';
import type { UnitGroup } from '../units';
import { describeBelowTarget, type EffectiveLevel, tallyUnits, type UnitRoster, type UnitTally } from '../scoring';

/** A submitted, complete unit of the period with its levels (verified where set). */
export interface DraftUnit {
  unitId: number;
  name: string;
  group: UnitGroup;
  levels: Record<string, EffectiveLevel>;
}

export interface EvidenceUnit {
  unitId: number;
  name: string;
  group: UnitGroup;
  /** The level scores use now (verified where set); 'na' when not applicable. */
  level: number | 'na';
  belowTarget: boolean;
}

/** Why a row is in the plan, from the current scores: the indicator, its target and the units with their levels. */
export interface RowEvidence {
  indicatorCode: string;
  indicatorTitle: string;
  target: number;
  /** Units counted for the indicator (applicable, included, complete). */
  applicable: number;
  belowCount: number;
  /** Every unit of the period on the indicator: below, met, N/A, not submitted, incomplete. */
  tally: UnitTally;
  /** The tally as a sentence: "12 dari 57 unit di bawah target (…, 36 belum mengajukan penilaian)". */
  summary: string;
  /** The units below target, lowest level first, then in the official order. */
  units: EvidenceUnit[];
}

export interface EvidenceRowRef {
  indicatorCode: string | null;
}

/**
 * Builds a lookup of the evidence for plan rows from the drafting input (included, complete units) and the roster
 * of every unit of the period. Indexing the units per indicator once keeps a plan of thousands of rows cheap.
 */
export function evidenceLookup(instrument: Instrument, units: DraftUnit[], roster: UnitRoster): (row: EvidenceRowRef) => RowEvidence | null {
  const indicators = new Map(instrument.aspects.flatMap((a) => a.indicators).map((i) => [i.code, i]));
  const perIndicator = new Map<string, { applicable: number; below: EvidenceUnit[] }>();
  for (const ind of indicators.values()) {
    const below: EvidenceUnit[] = [];
    let applicable = 0;
    for (const u of units) {
      const level = u.levels[ind.code];
      if (level === null || level === undefined) continue;
      const e: EvidenceUnit = { unitId: u.unitId, name: u.name, group: u.group, level, belowTarget: level !== 'na' && level < ind.target };
      if (level === 'na') continue;
      applicable++;
      if (e.belowTarget) below.push(e);
    }
    // Lowest level first; equal levels keep the units' order as given (the official order).
    below.sort((a, b) => (a.level as number) - (b.level as number));
    perIndicator.set(ind.code, { applicable, below });
  }
  return (row) => {
    const ind = row.indicatorCode ? indicators.get(row.indicatorCode) : undefined;
    const data = ind && perIndicator.get(ind.code);
    if (!ind || !data) return null;
    const tally = tallyUnits(roster, data.applicable, data.below.length);
    const base = {
      indicatorCode: ind.code, indicatorTitle: ind.title, target: ind.target, applicable: data.applicable, belowCount: data.below.length,
      tally, summary: describeBelowTarget(tally),
    };
    return { ...base, units: data.below };
  };
}
