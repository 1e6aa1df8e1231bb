import path from 'node:path';
import type { AuditService } from '../audit';
import { AppError, badInput, notFound } from '../errors/app-error';
import type { MonevProgress, MonitoringService } from '../monitoring';
import { witaDate } from '../monitoring';
import type { Period, PeriodsService } from '../periods';
import type { ProgressService } from '../progress';
import type { BuildCache } from '../shared/build-cache';
import { documentPaper, documentSetting, type DocumentSettingKey } from '../shared/document-settings';
import { bindDeps } from '../shared/bind-deps';
import { formatDate } from '../shared/format';
import type { User } from '../shared/identity';
import type { SettingsRepo } from '../shared/settings.repo';
import { workerTask } from '../shared/worker-pool';
import type { MonevDocument } from './monev-document';
import { evidenceByReport, evidenceList, kemajuanDoc, monevSheets, unitReportsDoc } from './monev-model';
import { defaultSemesterKey, semesterReport, type SemesterReport } from './monev-report';
import type * as MonevWorkbookTask from './monev-workbook.task';

const MONEV_WORKBOOK_TASK = workerTask<typeof MonevWorkbookTask, 'buildMonevXlsx'>(path.join(__dirname, 'monev-workbook.task'), 'buildMonevXlsx');

interface MonevDocumentsDeps {
  monitoring: Pick<MonitoringService, 'progress' | 'rowEvidence'>;
  progress: Pick<ProgressService, 'againstPlanYears'>;
  periods: Pick<PeriodsService, 'loadPeriod'>;
  settings: Pick<SettingsRepo, 'get'>;
  audit: AuditService;
  workbooks: BuildCache;
}

/**
 * The monev of a final plan; 404 without a plan (or for an unknown period), 409 for a plan that is not final: the
 * monitoring matrix and its report exist only for the plan the Bupati signed.
 */
function monitoredProgress(deps: MonevDocumentsDeps, periodId: number, now: Date): MonevProgress {
  const p = deps.monitoring.progress(periodId, now);
  if (!p.plan) throw notFound('Renaksi');
  if (!p.monitored) {
    throw new AppError(409, 'plan-not-final', 'Renaksi periode ini belum final. Matriks monitoring dan evaluasi serta laporan semester hanya tersedia untuk Renaksi yang sudah final (ditetapkan); finalkan Renaksi terlebih dahulu.');
  }
  return p;
}

const setting = (deps: MonevDocumentsDeps, key: DocumentSettingKey) => documentSetting(deps.settings, key);

/** The titles of the period's instrument's indicators by code. */
function indicatorTitles(deps: MonevDocumentsDeps, periodId: number): Map<string, string> {
  const { instrument } = deps.periods.loadPeriod(periodId);
  return new Map(instrument.aspects.flatMap((a) => a.indicators.map((i) => [i.code, i.title] as const)));
}

/** Everything the monev workbook prints for a period's final plan, as of `now`. */
function monevDocument(deps: MonevDocumentsDeps, periodId: number, now: Date): MonevDocument {
  const p = monitoredProgress(deps, periodId, now);
  const years = [...new Set(p.semesters.map((s) => s.year))];
  const titles = indicatorTitles(deps, periodId);
  const plans = deps.progress.againstPlanYears(periodId, years);
  const perYear = years.map((year, i) => ({ year, plan: plans[i] ?? null }));
  const evidence = deps.monitoring.rowEvidence(periodId);
  return {
    regionName: setting(deps, 'renaksi.region'),
    years,
    paper: documentPaper(deps.settings),
    decree: { nomor: setting(deps, 'renaksi.decreeNumber'), tanggal: setting(deps, 'renaksi.decreeDate') },
    // NOTE: without the decree's date: the matrix carries realisasi reported after the Bupati signed the plan.
    closing: { office: setting(deps, 'renaksi.office'), name: setting(deps, 'renaksi.signer'), place: setting(deps, 'renaksi.place'), date: '' },
    asOf: formatDate(now.toISOString()),
    sheets: monevSheets(p, witaDate(now), evidenceByReport(evidence)),
    evidence: evidenceList(p, evidence),
    kemajuan: kemajuanDoc(p, perYear, titles),
    unitReports: unitReportsDoc(p, witaDate(now)),
  };
}

/** The monev workbook's bytes (Lampiran III per plan year and Kemajuan), built in the worker pool; audited. */
export async function exportMonevWorkbook(deps: MonevDocumentsDeps, user: User, periodId: number, now: Date = new Date()): Promise<Buffer> {
  const doc = monevDocument(deps, periodId, now);
  const bytes = await deps.workbooks.get(MONEV_WORKBOOK_TASK, doc);
  deps.audit.record({ userId: user.id, action: 'export.monev', entity: 'period', entityId: periodId });
  return bytes;
}

interface SemesterReportPage {
  period: Period;
  p: MonevProgress;
  report: SemesterReport;
  /** "29 November 2026": the day the reports were read. */
  asOf: string;
  regionName: string;
}

/**
 * The semester report page's content: `rawKey` ("2023-1") or, when absent, the latest semester that has begun. 422
 * naming `semester` for a malformed key or one outside the plan years.
 */
export function semesterReportPage(deps: MonevDocumentsDeps, periodId: number, rawKey: unknown, now: Date = new Date()): SemesterReportPage {
  const p = monitoredProgress(deps, periodId, now);
  const today = witaDate(now);
  const key = rawKey === undefined || rawKey === '' ? defaultSemesterKey(p, today) : rawKey;
  if (typeof key !== 'string' || !/^\d{4}-[12]$/.test(key)) {
    const message = 'Semester: tulis TTTT-1 atau TTTT-2, misalnya 2023-1.';
    throw badInput({ semester: message }, message);
  }
  const report = semesterReport(p, key, today, indicatorTitles(deps, periodId));
  if (!report) {
    const first = p.semesters[0]?.year;
    const last = p.semesters[p.semesters.length - 1]?.year;
    const message = `Semester: ${key} di luar tahun rencana Renaksi (${first}–${last}).`;
    throw badInput({ semester: message }, message);
  }
  return { period: deps.periods.loadPeriod(periodId).period, p, report, asOf: formatDate(now.toISOString()), regionName: setting(deps, 'renaksi.region') };
}

/** The monev documents' service: the workbook and the semester report. */
export function createMonevDocumentsService(deps: MonevDocumentsDeps) {
  return bindDeps(deps, { exportMonevWorkbook, semesterReportPage });
}
export type MonevDocumentsService = ReturnType<typeof createMonevDocumentsService>;
