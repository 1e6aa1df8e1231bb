import type { Instrument } from '../instrument';
import type { ConditionRecord } from '../kabupaten';
import { allDocumentSettings, type DocumentSettingKey } from '../shared/document-settings';
import type { Period } from '../periods';
import { planYears } from './renaksi-draft';
import type { MatrixUnit } from './renaksi-matrix';
import { aggregateScores, type PeriodScores, type UnitResult } from '../scoring';
import type { RenaksiPlan, RenaksiRow } from './renaksi.repo';
import type { UnitNote } from './renaksi-unit-notes.repo';
import type { StoredVersion } from './renaksi-versions.repo';
import { matrixUnits, planOrDefault, type RenaksiDeps } from './renaksi.service';

/**
 * What a final plan was signed with beside its rows (stored with each version since migration 021): every active
 * unit of the period as scored on the verified basis then (status, levels, aspect scores, index: what the workbook's
 * Lampiran II and recap sheets printed) and the team's notes per unit. Lampiran II, each unit's own Renaksi, the
 * narrative's kondisi awal, monitoring and progress read these for a final plan, so a verification changed (or a unit
 * added) after signing changes none of them.
 */
export interface SignedUnits {
  units: UnitResult[];
  notes: UnitNote[];
}

/** The units and notes of the plan as they stand now: what finalising stores (as JSON) with the version. */
export function currentUnits(deps: RenaksiDeps, periodId: number, planId: number): SignedUnits {
  return { units: deps.scoring.computePeriodScores(periodId, 'verified').units, notes: deps.renaksiUnitNotes.listNotes(planId) };
}

/**
 * What the narrative document of a final plan prints beside its rows and units (stored with each version since
 * migration 023): the kabupaten conditions as they stood (Tabel 2.4; null when the period's instrument has no
 * checklist) and the document settings (cover, signature block, paper). Answering or verifying the checklist, or
 * changing the settings, after signing changes no signed narrative.
 */
export interface SignedDocument {
  conditions: ConditionRecord[] | null;
  settings: Record<DocumentSettingKey, string>;
}

/** The stored form of a SignedDocument: the version's `kabupaten_json` and `settings_json`. */
export interface DocumentJson {
  kabupatenJson: string;
  settingsJson: string;
}

/** The kabupaten conditions and the document settings as they stand now: what finalising stores with the version. */
export function currentDocument(deps: RenaksiDeps, periodId: number): DocumentJson {
  return {
    kabupatenJson: JSON.stringify({ conditions: deps.kabupaten.conditionRecords(periodId) }),
    settingsJson: JSON.stringify(allDocumentSettings(deps.settings)),
  };
}

/**
 * The conditions and settings a final plan was signed with (its newest version), or null for a draft (also one
 * reopened after signing), without a plan, or for a version finalised before migration 023 (then the narrative reads
 * the current answers and settings, the only data there is).
 */
export function signedDocument(deps: RenaksiDeps, periodId: number): SignedDocument | null {
  const plan = deps.renaksi.findPlan(periodId);
  const v = plan?.status === 'final' ? deps.renaksiVersions.latestVersionRows(plan.id) : undefined;
  if (!v || v.kabupatenJson === null || v.settingsJson === null) return null;
  return {
    conditions: (JSON.parse(v.kabupatenJson) as { conditions: ConditionRecord[] | null }).conditions,
    settings: JSON.parse(v.settingsJson) as Record<DocumentSettingKey, string>,
  };
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
 * The period's scores as a final plan was signed with them (its newest version's units, the kabupaten figures
 * recomputed from them), or null for a draft, without a plan, or for a version stored before migration 021 (then
 * the current scores are all there is). What the narrative's kondisi awal reads for a final plan.
 */
export function signedScores(deps: RenaksiDeps, periodId: number): PeriodScores | null {
  const plan = deps.renaksi.findPlan(periodId);
  const signed = plan ? signedBasis(deps, plan) : null;
  if (!signed) return null;
  const scores = unitScores(deps, periodId, signed.units.units);
  return { ...scores, basis: 'verified', aggregate: aggregateScores(scores.instrument, scores.units) };
}

/** A period's verified scores per unit without the kabupaten figures: what the progress against a plan reads. */
export type SignedUnitScores = Pick<PeriodScores, 'period' | 'instrument' | 'units'>;

/** The period with units a final version stored. */
function unitScores(deps: RenaksiDeps, periodId: number, units: UnitResult[]): SignedUnitScores {
  const { period, instrument } = deps.periods.loadPeriod(periodId);
  return { period, instrument, units };
}

/**
 * The scores per unit a final plan (finalPlan: its period's newest final version, also while reopened) was signed
 * with, as signedScores gives them without the kabupaten figures; null for a version finalised before the units were
 * stored (migration 021). Where the progress against the plan starts.
 */
export function finalPlanScores(deps: RenaksiDeps, plan: { periodId: number; units: UnitResult[] | null }): SignedUnitScores | null {
  return plan.units ? unitScores(deps, plan.periodId, plan.units) : null;
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
      period, instrument, plan, years: planYears(signed.v.startYear, signed.v.endYear), rows: versionRows(signed.v),
      units: matrixUnits(signed.units), notes: signed.units.notes,
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
