import fs from 'node:fs';
import type { ServerProcess } from './server-process';
import { lyingBomb, questionnaireBomb, xmlBomb } from './bomb-files';

/**
 * Hostile uploads against a running server: each bomb alone (time to the refusal, the message shown, the server's
 * memory), then four at once while /healthz is asked again and again (what everyone else waits meanwhile).
 */

export interface Session {
  cookie: string;
  csrf: string;
}

export interface BombTarget {
  what: string;
  path: string;
  file: Buffer;
  fileName: string;
  account: 'admin' | 'narahubung';
}

export interface BombFigure {
  what: string;
  fileKb: number;
  status: number;
  ms: number;
  message: string;
  peakRssMb: number;
  /** How the server ended when it did not survive the upload (the last line it wrote). */
  serverDied: string | null;
}

export interface AttackFigures {
  /** Rounds of four bombs sent at once, one round after the other. */
  rounds: number;
  /** The slowest round, from the first upload sent to the last refusal received. */
  ms: number;
  statuses: number[];
  /** /healthz asked the same way for as long, with no upload running: the machine's own noise. */
  quietHealthz: { count: number; p50Ms: number; p99Ms: number; maxMs: number; errors: number };
  healthz: { count: number; p50Ms: number; p99Ms: number; maxMs: number; errors: number };
  peakRssMb: number;
  serverDied: string | null;
}

/** A freshly started server and a session for each account the bombs use. */
export interface BombServer {
  server: ServerProcess;
  sessions: Record<BombTarget['account'], Session>;
}

const UPLOAD_TIMEOUT_MS = 180_000;
const ATTACK_ROUNDS = 5;

function rssMb(pid: number | undefined): number {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Samples the server's resident memory every 20 ms until stopped; returns the peak in MB. */
export function rssSampler(pid: number | undefined): { stop: () => number } {
  let peak = rssMb(pid);
  const timer = setInterval(() => {
    const now = rssMb(pid);
    if (now > peak) peak = now;
  }, 20);
  return { stop: () => (clearInterval(timer), Math.max(peak, rssMb(pid))) };
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&#34;': '"', '&#39;': "'", '&quot;': '"' };

/** The refusal a page shows: a field error, an alert, or the first line of a file report. */
function refusalText(html: string): string {
  const m = /class="field-error"[^>]*>([^<]+)</.exec(html)
    ?? /class="flash flash-error" role="alert">([^<]+)</.exec(html)
    ?? /<td>seluruh berkas<\/td><td>[^<]*<\/td><td>([^<]+)</.exec(html);
  return (m?.[1] ?? '').replace(/&[#a-z0-9]+;/g, (e) => ENTITIES[e] ?? e).trim();
}

async function upload(baseUrl: string, t: BombTarget, session: Session): Promise<{ status: number; ms: number; message: string }> {
  const form = new FormData();
  form.append('_csrf', session.csrf);
  form.append('file', new Blob([new Uint8Array(t.file)]), t.fileName);
  const started = process.hrtime.bigint();
  try {
    const res = await fetch(`${baseUrl}${t.path}`, { method: 'POST', body: form, headers: { cookie: session.cookie }, redirect: 'manual', signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS) });
    const body = await res.text();
    return { status: res.status, ms: Number(process.hrtime.bigint() - started) / 1e6, message: refusalText(body) };
  } catch (err) {
    return { status: 0, ms: Number(process.hrtime.bigint() - started) / 1e6, message: `(tanpa jawaban: ${err instanceof Error ? err.message : String(err)})` };
  }
}

/** Asks /healthz one request after another until `until` resolves; returns the latencies. */
async function healthzWhile(baseUrl: string, until: Promise<unknown>): Promise<AttackFigures['healthz']> {
  let done = false;
  void until.finally(() => (done = true));
  const ms: number[] = [];
  let errors = 0;
  while (!done) {
    const started = process.hrtime.bigint();
    try {
      const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS) });
      await res.arrayBuffer();
      if (!res.ok) errors++;
    } catch {
      errors++;
    }
    ms.push(Number(process.hrtime.bigint() - started) / 1e6);
    await new Promise((r) => setTimeout(r, 10));
  }
  ms.sort((a, b) => a - b);
  const at = (p: number) => Math.round((ms[Math.min(ms.length - 1, Math.ceil(p * ms.length) - 1)] ?? NaN) * 10) / 10;
  return { count: ms.length, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: at(1), errors };
}

