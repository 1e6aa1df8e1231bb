import type { Instrument } from '../instrument';
import type { Period } from '../periods';
import { NOTES_LABEL, planYears, RENAKSI_FIELD_LABELS, RENAKSI_TEXT_FIELDS } from './renaksi-draft';
import { evidenceLookup, type RowEvidence } from './renaksi-evidence';
import { groupPlanRows, type PlanGroup } from './renaksi-layout';
import type { PlanFilter } from './renaksi.schemas';
import type { RenaksiPlan, RenaksiRow } from './renaksi.repo';
import type { RenaksiVersion } from './renaksi-versions.repo';
import { DEFAULT_PLAN_YEARS, draftRoster, draftUnits, kabupatenRoster, type RenaksiDeps } from './renaksi.service';

export interface PlanRowView {
  row: RenaksiRow;
  no: string;
  evidence: RowEvidence | null;
  /** Added by the latest regeneration (not on the first drafting). */
  isNew: boolean;
  editedLabels: string[];
}

export interface PlanPage {
  period: Period;
  instrument: Instrument;
  plan: RenaksiPlan | undefined;
  years: number[];
  groups: PlanGroup<PlanRowView>[];
  shownCount: number;
  counts: { total: number; closed: number; priority: number; edited: number; manual: number; fresh: number };
  deleted: (RenaksiRow & { no: string })[];
  versions: RenaksiVersion[];
}

function matches(v: PlanRowView, f: PlanFilter): boolean {
  if (f.aspek && v.row.aspectCode !== f.aspek) return false;
  if (f.cakupan && v.row.scope !== f.cakupan) return false;
  switch (f.tampil) {
    case 'terbuka': return v.row.gapOpen;
    case 'tertutup': return !v.row.gapOpen;
    case 'prioritas': return v.row.isPriority;
    case 'disunting': return v.row.editedFields.length > 0;
    case 'baru': return v.isNew;
    default: return true;
  }
}

/**
 * Everything the plan page shows: rows grouped and numbered exactly as in the workbook, each with its evidence from
 * the current scores (which units, which levels, which indicator), the regeneration marks, deleted rows and versions.
 */
export function planPage(deps: RenaksiDeps, periodId: number, filter: PlanFilter): PlanPage {
  const scores = deps.scoring.computePeriodScores(periodId, 'verified');
  const { period, instrument } = scores;
  const plan = deps.renaksi.findPlan(periodId);
  const rows = plan ? deps.renaksi.listRows(plan.id) : [];
  const evidence = evidenceLookup(instrument, draftUnits(scores), kabupatenRoster(draftRoster(scores)));
  const regenerated = plan?.generatedAt ? rows.some((r) => r.createdAt !== null && r.createdAt < (plan.generatedAt as string)) : false;
  const views: PlanRowView[] = rows.map((row) => ({
    row,
    no: '',
    evidence: evidence(row),
    isNew: regenerated && row.createdAt === plan?.generatedAt,
    editedLabels: row.editedFields.map((f) => RENAKSI_FIELD_LABELS[f] ?? f),
  }));
  const grouped = groupPlanRows(instrument.aspects, views.map((v) => ({ ...v, aspectCode: v.row.aspectCode })));
  const groups = grouped
    .map((g) => ({ ...g, rows: g.rows.map(({ row, no }) => ({ row: { ...row, no }, no })).filter(({ row }) => matches(row, filter)) }))
    .filter((g) => g.rows.length > 0);
  const deleted = plan ? deps.renaksi.listDeletedRows(plan.id).map((r) => ({ ...r, no: '' })) : [];
  return {
    period,
    instrument,
    plan,
    years: plan ? planYears(plan.startYear, plan.endYear) : planYears(DEFAULT_PLAN_YEARS.start, DEFAULT_PLAN_YEARS.end),
    groups,
    shownCount: groups.reduce((s, g) => s + g.rows.length, 0),
    counts: {
      total: rows.length,
      closed: rows.filter((r) => !r.gapOpen).length,
      priority: rows.filter((r) => r.isPriority).length,
      edited: rows.filter((r) => r.editedFields.length > 0).length,
      manual: rows.filter((r) => r.scope === 'manual').length,
      fresh: views.filter((v) => v.isNew).length,
    },
    deleted,
    versions: plan ? deps.renaksiVersions.listVersions(plan.id) : [],
  };
}

