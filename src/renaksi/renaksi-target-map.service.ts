import { notFound } from '../errors/app-error';
import type { Period } from '../periods';
import { unitHeadTitle, type UnitGroup } from '../units';
import type { PeriodScores } from '../scoring';
import { planYears } from './renaksi-draft';
import { groupPlanRows } from './renaksi-layout';
import type { RenaksiPlan } from './renaksi.repo';
import type { PlanIndicatorSource } from './renaksi-row-text';
import { targetMapRows, unitPlanItems, type MapIndicator, type TargetMapRow, type UnitPlanItem } from './renaksi-target-map';
import type { UnitNote } from './renaksi-unit-notes.repo';
import { matrixUnits, planOrDefault, type RenaksiDeps } from './renaksi.service';

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
  indicators: MapIndicator[];
  units: TargetMapUnit[];
  /** Notes on units no longer active in the period (kept, listed apart). */
  otherNotes: UnitNote[];
}

/** Indicators of the instrument by code, with their aspect. */
function indicatorsByCode(scores: PeriodScores): Map<string, MapIndicator> {
  return new Map(
    scores.instrument.aspects.flatMap((a) => a.indicators.map((i) => [i.code, { ...(i as PlanIndicatorSource), aspectCode: a.code }] as const)),
  );
}

/** The indicators of the plan's live rows in document order (each once); rows without an indicator add none. */
function planIndicators(deps: RenaksiDeps, scores: PeriodScores, plan: RenaksiPlan): MapIndicator[] {
  const byCode = indicatorsByCode(scores);
  const rows = plan.id === 0 ? [] : deps.renaksi.listRows(plan.id);
  const codes = groupPlanRows(scores.instrument.aspects, rows).flatMap((g) => g.rows.map((r) => r.row.indicatorCode));
  return [...new Set(codes)].flatMap((c) => (c && byCode.has(c) ? [byCode.get(c) as MapIndicator] : []));
}

/**
 * Lampiran II of the period's plan: every active unit in the official order (perangkat daerah, then kecamatan) with
 * its cell on each indicator of the plan ("1→3", blank at target, "–" N/A, marked when it did not submit) and its
 * notes. Writes nothing.
 */
export function targetMap(deps: RenaksiDeps, periodId: number): TargetMap {
  const scores = deps.scoring.computePeriodScores(periodId, 'verified');
  const plan = planOrDefault(deps, periodId);
  const years = planYears(plan.startYear, plan.endYear);
  const indicators = planIndicators(deps, scores, plan);
  const notes = plan.id === 0 ? [] : deps.renaksiUnitNotes.listNotes(plan.id);
  const units = new Map(deps.units.listUnits().map((u) => [u.id, u]));
  const rows = targetMapRows(matrixUnits(scores), indicators.map((i) => ({ code: i.code, aspectCode: i.aspectCode, aspectWeight: 0, target: i.target })), years.length);
  const active = new Set(rows.map((r) => r.unitId));
  return {
    period: scores.period,
    plan,
    years,
    indicators,
    units: rows.map((r) => ({
      ...r, code: units.get(r.unitId)?.code ?? '', abbreviation: units.get(r.unitId)?.abbreviation ?? '', notes: notes.filter((n) => n.unitId === r.unitId),
    })),
    otherNotes: notes.filter((n) => !active.has(n.unitId)),
  };
}

/** One unit's own Renaksi (SPEC.md): its gap indicators, activities for its level, yearly target levels. */
export interface UnitPlan {
  period: Period;
  plan: RenaksiPlan;
  years: number[];
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
 * 404 for a unit that is not an active unit of the period.
 */
export function unitPlan(deps: RenaksiDeps, periodId: number, unitId: number): UnitPlan {
  const scores = deps.scoring.computePeriodScores(periodId, 'verified');
  const unit = matrixUnits(scores).find((u) => u.unitId === unitId);
  const stored = deps.units.findById(unitId);
  if (!unit || !stored) throw notFound('Unit');
  const plan = planOrDefault(deps, periodId);
  const years = planYears(plan.startYear, plan.endYear);
  return {
    period: scores.period,
    plan,
    years,
    unit: { id: unit.unitId, code: stored.code, name: unit.name, group: unit.group, submitted: unit.submitted },
    head: { title: unitHeadTitle(stored), name: stored.headName, nip: stored.headNip },
    items: unitPlanItems(unit, planIndicators(deps, scores, plan), years),
    notes: plan.id === 0 ? [] : deps.renaksiUnitNotes.listNotes(plan.id).filter((n) => n.unitId === unitId),
    narahubung: deps.renaksiUnitNotes.narahubungNames(unitId),
  };
}
