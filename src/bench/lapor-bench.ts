import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { openDatabase } from '../db/database';
import { BENCH_PASSWORD } from './synthetic-db';
import { signIn } from './http-bench';
import { exited, startServer } from './server-process';

/**
 * Importing 100.000 SP4N-LAPOR! reports (a province's year) into the Kutai Timur database: upload and read, preview,
 * apply, the figures afterwards, and a re-import of the same export (every report an update), with the server's peak
 * resident memory. Runs on a copy of the database, so other sections see it unchanged.
 */

export const LAPOR_BENCH_ROWS = 100_000;
const TIMEOUT_MS = 300_000;

export interface LaporStep {
  status: number;
  ms: number;
}

export interface LaporBenchFigures {
  rows: number;
  format: 'csv' | 'xlsx';
  fileMb: number;
  upload: LaporStep;
  preview: LaporStep;
  apply: LaporStep;
  figuresCold: LaporStep;
  figuresWarm: LaporStep;
  dashboard: LaporStep;
  reimport: LaporStep;
  stored: number;
  peakRssMb: number;
}

const HEADER = ['ID Tracking', 'Tanggal Laporan', 'Nama Pelapor', 'NIK', 'Instansi', 'Status', 'Tanggal Tindak Lanjut Pertama', 'Tanggal Selesai', 'Klasifikasi', 'Kanal', 'Kategori', 'Isi Laporan'];
const STATUSES = ['Selesai', 'Selesai', 'Selesai', 'Diproses', 'Belum Ditindaklanjuti', 'Bukan Wewenang'];
const TEXT = 'Mohon ditindaklanjuti: jalan di depan rumah kami rusak berat sejak musim hujan dan belum diperbaiki, anak-anak sulit berangkat sekolah. ';

function dmy(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

/** The export's rows: reporters' names, NIK and report texts included, as a real export carries them. */
function exportRows(instansi: string[], rows: number): string[][] {
  const out: string[][] = [HEADER];
  const start = Date.UTC(2022, 0, 3);
  for (let i = 0; i < rows; i++) {
    const received = start + ((i * 7919) % 350) * 86_400_000;
    const status = STATUSES[i % STATUSES.length] as string;
    const first = status === 'Bukan Wewenang' || status === 'Belum Ditindaklanjuti' ? '' : dmy(received + ((i % 9) + 1) * 86_400_000);
    const done = status === 'Selesai' ? dmy(received + ((i % 40) + 3) * 86_400_000) : '';
    out.push([
      String(5_000_000 + i), dmy(received), `Pelapor ${i}`, String(6408010000000000 + i), instansi[i % instansi.length] as string, status,
      first, done, i % 5 === 0 ? 'Aspirasi' : 'Pengaduan', i % 2 ? 'Website' : 'SMS 1708', 'Infrastruktur', TEXT,
    ]);
  }
  return out;
}

const csvOf = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\r\n'), 'utf8');

async function xlsxOf(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Laporan');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function rssMb(pid: number | undefined): number {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

async function timed(run: () => Promise<Response>): Promise<LaporStep & { body: string; location: string | null }> {
  const started = process.hrtime.bigint();
  const res = await run();
  const body = await res.text();
  return { status: res.status, ms: Number(process.hrtime.bigint() - started) / 1e6, body, location: res.headers.get('location') };
}

/** Imports the export twice on a production server started on a copy of the Kutai Timur database. */
export async function laporFigures(kutimDir: string, workDir: string, format: 'csv' | 'xlsx', rows = LAPOR_BENCH_ROWS): Promise<LaporBenchFigures> {
  fs.rmSync(workDir, { recursive: true, force: true });
  fs.mkdirSync(workDir, { recursive: true });
  fs.copyFileSync(path.join(kutimDir, 'sp4n.sqlite'), path.join(workDir, 'sp4n.sqlite'));
  const db = openDatabase(path.join(workDir, 'sp4n.sqlite'));
  const periodId = (db.prepare('SELECT max(id) AS id FROM periods').get() as { id: number }).id;
  const names = (db.prepare('SELECT name FROM units WHERE active = 1').all() as { name: string }[]).map((u) => `${u.name} Kabupaten Kutai Timur`);
  db.close();
  const table = exportRows(names, rows);
  const file = format === 'csv' ? csvOf(table) : await xlsxOf(table);
  const server = await startServer({ DATA_DIR: workDir, NODE_ENV: 'production' });
  let peak = rssMb(server.child.pid);
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server.child.pid))), 20);
  try {
    const admin = await signIn(server.baseUrl, 'bench.admin', BENCH_PASSWORD);
    const get = (url: string) => timed(() => fetch(`${server.baseUrl}${url}`, { headers: { cookie: admin.cookie }, signal: AbortSignal.timeout(TIMEOUT_MS) }));
    const importOnce = async () => {
      const form = new FormData();
      form.append('_csrf', admin.csrf);
      form.append('exportDate', '2022-12-30');
      form.append('file', new Blob([new Uint8Array(file)]), `ekspor-lapor.${format}`);
      const upload = await timed(() => fetch(`${server.baseUrl}/periods/${periodId}/lapor/upload`, { method: 'POST', body: form, headers: { cookie: admin.cookie }, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) }));
      if (upload.status !== 303 || !upload.location) throw new Error(`upload refused: ${upload.status} ${upload.body.slice(0, 300)}`);
      const preview = await get(upload.location);
      const planHash = /name="planHash" value="([0-9a-f]+)"/.exec(preview.body)?.[1] ?? '';
      const apply = await timed(() => fetch(`${server.baseUrl}${upload.location}/apply`, {
        method: 'POST', redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS),
        headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: admin.csrf, planHash }).toString(),
      }));
      return { upload, preview, apply };
    };
    const first = await importOnce();
    const figuresCold = await get(`/api/periods/${periodId}/lapor`);
    const figuresWarm = await get(`/api/periods/${periodId}/lapor`);
    const dashboard = await get(`/periods/${periodId}/dashboard`);
    const again = await importOnce();
    const stored = ((JSON.parse(figuresCold.body) as { kabupaten: { received: number } | null }).kabupaten?.received) ?? 0;
    const step = (s: LaporStep): LaporStep => ({ status: s.status, ms: s.ms });
    return {
      rows, format, fileMb: file.length / 1048576, upload: step(first.upload), preview: step(first.preview), apply: step(first.apply),
      figuresCold: step(figuresCold), figuresWarm: step(figuresWarm), dashboard: step(dashboard), reimport: step(again.apply), stored, peakRssMb: peak,
    };
  } finally {
    clearInterval(sampler);
    server.child.kill('SIGTERM');
    await exited(server.child);
  }
}

const f1 = (n: number) => new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 }).format(n);
const s1 = (ms: number) => `${f1(ms / 1000)} s`;

/** The README table's row for one import run. */
export function laporMarkdown(r: LaporBenchFigures): string {
  return `| Impor ${f1(r.rows)} laporan SP4N-LAPOR! (.${r.format}, ${f1(r.fileMb)} MB): unggah dan baca / pratinjau / terapkan / impor ulang (semua diperbarui) | ${s1(r.upload.ms)} / ${s1(r.preview.ms)} / ${s1(r.apply.ms)} / ${s1(r.reimport.ms)}; angka API dingin / hangat ${f1(r.figuresCold.ms)} / ${f1(r.figuresWarm.ms)} ms, dasbor ${f1(r.dashboard.ms)} ms; ${f1(r.stored)} tersimpan; puncak memori server ${f1(r.peakRssMb)} MB | terapkan < 60 s |`;
}
