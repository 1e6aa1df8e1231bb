import type { Db } from '../db/database';
import type { AuditService } from '../audit';
import type { EvidenceService } from '../evidence';
import type { PeriodsService } from '../periods';
import type { ProgressService } from '../progress';
import { unitPlanItems, type MapIndicator, type RenaksiPlan, type RenaksiService, type UnitPlan } from '../renaksi';
import type { Unit, UnitsService } from '../units';
import { coordinatorMatcher, matchCoordinator } from './monitoring-calc';
import { AppError } from '../errors/app-error';
import { buildProgress, type Coordinator, type MonevProgress, type ProgressInput } from './monitoring-progress';
import type { MonevEvidence, MonitoringRepo } from './monitoring.repo';

/** What the monitoring module is given: its repositories and the services of the modules it reads. */
export interface MonitoringDeps {
  db: Db;
  monitoring: MonitoringRepo;
  renaksi: Pick<RenaksiService, 'findPlan' | 'lampiranGroups' | 'targetMap' | 'unitPlan'>;
  periods: Pick<PeriodsService, 'loadPeriod'>;
  progress: Pick<ProgressService, 'planCovering'>;
  units: Pick<UnitsService, 'listActive' | 'findById'>;
  evidence: Pick<EvidenceService, 'writeEvidenceFiles' | 'evidenceFile'>;
  audit: AuditService;
  /** The reporting units of the final plan read last (see reportingUnits); one per module, so per database. */
  signedUnits: SignedUnitsMemo;
}

/**
 * The reporting units of a final plan, read from its newest version (which no later change alters) and kept until
 * the plan changes (reopened, finalised again: its updated_at moves): reading a country's Lampiran II from the
 * version (30.039 units) took most of each monev page's time. Codes are not kept: they are read live. With each unit
 * the level it starts each of its indicators from (`levels`, in the order of `indicators`), and the plan's indicators
 * and years: what a unit's page shows of its indicators (unitPart), without reading the version again.
 */
export interface SignedUnitsMemo {
  entry: { key: string; units: KeptUnit[]; indicators: MapIndicator[]; years: number[] } | null;
}
type KeptUnit = Omit<ReportingUnit, 'code'> & { levels: number[] };

/**
 * The coordinating unit of each row: the one the admin named, else the perangkat daerah its penanggung jawab text
 * names (matchCoordinator); rows with neither are left out (Diskominfo reports them).
 */
export function rowCoordinators(
  deps: MonitoringDeps, plan: RenaksiPlan, rows: { id: number; responsible: string }[], active: Unit[] = deps.units.listActive(),
): Map<number, Coordinator> {
  const byId = new Map(active.map((u) => [u.id, u]));
  const matcher = coordinatorMatcher(active.filter((u) => u.group === 'pd'));
  const named = deps.monitoring.coordinatorOverrides(plan.id);
  // NOTE: rows share a few penanggung jawab texts, and matching one reads every perangkat daerah's words: once per text.
  const matched = new Map<string, Unit | null>();
  const match = (text: string): Unit | null => {
    if (!matched.has(text)) matched.set(text, matcher(text));
    return matched.get(text) ?? null;
  };
  const out = new Map<number, Coordinator>();
  for (const row of rows) {
    const isNamed = named.has(row.id);
    const chosen: Unit | null | undefined = isNamed ? byId.get(named.get(row.id) as number) : match(row.responsible);
    if (chosen) out.set(row.id, { unitId: chosen.id, name: chosen.name, named: isNamed });
  }
  return out;
}

/**
 * Every unit of the plan (official order) with its Lampiran II indicators (those below target) and the level it starts
 * each from, read from the target map, with the plan's indicators and years.
 */
function mappedUnits(deps: MonitoringDeps, periodId: number): { units: (ReportingUnit & { levels: number[] })[]; signed: boolean; indicators: MapIndicator[]; years: number[] } {
  const map = deps.renaksi.targetMap(periodId);
  const units = map.units.map((u) => {
    const gaps = Object.entries(u.cells).flatMap(([code, c]) => (c.kind === 'gap' ? [{ code, from: c.from }] : []));
    return { unitId: u.unitId, code: u.code, name: u.name, group: u.group, indicators: gaps.map((g) => g.code), levels: gaps.map((g) => g.from) };
  });
  return { units, signed: map.signed !== null, indicators: map.indicators, years: map.years };
}

/**
 * Every unit of the plan (official order) with its Lampiran II indicators: those below target. A final plan's come
 * from its signed version, kept in `deps.signedUnits` while the plan is unchanged, with each unit's code read now
 * (`active`; a unit deactivated since signing is looked up alone).
 */
