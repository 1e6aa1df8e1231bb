import { assertDraft, planYears, type RenaksiService, type SignedDocument } from '../renaksi';
import type { PeriodScores, ScoringService } from '../scoring';
import type { SettingsRepo } from '../shared/settings.repo';
import { fixedSettings } from '../shared/document-settings';
import type { KabupatenService } from '../kabupaten';
import type { ConditionLine, PlanSummary } from './narrative-model';

/**
 * What the narrative reads from the other modules, each in one small function: the scores, the plan's Lampiran I
 * rows, the kabupaten checklist, what a final plan was signed with, and the plan to store texts on. Nothing else in
 * this folder reaches outside it.
 */
export interface NarrativeSources {
  scoring: ScoringService;
  renaksi: RenaksiService;
  kabupaten: Pick<KabupatenService, 'conditionRecords'>;
}

/**
 * The period's scores on the verified basis (the level the verifikator set, else the unit's own), as the workbook: for
 * a final plan as they were when it was signed (stored with its newest version, so a later verification or a unit
 * formed since changes no figure of the signed narrative); for a draft, and a version stored before migration 021, now.
 */
export function periodScores(deps: NarrativeSources, periodId: number): PeriodScores {
  return deps.renaksi.signedScores(periodId) ?? deps.scoring.computePeriodScores(periodId, 'verified');
}

/** The plan's Lampiran I rows grouped under their sasaran and numbered exactly as the workbook numbers them. */
export function readPlanSummary(deps: NarrativeSources, periodId: number): PlanSummary {
  const plan = deps.renaksi.planOrDefault(periodId);
  return {
    status: deps.renaksi.findPlan(periodId)?.status ?? null,
    years: planYears(plan.startYear, plan.endYear),
    groups: deps.renaksi.lampiranGroups(periodId).map((g) => ({
      number: g.number,
      aspectCode: g.aspectCode,
      rows: g.rows.map(({ row, no }) => ({ no, indicatorCode: row.indicatorCode, responsible: row.responsible })),
    })),
  };
}

/**
 * What a final plan was signed with beside its scores (the kabupaten conditions and the document settings stored with
 * its newest version); null for a draft, and for a version stored before migration 023 (then both are read now).
 */
export function readSignedDocument(deps: NarrativeSources, periodId: number): SignedDocument | null {
  return deps.renaksi.signedDocument(periodId);
}

/** The document settings the narrative prints: as signed for a final plan (see readSignedDocument), else the current. */
export function documentSettingsOf(settings: Pick<SettingsRepo, 'get'>, signed: SignedDocument | null): Pick<SettingsRepo, 'get'> {
  return signed ? fixedSettings(signed.settings) : settings;
}

/**
 * The kabupaten checklist ("kondisi tingkat kabupaten") of the period with the admin's answers and where each stands
 * with the verifikator, or null when its instrument has none (revision 1): the state is the verified answer's while
 * its decision is current, else the admin's. For a final plan, as it stood when the plan was signed (`signed`).
 */
export function readKabupatenConditions(deps: NarrativeSources, periodId: number, signed: SignedDocument | null): ConditionLine[] | null {
  const records = signed ? signed.conditions : deps.kabupaten.conditionRecords(periodId);
  return records && records.map((c) => ({
    code: c.code, title: c.title, answer: c.valueLabel ?? 'Belum diisi', state: c.stateLabel ?? '–', review: c.statusLabel,
  }));
}

/** The plan the texts are stored on (created with the default years on first save); 409 once it is final. */
export function planForEdit(deps: NarrativeSources, periodId: number): { id: number } {
  const plan = deps.renaksi.ensurePlan(periodId);
  assertDraft(plan);
  return plan;
}

/** The stored plan's id and status, or null before the period has one (the page then shows the defaults). */
export function findPlan(deps: NarrativeSources, periodId: number): { id: number; status: 'draf' | 'final' } | null {
  return deps.renaksi.findPlan(periodId) ?? null;
}
