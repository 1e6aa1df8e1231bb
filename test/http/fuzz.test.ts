import type { Role } from '../../src/shared/identity';
import { buildAssessment, buildUser, createTestContext, loginAs, unitId, type TestContext, type TestSession } from '../helpers/test-app';
import { listRoutes } from '../helpers/routes';
import { watchWrites } from '../helpers/db-snapshot';

/** Tables whose rows a refused request may still add (the session, the audit trail, login attempt counters). */
const VOLATILE = new Set(['sessions', 'audit_log', 'login_limits', 'schema_migrations']);

const NASTY = [
  '', ' ', '0', '-1', '99999999999999999999', '1e309', 'NaN', 'null', 'undefined', 'true', '[]', '{}',
  "' OR 1=1 --", '"; DROP TABLE users; --', '<script>alert(1)</script>', '../../../etc/passwd', '${7*7}', '{{7*7}}',
  '\u0000', '%00', '\u202Egnp.exe', '😀🇮🇩', 'Ｂｕｓａｎｇ', 'x'.repeat(100_000), 'javascript:alert(1)', 'na', '5', '4.5',
];

/** Field names the forms use, each given every nasty value in turn, plus fields nobody expects. */
const FIELDS = ['username', 'password', 'displayName', 'role', 'unitId', 'level_A1', 'note_A1', 'link_A1', 'level_D1',
  'current', 'confirm', 'next', 'unexpected_field'];

function payloads(csrf: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [{ _csrf: csrf }];
  for (const v of NASTY) out.push({ _csrf: csrf, ...Object.fromEntries(FIELDS.map((f) => [f, v])) });
  out.push({ _csrf: csrf, level_A1: ['1', '2'], note_A1: ['a', 'b'], username: ['x', 'y'] });
  return out;
}

type Actor = Role | 'narahubung';

interface Body {
  label: string;
  form: string;
}

/**
 * A body as a form sends it (repeated fields for arrays), encoded once: the same bodies go to every route, and
 * encoding 1.3 MB again for each of the test's 3,000 requests was a fifth of its time.
 */
function encoded(fields: Record<string, unknown>): Body {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) form.append(name, String(v));
  return { label: JSON.stringify(fields).slice(0, 60), form: form.toString() };
}

describe('fuzz: every form and JSON endpoint with malformed input', () => {
  let ctx: TestContext;
  const names: Partial<Record<Actor, string>> = {};
  // NOTE: signed in once up front: fuzzing POST /login trips the per-address lockout for later logins.
  const sessions: Partial<Record<Actor, TestSession>> = {};
  const bodies: Partial<Record<Actor, Body[]>> = {};
  let busang: number;
  let target: number;
  let writes: () => number;

  beforeAll(async () => {
    ctx = createTestContext();
    busang = unitId(ctx.repos, 'KEC-BUSANG');
    for (const role of ['admin', 'verifikator', 'fasilitator', 'tim_renaksi'] as const) names[role] = (await buildUser(ctx.repos, { role })).username;
    names.narahubung = (await buildUser(ctx.repos, { role: 'narahubung', unitId: busang })).username;
    target = (await buildUser(ctx.repos, { role: 'fasilitator' })).id;
    buildAssessment(ctx, { unitId: busang, levels: { A1: 2 }, userId: target });
    for (const actor of ['admin', 'narahubung'] as const) {
      const session = await loginAs(ctx.app, names[actor] as string);
      sessions[actor] = session;
      bodies[actor] = payloads(session.csrf).map(encoded);
    }
    writes = watchWrites(ctx.db, VOLATILE);
  });

  const routes = listRoutes(createTestContext().app).filter((r) => r.path !== '/logout');
  let cases = 0;
  afterAll(() => console.log(`fuzz test: ${cases} requests over ${routes.length} routes`));

  it.each(routes.map((r) => [`${r.method} ${r.path}`, r] as const))(
    '%s never answers 5xx, never writes on a refusal, and explains in Indonesian',
    async (_label, route) => {
      const problems: string[] = [];
      for (const actor of ['admin', 'narahubung'] as const) {
        const session = sessions[actor] as TestSession;
        const normal = route.path.replace(':periodId', String(ctx.periodId)).replace(':unitId', String(busang)).replace(':userId', String(target)).replace(/:\w+/g, 'x');
        const tokenOnly = encoded({ _csrf: session.csrf });
        const attempts: [string, Body][] = route.method === 'GET'
          ? [[normal, encoded({})], [route.path.replace(/:\w+/g, '1%27%20OR%201%3D1'), encoded({})], [route.path.replace(/:\w+/g, '99999999999999999999'), encoded({})]]
          : [
              ...(bodies[actor] as Body[]).map((b) => [normal, b] as [string, Body]),
              [route.path.replace(/:\w+/g, '1%27%20OR%201%3D1'), tokenOnly],
              [route.path.replace(/:\w+/g, '99999999999999999999'), tokenOnly],
            ];
        for (const [url, body] of attempts) {
          const before = writes();
          const res = route.method === 'GET'
            ? await session.agent.get(`${url}?basis=%27&page=-1&from=x&action=%3Cscript%3E`)
            : await session.agent[route.method === 'PUT' ? 'put' : 'post'](url).type('form').set('X-CSRF-Token', session.csrf).send(body.form);
          cases++;
          const label = `${actor} ${url.slice(0, 60)} ${body.label}`;
          if (res.status >= 500) problems.push(`${label} → ${res.status}`);
          if (res.status >= 400 && writes() !== before) problems.push(`${label} → ${res.status} but the database changed`);
          if (res.status >= 400 && /Internal Server Error|Cannot (GET|POST)|at [\w.<>$]+ \([^)]*:\d+:\d+\)/.test(res.text)) problems.push(`${label} → untranslated error or stack`);
        }
      }

      expect(problems).toEqual([]);
    },
  );

  it.each([
    ['truncated', '{"level": '],
    ['an array', '[1,2,3]'],
    ['a bare string', '"string"'],
    ['2 MB', JSON.stringify({ level: 'x'.repeat(2_000_000) })],
  ])('answers a malformed or oversized JSON body (%s) with a 4xx and no write', async (_label, raw) => {
      const session = sessions.admin as TestSession;
      const before = writes();

      const res = await session.agent.post('/admin/users').set('Content-Type', 'application/json').set('X-CSRF-Token', session.csrf).send(raw);
      cases++;

      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(writes()).toBe(before);
  });
});
