import type { MonitoringService, RowProgress, SemesterProgress } from '../monitoring';
import type { User } from '../shared/identity';
import { DEFAULT_PERIOD_NAME, type SeedDeps } from './seed.service';

/** What the demo's realisasi is written with: the monitoring module's own saves and reviews, as a person would. */
type DemoMonevDeps = Pick<SeedDeps, 'periods' | 'users'> & {
  monitoring: Pick<MonitoringService, 'progress' | 'saveRowReport' | 'reviewRowReport' | 'saveUnitReport' | 'reviewUnitReport' | 'setWindows'>;
};

/** The reporting windows the demo kabupaten set: three weeks after each semester it reported. */
const WINDOWS: Record<string, { opensOn: string; deadline: string }> = {
  '2022-1': { opensOn: '2022-07-01', deadline: '2022-07-22' },
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

async function reportRow(deps: DemoMonevDeps, admin: User, periodId: number, row: RowProgress, i: number, s: SemesterProgress): Promise<void> {
  const cell = row.semesters.find((c) => c.key === s.key);
  const startsLater = /TW (III|IV) 2022/.test(row.schedule);
  const r = demoRowReport(i, s.key, startsLater);
  if (!cell || !r) return;
  const link = r.status === 'belum_dimulai' ? '' : `https://contoh-bukti.kutaitimurkab.go.id/renaksi/${s.key}/${row.no}.pdf`;
  await deps.monitoring.saveRowReport(admin, periodId, row.rowId, s.key, {
    status: r.status, realisasi: realisasiOf(cell.target, r.share), kendala: r.kendala, tindakLanjut: r.tindakLanjut, link, version: 0,
    action: r.plan === 'draft' ? 'simpan' : 'ajukan',
  }, [], []);
  if (r.plan !== 'accept' && r.plan !== 'return') return;
  const comment = r.plan === 'return' ? 'Lampirkan daftar hadir dan notulen bimbingan teknis yang ditandatangani.' : '';
  deps.monitoring.reviewRowReport(admin, periodId, row.rowId, s.key, { decision: r.plan === 'return' ? 'kembalikan' : 'terima', comment, version: 2 });
}

async function reportUnits(deps: DemoMonevDeps, admin: User, periodId: number, s: SemesterProgress): Promise<void> {
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
    await deps.monitoring.saveUnitReport(admin, periodId, u.unitId, s.key, { items, version: 0, action: 'ajukan' }, [], []);
    if (s.key !== '2023-1' || i % 4 === 0) deps.monitoring.reviewUnitReport(admin, periodId, u.unitId, s.key, { decision: 'terima', comment: '', version: 2 });
  }
}

/**
 * Gives the demo's signed plan the realisasi of three semesters (2022 I and II reported and mostly accepted, 2023 I
 * partly reported) with kendala, tindak lanjut and evidence links, the units' own parts, and the reporting windows, so
 * the monev pages, the board, Lampiran III and the semester report show real content. Written by the admin through
 * the monitoring module's saves and reviews. Does nothing without a final demo plan or once anything was reported.
 */
export async function seedDemoMonev(deps: DemoMonevDeps): Promise<void> {
  const period = deps.periods.findByName(DEFAULT_PERIOD_NAME);
  const creds = deps.users.findCredentials('admin');
  const admin = creds && deps.users.findById(creds.id);
  if (!period?.isDemo || !admin) return;
  const p = deps.monitoring.progress(period.id);
  if (!p.monitored || p.rows.some((r) => r.semesters.some((c) => c.reportId !== null))) return;
  const semesters = p.semesters.filter((s) => s.key in WINDOWS);
  deps.monitoring.setWindows(admin, period.id, semesters.map((s) => ({ semester: s, window: WINDOWS[s.key] ?? null })));
  for (const s of semesters) {
    for (const [i, row] of p.rows.entries()) await reportRow(deps, admin, period.id, row, i, s);
    await reportUnits(deps, admin, period.id, s);
  }
}
