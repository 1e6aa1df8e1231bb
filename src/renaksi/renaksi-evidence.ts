import type { Instrument } from '../instrument';
import type { UnitGroup } from '../units';
import type { DraftUnit } from './renaksi-draft';

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
  /** A unit row: that unit; otherwise the units below target, lowest level first. */
  units: EvidenceUnit[];
  /** A unit row whose unit is no longer counted (assessment reopened or incomplete). */
  unitMissing: boolean;
}

export interface EvidenceRowRef {
  scope: 'kabupaten' | 'unit' | 'manual';
  unitId: number | null;
  indicatorCode: string | null;
}

/**
 * Builds a lookup of the evidence for plan rows from the drafting input (included, complete units). Indexing the
 * units per indicator once keeps a plan of thousands of rows cheap.
 */
export function evidenceLookup(instrument: Instrument, units: DraftUnit[]): (row: EvidenceRowRef) => RowEvidence | null {
  const indicators = new Map(instrument.aspects.flatMap((a) => a.indicators).map((i) => [i.code, i]));
  const perIndicator = new Map<string, { applicable: number; below: EvidenceUnit[]; byUnit: Map<number, EvidenceUnit> }>();
  for (const ind of indicators.values()) {
    const byUnit = new Map<number, EvidenceUnit>();
    const below: EvidenceUnit[] = [];
    let applicable = 0;
    for (const u of units) {
      const level = u.levels[ind.code];
      if (level === null || level === undefined) continue;
      const e: EvidenceUnit = { unitId: u.unitId, name: u.name, group: u.group, level, belowTarget: level !== 'na' && level < ind.target };
      byUnit.set(u.unitId, e);
      if (level === 'na') continue;
      applicable++;
      if (e.belowTarget) below.push(e);
    }
    below.sort((a, b) => (a.level as number) - (b.level as number) || a.name.localeCompare(b.name, 'id'));
    perIndicator.set(ind.code, { applicable, below, byUnit });
  }
  return (row) => {
    const ind = row.indicatorCode ? indicators.get(row.indicatorCode) : undefined;
    const data = ind && perIndicator.get(ind.code);
    if (!ind || !data) return null;
    const base = { indicatorCode: ind.code, indicatorTitle: ind.title, target: ind.target, applicable: data.applicable, belowCount: data.below.length };
    if (row.scope === 'unit' && row.unitId !== null) {
      const own = data.byUnit.get(row.unitId);
      return { ...base, units: own ? [own] : [], unitMissing: !own };
    }
    return { ...base, units: data.below, unitMissing: false };
  };
}
