import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../db/database';
import { PROJECT_ROOT } from '../shared/paths';
import { BENCH_PASSWORD } from './synthetic-db';
import { signIn } from './http-bench';
import { exited, startServer, type ServerProcess } from './server-process';
import { bombFigures, bombTargets, type AttackFigures, type BombFigure, type Session } from './upload-bench';
import { workbookFigures, type WorkbookFigures } from './workbook-bench';
import { laporFigures, laporMarkdown, type LaporBenchFigures } from './lapor-bench';
import { monevFigures, monevMarkdown, type MonevFigures } from './monev-bench';

/**
 * The benchmark sections that can run on their own (`BENCH_ONLY=uploads,renaksi,lapor,monev npm run bench`) against the
 * Kutai Timur database: hostile uploads, the Renaksi workbook download and importing 100.000 SP4N-LAPOR! reports; and
 * the monev of a signed plan on a province's database of its own (monev-bench.ts). Results go to test/bench/partial.{json,md}.
 */

export const ONLY_SECTIONS = ['uploads', 'renaksi', 'lapor', 'monev'] as const;
export type OnlySection = (typeof ONLY_SECTIONS)[number];

export interface OnlyResults {
  uploads?: { single: BombFigure[]; together: AttackFigures };
  renaksi?: WorkbookFigures;
  lapor?: LaporBenchFigures[];
  monev?: MonevFigures;
}

const f1 = (n: number) => new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 }).format(n);

async function stop(server: ServerProcess): Promise<void> {
  server.child.kill('SIGTERM');
  await exited(server.child);
}

async function start(kutimDir: string, periodId: number): Promise<{ server: ServerProcess; admin: Session }> {
  const server = await startServer({ DATA_DIR: kutimDir, NODE_ENV: 'production' });
  const admin = await signIn(server.baseUrl, 'bench.admin', BENCH_PASSWORD);
  await fetch(`${server.baseUrl}/periods/${periodId}/renaksi/generate`, { method: 'POST', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf } });
  return { server, admin };
}

/** Runs the sections asked for, each on a freshly started production server. */
export async function runOnly(kutimDir: string, sections: OnlySection[]): Promise<OnlyResults> {
  const db = openDatabase(path.join(kutimDir, 'sp4n.sqlite'));
  const periodId = (db.prepare('SELECT max(id) AS id FROM periods').get() as { id: number }).id;
  const unit = db.prepare("SELECT u.id, u.code FROM users s JOIN units u ON u.id = s.unit_id WHERE s.username = 'bench.narahubung'").get() as { id: number; code: string };
  db.close();
  const out: OnlyResults = {};
  if (sections.includes('uploads')) {
    const targets = await bombTargets({ periodId, unitId: unit.id, unitCode: unit.code });
    const bombServer = async () => {
      const { server, admin } = await start(kutimDir, periodId);
      return { server, sessions: { admin, narahubung: await signIn(server.baseUrl, 'bench.narahubung', BENCH_PASSWORD) } };
    };
    out.uploads = await bombFigures(bombServer, stop, targets);
  }
  if (sections.includes('renaksi')) {
    const { server, admin } = await start(kutimDir, periodId);
    out.renaksi = await workbookFigures(server.baseUrl, periodId, admin);
    await stop(server);
  }
  if (sections.includes('lapor')) {
    const work = path.join(path.dirname(kutimDir), 'lapor-import');
    out.lapor = [await laporFigures(kutimDir, work, 'csv'), await laporFigures(kutimDir, work, 'xlsx')];
  }
  if (sections.includes('monev')) out.monev = await monevFigures(path.dirname(kutimDir));
  return out;
}

/** The rows of the README's table for the sections that ran. */
export function onlyMarkdown(r: OnlyResults): string {
  const lines = ['| Pengukuran | Hasil | Target |', '|---|---|---|'];
  for (const b of r.uploads?.single ?? []) {
    const death = b.serverDied ? `; server berhenti (${b.serverDied})` : '';
    lines.push(`| Bom unggahan: ${b.what} (${f1(b.fileKb)} KB) | ${b.status}, ${f1(b.ms)} ms, puncak memori server ${f1(b.peakRssMb)} MB${death}: "${b.message}" | ditolak < 2 s, < 300 MB |`);
  }
  if (r.uploads) {
    const t = r.uploads.together;
    const statuses = [...new Set(t.statuses)].join(', ');
    lines.push(`| Empat bom sekaligus, ${t.rounds} kali berturut-turut | putaran terlama ${f1(t.ms)} ms (status ${statuses}); /healthz ${t.healthz.count} permintaan, p50 ${f1(t.healthz.p50Ms)} ms, p99 ${f1(t.healthz.p99Ms)} ms, maks ${f1(t.healthz.maxMs)} ms, galat ${t.healthz.errors} (tanpa unggahan: p99 ${f1(t.quietHealthz.p99Ms)} ms); puncak memori ${f1(t.peakRssMb)} MB${t.serverDied ? `; server berhenti (${t.serverDied})` : ''} | p99 < 200 ms, < 300 MB |`);
  }
  if (r.renaksi) {
    const w = r.renaksi;
    lines.push(`| Workbook Renaksi Kutai Timur: unduhan pertama / berikutnya / setelah dokumen berubah (median) | ${f1(w.firstMs)} / ${f1(w.laterMs)} / ${f1(w.changedMs)} ms (${f1(w.bytes / 1024)} KB) | < 1 s |`);
    lines.push(`| /healthz selama 8 unduhan workbook yang dibangun ulang | ${w.healthz.count} permintaan, p99 ${f1(w.healthz.p99Ms)} ms, maks ${f1(w.healthz.maxMs)} ms (tanpa unduhan: p99 ${f1(w.quietHealthz.p99Ms)} ms, maks ${f1(w.quietHealthz.maxMs)} ms) | – |`);
  }
  for (const l of r.lapor ?? []) lines.push(laporMarkdown(l));
  if (r.monev) lines.push(...monevMarkdown(r.monev));
  return lines.join('\n');
}

export function writeOnly(r: OnlyResults): string {
  const outDir = path.join(PROJECT_ROOT, 'test', 'bench');
  fs.mkdirSync(outDir, { recursive: true });
  const md = onlyMarkdown(r);
  fs.writeFileSync(path.join(outDir, 'partial.json'), `${JSON.stringify({ date: new Date().toISOString(), ...r }, null, 2)}\n`);
  fs.writeFileSync(path.join(outDir, 'partial.md'), `${md}\n`);
  return md;
}