function reportingUnits(deps: MonitoringDeps, plan: RenaksiPlan, active: Unit[]): ReportingUnit[] {
  const key = memoKey(plan);
  const kept = deps.signedUnits.entry;
  if (plan.status !== 'final' || kept?.key !== key) {
    const { units, signed, indicators, years } = mappedUnits(deps, plan.periodId);
    deps.signedUnits.entry = plan.status === 'final' && signed ? { key, units: units.map(({ code: _code, ...u }) => u), indicators, years } : null;
    return units.map(({ levels: _levels, ...u }) => u);
  }
  const codes = new Map(active.map((u) => [u.id, u.code]));
  return kept.units.map(({ levels: _levels, ...u }) => ({ ...u, code: codes.get(u.unitId) ?? deps.units.findById(u.unitId)?.code ?? '' }));
}
type ReportingUnit = ProgressInput['units'][number];

/** What deps.signedUnits is kept under: the plan as it stands (finalising or reopening moves its updated_at). */
const memoKey = (plan: RenaksiPlan): string => `${plan.id}:${plan.status}:${plan.updatedAt}`;

/** One unit's own part of the plan: the unit as reportingUnits gives it, and its own plan's items (its page shows them). */
export interface UnitPart {
  unit: ReportingUnit;
  items: UnitPlan['items'];
}

/**
 * One unit's part: from the units kept for the plan when they are (deps.signedUnits; its items built from its kept
 * starting levels as its own plan builds them), else read from its own plan alone (its own plan's items are exactly
 * its Lampiran II gap cells, in the same order): the signed version is read at most once. Null for a unit that was not
 * in the plan's period. `stored`: the unit as it is now (its code).
 */
function unitPart(deps: MonitoringDeps, plan: RenaksiPlan, unitId: number, stored: Unit | undefined): UnitPart | null {
  const kept = deps.signedUnits.entry;
  if (kept?.key === memoKey(plan)) {
    const found = kept.units.find((u) => u.unitId === unitId);
    if (!found) return null;
    const { levels, ...unit } = found;
    // NOTE: a kept level is where the unit starts (0 when it did not submit), so as a submitted unit's it gives the same items.
    const own = { ...unit, submitted: true, levels: Object.fromEntries(unit.indicators.map((code, i) => [code, levels[i] as number])) };
    const items = unitPlanItems(own, kept.indicators.filter((i) => unit.indicators.includes(i.code)), kept.years);
    return { unit: { ...unit, code: stored?.code ?? '' }, items };
  }
  try {
    const { unit, items } = deps.renaksi.unitPlan(plan.periodId, unitId);
    return { unit: { unitId: unit.id, code: unit.code, name: unit.name, group: unit.group, indicators: items.map((i) => i.code) }, items };
  } catch (err) {
    if (err instanceof AppError && err.status === 404) return null;
    throw err;
  }
}

/**
 * The rows `unit` coordinates, as rowCoordinators finds them (the others left out: a unit's own pages show only its
 * rows), without reading every unit when it can: a row the admin named it for, and a penanggung jawab text only when
 * the text names the unit on its own (matchCoordinator); only then are the other perangkat daerah read, to see
 * whether one matches it better. None for a unit that is not active.
 */
function unitCoordinators(deps: MonitoringDeps, plan: RenaksiPlan, rows: { id: number; responsible: string }[], unit: Unit | undefined): Map<number, Coordinator> {
  if (!unit?.active) return new Map();
  const named = deps.monitoring.coordinatorOverrides(plan.id);
  const mayMatch = unit.group === 'pd' && rows.some((r) => !named.has(r.id) && matchCoordinator(r.responsible, [unit]) !== null);
  const all = mayMatch
    ? rowCoordinators(deps, plan, rows)
    : new Map(rows.filter((r) => named.get(r.id) === unit.id).map((r) => [r.id, { unitId: unit.id, name: unit.name, named: true }]));
  return new Map([...all].filter(([, c]) => c.unitId === unit.id));
}

/**
 * Whose parts a progress covers: every reporting unit's, one unit's (a narahubung's overview, every row with its
 * coordinator), one unit's for its own page and reports (`ownRows`: a row has its coordinator only when it is that
 * unit, so no other unit is read; unitCoordinators), or none (a row's page).
 */
export type UnitScope = 'all' | 'none' | { unitId: number; ownRows?: boolean };

