import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../db/database';
import { migrate } from '../db/migrate';
import { createModules } from '../app';
import { loadConfig } from '../config/config';
import { PROJECT_ROOT } from '../shared/paths';
import { buildSyntheticDatabase, BENCH_PASSWORD, type SyntheticSpec } from './synthetic-db';
import { spawnCeilingServer } from './ceiling-server';
import type autocannon from 'autocannon';
import { load, pollingViewers, signIn, transferredSize, type LoadFigures } from './http-bench';
import { LIVE_POLL_SECONDS } from '../dashboard';
import { exited, startServer, type ServerProcess } from './server-process';
import { ONLY_SECTIONS, onlyMarkdown, runOnly, writeOnly, type OnlyResults, type OnlySection } from './only-run';

const BENCH_DIR = process.env.BENCH_DIR ?? path.join(os.tmpdir(), 'sp4n-bench');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const SCALES: SyntheticSpec[] = [
  { name: 'kutai-timur', regencies: 1, unitsPerRegency: 57, periods: 1 },
  { name: 'provinsi', regencies: 10, unitsPerRegency: 57, periods: 2 },
  { name: 'nasional', regencies: 527, unitsPerRegency: 57, periods: 3 },
];

const results: Record<string, unknown> = {};
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

function timeMedian(fn: () => unknown, runs = 5): number {
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = process.hrtime.bigint();
    fn();
    t.push(ms(s));
  }
  return median(t);
}

/** Dashboard data in-process (cold, then warm with the per-assessment cache) next to one SQL aggregate. */
function dashboardFigures(file: string) {
  const db = openDatabase(file);
  migrate(db);
  const scoring = createModules({ db, config: loadConfig({ DATA_DIR: path.dirname(file) }) }).scoring.service;
  const periodId = (db.prepare('SELECT max(id) AS id FROM periods').get() as { id: number }).id;
  const s = process.hrtime.bigint();
  scoring.computePeriodScores(periodId);
  const cold = ms(s);
  const warm = timeMedian(() => scoring.computePeriodScores(periodId));
  const sqlAgg = db.prepare(
    `SELECT u.group_kind, avg(an.level) FROM answers an JOIN assessments a ON a.id = an.assessment_id JOIN units u ON u.id = a.unit_id
     WHERE a.period_id = ? AND a.status IN ('diajukan','diverifikasi') GROUP BY u.group_kind`,
  );
  const sql = timeMedian(() => sqlAgg.all(periodId));
  db.close();
  return { coldMs: cold, warmMs: warm, sqlAggregateMs: sql, ratio: warm / sql };
}

interface AutosaveTarget {
  periodId: number;
  units: number[];
  codes: string[];
  /** The stored version of each answer ("unitId:code"), as the questionnaire page hands it to its script. */
  versions: Map<string, number>;
}

/**
 * Where autosave streams write: units whose newest-period assessment can still be edited (draft or not started),
 * the instrument's indicator codes and the answers' current versions.
 */
function editableUnits(file: string): AutosaveTarget {
  const db = openDatabase(file);
  const periods = createModules({ db, config: loadConfig({ DATA_DIR: path.dirname(file) }) }).periods.service;
  const periodId = (db.prepare('SELECT max(id) AS id FROM periods').get() as { id: number }).id;
  const units = (db.prepare(
    `SELECT u.id FROM units u LEFT JOIN assessments a ON a.unit_id = u.id AND a.period_id = ?
     WHERE a.id IS NULL OR a.status = 'draf' ORDER BY u.id LIMIT 60`,
  ).all(periodId) as { id: number }[]).map((r) => r.id);
  const { instrument } = periods.loadPeriod(periodId);
  const versions = new Map(
    (db.prepare('SELECT a.unit_id, an.indicator_code, an.version FROM answers an JOIN assessments a ON a.id = an.assessment_id WHERE a.period_id = ?')
      .all(periodId) as { unit_id: number; indicator_code: string; version: number }[]).map((r) => [`${r.unit_id}:${r.indicator_code}`, r.version]),
  );
  db.close();
  return { periodId, units, codes: instrument.aspects.flatMap((a) => a.indicators.map((i) => i.code)) ?? [], versions };
}

