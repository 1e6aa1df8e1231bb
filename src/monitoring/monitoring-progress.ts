import {
  capaianOf, capaianOfOutputs, isOnSchedule, isReported, onScheduleShare, parseTargetNumber, semestersOf, windowState,
  type MonevStatus, type ReportingWindow, type ReviewState, type Semester, type WindowState,
} from './monitoring-calc';
import type { RowReport, StoredWindow, UnitReportState } from './monitoring.repo';
import { outputProgress, realisasiTextOf, type OutputProgress } from './monitoring-outputs';

/**
 * The progress of a final Renaksi per row, aspect, unit and semester: what the monev board, the semester report,
 * the monev workbook (Lampiran III) and GET /api/periods/:periodId/renaksi/progress read. Pure: assembled from the
 * plan's rows, the stored reports and windows, and the units. STABLE: other modules read these shapes; add fields,
 * never rename or remove one.
 */

export interface SemesterProgress extends Semester {
  window: ReportingWindow | null;
  windowState: WindowState;
}

/** One Lampiran I row in one semester. */
export interface RowSemesterProgress {
  key: string;
  year: number;
  semester: 1 | 2;
  /** That year's output target as typed in the plan ("9 dokumen"), '' when none. */
  targetText: string;
  /** Its number (parseTargetNumber: the first output's when it lists several); null when it has none. */
  target: number | null;
  /** Output achieved in the plan year up to the end of the semester (cumulative within the year); the first output's when the target lists several. */
  realisasi: number | null;
  /** Every output the year's target lists (outputsOf) with its realisasi; [] without a target. */
  outputs: OutputProgress[];
  /** The realisasi as people read it: "6"; "1) 6\n2) 4" when the target lists several outputs; '' when none. */
  realisasiText: string;
  /** Over every output (capaianOfOutputs): realisasi ÷ target × 100 for one (may exceed 100), the mean capped per output for several; null when it cannot be computed. */
  capaian: number | null;
  /** capaian (of any output) over 100 %: allowed, flagged for the team to check. */
  overTarget: boolean;
  status: MonevStatus | null;
  /** null while nobody has saved a report. */
  reviewState: ReviewState | null;
  /** Submitted (diajukan) or accepted (diterima). */
  reported: boolean;
  /** See isOnSchedule: only a reported row can be on schedule. */
  onSchedule: boolean;
  kendala: string;
  tindakLanjut: string;
  verifierComment: string;
  evidenceCount: number;
  reportId: number | null;
  version: number | null;
}

export interface Coordinator {
  unitId: number;
  name: string;
  named: boolean;
}

export interface RowProgress {
  rowId: number;
  /** Its number in Lampiran I (I.1, II.3). */
  no: string;
  aspectCode: string;
  aspectName: string;
  indicatorCode: string | null;
  activity: string;
  outputIndicator: string;
  schedule: string;
  responsible: string;
  /**
   * The coordinating PD that reports the row (`named`: chosen by the admin or tim_renaksi, else found from the
   * penanggung jawab text); null when neither gives one (Diskominfo reports it).
   */
  coordinator: Coordinator | null;
  semesters: RowSemesterProgress[];
}

export interface AspectSemester {
  key: string;
  rows: number;
  reported: number;
  onSchedule: number;
  /** onSchedule ÷ rows × 100; null for an aspect without rows. */
  share: number | null;
}

export interface AspectProgress {
  aspectCode: string;
  aspectName: string;
  /** I, II, … as in Lampiran I. */
  number: string;
  semesters: AspectSemester[];
}

export interface UnitSemester {
  key: string;
  /** Rows the unit coordinates, and how many of them it has reported this semester. */
  rowsDue: number;
  rowsReported: number;
  /** Whether the unit has its own part (Lampiran II indicators below target) to report. */
  ownPartDue: boolean;
  /** Its own report's review state; null when none was saved. */
  ownPart: ReviewState | null;
  /** Evidence items (not deleted) of its own report; 0 without one. */
  ownEvidenceCount: number;
  /** Every coordinated row reported and, when due, its own part reported. */
  reported: boolean;
}

/** A unit that reports: it coordinates rows, or has its own part, or both. */
export interface UnitProgress {
  unitId: number;
  code: string;
  name: string;
  group: 'pd' | 'kecamatan';
  coordinatedRowIds: number[];
  /** Its Lampiran II indicators (below target now). */
  indicators: string[];
  semesters: UnitSemester[];
}

export interface MonevProgress {
  period: { id: number; name: string; year: number };
  plan: { id: number; status: 'draf' | 'final'; startYear: number; endYear: number } | null;
  /** Only a final plan is monitored: reports are taken only then (a reopened plan keeps what was reported). */
  monitored: boolean;
  semesters: SemesterProgress[];
  rows: RowProgress[];
  aspects: AspectProgress[];
  units: UnitProgress[];
}

/** What buildProgress is given. */
export interface ProgressInput {
  period: MonevProgress['period'];
  plan: MonevProgress['plan'];
  groups: { aspectCode: string; aspectName: string; number: string; rows: { no: string; row: PlanRowSource }[] }[];
  coordinators: Map<number, Coordinator>;
  rowReports: RowReport[];
  /** Unit reports (their review state), every unit's or only those of the units given. */
  unitReports: UnitReportState[];
  windows: StoredWindow[];
  /** Evidence per report: `row:<id>` / `unit:<id>` → count. */
  evidenceCounts: Map<string, number>;
  /** Every active unit in the official order with its Lampiran II indicators. */
  units: { unitId: number; code: string; name: string; group: 'pd' | 'kecamatan'; indicators: string[] }[];
  now: Date;
}

