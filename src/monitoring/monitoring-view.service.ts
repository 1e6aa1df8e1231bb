import { pageOf, type Page } from '../shared/paging';
import { nameMatches, UNIT_PAGE_SIZE } from './monev-board';
import type { UnitFilter } from './monitoring.schemas';
import type { Unit } from '../units';
import type { User } from '../shared/identity';
import { isReported, parseSemesterKey, semesterStarted, witaDate } from './monitoring-calc';
import type { MonevProgress, RowProgress, RowSemesterProgress, SemesterProgress, UnitProgress, UnitSemester } from './monitoring-progress';
import type { MonevEvidence, RowReport, UnitReport } from './monitoring.repo';
import {
  canReportRow, canReportUnit, editProblem, isOwnReport, OWN_REPORT_MESSAGE, requirePlanVisible, requireRowViewer, requireUnitViewer, rowContext,
  unitContext, windowProblem,
} from './monitoring-access';
import { reportEvidence } from './monitoring-report.service';
import { MONEV_EDITORS, MONEV_REVIEWERS } from './monitoring-roles';
import { coveringPlan, scopedProgress, type MonitoringDeps } from './monitoring.service';

/** The page models of the monev: the overview per semester, a row's report, a unit's own report. */

const isEditor = (user: User) => (MONEV_EDITORS as readonly string[]).includes(user.role);
const canReview = (user: User) => (MONEV_REVIEWERS as readonly string[]).includes(user.role);

/** Whether this person reviews a report waiting for review now, or why not when they filled it themselves. */
function reviewOf(user: User, monitored: boolean, report: RowReport | UnitReport | undefined): { canReview: boolean; reviewNote: string | null } {
  const due = monitored && canReview(user) && report?.reviewState === 'diajukan';
  const own = isOwnReport(user, report);
  return { canReview: due && !own, reviewNote: due && own ? OWN_REPORT_MESSAGE : null };
}

/** The semester a page shows: the one asked for, else the first open one, else the latest that has begun, else the first. */
export function pickSemester(semesters: SemesterProgress[], asked: unknown, now: Date): SemesterProgress | undefined {
  const wanted = typeof asked === 'string' ? parseSemesterKey(asked) : null;
  const exact = wanted && semesters.find((s) => s.year === wanted.year && s.semester === wanted.semester);
  if (exact) return exact;
  const open = semesters.find((s) => s.windowState === 'terbuka');
  if (open) return open;
  const today = witaDate(now);
  const begun = semesters.filter((s) => semesterStarted(s, today));
  return begun[begun.length - 1] ?? semesters[0];
}

interface OverviewPage {
  p: MonevProgress;
  semester: SemesterProgress | undefined;
  /** The rows this person sees: a narahubung only its unit's. */
  rows: { row: RowProgress; cell: RowSemesterProgress; canReport: boolean }[];
  /** Units with an own part, with this semester's state (a narahubung: only its own). */
  units: { unit: UnitProgress; state: UnitSemester; canReport: boolean }[];
  isStaff: boolean;
  canSetWindows: boolean;
  /** A narahubung on a plan that is not final: nothing of the draft is shown (see requirePlanVisible). */
  draftHidden: boolean;
  /** Without a plan of its own: the final plan of another period that covers this period's year, or null. */
  coveringPlan: ReturnType<typeof coveringPlan>;
}

/** The overview of a semester: rows (with realisasi and review state), aspects on schedule, units' own parts. */
export function overviewPage(deps: MonitoringDeps, user: User, periodId: number, asked: unknown, now = new Date()): OverviewPage {
  const narahubung = user.role === 'narahubung';
  // NOTE: a narahubung sees only its own unit's part, so only that unit's is read.
  const p = scopedProgress(deps, periodId, narahubung ? (user.unitId === null ? 'none' : { unitId: user.unitId }) : 'all', now);
  const semester = pickSemester(p.semesters, asked, now);
  const i = semester ? p.semesters.indexOf(semester) : -1;
  const draftHidden = narahubung && !p.monitored;
  const rows = i < 0 || draftHidden ? [] : p.rows
    .filter((r) => !narahubung || r.coordinator?.unitId === user.unitId)
    .map((row) => ({ row, cell: row.semesters[i] as RowSemesterProgress, canReport: canReportRow(user, row) }));
  const units = i < 0 || draftHidden ? [] : p.units
    .filter((u) => u.indicators.length > 0 && (!narahubung || u.unitId === user.unitId))
    .map((unit) => ({ unit, state: unit.semesters[i] as UnitSemester, canReport: canReportUnit(user, unit.unitId) }));
  return {
    p, semester, rows, units, isStaff: !narahubung, canSetWindows: user.role === 'admin', draftHidden,
    coveringPlan: p.plan ? null : coveringPlan(deps, periodId),
  };
}