interface StreamContext {
  path?: string;
  version?: number;
  n?: number;
}

/**
 * Autosave requests: each connection is one narahubung editing one indicator of a unit (its own unit and
 * indicator pair, so connections never edit the same answer), sending the version it got back last time.
 * `first` is the first pair's number: runs that follow each other take different pairs.
 */
function autosaveRequests(target: AutosaveTarget, csrf: string, first: number): autocannon.Request[] {
  let next = first;
  return [{
    method: 'PUT',
    setupRequest: (req: autocannon.Request, context: object) => {
      const c = context as StreamContext;
      if (c.path === undefined) {
        const i = next++;
        const unit = target.units[i % target.units.length];
        const code = target.codes[Math.floor(i / target.units.length) % target.codes.length];
        c.path = `/api/periods/${target.periodId}/units/${String(unit)}/answers/${String(code)}`;
        c.version = target.versions.get(`${String(unit)}:${String(code)}`) ?? 0;
        c.n = 0;
      }
      c.n = (c.n ?? 0) + 1;
      return {
        ...req,
        path: c.path,
        headers: { ...req.headers, 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({ level: c.n % 5, na: false, note: `bench ${c.n}`, version: c.version }),
      };
    },
    onResponse: (status: number, body: string, context: object) => {
      if (status === 200) (context as StreamContext).version = (JSON.parse(body) as { answer: { version: number } }).answer.version;
    },
  }];
}

function peakRssMb(pid: number | undefined): number {
  try {
    const m = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

async function stop(server: ServerProcess): Promise<void> {
  server.child.kill('SIGTERM');
  await exited(server.child);
}

async function serverFigures(kutim: string, national: string) {
  const env = { DATA_DIR: kutim, NODE_ENV: 'production' };
  const server = await startServer(env);
  const admin = await signIn(server.baseUrl, 'bench.admin', BENCH_PASSWORD);
  const headers = { cookie: admin.cookie };
  const target = editableUnits(path.join(kutim, 'sp4n.sqlite'));
  const { periodId, units } = target;
  const autosave: Record<string, LoadFigures> = {};
  for (const c of [2, 50]) {
    autosave[`app_${c}`] = await load({ url: server.baseUrl, connections: c, seconds: SECONDS, headers, requests: autosaveRequests(target, admin.csrf, c === 2 ? 0 : 2) });
  }
  const page = `/periods/${periodId}/units/${units[0]}/assessment`;
  const questionnaire = {
    c2: await load({ url: `${server.baseUrl}${page}`, connections: 2, seconds: SECONDS, headers }),
    c50: await load({ url: `${server.baseUrl}${page}`, connections: 50, seconds: SECONDS, headers }),
    size: await transferredSize(server.baseUrl, page, admin.cookie),
  };
  // 200 viewers on the live deck while five narahubung keep autosaving: first as the deck's page behaves (each
  // viewer polls every LIVE_POLL_SECONDS and, as if the numbers had just changed, fetches the slides too), then
  // with no pause between requests at all, for the endpoint's capacity.
  const live = `/periods/${periodId}/presentation`;
  const viewerSeconds = Math.max(SECONDS, 4 * LIVE_POLL_SECONDS);
  const [presentation, background] = await Promise.all([
    pollingViewers({ baseUrl: server.baseUrl, paths: [`${live}.json`, `${live}/deck`], viewers: 200, intervalMs: LIVE_POLL_SECONDS * 1000, seconds: viewerSeconds, headers }),
    load({ url: server.baseUrl, connections: 5, seconds: viewerSeconds, headers, requests: autosaveRequests(target, admin.csrf, 52) }),
  ]);
  const [presentationCapacity] = await Promise.all([
    load({ url: `${server.baseUrl}${live}.json`, connections: 200, seconds: SECONDS, headers }),
    load({ url: server.baseUrl, connections: 5, seconds: SECONDS, headers, requests: autosaveRequests(target, admin.csrf, 57) }),
  ]);
  await stop(server);

  const db = openDatabase(path.join(kutim, 'sp4n.sqlite'));
  const row = db.prepare("SELECT a.id AS aid, a.unit_id AS uid FROM assessments a WHERE a.status = 'draf' LIMIT 1").get() as { aid: number; uid: number };
  db.close();
  const ceiling = await spawnCeilingServer(path.join(kutim, 'sp4n.sqlite'), row.aid, 1, row.uid);
  const ceilingFigures: Record<string, LoadFigures> = {};
  for (const c of [2, 50]) {
    ceilingFigures[`ceiling_${c}`] = await load({
      url: `${ceiling.url}/ceiling/answers/F5`, connections: c, seconds: SECONDS,
      requests: [{ method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ level: 3, note: 'bench' }) }],
    });
  }
  await ceiling.close();

  const s = process.hrtime.bigint();
  const nat = await startServer({ DATA_DIR: national, NODE_ENV: 'production' }, 60_000);
  const startupMs = ms(s);
  const natAdmin = await signIn(nat.baseUrl, 'bench.admin', BENCH_PASSWORD);
  const natPeriod = (await (await fetch(`${nat.baseUrl}/api/periods`, { headers: { cookie: natAdmin.cookie } })).json() as { periods: { id: number }[] }).periods[0]?.id;
  const r = process.hrtime.bigint();
  const recap = await fetch(`${nat.baseUrl}/periods/${natPeriod}/rekap.xlsx`, { headers: { cookie: natAdmin.cookie } });
  const recapBytes = (await recap.arrayBuffer()).byteLength;
  const recapFigures = { ms: ms(r), bytes: recapBytes, status: recap.status, serverPeakRssMb: peakRssMb(nat.child.pid) };
  await stop(nat);
  return { autosave: { ...autosave, ...ceilingFigures }, questionnaire, presentation, presentationCapacity, background, startupMs, recap: recapFigures };
}

const f1 = (n: number) => new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 }).format(n);

