import { AppError, conflict, notFound } from '../errors/app-error';
import { formatDate } from '../shared/format';
import type { User } from '../shared/identity';
import { parseSemesterKey } from './monitoring-calc';
import type { MonevProgress, RowProgress, SemesterProgress, UnitProgress } from './monitoring-progress';
import { MONEV_EDITORS, MONEV_READERS } from './monitoring-roles';
import { progressWithPart, type MonitoringDeps, type UnitPart, type UnitScope } from './monitoring.service';

/**
 * Who may do what with a report, and the refusals every write shares (SPEC.md, issue 15 "Bad input"): a plan that
 * is not final, a semester outside the plan years, another unit's row, a closed window (except for the admin).
 */

const isEditor = (user: User) => (MONEV_EDITORS as readonly string[]).includes(user.role);
const isReader = (user: User) => (MONEV_READERS as readonly string[]).includes(user.role);

/**
 * The progress (its units limited to `scope`, with a unit's part in a unit's scope) with the semester a URL names; 404
 * without a plan or for a malformed key, 422 outside the plan years.
 */
function semesterContext(
  deps: MonitoringDeps, periodId: number, key: string, scope: UnitScope,
): { p: MonevProgress; semester: SemesterProgress; part: UnitPart | null } {
  const { p, part } = progressWithPart(deps, periodId, scope);
  if (!p.plan) throw notFound('Renaksi');
  const wanted = parseSemesterKey(key);
  if (!wanted) throw notFound('Semester');
  const semester = p.semesters.find((s) => s.year === wanted.year && s.semester === wanted.semester);
  if (!semester) {
    throw new AppError(422, 'semester-outside-plan', `Semester: ${wanted.semester === 1 ? 'I' : 'II'} ${wanted.year} di luar tahun rencana Renaksi (${p.plan.startYear}–${p.plan.endYear}); tidak ada yang disimpan.`, { semester: 'di luar tahun rencana' });
  }
  return { p, semester, part };
}

/** A live row of the plan with its semester (the progress without units); 404 for a row that is not in the plan. */
export function rowContext(deps: MonitoringDeps, periodId: number, rowId: number, key: string): { p: MonevProgress; semester: SemesterProgress; row: RowProgress } {
  const { p, semester } = semesterContext(deps, periodId, key, 'none');
  const row = p.rows.find((r) => r.rowId === rowId);
  if (!row) throw notFound('Baris Renaksi');
  return { p, semester, row };
}

/**
 * A unit with its own part in the plan (Lampiran II indicators below target, `items` as its own plan lists them) and
 * the semester, with the progress of that unit alone (rows with their coordinator only when it is the unit); 404
 * otherwise.
 */
export function unitContext(
  deps: MonitoringDeps, periodId: number, unitId: number, key: string,
): { p: MonevProgress; semester: SemesterProgress; unit: UnitProgress; items: UnitPart['items'] } {
  const { p, semester, part } = semesterContext(deps, periodId, key, { unitId, ownRows: true });
  const unit = p.units.find((u) => u.unitId === unitId && u.indicators.length > 0);
  if (!unit) throw notFound('Bagian unit dalam Renaksi');
  return { p, semester, unit, items: part?.items ?? [] };
}

/** Only a final plan takes reports and reviews (409). */
export function assertMonitored(p: MonevProgress): void {
  if (!p.monitored) {
    throw new AppError(409, 'plan-not-final', 'Renaksi belum final: realisasi hanya dapat dilaporkan untuk Renaksi yang sudah final. Tidak ada yang disimpan.');
  }
}

/**
 * A narahubung sees the Renaksi only once it is final (as its own Renaksi .docx): a draft, or a plan reopened as a new
 * draft, is the team's working copy, so its rows, activities and targets are not shown to them (409). Staff see it.
 */
export function requirePlanVisible(user: User, p: MonevProgress): void {
  if (user.role !== 'narahubung' || p.monitored) return;
  throw new AppError(409, 'plan-not-final', 'Renaksi belum final: laporan monev unit Anda dapat dibuka setelah Renaksi ditetapkan final oleh tim Renaksi; sampai saat itu laporan belum dapat diisi.');
}

/** Why this person may not report in the semester now (outside its window; the admin always may), or null. */
export function windowProblem(user: User, s: SemesterProgress): { code: string; message: string } | null {
  if (user.role === 'admin' || !s.window) return null;
  if (s.windowState === 'ditutup') {
    return { code: 'window-closed', message: `Batas pelaporan: pelaporan ${s.label} ditutup sejak ${formatDate(s.window.deadline)}. Hubungi admin Diskominfo untuk perbaikan.` };
  }
  if (s.windowState === 'belum_dibuka') {
    return { code: 'window-not-open', message: `Batas pelaporan: pelaporan ${s.label} baru dibuka pada ${formatDate(s.window.opensOn)}.` };
  }
  return null;
}