/**
 * The overview's units the person asked for: those whose name or code holds `filter.cari`, UNIT_PAGE_SIZE at a time
 * (a province's or the country's units are thousands). Pure.
 */
export function shownUnits(units: OverviewPage['units'], filter: UnitFilter): Page<OverviewPage['units'][number]> {
  const cari = filter.cari;
  return pageOf(cari ? units.filter((u) => nameMatches(u.unit, cari)) : units, filter.hal, UNIT_PAGE_SIZE);
}

interface RowReportPage {
  p: MonevProgress;
  semester: SemesterProgress;
  row: RowProgress;
  cell: RowSemesterProgress;
  report: RowReport | undefined;
  evidence: MonevEvidence[];
  canEdit: boolean;
  /** Why a reporter of this row cannot change the report now (window, review state); null otherwise. */
  lockNote: string | null;
  canReview: boolean;
  /** Why this reviewer does not review it (they filled it themselves); null otherwise. */
  reviewNote: string | null;
  canSetCoordinator: boolean;
  /** Perangkat daerah an editor may name as coordinator. */
  pds: Unit[];
}

/** One row's report for one semester, with what this person may do with it. */
export function rowReportPage(deps: MonitoringDeps, user: User, periodId: number, rowId: number, key: string): RowReportPage {
  const { p, semester, row } = rowContext(deps, periodId, rowId, key);
  requirePlanVisible(user, p);
  requireRowViewer(user, row);
  const report = deps.monitoring.findRowReport(rowId, semester.year, semester.semester);
  const state = report?.reviewState ?? null;
  const lock = p.monitored && canReportRow(user, row) ? windowProblem(user, semester)?.message ?? editProblem(user, state) : null;
  return {
    p, semester, row, cell: row.semesters[p.semesters.indexOf(semester)] as RowSemesterProgress, report,
    evidence: report && p.plan ? reportEvidence(deps, { rowReportId: report.id }) : [],
    canEdit: p.monitored && canReportRow(user, row) && lock === null,
    lockNote: lock,
    ...reviewOf(user, p.monitored, report),
    canSetCoordinator: isEditor(user),
    pds: isEditor(user) ? deps.units.listActive().filter((u) => u.group === 'pd') : [],
  };
}

interface UnitReportPage {
  p: MonevProgress;
  semester: SemesterProgress;
  unit: UnitProgress;
  state: UnitSemester;
  /** The unit's Lampiran II indicators with their title, target level this year and recommended activities. */
  items: { code: string; title: string; level: number; target: number; yearTarget: number | null; activities: string[] }[];
  report: UnitReport | undefined;
  evidence: MonevEvidence[];
  canEdit: boolean;
  /** Why this unit's reporter cannot change the report now (window, review state); null otherwise. */
  lockNote: string | null;
  canReview: boolean;
  /** Why this reviewer does not review it (they filled it themselves); null otherwise. */
  reviewNote: string | null;
  reported: boolean;
}

/** A unit's own report for one semester. */
export function unitReportPage(deps: MonitoringDeps, user: User, periodId: number, unitId: number, key: string): UnitReportPage {
  const { p, semester, unit, items } = unitContext(deps, periodId, unitId, key);
  requirePlanVisible(user, p);
  requireUnitViewer(user, unit);
  const planId = (p.plan as { id: number }).id;
  const report = deps.monitoring.findUnitReport(planId, unitId, semester.year, semester.semester);
  const state = report?.reviewState ?? null;
  const lock = p.monitored && canReportUnit(user, unitId) ? windowProblem(user, semester)?.message ?? editProblem(user, state) : null;
  return {
    p, semester, unit, state: unit.semesters[p.semesters.indexOf(semester)] as UnitSemester,
    items: items.filter((i) => unit.indicators.includes(i.code)).map((i) => ({
      code: i.code, title: i.title, level: i.level, target: i.target, yearTarget: i.yearly[String(semester.year)] ?? null,
      activities: i.activities.map((a) => a.activity),
    })),
    report,
    evidence: report ? reportEvidence(deps, { unitReportId: report.id }) : [],
    canEdit: p.monitored && canReportUnit(user, unitId) && lock === null,
    lockNote: lock,
    ...reviewOf(user, p.monitored, report),
    reported: isReported(state),
  };
}