export interface RowPage {
  period: Period;
  instrument: Instrument;
  plan: RenaksiPlan;
  years: number[];
  row: RenaksiRow;
  no: string;
  evidence: RowEvidence | null;
  /** Every active unit of the period: the most a yearly target of a row without counts may count. */
  unitTotal: number;
}

/** One row with its number in the document and its evidence, for the edit form. */
export function rowPage(deps: RenaksiDeps, periodId: number, plan: RenaksiPlan, row: RenaksiRow): RowPage {
  const scores = deps.scoring.computePeriodScores(periodId, 'verified');
  const groups = groupPlanRows(scores.instrument.aspects, deps.renaksi.listRows(plan.id));
  const no = groups.flatMap((g) => g.rows).find((r) => r.row.id === row.id)?.no ?? '';
  return {
    period: scores.period,
    instrument: scores.instrument,
    plan,
    years: planYears(plan.startYear, plan.endYear),
    row,
    no,
    evidence: evidenceLookup(scores.instrument, draftUnits(scores), kabupatenRoster(draftRoster(scores)))(row),
    unitTotal: scores.units.length,
  };
}

/** The edit form's values from a stored row (field names as the form posts them). */
export function rowFormValues(row: RenaksiRow, years: number[]): Record<string, string> {
  const values: Record<string, string> = {
    isPriority: row.isPriority ? '1' : '', aspectCode: row.aspectCode, indicatorCode: row.indicatorCode ?? '', version: String(row.version),
    notes: row.notes,
  };
  for (const f of RENAKSI_TEXT_FIELDS) values[f] = row[f];
  for (const y of years) {
    values[`target_${y}`] = row.targets[String(y)] === undefined ? '' : String(row.targets[String(y)]);
    values[`output_${y}`] = row.outputTargets[String(y)] ?? '';
  }
  return values;
}

export interface ConflictField {
  label: string;
  mine: string;
  stored: string;
}

/** After a stale edit: every field where what the person typed differs from what is stored now. */
export function conflictComparison(current: RenaksiRow, body: Record<string, unknown>, years: number[]): ConflictField[] {
  const stored = rowFormValues(current, years);
  const text = (v: unknown) => (typeof v === 'string' ? v.replace(/\r\n?/g, '\n').trim() : '');
  const out: ConflictField[] = [];
  const perYear = (prefix: string, label: string) => {
    const show = (get: (y: number) => string) => years.map((y) => `${y}: ${get(y) || '–'}`).join(', ');
    const mine = show((y) => text(body[`${prefix}${y}`]));
    const theirs = show((y) => stored[`${prefix}${y}`] ?? '');
    if (mine !== theirs) out.push({ label, mine, stored: theirs });
  };
  for (const field of RENAKSI_TEXT_FIELDS) {
    if (text(body[field]) !== (stored[field] ?? '')) out.push({ label: RENAKSI_FIELD_LABELS[field], mine: text(body[field]), stored: stored[field] ?? '' });
  }
  perYear('target_', RENAKSI_FIELD_LABELS.targets);
  perYear('output_', RENAKSI_FIELD_LABELS.outputTargets);
  if (text(body.notes) !== stored.notes) out.push({ label: NOTES_LABEL, mine: text(body.notes), stored: stored.notes ?? '' });
  const flag = (v: unknown) => (v === '1' || v === 'on' ? 'ya' : 'tidak');
  if (flag(body.isPriority) !== flag(stored.isPriority)) out.push({ label: 'Prioritas', mine: flag(body.isPriority), stored: flag(stored.isPriority) });
  return out;
}