type ServerFigures = Awaited<ReturnType<typeof serverFigures>>;
interface BenchResults {
  date: string;
  node: string;
  cpu: string;
  cores: number;
  dashboard: ({ scale: string; units: number } & ReturnType<typeof dashboardFigures>)[];
  server: ServerFigures;
  only: OnlyResults;
}

function markdown(r: BenchResults): string {
  const a = r.server.autosave;
  const lines = [
    `Diukur ${r.date} · ${r.cpu} (${r.cores} inti) · Node ${r.node} · ${SECONDS} detik per pengukuran`,
    '',
    '| Pengukuran | Hasil | Target |',
    '|---|---|---|',
    ...[2, 50].map((c) => { const app = a[`app_${c}`] as LoadFigures; const top = a[`ceiling_${c}`] as LoadFigures; return `| Autosave, ${c} koneksi: aplikasi / batas atas (Express + SQLite polos) | ${f1(app.requestsPerSec)} / ${f1(top.requestsPerSec)} req/s (${f1((100 * app.requestsPerSec) / top.requestsPerSec)} %); p50 ${app.p50Ms} / ${top.p50Ms} ms; p99 ${app.p99Ms} / ${top.p99Ms} ms; non-2xx ${app.non2xx} | ${c === 50 ? '≥ 70 % throughput, p99 ≤ 2×' : '–'} |`; }),
    `| Halaman kuesioner, 2 / 50 koneksi | ${f1(r.server.questionnaire.c2.requestsPerSec)} / ${f1(r.server.questionnaire.c50.requestsPerSec)} req/s; p99 ${r.server.questionnaire.c2.p99Ms} / ${r.server.questionnaire.c50.p99Ms} ms | – |`,
    `| Ukuran kuesioner terkirim (gzip: HTML + CSS + JS) | ${f1(r.server.questionnaire.size.total / 1024)} KB (HTML ${f1(r.server.questionnaire.size.html / 1024)} KB) | ≤ 40 KB |`,
    ...r.dashboard.map((d) => `| Data dasbor ${d.scale} (${f1(d.units)} unit): dingin / hangat / agregat SQL tunggal | ${f1(d.coldMs)} / ${f1(d.warmMs)} / ${f1(d.sqlAggregateMs)} ms (rasio ${f1(d.ratio)}×) | ≤ 2× (nasional) |`),
    `| Presentasi langsung, 200 penonton (JSON + slide tiap ${LIVE_POLL_SECONDS} detik) + 5 autosave | ${f1(r.server.presentation.requests)} permintaan; p50 ${f1(r.server.presentation.p50Ms)} ms; p99 ${f1(r.server.presentation.p99Ms)} ms; galat ${r.server.presentation.errors}, non-2xx ${r.server.presentation.non2xx}; autosave latar ${f1(r.server.background.requestsPerSec)} req/s, non-2xx ${r.server.background.non2xx} | tanpa galat, p99 < 100 ms |`,
    `| Kapasitas data presentasi, 200 koneksi tanpa jeda + 5 autosave | ${f1(r.server.presentationCapacity.requestsPerSec)} req/s; p99 ${r.server.presentationCapacity.p99Ms} ms; galat ${r.server.presentationCapacity.errors} | – |`,
    ...onlyMarkdown(r.only).split('\n').slice(2),
    `| Rekap nasional (.xlsx, satu baris per unit × indikator) | ${f1(r.server.recap.ms / 1000)} s, ${f1(r.server.recap.bytes / 1048576)} MB, puncak memori server ${f1(r.server.recap.serverPeakRssMb)} MB | < 30 s, < 300 MB |`,
    `| Start server pada basis data nasional | ${f1(r.server.startupMs)} ms | < 2 s |`,
  ];
  return lines.join('\n');
}

