import type { TestContext, Agent } from './test-app';

/**
 * A small SP4N-LAPOR! export as a Kutai Timur admin downloads it: a title row, the usual headers, the reporters'
 * names, NIK and report texts (which must never be stored), one unreadable date, one unknown status, an instansi
 * that is only a suggestion (Dinkes Kutim) and one of another government (Kementerian Agama).
 */
export const EXPORT_CSV = [
  'Rekap Laporan SP4N-LAPOR! Kabupaten Kutai Timur 2022',
  'ID Tracking,Tanggal Laporan,Nama Pelapor,NIK,Instansi,Status,Tanggal Tindak Lanjut Pertama,Tanggal Selesai,Klasifikasi,Kanal,Kategori,Isi Laporan',
  '4100001,05/08/2022,Budi Santoso,6408011234560001,Dinas Kesehatan Kabupaten Kutai Timur,Selesai,12/08/2022,19/08/2022,Pengaduan,Website,Kesehatan,Puskesmas tutup di jam kerja',
  '4100002,15/08/2022 09:30,Siti Aminah,6408019876540002,Dinas Kesehatan Kab. Kutai Timur,Proses,22/08/2022,,Pengaduan,SMS 1708,Kesehatan,Obat habis di apotek',
  '4100003,2022-09-01,Anonim,,Kecamatan Sangatta Utara Kabupaten Kutai Timur,Bukan Wewenang,,,Aspirasi,Aplikasi,Infrastruktur,Jalan provinsi rusak',
  '4100004,31/02/2022,Andi Wijaya,,Dinas Kesehatan,Selesai,,,Pengaduan,Website,Kesehatan,Tanggal salah',
  '4100005,2022-10-10,Rina Kusuma,,Dinas Kesehatan,Entah,,,Pengaduan,Website,Kesehatan,Status aneh',
  '4100006,2022-10-11,Joko Prasetyo,,Dinkes Kutim,Selesai,2022-10-12,2022-10-14,Pengaduan,Website,Kesehatan,Terima kasih',
  '4100007,2022-10-12,Dewi Lestari,,Kementerian Agama,Proses,,,Pengaduan,Website,Agama,Lain-lain',
].join('\r\n');

/** Texts of EXPORT_CSV that are personal data or report text: none may reach the database. */
export const PERSONAL_TEXTS = ['Budi Santoso', '6408011234560001', 'Siti Aminah', 'Puskesmas tutup', 'Obat habis', 'Dewi Lestari'];

export function uploadExport(agent: Agent, csrf: string | null, periodId: number, data: Buffer | string, name = 'ekspor-lapor.csv', exportDate = '2022-12-30') {
  const req = agent.post(`/periods/${periodId}/lapor/upload`);
  if (csrf !== null) req.field('_csrf', csrf);
  return req.field('exportDate', exportDate).attach('file', typeof data === 'string' ? Buffer.from(data, 'utf8') : data, name);
}

export const planHashOf = (html: string): string => /name="planHash" value="([0-9a-f]+)"/.exec(html)?.[1] ?? '';

/** The index of an instansi line on the preview page (its `key_<n>` field). */
export function instansiIndex(html: string, key: string): number {
  const m = new RegExp(`name="key_(\\d+)" value="${key}"`).exec(html);
  if (!m?.[1]) throw new Error(`instansi ${key} not on the page`);
  return Number(m[1]);
}

/** Every row of the SP4N-LAPOR! tables and the audit log, for "nothing changed" assertions. */
export function laporRows(ctx: TestContext): Record<string, unknown[]> {
  const all = (t: string) => ctx.db.prepare(`SELECT * FROM ${t}`).all();
  return {
    reports: all('lapor_reports'), imports: all('lapor_imports'), mappings: all('lapor_header_mappings'),
    instansi: all('lapor_instansi_units'), daysOff: all('lapor_days_off'), targets: all('lapor_targets'),
    audit: ctx.db.prepare("SELECT * FROM audit_log WHERE action LIKE 'lapor.%'").all(),
  };
}

/** Whether any of these texts is anywhere in the database file (every table, every page). */
export function databaseHolds(ctx: TestContext, texts: string[]): string[] {
  const bytes = ctx.db.serialize().toString('latin1');
  return texts.filter((t) => bytes.includes(t));
}

/** Uploads and applies an export as the admin would (no instansi confirmed beyond what is remembered). */
export async function applyExport(agent: Agent, csrf: string, periodId: number, csv: string, exportDate = '2022-12-30'): Promise<void> {
  const up = await uploadExport(agent, csrf, periodId, csv, 'ekspor.csv', exportDate);
  if (up.status !== 303) throw new Error(`upload refused: ${up.status}`);
  const url = up.headers.location as string;
  const page = await agent.get(url);
  const res = await agent.post(`${url}/apply`).type('form').send({ _csrf: csrf, planHash: planHashOf(page.text) });
  if (res.status !== 303) throw new Error(`apply refused: ${res.status}`);
}