/** The three bomb files, addressed to the uploads that take them. */
export async function bombTargets(opts: { periodId: number; unitId: number; unitCode: string }): Promise<BombTarget[]> {
  const [xml, lying, questionnaire] = await Promise.all([xmlBomb(), lyingBomb(), questionnaireBomb(opts.periodId, opts.unitId, opts.unitCode)]);
  return [
    { what: 'Kuesioner luring (narahubung), 400 MB XML', path: `/periods/${opts.periodId}/units/${opts.unitId}/questionnaire-upload`, file: questionnaire, fileName: 'kuesioner.xlsx', account: 'narahubung' },
    { what: 'Unggah Renaksi, 400 MB XML', path: `/periods/${opts.periodId}/renaksi/upload`, file: xml, fileName: 'renaksi.xlsx', account: 'admin' },
    { what: 'Impor pengguna, mengaku 4.000 byte, terurai 1 GB', path: '/admin/users/import/upload', file: lying, fileName: 'pengguna.xlsx', account: 'admin' },
    { what: 'Impor unit, mengaku 4.000 byte, terurai 1 GB', path: '/admin/units/import/upload', file: lying, fileName: 'unit.xlsx', account: 'admin' },
  ];
}

function died(s: ServerProcess): string | null {
  if (s.child.exitCode === null && s.child.signalCode === null) return null;
  const last = s.output().trim().split('\n').filter((l) => /\S/.test(l)).slice(-1)[0] ?? '';
  return `kode ${s.child.exitCode ?? s.child.signalCode}: ${last.slice(0, 160)}`;
}

/**
 * Each bomb alone on a freshly started server, then all four at once on another one with /healthz asked
 * throughout. `start` starts a server and signs the accounts in; `stop` ends it.
 */
export async function bombFigures(start: () => Promise<BombServer>, stop: (s: ServerProcess) => Promise<void>, targets: BombTarget[]): Promise<{ single: BombFigure[]; together: AttackFigures }> {
  const single: BombFigure[] = [];
  for (const t of targets) {
    const { server, sessions } = await start();
    const sampler = rssSampler(server.child.pid);
    const r = await upload(server.baseUrl, t, sessions[t.account]);
    single.push({ what: t.what, fileKb: t.file.length / 1024, ...r, peakRssMb: sampler.stop(), serverDied: died(server) });
    console.log(`bom ${t.what}: ${r.status} dalam ${Math.round(r.ms)} ms`);
    await stop(server);
  }
  const { server, sessions } = await start();
  const sampler = rssSampler(server.child.pid);
  const rounds: { ms: number; statuses: number[] }[] = [];
  const attack = (async () => {
    for (let i = 0; i < ATTACK_ROUNDS; i++) {
      const started = process.hrtime.bigint();
      const results = await Promise.all(targets.map((t) => upload(server.baseUrl, t, sessions[t.account])));
      rounds.push({ ms: Number(process.hrtime.bigint() - started) / 1e6, statuses: results.map((r) => r.status) });
    }
  })();
  const attackStarted = Date.now();
  const healthz = await healthzWhile(server.baseUrl, attack);
  const peakRssMb = sampler.stop();
  const quietHealthz = await healthzWhile(server.baseUrl, new Promise((r) => setTimeout(r, Date.now() - attackStarted)));
  const together: AttackFigures = {
    rounds: rounds.length, ms: Math.max(...rounds.map((r) => r.ms)), statuses: rounds.flatMap((r) => r.statuses),
    healthz, quietHealthz, peakRssMb, serverDied: died(server),
  };
  await stop(server);
  return { single, together };
}
