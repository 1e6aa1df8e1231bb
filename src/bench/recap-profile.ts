import fs from 'node:fs';
import { openDatabase } from '../db/database';
import { createRepos } from '../db/repos';
import { writeAssessmentRecap } from '../exports/recap-workbook';
import { recapSource } from '../exports/recap-export.service';

/**
 * Writes the assessment recap of a database's newest period to a file, in-process, and prints time, CPU and peak
 * memory: for profiling the export without HTTP in between, e.g.
 *   node --cpu-prof dist/src/bench/recap-profile.js /tmp/sp4n-bench/nasional/sp4n.sqlite /tmp/rekap.xlsx
 * (the database as `npm run bench` builds it under BENCH_DIR).
 */
async function main(): Promise<void> {
  const [file, out = '/dev/null'] = process.argv.slice(2);
  if (!file) throw new Error('usage: recap-profile <sp4n.sqlite> [out.xlsx]');
  const db = openDatabase(file);
  const repos = createRepos(db);
  const periodId = (db.prepare('SELECT max(id) AS id FROM periods').get() as { id: number }).id;
  const peak = { heapUsed: 0, external: 0, rss: 0 };
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    for (const k of Object.keys(peak) as (keyof typeof peak)[]) peak[k] = Math.max(peak[k], Math.round(m[k] / 1048576));
  }, 200);
  const started = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const source = recapSource(repos, periodId);
  const units = source.units;
  const stream = fs.createWriteStream(out);
  await writeAssessmentRecap(stream, source);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(timer);
  const hwm = /VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1];
  console.log(JSON.stringify({
    units: units.length, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, bytes: out === '/dev/null' ? null : fs.statSync(out).size,
    peakRssMb: Number(hwm) / 1024, sampledPeakMb: peak,
  }));
  db.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
