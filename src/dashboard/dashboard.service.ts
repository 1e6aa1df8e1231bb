import type { Db } from '../db/database';
import { AppError, notFound } from '../errors/app-error';
import type { AuditService } from '../audit';
import type { Assessment, AssessmentsService } from '../assessments';
import type { PeriodsService } from '../periods';
import type { Progress, ProgressService, UnitScope, UnitTrajectory } from '../progress';
import type { LevelBasis, ScoringService } from '../scoring';
import type { User } from '../shared/identity';
import type { UsersService } from '../users';
import type { KabupatenService } from '../kabupaten';
import type { LaporService } from '../lapor';
import type { SnapshotsRepo } from './snapshots.repo';
import { buildDashboard, type DashboardModel } from './dashboard-model';
import { parseHeatmapSort } from './dashboard.schemas';
import { buildUnitReport, type UnitReport } from './unit-report';

/** What the dashboard module is given: its snapshot repository and the services it reads. */
export interface DashboardDeps {
  db: Db;
  snapshots: SnapshotsRepo;
  scoring: ScoringService;
  periods: PeriodsService;
  assessments: AssessmentsService;
  users: UsersService;
  audit: AuditService;
  /** The kabupaten's own conditions, shown beside the unit figures (never part of them). */
  kabupaten: Pick<KabupatenService, 'kabupatenConditions' | 'kabupatenChangeKey'>;
  progress: ProgressService;
  lapor: Pick<LaporService, 'dashboardSection' | 'raporLine' | 'presented' | 'stamp'>;
}

/** The dashboard's figures for a period; the heatmap sorted by the (validated) query. */
export function getDashboard(deps: DashboardDeps, periodId: number, basis: LevelBasis, query: unknown): DashboardModel {
  const scores = deps.scoring.computePeriodScores(periodId, basis);
  return buildDashboard(scores, parseHeatmapSort(query, scores.instrument));
}

/** One unit's scores, radar and gaps; 404 when the unit is not part of the period (saying why: requirePeriodUnit). */
export function getUnitReport(deps: DashboardDeps, periodId: number, unitId: number, basis: LevelBasis): UnitReport {
  deps.assessments.requirePeriodUnit(null, periodId, unitId);
  const report = buildUnitReport(deps.scoring.computePeriodScores(periodId, basis), unitId);
  if (!report) throw notFound('Unit');
  return report;
}

export interface VerifierNote {
  code: string;
  title: string;
  level: number | null;
  isNa: boolean;
  verifiedLevel: number | null;
  note: string;
}

export interface Rapor {
  report: UnitReport;
  assessment: Assessment | undefined;
  verifierNotes: VerifierNote[];
  /** Who finished the verification and when; null until the assessment is verified. */
  verification: { verifierName: string | null; verifiedAt: string } | null;
  /** The unit's own Renaksi trajectory (target level per plan year vs reached); null when no final plan applies. */
  trajectory: UnitTrajectory | null;
}

/**
 * The unit's rapor on the verified levels. A narahubung sees only their own unit (403 otherwise) and only once it
 * is verified; the other roles that reach the route see every unit.
 */
export function getRapor(deps: DashboardDeps, user: User, periodId: number, unitId: number): Rapor {
  deps.assessments.requirePeriodUnit(user, periodId, unitId);
  const report = getUnitReport(deps, periodId, unitId, 'verified');
  const assessment = deps.assessments.find(periodId, unitId);
  if (user.role === 'narahubung' && assessment?.status !== 'diverifikasi') {
    throw new AppError(403, 'rapor-not-ready', 'Rapor unit tersedia setelah penilaian mandiri diverifikasi.');
  }
  const answers = assessment ? deps.assessments.answers(assessment.id) : {};
  const verifierNotes = report.instrument.aspects.flatMap((a) =>
    a.indicators.flatMap((ind): VerifierNote[] => {
      const ans = answers[ind.code];
      if (!ans || ans.verifierNote.trim() === '') return [];
      return [{ code: ind.code, title: ind.title, level: ans.level, isNa: ans.isNa, verifiedLevel: ans.verifiedLevel, note: ans.verifierNote }];
    }),
  );
  const verified = assessment?.status === 'diverifikasi' && assessment.verifiedAt !== null;
  const verification = verified
    ? { verifierName: assessment.verifiedBy === null ? null : (deps.users.findById(assessment.verifiedBy)?.displayName ?? null), verifiedAt: assessment.verifiedAt as string }
    : null;
  return { report, assessment, verifierNotes, verification, trajectory: deps.progress.unitTrajectory(periodId, unitId) };
}

/**
 * The period against the compare period (`?compare`, default the previous one) and against the signed plan; `scope`
 * lists only some units (the API's ?unit, ?kelompok, ?limit, ?offset).
 */
export function getProgress(deps: DashboardDeps, periodId: number, compareRaw: unknown, basis: LevelBasis, scope: UnitScope = {}): Progress {
  return deps.progress.progress(periodId, compareRaw, basis, scope);
}
