import type { Db } from '../db/database';
import type { AuditService } from '../audit';
import type { EvidenceService } from '../evidence';
import type { PeriodsService } from '../periods';
import type { ProgressService } from '../progress';
import type { RenaksiPlan, RenaksiService } from '../renaksi';
import type { Unit, UnitsService } from '../units';
import { matchCoordinator } from './monitoring-calc';
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
 * version (30.039 units) took most of each monev page's time. Codes are not kept: they are read live.
 */
export interface SignedUnitsMemo {
  entry: { key: string; units: Omit<ReportingUnit, 'code'>[] } | null;
}

/**
 * The coordinating unit of each row: the one the admin named, else the perangkat daerah its penanggung jawab text
 * names (matchCoordinator); rows with neither are left out (Diskominfo reports them).
 */
export function rowCoordinators(
  deps: MonitoringDeps, plan: RenaksiPlan, rows: { id: number; responsible: string }[], active: Unit[] = deps.units.listActive(),
): Map<number, Coordinator> {
  const byId = new Map(active.map((u) => [u.id, u]));
  const pds = active.filter((u) => u.group === 'pd');
  const named = deps.monitoring.coordinatorOverrides(plan.id);
  // NOTE: rows share a few penanggung jawab texts, and matching one reads every perangkat daerah's name: once per text.
  const matched = new Map<string, Unit | null>();
  const match = (text: string): Unit | null => {
    if (!matched.has(text)) matched.set(text, matchCoordinator(text, pds));
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

/** Every unit of the plan (official order) with its Lampiran II indicators (those below target), read from the target map. */
function mappedUnits(deps: MonitoringDeps, periodId: number): { units: ReportingUnit[]; signed: boolean } {
  const map = deps.renaksi.targetMap(periodId);
  const units = map.units.map((u) => ({
    unitId: u.unitId, code: u.code, name: u.name, group: u.group,
    indicators: Object.entries(u.cells).filter(([, c]) => c.kind === 'gap').map(([code]) => code),
  }));
  return { units, signed: map.signed !== null };
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
    const { units, signed } = mappedUnits(deps, plan.periodId);
    deps.signedUnits.entry = plan.status === 'final' && signed ? { key, units: units.map(({ code: _code, ...u }) => u) } : null;
    return units;
  }
  const codes = new Map(active.map((u) => [u.id, u.code]));
  return kept.units.map((u) => ({ ...u, code: codes.get(u.unitId) ?? deps.units.findById(u.unitId)?.code ?? '' }));
}
type ReportingUnit = ProgressInput['units'][number];

/** What deps.signedUnits is kept under: the plan as it stands (finalising or reopening moves its updated_at). */
const memoKey = (plan: RenaksiPlan): string => `${plan.id}:${plan.status}:${plan.updatedAt}`;

/**
 * One unit as reportingUnits gives it: from the units kept for the plan when they are (deps.signedUnits), else read
 * from its own plan alone (its own plan's items are exactly its Lampiran II gap cells, in the same order). None for a
 * unit that was not in the plan's period.
 */
function oneReportingUnit(deps: MonitoringDeps, plan: RenaksiPlan, unitId: number): ReportingUnit[] {
  const kept = deps.signedUnits.entry;
  if (kept?.key === memoKey(plan)) {
    const unit = kept.units.find((u) => u.unitId === unitId);
    return unit ? [{ ...unit, code: deps.units.findById(unitId)?.code ?? '' }] : [];
  }
  try {
    const { unit, items } = deps.renaksi.unitPlan(plan.periodId, unitId);
    return [{ unitId: unit.id, code: unit.code, name: unit.name, group: unit.group, indicators: items.map((i) => i.code) }];
  } catch (err) {
    if (err instanceof AppError && err.status === 404) return [];
    throw err;
  }
}

/** Whose parts a progress covers: every reporting unit's, one unit's (its own page), or none (a row's page). */
export type UnitScope = 'all' | 'none' | { unitId: number };

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
 * plan instead of every unit's. Rows, aspects and semesters are the same as progress() gives.
 */
export function scopedProgress(deps: MonitoringDeps, periodId: number, scope: UnitScope, now: Date = new Date()): MonevProgress {
  const { period } = deps.periods.loadPeriod(periodId);
  const plan = deps.renaksi.findPlan(periodId);
  const groups = plan ? deps.renaksi.lampiranGroups(periodId) : [];
  const rows = groups.flatMap((g) => g.rows.map((r) => r.row));
  const unitId = typeof scope === 'object' ? scope.unitId : null;
  const active = plan ? deps.units.listActive() : [];
  const units = !plan || scope === 'none' ? [] : unitId === null ? reportingUnits(deps, plan, active) : oneReportingUnit(deps, plan, unitId);
  return buildProgress({
    period: { id: period.id, name: period.name, year: period.year },
    plan: plan ? { id: plan.id, status: plan.status, startYear: plan.startYear, endYear: plan.endYear } : null,
    groups,
    coordinators: plan ? rowCoordinators(deps, plan, rows, active) : new Map(),
    rowReports: plan ? deps.monitoring.listRowReports(plan.id) : [],
    unitReports: plan && scope !== 'none' ? deps.monitoring.listUnitReportStates(plan.id, unitId) : [],
    windows: plan ? deps.monitoring.listWindows(plan.id) : [],
    evidenceCounts: plan ? deps.monitoring.evidenceCounts(plan.id, scope === 'none' ? -1 : unitId) : new Map(),
    units,
    now,
  });
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
