import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../db/database';
import { buildSyntheticDatabase, BENCH_PASSWORD, type SyntheticSpec } from './synthetic-db';
import { signIn } from './http-bench';
import { exited, startServer, type ServerProcess } from './server-process';
import { MONEV_SEMESTERS, writeMonevData, type MonevData, type MonevPlanShape } from './monev-data';
import { rssSampler, type Session } from './upload-bench';

/**
 * The monev of a signed Renaksi at a province's scale (570 units; `BENCH_MONEV_REGENCIES=20`: 1.140, 38: Jawa Timur's
 * 2.166, 527: the country's 30.039): the 2022 period's plan drafted and finalised through the app (finalising and
 * downloading the signed workbook timed, with the server's peak memory), four semesters of realisasi reported, a 2023
 * assessment beside it. Times each monev page, document and JSON answer on a production server: the first request,
 * then the median of the next ones. `BENCH_MONEV_SIGN_ONLY=1` stops after signing; `BENCH_MONEV_REUSE=1` times the
 * pages again on the database an earlier run left (at the country's scale: 13 s to build, 22 s to sign, 10 s to write
 * 103.000 unit reports with 3,2 million indicator items).
 */

const SPEC: SyntheticSpec = { name: 'monev-provinsi', regencies: Number(process.env.BENCH_MONEV_REGENCIES ?? 10), unitsPerRegency: 57, periods: 2 };
const REPEATS = 5;
const SIGN_ONLY = process.env.BENCH_MONEV_SIGN_ONLY === '1';
const REUSE = process.env.BENCH_MONEV_REUSE === '1';
/** The country's 514 kabupaten/kota and 38 provinces' own units: 527 × 57 = 30.039. */
const SCALE = SPEC.regencies >= 527 ? 'nasional' : 'provinsi';
const TIMEOUT_MS = 300_000;

/** Each stage's duration on stderr, so a national run shows where its minutes go. */
function stage(what: string, started: bigint): void {
  console.error(`monev bench: ${what} in ${f1(ms(started) / 1000)} s`);
}

export interface MonevTiming {
  what: string;
  path: string;
  status: number;
  bytes: number;
  firstMs: number;
  medianMs: number;
  /** The median's ceiling, in ms. */
  targetMs: number;
}

/** Finalising the plan (building the workbook the version keeps) and downloading the signed workbook. */
export interface SigningFigures {
  finaliseMs: number;
  finalisePeakRssMb: number;
  download: MonevTiming;
  downloadPeakRssMb: number;
}

export interface MonevFigures {
  scale: string;
  units: number;
  /** Null when an earlier run's database was reused. */
  signing: SigningFigures | null;
  data: MonevData | null;
  timings: MonevTiming[];
}

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function get(baseUrl: string, s: Session, url: string): Promise<{ status: number; bytes: number; ms: number; body: Buffer }> {
  const started = process.hrtime.bigint();
  const res = await fetch(`${baseUrl}${url}`, { headers: { cookie: s.cookie }, signal: AbortSignal.timeout(TIMEOUT_MS) });
  const body = Buffer.from(await res.arrayBuffer());
  return { status: res.status, bytes: body.length, ms: ms(started), body };
}

