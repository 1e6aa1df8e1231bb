import { prng } from './sample-answers';

/**
 * A demo SP4N-LAPOR! export for Kutai Timur's demo period: a few hundred reports spread over the year, as the export
 * of an admin instansi looks (the usual headers, instansi names carrying the regency's name, a few reports for other
 * governments that the import leaves out). Deterministic, so every machine shows the same figures. Pure.
 */

export interface DemoUnit {
  code: string;
  name: string;
  group: 'pd' | 'kecamatan';
}

const HEADER = ['ID Tracking', 'Tanggal Laporan', 'Instansi', 'Status', 'Tanggal Tindak Lanjut Pertama', 'Tanggal Selesai', 'Klasifikasi', 'Kanal', 'Kategori'];
const CLASSES = ['Pengaduan', 'Pengaduan', 'Pengaduan', 'Aspirasi', 'Permintaan Informasi'];
const CHANNELS = ['Website', 'Aplikasi Mobile', 'SMS 1708', 'Twitter'];
const CATEGORIES = ['Infrastruktur', 'Kesehatan', 'Pendidikan', 'Administrasi Kependudukan', 'Lingkungan Hidup', 'Ketertiban Umum', 'Sosial'];
/** Units the public writes to most (by code), and how many more reports they get. */
const BUSY: Record<string, number> = { 'PD-DISDUKCAPIL': 60, 'PD-DPUPR': 45, 'PD-DINKES': 35, 'PD-DLH': 30, 'PD-DISDIK': 25, 'PD-DISHUB': 15, 'KEC-SANGATTA-UTARA': 15 };
const OTHERS = ['Kementerian Agama Kabupaten Kutai Timur', 'Dinas Pendidikan Provinsi Kalimantan Timur', 'PT PLN (Persero) UP3 Bontang'];

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** "27/06/2022": the form an Indonesian export writes dates in. */
const indonesian = (ms: number) => {
  const d = new Date(ms);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
};

/** A weekday of the year, at most `lastDay` (ISO). */
function receivedOn(rand: () => number, year: number, lastDay: string): number {
  const start = Date.UTC(year, 0, 3);
  const span = (Date.parse(lastDay) - start) / DAY_MS;
  let ms = start + Math.floor(rand() * span) * DAY_MS;
  while ([0, 6].includes(new Date(ms).getUTCDay())) ms -= DAY_MS;
  return ms;
}

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;

/** One report's status and dates, by how well its unit follows up (`care`, 0–1). */
function lifecycle(rand: () => number, care: number, received: number, exportMs: number) {
  const roll = rand();
  if (roll < 0.05) return { status: 'Bukan Wewenang', first: null, finished: null };
  if (roll < 0.06) return { status: 'Diarsipkan', first: null, finished: null };
  const firstMs = received + (rand() < care ? 1 + Math.floor(rand() * 5) : 8 + Math.floor(rand() * 25)) * DAY_MS;
  const finishedMs = firstMs + Math.floor(2 + rand() * 40) * DAY_MS;
  if (rand() < care + 0.05 && finishedMs <= exportMs) return { status: 'Selesai', first: firstMs, finished: finishedMs };
  if (firstMs <= exportMs && rand() < 0.8) return { status: 'Diproses', first: firstMs, finished: null };
  return { status: 'Belum Ditindaklanjuti', first: null, finished: null };
}

/** The rows of the demo export (header first). */
export function demoLaporExport(units: readonly DemoUnit[], year: number, exportDate: string): string[][] {
  const rand = prng(1708);
  const exportMs = Date.parse(exportDate);
  const last = iso(Math.min(exportMs, Date.UTC(year, 11, 20)));
  const rows: string[][] = [HEADER];
  let id = 4_120_000;
  const add = (instansi: string, care: number) => {
    const received = receivedOn(rand, year, last);
    const life = lifecycle(rand, care, received, exportMs);
    rows.push([
      String(++id), indonesian(received), instansi, life.status, life.first === null ? '' : indonesian(life.first),
      life.finished === null ? '' : iso(life.finished), pick(rand, CLASSES), pick(rand, CHANNELS), pick(rand, CATEGORIES),
    ]);
  };
  units.forEach((u, i) => {
    const base = u.group === 'pd' ? Math.floor(rand() * 8) : Math.floor(rand() * 5);
    const count = base + (BUSY[u.code] ?? 0) - (i % 7 === 3 ? base : 0);
    const care = 0.35 + rand() * 0.6;
    const name = i % 4 === 0 ? `${u.name} Kab. Kutai Timur` : `${u.name} Kabupaten Kutai Timur`;
    for (let n = 0; n < count; n++) add(name, care);
  });
  OTHERS.forEach((o) => {
    for (let n = 0; n < 4; n++) add(o, 0.5);
  });
  return rows;
}

/** Cuti bersama 2022 (SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB), for the demo's hari kerja. */
export const DEMO_CUTI_BERSAMA_2022 = [
  { day: '2022-04-29', note: 'Cuti bersama Idul Fitri 1443 H' },
  { day: '2022-05-04', note: 'Cuti bersama Idul Fitri 1443 H' },
  { day: '2022-05-05', note: 'Cuti bersama Idul Fitri 1443 H' },
  { day: '2022-05-06', note: 'Cuti bersama Idul Fitri 1443 H' },
  { day: '2022-12-26', note: 'Cuti bersama Hari Raya Natal' },
];

/** The number of reports the demo agrees with each unit (E3): more for the busy ones. */
export function demoTarget(u: DemoUnit): number {
  return (BUSY[u.code] ?? 0) + (u.group === 'pd' ? 8 : 4);
}

/** What seeding needs of the SP4N-LAPOR! feature (its module's seedDemo). */
export interface LaporDemoTarget {
  seedDemo(input: { periodId: number; fileName: string; exportDate: string; table: string[][]; daysOff: { day: string; note: string }[]; targetOf: (code: string) => number }): boolean;
}

/** The demo period gets an SP4N-LAPOR! export too, exported on 30 December of its year. */
export function seedDemoLapor(period: { id: number; year: number }, units: readonly DemoUnit[], lapor: LaporDemoTarget): boolean {
  const exportDate = `${period.year}-12-30`;
  const byCode = new Map(units.map((u) => [u.code, u]));
  return lapor.seedDemo({
    periodId: period.id,
    fileName: `contoh-ekspor-sp4n-lapor-${period.year}.csv`,
    exportDate,
    table: demoLaporExport(units, period.year, exportDate),
    daysOff: period.year === 2022 ? DEMO_CUTI_BERSAMA_2022 : [],
    targetOf: (code) => {
      const u = byCode.get(code);
      return u ? demoTarget(u) : 1;
    },
  });
}
