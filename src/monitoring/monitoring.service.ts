import type { Db } from '../db/database';
import type { AuditService } from '../audit';
import type { EvidenceService } from '../evidence';
import type { PeriodsService } from '../periods';
import type { ProgressService } from '../progress';
import type { RenaksiPlan, RenaksiService } from '../renaksi';
import type { Unit, UnitsService } from '../units';
import { matchCoordinator } from './monitoring-calc';
import { buildProgress, type Coordinator, type MonevProgress } from './monitoring-progress';
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
}

/**
 * The coordinating unit of each row: the one the admin named, else the perangkat daerah its penanggung jawab text
 * names (matchCoordinator); rows with neither are left out (Diskominfo reports them).
 */
export function rowCoordinators(
  deps: MonitoringDeps, plan: RenaksiPlan, rows: { id: number; responsible: string }[],
): Map<number, Coordinator> {
  const active = deps.units.listActive();
  const byId = new Map(active.map((u) => [u.id, u]));
  const pds = active.filter((u) => u.group === 'pd');
  const named = deps.monitoring.coordinatorOverrides(plan.id);
  const out = new Map<number, Coordinator>();
  for (const row of rows) {
    const isNamed = named.has(row.id);
    const chosen: Unit | null | undefined = isNamed ? byId.get(named.get(row.id) as number) : matchCoordinator(row.responsible, pds);
    if (chosen) out.set(row.id, { unitId: chosen.id, name: chosen.name, named: isNamed });
  }
  return out;
}

/** Evidence per report: `row:<id>` / `unit:<id>` → how many (not deleted). */
function evidenceCounts(deps: MonitoringDeps, planId: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of deps.monitoring.listEvidence(planId)) {
    const key = e.rowReportId !== null ? `row:${e.rowReportId}` : `unit:${e.unitReportId ?? 0}`;
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** Every active unit (official order) with its Lampiran II indicators: those below target now. */
function reportingUnits(deps: MonitoringDeps, periodId: number): MonevProgressUnits {
  const map = deps.renaksi.targetMap(periodId);
  return map.units.map((u) => ({
    unitId: u.unitId, code: u.code, name: u.name, group: u.group,
    indicators: Object.entries(u.cells).filter(([, c]) => c.kind === 'gap').map(([code]) => code),
  }));
}
type MonevProgressUnits = Parameters<typeof buildProgress>[0]['units'];

/**
 * The monev of the period's Renaksi (see MonevProgress in monitoring-progress.ts): per Lampiran I row and semester
 * the year's output target, realisasi, capaian, status and review state; per aspect and semester the share of rows on
 * schedule; per reporting unit and semester whether it has reported. A period without a plan gives no rows and no
 * semesters; a plan that is not final gives what was reported with `monitored: false`. 404 for an unknown period.
 * Writes nothing.
 */
export function progress(deps: MonitoringDeps, periodId: number, now: Date = new Date()): MonevProgress {
  const { period } = deps.periods.loadPeriod(periodId);
  const plan = deps.renaksi.findPlan(periodId);
  const groups = plan ? deps.renaksi.lampiranGroups(periodId) : [];
  const rows = groups.flatMap((g) => g.rows.map((r) => r.row));
  return buildProgress({
    period: { id: period.id, name: period.name, year: period.year },
    plan: plan ? { id: plan.id, status: plan.status, startYear: plan.startYear, endYear: plan.endYear } : null,
    groups,
    coordinators: plan ? rowCoordinators(deps, plan, rows) : new Map(),
    rowReports: plan ? deps.monitoring.listRowReports(plan.id) : [],
    unitReports: plan ? deps.monitoring.listUnitReports(plan.id) : [],
    windows: plan ? deps.monitoring.listWindows(plan.id) : [],
    evidenceCounts: plan ? evidenceCounts(deps, plan.id) : new Map(),
    units: plan ? reportingUnits(deps, periodId) : [],
    now,
  });
}

/**
 * The evidence (not deleted) of every Lampiran I row report of the period's plan, oldest first: what the monev
 * workbook lists under Bukti Dukung. None without a plan. Writes nothing.
 */
export function rowEvidence(deps: MonitoringDeps, periodId: number): MonevEvidence[] {
  const plan = deps.renaksi.findPlan(periodId);
  return plan ? deps.monitoring.listEvidence(plan.id).filter((e) => e.rowReportId !== null) : [];
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
