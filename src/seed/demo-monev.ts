import type { MonitoringService, RowProgress, SemesterProgress } from '../monitoring';
import type { User } from '../shared/identity';
import { UNSET_PASSWORD_HASH } from '../users';
import { demoReportDates } from './demo-monev-dates';
import { DEFAULT_PERIOD_NAME, type SeedDeps } from './seed.service';

/** What the demo's realisasi is written with: the monitoring module's own saves and reviews, as a person would. */
type DemoMonevDeps = Pick<SeedDeps, 'periods' | 'users'> & {
  monitoring: Pick<MonitoringService, 'progress' | 'saveRowReport' | 'reviewRowReport' | 'saveUnitReport' | 'reviewUnitReport' | 'setWindows' | 'setReportDates'>;
};

/** Who writes the demo's reports: Diskominfo's admin fills them, a verifikator (never the one who filled) reviews them. */
interface DemoPeople {
  admin: User;
  verifikator: User;
}

/**
 * The reporting windows the demo kabupaten set. The plan was signed on 30 November 2022, so both 2022 semesters are
 * reported after it: Semester I in December 2022, Semester II in January 2023; Semester I 2023 in July 2023.
 */
const WINDOWS: Record<string, { opensOn: string; deadline: string }> = {
  '2022-1': { opensOn: '2022-12-01', deadline: '2022-12-16' },
  '2022-2': { opensOn: '2023-01-02', deadline: '2023-01-20' },
  '2023-1': { opensOn: '2023-07-03', deadline: '2023-07-21' },
};

type Plan = 'accept' | 'submit' | 'draft' | 'return';
interface DemoReport {
  status: 'belum_dimulai' | 'berjalan' | 'selesai' | 'tidak_dilaksanakan';
  share: number | null;
  kendala: string;
  tindakLanjut: string;
  plan: Plan;
}

const KENDALA = {
  budget: ['Anggaran kegiatan belum tersedia dalam DPA; menunggu APBD Perubahan.', 'Diusulkan dalam APBD Perubahan dan dilaksanakan bertahap.'],
  units: ['Sebagian unit belum menyerahkan dokumen yang ditetapkan.', 'Surat pengingat Sekretaris Daerah dan pendampingan oleh Diskominfo Staper.'],
  cancelled: ['Kegiatan tidak dapat dilaksanakan karena anggaran dialihkan untuk penanganan prioritas daerah.', 'Dijadwalkan ulang pada TW I tahun berikutnya.'],
  staff: ['Pergantian narahubung di beberapa kecamatan; narahubung baru belum dilatih.', 'Bimbingan teknis ulang bagi narahubung baru pada TW III.'],
} as const;

const withKendala = (status: DemoReport['status'], share: number | null, k: readonly [string, string], plan: Plan): DemoReport =>
  ({ status, share, kendala: k[0], tindakLanjut: k[1], plan });

/**
 * What row `i` (in Lampiran I order) reported in a semester: in 2022 almost everything reported and accepted, a few
 * rows short of their target with a kendala, one not carried out, one over target; in 2023 semester I two rows in
 * three reported, some still waiting for review, one returned, one saved as a draft. null: nothing reported.
 */
function demoRowReport(i: number, key: string, startsLater: boolean): DemoReport | null {
  if (key === '2022-1') {
    if (startsLater) return { status: 'belum_dimulai', share: null, kendala: '', tindakLanjut: 'Dimulai sesuai jadwal pada TW III 2022.', plan: 'accept' };
    if (i % 7 === 4) return withKendala('berjalan', 0.25, KENDALA.budget, 'accept');
    return { status: 'berjalan', share: 0.5, kendala: '', tindakLanjut: '', plan: i % 9 === 8 ? 'submit' : 'accept' };
  }
  if (key === '2022-2') {
    if (i % 11 === 10) return withKendala('tidak_dilaksanakan', 0, KENDALA.cancelled, 'accept');
    if (i % 6 === 5) return withKendala('berjalan', 0.75, KENDALA.units, 'accept');
    return { status: 'selesai', share: i === 2 ? 1.25 : 1, kendala: '', tindakLanjut: '', plan: i % 8 === 7 ? 'submit' : 'accept' };
  }
  if (key === '2023-1') {
    if (i % 3 === 2) return null;
    if (i % 10 === 4) return { status: 'berjalan', share: 0.4, kendala: '', tindakLanjut: '', plan: 'draft' };
    if (i === 7) return withKendala('berjalan', 0.3, KENDALA.staff, 'return');
    if (i % 4 === 1) return withKendala('berjalan', 0.3, KENDALA.staff, 'submit');
    return { status: 'berjalan', share: 0.5, kendala: '', tindakLanjut: '', plan: i % 2 === 0 ? 'accept' : 'submit' };
  }
  return null;
}

const realisasiOf = (target: number | null, share: number | null): number | null =>
  target === null || share === null ? null : Math.round(target * share);

/** Dates a demo report on plausible days of its semester's window (demoReportDates); report `n` of the semester. */
function dateReport(deps: DemoMonevDeps, kind: 'row' | 'unit', id: number, key: string, n: number, state: { submitted: boolean; reviewed: boolean }): void {
  const window = WINDOWS[key];
  if (window) deps.monitoring.setReportDates(kind, id, demoReportDates(window, n, state));
}

