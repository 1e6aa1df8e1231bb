import { assertDraft, planYears, type RenaksiService } from '../renaksi';
import type { PeriodScores, ScoringService } from '../scoring';
import type { KabupatenService } from '../kabupaten';
import type { ConditionLine, PlanSummary } from './narrative-model';

/**
 * What the narrative reads from the other modules, each in one small function: the scores, the plan's Lampiran I
 * rows, the kabupaten checklist, and the plan to store texts on. Nothing else in this folder reaches outside it.
 */
export interface NarrativeSources {
  scoring: ScoringService;
  renaksi: RenaksiService;
  kabupaten: Pick<KabupatenService, 'kabupatenConditions'>;
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
 * The kabupaten checklist ("kondisi tingkat kabupaten") of the period with the admin's answers and where each stands
 * with the verifikator, or null when its instrument has none (revision 1): the state is the verified answer's while
 * its decision is current, else the admin's.
 */
export function readKabupatenConditions(deps: NarrativeSources, periodId: number): ConditionLine[] | null {
  const k = deps.kabupaten.kabupatenConditions(periodId);
  return k && k.conditions.map((c) => ({
    code: c.item.code, title: c.item.title, answer: c.valueLabel ?? 'Belum diisi', state: c.stateLabel ?? '–', review: c.statusLabel,
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
