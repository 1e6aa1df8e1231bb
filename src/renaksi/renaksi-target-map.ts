import type { UnitGroup } from '../units';
import { yearlyTargets } from './renaksi-draft';
import { startingLevel, targetCell, type MatrixIndicator, type MatrixUnit, type TargetCell } from './renaksi-matrix';
import type { PlanActivitySource, PlanIndicatorSource } from './renaksi-row-text';

/**
 * Lampiran II as plain data (SPEC.md "Lampiran II — Peta target per unit"): units × the indicators of the plan's rows,
 * and each unit's own plan. Pure: levels in, cells and target levels out.
 */

/** An indicator of the plan as Lampiran II and a unit's own plan read it. */
export interface MapIndicator extends PlanIndicatorSource {
  aspectCode: string;
}

export interface TargetMapRow {
  unitId: number;
  name: string;
  group: UnitGroup;
  submitted: boolean;
  /** One cell per indicator code of the map. */
  cells: Record<string, TargetCell>;
  /** Indicators on which the unit is below target now. */
  gapCount: number;
}

/** Units in the official order, perangkat daerah first, then kecamatan (each group keeping the order given). */
export function officialOrder<U extends { group: UnitGroup }>(units: U[]): U[] {
  return [...units.filter((u) => u.group === 'pd'), ...units.filter((u) => u.group === 'kecamatan')];
}

/** The map's rows: every unit (official order) with its cell on each indicator (targetCell). */
export function targetMapRows(units: MatrixUnit[], indicators: MatrixIndicator[], yearsCount: number): TargetMapRow[] {
  return officialOrder(units).map((u) => {
    const cells = Object.fromEntries(indicators.map((i) => [i.code, targetCell(u, i, yearsCount)]));
    return {
      unitId: u.unitId, name: u.name, group: u.group, submitted: u.submitted, cells,
      gapCount: Object.values(cells).filter((c) => c.kind === 'gap').length,
    };
  });
}

/** One gap indicator of a unit's own plan. */
export interface UnitPlanItem {
  code: string;
  aspectCode: string;
  title: string;
  sasaran: string | null;
  /** The level it starts from (0 when the unit did not submit). */
  level: number;
  target: number;
  /** Target LEVEL per plan year: min(T, L + k). */
  yearly: Record<string, number>;
  /** The recommended activities for its starting level. */
  activities: PlanActivitySource[];
}

/** The activities of an indicator that suit a unit starting at `level` (no forLevels: every level). */
export function activitiesForLevel(ind: PlanIndicatorSource, level: number): PlanActivitySource[] {
  const own = ind.activities.filter((a) => !a.forLevels || a.forLevels.includes(level));
  return own.length > 0 ? own : ind.activities;
}

/**
 * A unit's own Renaksi: its indicators below target among `indicators` (in their order), each with the level it
 * starts from, its target level per year and the activities chosen for that level. N/A and indicators at target are
 * left out; a unit that did not submit starts every indicator from 0.
 */
export function unitPlanItems(unit: MatrixUnit, indicators: MapIndicator[], years: number[]): UnitPlanItem[] {
  return indicators.flatMap((ind) => {
    const level = startingLevel(unit, ind.code);
    if (level === 'na' || level >= ind.target) return [];
    return [{
      code: ind.code, aspectCode: ind.aspectCode, title: ind.title, sasaran: ind.sasaran ?? null, level, target: ind.target,
      yearly: yearlyTargets(level, ind.target, years), activities: activitiesForLevel(ind, level),
    }];
  });
}
