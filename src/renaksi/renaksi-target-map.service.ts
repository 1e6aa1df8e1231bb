import { notFound } from '../errors/app-error';
import type { Period } from '../periods';
import { unitHeadTitle, type UnitGroup } from '../units';
import type { Instrument } from '../instrument';
import { groupPlanRows } from './renaksi-layout';
import type { RenaksiPlan } from './renaksi.repo';
import type { PlanIndicatorSource } from './renaksi-row-text';
import { targetMapRows, unitPlanItems, type MapIndicator, type TargetMapRow, type UnitPlanItem } from './renaksi-target-map';
import type { UnitNote } from './renaksi-unit-notes.repo';
import type { RenaksiDeps } from './renaksi.service';
import { planBasis, type PlanBasis } from './renaksi-signed';

export interface TargetMapUnit extends TargetMapRow {
  code: string;
  abbreviation: string;
  notes: UnitNote[];
}

/** Lampiran II: units × the indicators of the plan's rows, with the team's notes per unit. */
export interface TargetMap {
  period: Period;
  plan: RenaksiPlan;
  years: number[];
  /** The final version the map was read from; null when computed from the current levels. */
  signed: PlanBasis['signed'];
  indicators: MapIndicator[];
  units: TargetMapUnit[];
  /** Notes on units no longer active in the period (kept, listed apart). */
  otherNotes: UnitNote[];
}

/** Indicators of the instrument by code, with their aspect. */
function indicatorsByCode(instrument: Instrument): Map<string, MapIndicator> {
  return new Map(
    instrument.aspects.flatMap((a) => a.indicators.map((i) => [i.code, { ...(i as PlanIndicatorSource), aspectCode: a.code }] as const)),
  );
}

/** The indicators of the plan's live rows in document order (each once); rows without an indicator add none. */
function planIndicators(basis: PlanBasis): MapIndicator[] {
  const byCode = indicatorsByCode(basis.instrument);
  const codes = groupPlanRows(basis.instrument.aspects, basis.rows).flatMap((g) => g.rows.map((r) => r.row.indicatorCode));
  return [...new Set(codes)].flatMap((c) => (c && byCode.has(c) ? [byCode.get(c) as MapIndicator] : []));
}

/**
 * Lampiran II of the period's plan: every active unit in the official order (perangkat daerah, then kecamatan) with
 * its cell on each indicator of the plan ("1→3", blank at target, "–" N/A, marked when it did not submit) and its
 * notes. A final plan: the units, levels and notes of its newest version (what was signed; planBasis); a draft: now.
 * Writes nothing.
 */
export function targetMap(deps: RenaksiDeps, periodId: number): TargetMap {
  const basis = planBasis(deps, periodId);
  const indicators = planIndicators(basis);
  const units = new Map(deps.units.listUnits().map((u) => [u.id, u]));
  const rows = targetMapRows(basis.units, indicators.map((i) => ({ code: i.code, aspectCode: i.aspectCode, aspectWeight: 0, target: i.target })), basis.years.length);
  const active = new Set(rows.map((r) => r.unitId));
  return {
    period: basis.period,
    plan: basis.plan,
    years: basis.years,
    signed: basis.signed,
    indicators,
    units: rows.map((r) => ({
      ...r, code: units.get(r.unitId)?.code ?? '', abbreviation: units.get(r.unitId)?.abbreviation ?? '', notes: basis.notes.filter((n) => n.unitId === r.unitId),
    })),
    otherNotes: basis.notes.filter((n) => !active.has(n.unitId)),
  };
}

/** One unit's own Renaksi (SPEC.md): its gap indicators, activities for its level, yearly target levels. */
export interface UnitPlan {
  period: Period;
  plan: RenaksiPlan;
  years: number[];
  /** The final version the plan was read from; null when computed from the current levels. */
  signed: PlanBasis['signed'];
  unit: { id: number; code: string; name: string; group: UnitGroup; submitted: boolean };
  /** The unit's head: position (stored or the usual one), name and NIP ('' until an admin records them). */
  head: { title: string; name: string; nip: string };
  items: UnitPlanItem[];
  notes: UnitNote[];
  /** The unit's active narahubung accounts. */
  narahubung: string[];
}

/**
 * The Renaksi of one unit of the period: the plan's indicators on which the unit is below target, each with the
 * activities for its current level and its target level per plan year, the team's notes, its head and its narahubung.
 * 404 for a unit that is not an active unit of the period (of a final plan: that was not one when it was signed).
 * The levels and notes come from planBasis (a final plan: as signed); the head and the narahubung are the unit's
 * current ones, since they are whom the unit answers through now.
 */
export function unitPlan(deps: RenaksiDeps, periodId: number, unitId: number): UnitPlan {
  const basis = planBasis(deps, periodId);
  const unit = basis.units.find((u) => u.unitId === unitId);
  const stored = deps.units.findById(unitId);
  if (!unit || !stored) throw notFound('Unit');
  return {
    period: basis.period,
    plan: basis.plan,
    years: basis.years,
    signed: basis.signed,
    unit: { id: unit.unitId, code: stored.code, name: unit.name, group: unit.group, submitted: unit.submitted },
    head: { title: unitHeadTitle(stored), name: stored.headName, nip: stored.headNip },
    items: unitPlanItems(unit, planIndicators(basis), basis.years),
    notes: basis.notes.filter((n) => n.unitId === unitId),
    narahubung: deps.renaksiUnitNotes.narahubungNames(unitId),
  };
}