export interface PlanRowSource {
  id: number;
  aspectCode: string;
  indicatorCode: string | null;
  activity: string;
  outputIndicator: string;
  outputTargets: Record<string, string>;
  schedule: string;
  responsible: string;
}

const semesterKey = (year: number, semester: number) => `${year}-${semester}`;

function rowSemester(row: PlanRowSource, s: Semester, report: RowReport | undefined, evidence: number): RowSemesterProgress {
  const targetText = row.outputTargets[String(s.year)] ?? '';
  const target = parseTargetNumber(targetText);
  const realisasi = report?.realisasi ?? null;
  const outputs = outputProgress(targetText, report);
  const { percent, overTarget } = outputs.length === 0 ? capaianOf(realisasi, target) : capaianOfOutputs(outputs);
  const reported = isReported(report?.reviewState);
  const status = report?.status ?? null;
  return {
    key: s.key, year: s.year, semester: s.semester, targetText, target, realisasi, outputs, realisasiText: realisasiTextOf(outputs, realisasi),
    capaian: percent, overTarget, status, reviewState: report?.reviewState ?? null, reported,
    onSchedule: reported && isOnSchedule({ status, capaian: percent }, row.schedule, s),
    kendala: report?.kendala ?? '', tindakLanjut: report?.tindakLanjut ?? '', verifierComment: report?.verifierComment ?? '',
    evidenceCount: evidence, reportId: report?.id ?? null, version: report?.version ?? null,
  };
}

function aspectSemesters(rows: RowProgress[], semesters: Semester[]): AspectSemester[] {
  return semesters.map((s, i) => {
    const cells = rows.map((r) => r.semesters[i] as RowSemesterProgress);
    const onSchedule = cells.filter((c) => c.onSchedule).length;
    return { key: s.key, rows: cells.length, reported: cells.filter((c) => c.reported).length, onSchedule, share: onScheduleShare(onSchedule, cells.length) };
  });
}

function unitProgress(input: ProgressInput, rows: RowProgress[], semesters: Semester[]): UnitProgress[] {
  const own = new Map(input.unitReports.map((r) => [`${r.unitId}:${semesterKey(r.year, r.semester)}`, r]));
  // NOTE: a country has 30.000 units and a plan a few dozen rows: the rows each unit coordinates, looked up once.
  const byCoordinator = new Map<number, RowProgress[]>();
  for (const r of rows) if (r.coordinator) byCoordinator.set(r.coordinator.unitId, [...(byCoordinator.get(r.coordinator.unitId) ?? []), r]);
  return input.units.flatMap((u) => {
    const coordinated = byCoordinator.get(u.unitId) ?? [];
    if (coordinated.length === 0 && u.indicators.length === 0) return [];
    const perSemester = semesters.map((s, i): UnitSemester => {
      const rowsReported = coordinated.filter((r) => (r.semesters[i] as RowSemesterProgress).reported).length;
      const report = own.get(`${u.unitId}:${s.key}`);
      const ownPart = report?.reviewState ?? null;
      const ownPartDue = u.indicators.length > 0;
      return {
        key: s.key, rowsDue: coordinated.length, rowsReported, ownPartDue, ownPart,
        ownEvidenceCount: report ? input.evidenceCounts.get(`unit:${report.id}`) ?? 0 : 0,
        reported: rowsReported === coordinated.length && (!ownPartDue || isReported(ownPart)),
      };
    });
    return [{ ...u, coordinatedRowIds: coordinated.map((r) => r.rowId), semesters: perSemester }];
  });
}

/** Assembles the progress of the plan (see MonevProgress). */
export function buildProgress(input: ProgressInput): MonevProgress {
  const semesters = input.plan ? semestersOf(input.plan.startYear, input.plan.endYear) : [];
  const windows = new Map(input.windows.map((w) => [semesterKey(w.year, w.semester), w]));
  const reports = new Map(input.rowReports.map((r) => [`${r.rowId}:${semesterKey(r.year, r.semester)}`, r]));
  const aspects: AspectProgress[] = [];
  const rows: RowProgress[] = [];
  for (const g of input.groups) {
    const own = g.rows.map(({ no, row }): RowProgress => ({
      rowId: row.id, no, aspectCode: g.aspectCode, aspectName: g.aspectName, indicatorCode: row.indicatorCode, activity: row.activity,
      outputIndicator: row.outputIndicator, schedule: row.schedule, responsible: row.responsible, coordinator: input.coordinators.get(row.id) ?? null,
      semesters: semesters.map((s) => {
        const report = reports.get(`${row.id}:${s.key}`);
        return rowSemester(row, s, report, report ? input.evidenceCounts.get(`row:${report.id}`) ?? 0 : 0);
      }),
    }));
    rows.push(...own);
    aspects.push({ aspectCode: g.aspectCode, aspectName: g.aspectName, number: g.number, semesters: aspectSemesters(own, semesters) });
  }
  return {
    period: input.period,
    plan: input.plan,
    monitored: input.plan?.status === 'final',
    semesters: semesters.map((s) => {
      const w = windows.get(s.key);
      const window = w ? { opensOn: w.opensOn, deadline: w.deadline } : null;
      return { ...s, window, windowState: windowState(window, input.now) };
    }),
    rows,
    aspects,
    units: unitProgress(input, rows, semesters),
  };
}