/** Reports are taken inside the semester's window; the admin may still report or correct outside it (409). */
export function assertWindowOpen(user: User, s: SemesterProgress): void {
  const problem = windowProblem(user, s);
  if (problem) throw new AppError(409, problem.code, `${problem.message} Tidak ada yang disimpan.`);
}

/** The coordinating PD's narahubung reports its rows; Diskominfo (admin, tim_renaksi) any row (403 otherwise). */
export function canReportRow(user: User, row: RowProgress): boolean {
  return isEditor(user) || (user.role === 'narahubung' && row.coordinator !== null && row.coordinator.unitId === user.unitId);
}

export function requireRowReporter(user: User, row: RowProgress): void {
  if (canReportRow(user, row)) return;
  const who = row.coordinator ? row.coordinator.name : 'Diskominfo (admin atau tim Renaksi)';
  throw new AppError(403, 'not-your-row', `Baris ${row.no}: dilaporkan oleh ${who}; akun Anda tidak dapat mengisinya. Tidak ada yang disimpan.`);
}

/** Readers of the monev, and the coordinating PD's narahubung for its rows. */
export function requireRowViewer(user: User, row: RowProgress): void {
  if (isReader(user) || canReportRow(user, row)) return;
  requireRowReporter(user, row);
}

/** A unit's narahubung reports its own part; Diskominfo any unit's. */
export function canReportUnit(user: User, unitId: number): boolean {
  return isEditor(user) || (user.role === 'narahubung' && user.unitId === unitId);
}

export function requireUnitReporter(user: User, unit: { unitId: number; name: string }): void {
  if (canReportUnit(user, unit.unitId)) return;
  throw new AppError(403, 'not-your-unit', `Bagian ${unit.name} hanya dapat dilaporkan oleh narahubung unit itu atau Diskominfo. Tidak ada yang disimpan.`);
}

export function requireUnitViewer(user: User, unit: { unitId: number; name: string }): void {
  if (isReader(user) || canReportUnit(user, unit.unitId)) return;
  requireUnitReporter(user, unit);
}

/** Why this person may not change a report in this state (a narahubung: only a draft or a returned one), or null. */
export function editProblem(user: User, state: string | null): string | null {
  if (isEditor(user) || state === null || state === 'draf' || state === 'dikembalikan') return null;
  return state === 'diterima'
    ? 'Laporan ini sudah diterima verifikator dan tidak dapat diubah lagi.'
    : 'Laporan ini sudah diajukan dan menunggu pemeriksaan verifikator; belum dapat diubah.';
}

/** A narahubung changes a report only while it is a draft or returned; Diskominfo corrects it in any state. */
export function assertEditable(user: User, state: string | null): void {
  const problem = editProblem(user, state);
  if (problem) throw new AppError(409, 'report-locked', `${problem} Tidak ada yang disimpan.`);
}

/**
 * Whether a save submits the report: when asked (action 'ajukan'), and always when it corrects an accepted report
 * (only Diskominfo may): the corrected figures wait for a reviewer other than the corrector (assertNotOwnReport)
 * instead of standing as accepted by nobody.
 */
export const submitsOnSave = (action: 'simpan' | 'ajukan', state: string | null): boolean => action === 'ajukan' || state === 'diterima';

/**
 * Segregation of duties: whoever filled a report since its last review (each saver, not only the last one, so its
 * submitter too) does not review it.
 */
export const OWN_REPORT_MESSAGE = 'Laporan yang Anda isi sendiri harus ditelaah oleh pengguna lain.';

type Fillers = { reportedBy: number | null; filledBy: readonly number[] };

/**
 * Whether this person filled the report: its last saver or anyone who saved it since its last review (filledBy). They
 * may not accept or return it (see assertNotOwnReport): admin A's figures saved again by tim Renaksi T are still A's.
 */
export const isOwnReport = (user: User, report: Fillers | undefined): boolean =>
  report !== undefined && (report.reportedBy === user.id || report.filledBy.includes(user.id));

/**
 * The reviewer of a report must not be a person who filled it (an admin may both fill and review reports, but not
 * the same one): another verifikator or admin reviews it (403, nothing changes).
 */
export function assertNotOwnReport(user: User, report: Fillers): void {
  if (isOwnReport(user, report)) throw new AppError(403, 'own-report', `${OWN_REPORT_MESSAGE} Tidak ada yang disimpan.`);
}

/** The report changed since the form was opened (409, the typed values kept by the route). */
export function staleReport(): AppError {
  return conflict('Laporan ini diubah orang lain sejak halaman dibuka. Periksa isian terbaru di bawah lalu simpan lagi; isian Anda masih ada di formulir.');
}