/** `BENCH_ONLY=uploads,renaksi`: only those sections, against the Kutai Timur database (see only-run.ts). */
async function mainOnly(sections: string[]): Promise<void> {
  const unknown = sections.filter((s) => !(ONLY_SECTIONS as readonly string[]).includes(s));
  if (unknown.length > 0) throw new Error(`BENCH_ONLY: unknown section ${unknown.join(', ')} (known: ${ONLY_SECTIONS.join(', ')})`);
  const spec = SCALES[0] as SyntheticSpec;
  const dir = path.join(BENCH_DIR, spec.name);
  await buildSyntheticDatabase(dir, spec);
  console.log(writeOnly(await runOnly(dir, sections as OnlySection[])));
}

async function main(): Promise<void> {
  if (process.env.BENCH_ONLY) return mainOnly(process.env.BENCH_ONLY.split(','));
  const only = process.env.BENCH_SCALES?.split(',');
  const built: Record<string, { dir: string; units: number; seconds: number }> = {};
  for (const spec of SCALES.filter((s) => !only || only.includes(s.name))) {
    const dir = path.join(BENCH_DIR, spec.name);
    const b = await buildSyntheticDatabase(dir, spec);
    built[spec.name] = { dir, units: b.units, seconds: b.seconds };
    console.log(`basis data ${spec.name}: ${b.units} unit, dibangun dalam ${f1(b.seconds)} s`);
  }
  results.date = new Date().toISOString();
  results.node = process.version;
  results.cpu = os.cpus()[0]?.model ?? 'unknown';
  results.cores = os.cpus().length;
  results.build = built;
  results.dashboard = Object.entries(built).map(([scale, b]) => ({ scale, units: b.units, ...dashboardFigures(path.join(b.dir, 'sp4n.sqlite')) }));
  if (built['kutai-timur'] && built.nasional) {
    results.server = await serverFigures(built['kutai-timur'].dir, built.nasional.dir);
    results.only = await runOnly(built['kutai-timur'].dir, [...ONLY_SECTIONS]);
  }
  const outDir = path.join(PROJECT_ROOT, 'test', 'bench');
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  if (results.server) {
    const md = markdown(results as unknown as BenchResults);
    fs.writeFileSync(path.join(outDir, 'latest.md'), `${md}\n`);
    console.log(md);
  } else console.log(JSON.stringify(results, null, 2));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