async function reportRow(deps: DemoMonevDeps, people: DemoPeople, periodId: number, row: RowProgress, i: number, s: SemesterProgress): Promise<void> {
  const cell = row.semesters.find((c) => c.key === s.key);
  const startsLater = /TW (III|IV) 2022/.test(row.schedule);
  const r = demoRowReport(i, s.key, startsLater);
  if (!cell || !r) return;
  const link = r.status === 'belum_dimulai' ? '' : `https://contoh-bukti.kutaitimurkab.go.id/renaksi/${s.key}/${row.no}.pdf`;
  const { id } = await deps.monitoring.saveRowReport(people.admin, periodId, row.rowId, s.key, {
    status: r.status, realisasi: realisasiOf(cell.target, r.share), kendala: r.kendala, tindakLanjut: r.tindakLanjut, link, version: 0,
    outputRealisasi: cell.outputs.length > 1 ? cell.outputs.map((o) => realisasiOf(o.target, r.share)) : null,
    action: r.plan === 'draft' ? 'simpan' : 'ajukan',
  }, [], []);
  const reviewed = r.plan === 'accept' || r.plan === 'return';
  if (reviewed) {
    const comment = r.plan === 'return' ? 'Lampirkan daftar hadir dan notulen bimbingan teknis yang ditandatangani.' : '';
    deps.monitoring.reviewRowReport(people.verifikator, periodId, row.rowId, s.key, { decision: r.plan === 'return' ? 'kembalikan' : 'terima', comment, version: 2 });
  }
  dateReport(deps, 'row', id, s.key, i, { submitted: r.plan !== 'draft', reviewed });
}

async function reportUnits(deps: DemoMonevDeps, people: DemoPeople, periodId: number, s: SemesterProgress): Promise<void> {
  const units = deps.monitoring.progress(periodId).units.filter((u) => u.indicators.length > 0);
  for (const [i, u] of units.entries()) {
    const reports = s.key === '2023-1' ? i % 2 === 0 : i % 7 !== 3;
    if (!reports) continue;
    const done = s.key === '2022-2' && i % 3 !== 1;
    const items = u.indicators.map((code) => ({
      indicatorCode: code, status: done ? 'selesai' as const : 'berjalan' as const, link: '',
      activity: done ? 'Dokumen ditetapkan dan diunggah ke kanal unit.' : 'Rapat internal dan penyusunan draf dokumen.',
      kendala: i % 5 === 2 ? 'Narahubung merangkap tugas lain; waktu penyusunan terbatas.' : '',
    }));
    const { id } = await deps.monitoring.saveUnitReport(people.admin, periodId, u.unitId, s.key, { items, version: 0, action: 'ajukan' }, [], []);
    const reviewed = s.key !== '2023-1' || i % 4 === 0;
    if (reviewed) deps.monitoring.reviewUnitReport(people.verifikator, periodId, u.unitId, s.key, { decision: 'terima', comment: '', version: 2 });
    dateReport(deps, 'unit', id, s.key, 1000 + i, { submitted: true, reviewed });
  }
}

/** The demo's verifikator: an account without a usable password (the admin issues a link on Pengguna), made once. */
const DEMO_VERIFIKATOR = { username: 'verifikator.demo', displayName: 'Verifikator Diskominfo Staper' } as const;

function demoVerifikator(deps: DemoMonevDeps): User | undefined {
  const found = deps.users.findCredentials(DEMO_VERIFIKATOR.username);
  const id = found?.id ?? deps.users.insert({ ...DEMO_VERIFIKATOR, passwordHash: UNSET_PASSWORD_HASH, role: 'verifikator', unitId: null });
  return deps.users.findById(id);
}

/**
 * Gives the demo's signed plan the realisasi of three semesters (2022 I and II reported and mostly accepted, 2023 I
 * partly reported) with kendala, tindak lanjut and evidence links, the units' own parts, and the reporting windows, so
 * the monev pages, the board, Lampiran III and the semester report show real content. Written through the monitoring
 * module's saves and reviews: the admin fills the reports, the demo verifikator reviews them, and each report is dated
 * on working days inside its semester's window. Does nothing without a final demo plan or once anything was reported.
 */
export async function seedDemoMonev(deps: DemoMonevDeps): Promise<void> {
  const period = deps.periods.findByName(DEFAULT_PERIOD_NAME);
  const creds = deps.users.findCredentials('admin');
  const admin = creds && deps.users.findById(creds.id);
  if (!period?.isDemo || !admin) return;
  const p = deps.monitoring.progress(period.id);
  if (!p.monitored || p.rows.some((r) => r.semesters.some((c) => c.reportId !== null))) return;
  const verifikator = demoVerifikator(deps);
  if (!verifikator) return;
  const people = { admin, verifikator };
  const semesters = p.semesters.filter((s) => s.key in WINDOWS);
  deps.monitoring.setWindows(admin, period.id, semesters.map((s) => ({ semester: s, window: WINDOWS[s.key] ?? null })));
  for (const s of semesters) {
    for (const [i, row] of p.rows.entries()) await reportRow(deps, people, period.id, row, i, s);
    await reportUnits(deps, people, period.id, s);
  }
}