/**
 * The monev of the period's Renaksi (see MonevProgress in monitoring-progress.ts): per Lampiran I row and semester
 * the year's output target, realisasi, capaian, status and review state; per aspect and semester the share of rows on
 * schedule; per reporting unit and semester whether it has reported. A period without a plan gives no rows and no
 * semesters; a plan that is not final gives what was reported with `monitored: false`. 404 for an unknown period.
 * Writes nothing.
 */
export function progress(deps: MonitoringDeps, periodId: number, now: Date = new Date()): MonevProgress {
  return scopedProgress(deps, periodId, 'all', now);
}

/**
 * progress() with `units` limited to `scope`: a page about one unit (or one row) reads only that unit's reports and
 * plan instead of every unit's. Rows, aspects and semesters are the same as progress() gives (with `ownRows`, a row
 * has its coordinator only when it is the unit).
 */
export function scopedProgress(deps: MonitoringDeps, periodId: number, scope: UnitScope, now: Date = new Date()): MonevProgress {
  return progressWithPart(deps, periodId, scope, now).p;
}

/** scopedProgress, and in a unit's scope that unit's part (null otherwise, and for a unit without one): what its page lists. */
export function progressWithPart(deps: MonitoringDeps, periodId: number, scope: UnitScope, now: Date = new Date()): { p: MonevProgress; part: UnitPart | null } {
  const { period } = deps.periods.loadPeriod(periodId);
  const plan = deps.renaksi.findPlan(periodId);
  const groups = plan ? deps.renaksi.lampiranGroups(periodId) : [];
  const rows = groups.flatMap((g) => g.rows.map((r) => r.row));
  const unitId = typeof scope === 'object' ? scope.unitId : null;
  const { units, coordinators, part } = plan ? unitInputs(deps, plan, rows, scope) : { units: [], coordinators: new Map<number, Coordinator>(), part: null };
  const p = buildProgress({
    period: { id: period.id, name: period.name, year: period.year },
    plan: plan ? { id: plan.id, status: plan.status, startYear: plan.startYear, endYear: plan.endYear } : null,
    groups,
    coordinators,
    rowReports: plan ? deps.monitoring.listRowReports(plan.id) : [],
    unitReports: plan && scope !== 'none' ? deps.monitoring.listUnitReportStates(plan.id, unitId) : [],
    windows: plan ? deps.monitoring.listWindows(plan.id) : [],
    evidenceCounts: plan ? deps.monitoring.evidenceCounts(plan.id, scope === 'none' ? -1 : unitId) : new Map(),
    units,
    now,
  });
  return { p, part };
}

/**
 * The units a progress in `scope` covers, the rows' coordinators, and a unit's part: every active unit is read, except
 * in a unit's scope with `ownRows` (only the unit itself, unless a penanggung jawab text names it; unitCoordinators).
 */
function unitInputs(
  deps: MonitoringDeps, plan: RenaksiPlan, rows: { id: number; responsible: string }[], scope: UnitScope,
): { units: ReportingUnit[]; coordinators: Map<number, Coordinator>; part: UnitPart | null } {
  if (typeof scope === 'object') {
    const stored = deps.units.findById(scope.unitId);
    const part = unitPart(deps, plan, scope.unitId, stored);
    const coordinators = scope.ownRows ? unitCoordinators(deps, plan, rows, stored) : rowCoordinators(deps, plan, rows);
    return { units: part ? [part.unit] : [], coordinators, part };
  }
  const active = deps.units.listActive();
  return { units: scope === 'none' ? [] : reportingUnits(deps, plan, active), coordinators: rowCoordinators(deps, plan, rows, active), part: null };
}

/**
 * The evidence (not deleted) of every Lampiran I row report of the period's plan, oldest first: what the monev
 * workbook lists under Bukti Dukung. None without a plan. Writes nothing.
 */
export function rowEvidence(deps: MonitoringDeps, periodId: number): MonevEvidence[] {
  const plan = deps.renaksi.findPlan(periodId);
  return plan ? deps.monitoring.listRowEvidence(plan.id) : [];
}

/**
 * The final Renaksi of an earlier period whose plan years cover `periodId`'s year (a 2023 period is monitored under
 * the 2022 period's 2022–2024), as the progress module finds it; null when none.
 */
export function coveringPlan(deps: MonitoringDeps, periodId: number): { periodId: number; periodName: string; startYear: number; endYear: number } | null {
  const found = deps.progress.planCovering(deps.periods.loadPeriod(periodId).period.year);
  if (!found) return null;
  const years = found.plan.years;
  return { periodId: found.planPeriod.id, periodName: found.planPeriod.name, startYear: years[0] ?? 0, endYear: years[years.length - 1] ?? 0 };
}