async function post(baseUrl: string, s: Session, url: string): Promise<void> {
  const res = await fetch(`${baseUrl}${url}`, { method: 'POST', redirect: 'manual', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf }, signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (res.status !== 302 && res.status !== 303) throw new Error(`monev bench: POST ${url} answered ${res.status}: ${(await res.text()).replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').slice(-400)}`);
}

async function timeOne(baseUrl: string, s: Session, what: string, url: string, targetMs: number): Promise<MonevTiming> {
  const first = await get(baseUrl, s, url);
  if (first.status !== 200) throw new Error(`monev bench: GET ${url} answered ${first.status}: ${first.body.toString('utf8').slice(0, 300)}`);
  const later: number[] = [];
  for (let i = 0; i < REPEATS; i++) later.push((await get(baseUrl, s, url)).ms);
  return { what, path: url, status: first.status, bytes: first.bytes, firstMs: first.ms, medianMs: median(later), targetMs };
}

/**
 * Drafts the 2022 plan and finalises it through the app, timing the finalising (the workbook is built then) and the
 * download of the signed workbook, each with the server's peak memory (its worker threads included).
 */
async function signPlan(server: ServerProcess, admin: Session, planPeriod: number): Promise<SigningFigures> {
  await post(server.baseUrl, admin, `/periods/${planPeriod}/renaksi/generate`);
  let sampler = rssSampler(server.child.pid);
  const started = process.hrtime.bigint();
  await post(server.baseUrl, admin, `/periods/${planPeriod}/renaksi/finalize`);
  const finaliseMs = ms(started);
  const finalisePeakRssMb = sampler.stop();
  sampler = rssSampler(server.child.pid);
  const download = await timeOne(server.baseUrl, admin, 'unduh workbook Renaksi final (GET …/renaksi.xlsx)', `/periods/${planPeriod}/renaksi.xlsx`, 3000);
  return { finaliseMs, finalisePeakRssMb, download, downloadPeakRssMb: sampler.stop() };
}

/** Writes the four semesters of reports of the signed 2022 plan. */
async function reportPlan(server: ServerProcess, admin: Session, file: string, planPeriod: number): Promise<MonevData> {
  const shape = JSON.parse((await get(server.baseUrl, admin, `/api/periods/${planPeriod}/renaksi/progress`)).body.toString('utf8')) as MonevPlanShape;
  const db = openDatabase(file);
  try {
    const adminId = (db.prepare("SELECT id FROM users WHERE username = 'bench.admin'").get() as { id: number }).id;
    return writeMonevData(db, shape, adminId);
  } finally {
    db.close();
  }
}

/** A unit with its own part that reported the last semester: the one whose monev page (and progress by ?unit) is timed. */
function reportingUnit(file: string, planId: number): { id: number; code: string } {
  const db = openDatabase(file);
  try {
    const [year, semester] = (MONEV_SEMESTERS[MONEV_SEMESTERS.length - 1] as string).split('-').map(Number);
    const sql = 'SELECT r.unit_id AS id, u.code FROM monev_unit_reports r JOIN units u ON u.id = r.unit_id WHERE r.plan_id = ? AND r.year = ? AND r.semester = ? ORDER BY r.unit_id DESC LIMIT 1';
    return db.prepare(sql).get(planId, year, semester) as { id: number; code: string };
  } finally {
    db.close();
  }
}

/**
 * The monev data an earlier run left in `file` (`BENCH_MONEV_REUSE=1`), or null: timing the pages again after a change
 * then skips building, signing and reporting (at the country's scale, most of a run).
 */
function earlierData(file: string): MonevData | null {
  if (!REUSE || !fs.existsSync(file)) return null;
  const db = openDatabase(file);
  try {
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const planId = count("SELECT max(id) AS n FROM renaksi_plans WHERE status = 'final'");
    const unitReports = count('SELECT count(*) AS n FROM monev_unit_reports');
    if (!planId || unitReports === 0) return null;
    return { planId, rowReports: count('SELECT count(*) AS n FROM monev_row_reports'), unitReports, evidence: count('SELECT count(*) AS n FROM monev_evidence') };
  } finally {
    db.close();
  }
}

/** Builds the database, signs the 2022 plan and writes its monev: figures of signing and the data written. */
async function prepare(dir: string, file: string): Promise<{ units: number; signing: SigningFigures; data: MonevData | null; started: ServerProcess }> {
  let t = process.hrtime.bigint();
  const built = await buildSyntheticDatabase(dir, SPEC);
  stage(`database of ${built.units} units built`, t);
  const server = await startServer({ DATA_DIR: dir, NODE_ENV: 'production' }, 120_000);
  const admin = await signIn(server.baseUrl, 'bench.admin', BENCH_PASSWORD);
  const { planPeriod } = await periodIds(server, admin);
  t = process.hrtime.bigint();
  const signing = await signPlan(server, admin, planPeriod);
  stage('plan drafted, finalised and downloaded', t);
  if (SIGN_ONLY) return { units: built.units, signing, data: null, started: server };
  t = process.hrtime.bigint();
  const data = await reportPlan(server, admin, file, planPeriod);
  stage(`${data.rowReports} row and ${data.unitReports} unit reports written`, t);
  return { units: built.units, signing, data, started: server };
}

async function periodIds(server: ServerProcess, admin: Session): Promise<{ planPeriod: number; nextPeriod: number }> {
  const periods = (JSON.parse((await get(server.baseUrl, admin, '/api/periods')).body.toString('utf8')) as { periods: { id: number; year: number }[] }).periods;
  return { planPeriod: periods.find((p) => p.year === 2022)?.id as number, nextPeriod: periods.find((p) => p.year === 2023)?.id as number };
}

/** Times each monev page, document and JSON answer. */
async function timePages(server: ServerProcess, admin: Session, file: string, data: MonevData): Promise<MonevTiming[]> {
  const { planPeriod, nextPeriod } = await periodIds(server, admin);
  const unit = reportingUnit(file, data.planId);
  const progress = `/api/periods/${nextPeriod}/progress?compare=${planPeriod}`;
  const last = MONEV_SEMESTERS[MONEV_SEMESTERS.length - 1] as string;
  const base = `/periods/${planPeriod}/renaksi`;
  const rows: [string, string, number][] = [
    [`papan pelaporan (…/renaksi/monev/board)`, `${base}/monev/board?semester=${last}`, 300],
    [`halaman satu unit (…/renaksi/monev/units/:unitId/:semester)`, `${base}/monev/units/${unit.id}/${last}`, 100],
    [`ringkasan semester (…/renaksi/monev)`, `${base}/monev?semester=${last}`, 300],
    [`Lampiran III (…/renaksi/monev.xlsx)`, `${base}/monev.xlsx`, 3000],
    [`laporan semester (…/renaksi/monev/laporan?semester=)`, `${base}/monev/laporan?semester=${last}`, 300],
    [`GET /api/periods/:id/progress?compare=`, progress, 500],
    [`GET /api/periods/:id/progress?compare=&unit= (satu unit)`, `${progress}&unit=${encodeURIComponent(unit.code)}`, 500],
    [`GET /api/periods/:id/progress?compare=&limit=100 (satu halaman)`, `${progress}&limit=100&offset=100`, 500],
    [`GET /api/periods/:id/renaksi/progress`, `/api/periods/${planPeriod}/renaksi/progress`, 300],
  ];
  const timings: MonevTiming[] = [];
  for (const [what, url, target] of rows) {
    const t = await timeOne(server.baseUrl, admin, what, url, target);
    console.error(`monev bench: ${what}: first ${f1(t.firstMs)} ms, median ${f1(t.medianMs)} ms, ${f1(t.bytes / 1024)} KB`);
    timings.push(t);
  }
  return timings;
}

/** Builds the database under `benchDir` (or reuses it), signs and reports the plan, and times the monev's pages and answers. */
export async function monevFigures(benchDir: string): Promise<MonevFigures> {
  const dir = path.join(benchDir, SPEC.name);
  const file = path.join(dir, 'sp4n.sqlite');
  const earlier = earlierData(file);
  const prepared = earlier ? null : await prepare(dir, file);
  const server = prepared?.started ?? (await startServer({ DATA_DIR: dir, NODE_ENV: 'production' }, 120_000));
  try {
    const units = prepared?.units ?? countUnits(file);
    const data = earlier ?? prepared?.data ?? null;
    const signing = prepared?.signing ?? null;
    if (!data) return { scale: SCALE, units, signing, data, timings: [] };
    const admin = await signIn(server.baseUrl, 'bench.admin', BENCH_PASSWORD);
    return { scale: SCALE, units, signing, data, timings: await timePages(server, admin, file, data) };
  } finally {
    server.child.kill('SIGTERM');
    await exited(server.child);
  }
}

function countUnits(file: string): number {
  const db = openDatabase(file);
  try {
    return (db.prepare('SELECT count(*) AS n FROM units').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

const f1 = (n: number) => new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 }).format(n);

/** Targets of signing: a province's plan within the build's 60 s ceiling with room to spare, and within 1 GB. */
const FINALISE_TARGET_MS = 30_000;
const SIGNING_TARGET_RSS_MB = 1024;

/** The README table's rows for the monev run. */
export function monevMarkdown(r: MonevFigures): string[] {
  const d = r.data;
  const s = r.signing;
  const signing = !s ? [] : [
    `| Finalkan Renaksi (${f1(r.units)} unit; workbook dibangun dan disimpan bersama versinya) | ${f1(s.finaliseMs)} ms, puncak memori server ${f1(s.finalisePeakRssMb)} MB | < ${f1(FINALISE_TARGET_MS)} ms, < ${f1(SIGNING_TARGET_RSS_MB)} MB |`,
    `| Unduh workbook Renaksi final (${f1(r.units)} unit, ${f1(s.download.bytes / 1024)} KB) | pertama ${f1(s.download.firstMs)} ms, median ${f1(s.download.medianMs)} ms, puncak memori server ${f1(s.downloadPeakRssMb)} MB | median < ${f1(s.download.targetMs)} ms |`,
  ];
  if (!d) return signing;
  const scope = `${r.scale}, ${f1(r.units)} unit, ${f1(d.rowReports)} laporan baris + ${f1(d.unitReports)} laporan unit dalam ${MONEV_SEMESTERS.length} semester`;
  return [...signing, ...r.timings.map((t) => `| Monev (${scope}): ${t.what} | pertama ${f1(t.firstMs)} ms, median ${f1(t.medianMs)} ms (${f1(t.bytes / 1024)} KB) | median < ${f1(t.targetMs)} ms |`)];
}
