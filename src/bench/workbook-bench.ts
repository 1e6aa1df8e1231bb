import type { Session } from './upload-bench';

/**
 * The Renaksi workbook download: the first after start-up, later ones of the same plan, ones after a change to the
 * document (a new signature date each time), and how long /healthz waits while such downloads run.
 */

export interface WorkbookFigures {
  status: number;
  bytes: number;
  firstMs: number;
  laterMs: number;
  changedMs: number;
  healthz: { count: number; p99Ms: number; maxMs: number };
  /** /healthz asked the same way for as long with nothing else running: the machine's own noise. */
  quietHealthz: { count: number; p99Ms: number; maxMs: number };
}

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const SETTINGS = {
  'renaksi.paper': 'folio', 'renaksi.region': 'Kabupaten Kutai Timur', 'renaksi.place': 'Sangatta', 'renaksi.office': 'BUPATI KUTAI TIMUR',
  'renaksi.signer': 'H. ARDIANSYAH SULAIMAN', 'renaksi.nip': '',
};

async function download(baseUrl: string, periodId: number, s: Session): Promise<{ ms: number; bytes: number; status: number }> {
  const started = process.hrtime.bigint();
  const res = await fetch(`${baseUrl}/periods/${periodId}/renaksi.xlsx`, { headers: { cookie: s.cookie } });
  const bytes = (await res.arrayBuffer()).byteLength;
  return { ms: ms(started), bytes, status: res.status };
}

/** Changes the document's signature date, so the next download cannot be the one built before. */
async function touchDocument(baseUrl: string, periodId: number, s: Session, day: number): Promise<void> {
  const body = new URLSearchParams({ ...SETTINGS, 'renaksi.date': `${day} Juli 2022`, _csrf: s.csrf });
  const res = await fetch(`${baseUrl}/periods/${periodId}/renaksi/settings`, {
    method: 'POST', redirect: 'manual', headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString(),
  });
  if (res.status !== 302) throw new Error(`settings refused: ${res.status}`);
}

/** Asks /healthz every 10 ms while `work` runs; the latencies' count, p99 and maximum. */
async function healthzDuring(baseUrl: string, work: Promise<unknown>): Promise<WorkbookFigures['healthz']> {
  const latencies: number[] = [];
  let done = false;
  void work.finally(() => (done = true));
  while (!done) {
    const started = process.hrtime.bigint();
    await (await fetch(`${baseUrl}/healthz`)).arrayBuffer();
    latencies.push(ms(started));
    await new Promise((r) => setTimeout(r, 10));
  }
  latencies.sort((a, b) => a - b);
  const at = (p: number) => Math.round((latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)] ?? NaN) * 10) / 10;
  return { count: latencies.length, p99Ms: at(0.99), maxMs: at(1) };
}

/** Downloads after each of `n` document changes, with /healthz asked meanwhile, then as long again with nothing running. */
async function changedDownloads(baseUrl: string, periodId: number, s: Session, n: number) {
  const times: number[] = [];
  const started = Date.now();
  const healthz = await healthzDuring(baseUrl, (async () => {
    for (let i = 0; i < n; i++) {
      await touchDocument(baseUrl, periodId, s, i + 1);
      times.push((await download(baseUrl, periodId, s)).ms);
    }
  })());
  const quietHealthz = await healthzDuring(baseUrl, new Promise((r) => setTimeout(r, Date.now() - started)));
  return { changedMs: median(times), healthz, quietHealthz };
}

export async function workbookFigures(baseUrl: string, periodId: number, s: Session): Promise<WorkbookFigures> {
  const first = await download(baseUrl, periodId, s);
  const later: number[] = [];
  for (let i = 0; i < 3; i++) later.push((await download(baseUrl, periodId, s)).ms);
  const changed = await changedDownloads(baseUrl, periodId, s, 8);
  return { status: first.status, bytes: first.bytes, firstMs: first.ms, laterMs: median(later), ...changed };
}
