import { notFound } from '../errors/app-error';
import type { Instrument } from '../instrument';
import type { Period } from '../periods';
import { NOTES_LABEL, planYears, RENAKSI_FIELD_LABELS, RENAKSI_TEXT_FIELDS } from './renaksi-draft';
import { evidenceLookup, type RowEvidence } from './renaksi-evidence';
import { groupPlanRows, type PlanGroup } from './renaksi-layout';
import type { PlanFilter } from './renaksi.schemas';
import { filterQuery, shownRows, type AspectTab } from './renaksi-plan-view';
import type { RenaksiPlan, RenaksiRow } from './renaksi.repo';
import type { RenaksiVersion } from './renaksi-versions.repo';
import { DEFAULT_PLAN_YEARS, draftRoster, draftUnits, kabupatenRoster, type RenaksiDeps } from './renaksi.service';

export interface PlanRowView {
  row: RenaksiRow;
  no: string;
  /** Added by the latest regeneration (not on the first drafting). */
  isNew: boolean;
  editedLabels: string[];
}

export interface PlanPage {
  period: Period;
  instrument: Instrument;
  plan: RenaksiPlan | undefined;
  years: number[];
  /** One link per aspect with rows (sasaran I, II, …). */
  tabs: AspectTab[];
  /** The aspect shown; null: a filter across every aspect. */
  aspect: string | null;
  groups: PlanGroup<PlanRowView>[];
  shownCount: number;
  matchCount: number;
  page: number;
  pages: number;
  /** Indicator code → title. */
  titles: Record<string, string>;
  /** The filter as a query string, carried by every form so a save comes back to the same view. */
  back: string;
  /** uncounted: drafted rows without unit counts (carried over from the old shape until the next drafting). */
  counts: { total: number; closed: number; priority: number; edited: number; manual: number; fresh: number; uncounted: number };
  deleted: (RenaksiRow & { no: string })[];
  versions: RenaksiVersion[];
}

/** Whether a row came with the latest regeneration (not with the first drafting). */
function isFresh(plan: RenaksiPlan | undefined, rows: RenaksiRow[]): (row: RenaksiRow) => boolean {
  const generatedAt = plan?.generatedAt ?? null;
  const regenerated = generatedAt !== null && rows.some((r) => r.createdAt !== null && r.createdAt < generatedAt);
  return (row) => regenerated && row.createdAt === generatedAt;
}

const editedLabels = (row: RenaksiRow): string[] => row.editedFields.map((f) => RENAKSI_FIELD_LABELS[f] ?? f);

/** Indicator code → title, for row headings. */
export function indicatorTitles(instrument: Instrument): Record<string, string> {
  return Object.fromEntries(instrument.aspects.flatMap((a) => a.indicators).map((i) => [i.code, i.title]));
}

/**
 * The plan editor: one aspect (or one filter across the aspects) at a time, rows numbered exactly as in the
 * workbook, with the regeneration marks, the counts of the whole plan, deleted rows and final versions. Reads only.
 */
export function planPage(deps: RenaksiDeps, periodId: number, filter: PlanFilter): PlanPage {
  const { period, instrument } = deps.periods.loadPeriod(periodId);
  const plan = deps.renaksi.findPlan(periodId);
  const rows = plan ? deps.renaksi.listRows(plan.id) : [];
  const fresh = isFresh(plan, rows);
  const views: PlanRowView[] = rows.map((row) => ({ row, no: '', isNew: fresh(row), editedLabels: editedLabels(row) }));
  const numbered = groupPlanRows(instrument.aspects, views.map((v) => ({ ...v, aspectCode: v.row.aspectCode })))
    .map((g) => ({ ...g, rows: g.rows.map(({ row, no }) => ({ row: { ...row, no }, no })) }));
  const shown = shownRows(numbered, filter);
  const deleted = plan ? deps.renaksi.listDeletedRows(plan.id).map((r) => ({ ...r, no: '' })) : [];
  return {
    period,
    instrument,
    plan,
    years: plan ? planYears(plan.startYear, plan.endYear) : planYears(DEFAULT_PLAN_YEARS.start, DEFAULT_PLAN_YEARS.end),
    ...shown,
    titles: indicatorTitles(instrument),
    back: filterQuery({ ...filter, aspek: shown.aspect ?? undefined, hal: shown.page }),
    counts: {
      total: rows.length,
      closed: rows.filter((r) => !r.gapOpen).length,
      priority: rows.filter((r) => r.isPriority).length,
      edited: rows.filter((r) => r.editedFields.length > 0).length,
      manual: rows.filter((r) => r.scope === 'manual').length,
      fresh: views.filter((v) => v.isNew).length,
      uncounted: rows.filter((r) => r.scope === 'kabupaten' && r.counts === null).length,
    },
    deleted,
    versions: plan ? deps.renaksiVersions.listVersions(plan.id) : [],
  };
}

/** What the plan page's partial needs to show one row again after an in-place save. */
/** A row of the plan as a choice: its number and indicator. */
export interface RowChoice {
  id: number;
  no: string;
  code: string | null;
}

export interface RowView {
  view: PlanRowView;
  no: string;
  years: number[];
  titles: Record<string, string>;
  back: string;
}

/** One live row as the plan page shows it (numbered within the whole plan), for the in-place save's answer. */
export function rowView(deps: RenaksiDeps, periodId: number, rowId: number, back: string): RowView {
  const { instrument } = deps.periods.loadPeriod(periodId);
  const plan = deps.renaksi.findPlan(periodId) as RenaksiPlan;
  const rows = deps.renaksi.listRows(plan.id);
  const group = groupPlanRows(instrument.aspects, rows).find((g) => g.rows.some((r) => r.row.id === rowId));
  const item = group?.rows.find((r) => r.row.id === rowId);
  if (!group || !item) throw notFound('Baris Renaksi');
  return {
    view: { row: item.row, no: item.no, isNew: isFresh(plan, rows)(item.row), editedLabels: editedLabels(item.row) },
    no: item.no,
    years: planYears(plan.startYear, plan.endYear),
    titles: indicatorTitles(instrument),
    back,
  };
}

export interface RowPage {
  period: Period;
  instrument: Instrument;
  plan: RenaksiPlan;
  years: number[];
  row: RenaksiRow;
  no: string;
  /** The other live rows of its aspect (to merge into). */
  siblings: RowChoice[];
  evidence: RowEvidence | null;
  /** Every active unit of the period: the most a yearly target of a row without counts may count. */
  unitTotal: number;
}

/** One row with its number in the document and its evidence, for the edit form. */
export function rowPage(deps: RenaksiDeps, periodId: number, plan: RenaksiPlan, row: RenaksiRow): RowPage {
  const scores = deps.scoring.computePeriodScores(periodId, 'verified');
  const groups = groupPlanRows(scores.instrument.aspects, deps.renaksi.listRows(plan.id));
  const no = groups.flatMap((g) => g.rows).find((r) => r.row.id === row.id)?.no ?? '';
  const own = groups.find((g) => g.aspectCode === row.aspectCode)?.rows ?? [];
  return {
    period: scores.period,
    instrument: scores.instrument,
    plan,
    years: planYears(plan.startYear, plan.endYear),
    row,
    no,
    siblings: own.filter((r) => r.row.id !== row.id).map((r) => ({ id: r.row.id, no: r.no, code: r.row.indicatorCode })),
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
