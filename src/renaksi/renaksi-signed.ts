import type { Instrument } from '../instrument';
import type { Period } from '../periods';
import { planYears } from './renaksi-draft';
import type { MatrixUnit } from './renaksi-matrix';
import type { RenaksiPlan, RenaksiRow } from './renaksi.repo';
import type { UnitNote } from './renaksi-unit-notes.repo';
import type { StoredVersion } from './renaksi-versions.repo';
import { matrixUnits, planOrDefault, type RenaksiDeps } from './renaksi.service';

/**
 * What a final plan was signed with beside its rows (stored with each version since migration 021): every active
 * unit of the period with the levels the plan counted (MatrixUnit) and the team's notes per unit. Lampiran II, each
 * unit's own Renaksi, monitoring and progress read these for a final plan, so a verification changed after signing
 * changes none of them.
 */
export interface SignedUnits {
  units: MatrixUnit[];
  notes: UnitNote[];
}

/** The units and notes of the plan as they stand now: what finalising stores (as JSON) with the version. */
export function currentUnits(deps: RenaksiDeps, periodId: number, planId: number): SignedUnits {
  return { units: matrixUnits(deps.scoring.computePeriodScores(periodId, 'verified')), notes: deps.renaksiUnitNotes.listNotes(planId) };
}

/** A version's live rows (rows deleted before it was finalised are kept in its JSON, marked, and left out here). */
export function versionRows(v: StoredVersion): RenaksiRow[] {
  return (JSON.parse(v.rowsJson) as RenaksiRow[]).filter((r) => r.deletedAt === null);
}

/** A version's stored units, or null for a version finalised before they were stored (migration 021). */
export function versionUnits(v: StoredVersion): SignedUnits | null {
  return v.unitsJson === null ? null : (JSON.parse(v.unitsJson) as SignedUnits);
}

/**
 * Where the documents derived from the plan take their data: a final plan's newest version (`signed` set), or, for a
 * draft, the current rows, levels and notes. Lampiran II and each unit's Renaksi are built from this.
 */
export interface PlanBasis {
  period: Period;
  instrument: Instrument;
  plan: RenaksiPlan;
  years: number[];
  rows: RenaksiRow[];
  units: MatrixUnit[];
  notes: UnitNote[];
  /** The final version the data comes from; null when it is computed now. */
  signed: { versionNo: number; finalizedAt: string } | null;
}

/** The newest final version of a final plan, read back; null for a draft or when there is none. */
function signedBasis(deps: RenaksiDeps, plan: RenaksiPlan): { v: StoredVersion; units: SignedUnits } | null {
  if (plan.status !== 'final') return null;
  const v = deps.renaksiVersions.latestVersionRows(plan.id);
  const units = v ? versionUnits(v) : null;
  return v && units ? { v, units } : null;
}

/**
 * The plan's basis (see PlanBasis). A final plan reads its newest version; a draft (also one reopened after signing)
 * computes from the current verified levels. NOTE: a version finalised before migration 021 stored no units, so a
 * final plan whose newest version is such a one falls back to the current levels, as every document did before.
 */
export function planBasis(deps: RenaksiDeps, periodId: number): PlanBasis {
  const plan = planOrDefault(deps, periodId);
  const signed = signedBasis(deps, plan);
  if (signed) {
    const { period, instrument } = deps.periods.loadPeriod(periodId);
    return {
      period, instrument, plan, years: planYears(signed.v.startYear, signed.v.endYear), rows: versionRows(signed.v), ...signed.units,
      signed: { versionNo: signed.v.versionNo, finalizedAt: signed.v.finalizedAt },
    };
  }
  const scores = deps.scoring.computePeriodScores(periodId, 'verified');
  return {
    period: scores.period, instrument: scores.instrument, plan, years: planYears(plan.startYear, plan.endYear),
    rows: plan.id === 0 ? [] : deps.renaksi.listRows(plan.id), units: matrixUnits(scores),
    notes: plan.id === 0 ? [] : deps.renaksiUnitNotes.listNotes(plan.id), signed: null,
  };
}
