import autocannon from 'autocannon';
import http from 'node:http';

export interface LoadFigures {
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  requests: number;
}

type Request = NonNullable<autocannon.Options['requests']>[number];

/** Runs autocannon against a URL and returns the figures the report uses. */
export async function load(opts: { url: string; connections: number; seconds: number; headers?: Record<string, string>; requests?: Request[] }): Promise<LoadFigures> {
  const result = await autocannon({
    url: opts.url,
    connections: opts.connections,
    duration: opts.seconds,
    headers: opts.headers,
    requests: opts.requests,
  });
  return {
    requestsPerSec: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    requests: result.requests.total,
  };
}

/** Signs in through the login form (as an integrator would) and returns the session cookie and a CSRF token. */
export async function signIn(baseUrl: string, username: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const page = await fetch(`${baseUrl}/login`);
  const cookie0 = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const res = await fetch(`${baseUrl}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie0 },
    body: new URLSearchParams({ username, password, _csrf: token }).toString(),
  });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const home = await fetch(`${baseUrl}/`, { headers: { cookie } });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await home.text())?.[1] ?? '';
  if (!cookie || !csrf) throw new Error(`sign-in failed for ${username}`);
  return { cookie, csrf };
}

/** Bytes on the wire (gzip) of a page and the CSS and JS it links. */
export async function transferredSize(baseUrl: string, path: string, cookie: string): Promise<{ html: number; assets: number; total: number }> {
  const gz = async (url: string) => {
    const res = await fetch(url, { headers: { cookie, 'accept-encoding': 'gzip' } });
    const body = Buffer.from(await res.arrayBuffer());
    // NOTE: fetch decompresses; the wire size is the content-length when present, else recompress to estimate it.
    const len = Number(res.headers.get('content-length') ?? 0);
    return { text: body.toString('utf8'), bytes: len > 0 && res.headers.get('content-encoding') === 'gzip' ? len : (await import('node:zlib')).gzipSync(body).length };
  };
  const page = await gz(`${baseUrl}${path}`);
  const assets = [...page.text.matchAll(/(?:href|src)="(\/(?:static|vendor)\/[^"]+\.(?:css|js))"/g)].map((m) => m[1] as string);
  let assetBytes = 0;
  for (const a of new Set(assets)) assetBytes += (await gz(`${baseUrl}${a}`)).bytes;
  return { html: page.bytes, assets: assetBytes, total: page.bytes + assetBytes };
}

/** Nearest-rank percentile of latencies in ms. */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

function timedGet(agent: http.Agent, url: URL, headers: Record<string, string>): Promise<{ ms: number; status: number }> {
  const start = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ ms: Number(process.hrtime.bigint() - start) / 1e6, status: res.statusCode ?? 0 }));
    });
    req.on('error', reject);
  });
}

/**
 * People watching a live deck, as its page behaves: each viewer keeps its own connection and, every
 * `intervalMs` from a random starting moment, requests `paths` one after the other (the JSON, then the slides
 * as when the numbers changed). Unlike a closed-loop load generator this sends what a hall sends, so the
 * latencies are what a viewer waits.
 */
export async function pollingViewers(opts: { baseUrl: string; paths: string[]; viewers: number; intervalMs: number; seconds: number; headers: Record<string, string> }): Promise<LoadFigures> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.viewers });
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  const end = Date.now() + opts.seconds * 1000;
  const viewer = async () => {
    await new Promise((r) => setTimeout(r, Math.random() * opts.intervalMs));
    while (Date.now() < end) {
      const tick = Date.now();
      for (const p of opts.paths) {
        try {
          const r = await timedGet(agent, new URL(p, opts.baseUrl), opts.headers);
          latencies.push(r.ms);
          if (r.status < 200 || r.status >= 300) non2xx++;
        } catch {
          errors++;
        }
      }
      await new Promise((r) => setTimeout(r, Math.max(0, tick + opts.intervalMs - Date.now())));
    }
  };
  await Promise.all(Array.from({ length: opts.viewers }, viewer));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requestsPerSec: latencies.length / opts.seconds,
    p50Ms: Math.round(percentile(latencies, 50) * 10) / 10,
    p99Ms: Math.round(percentile(latencies, 99) * 10) / 10,
    errors,
    non2xx,
    requests: latencies.length,
  };
}
