import { buildAssessment, buildUser, createTestContext, loginAs, unitId, type TestContext } from '../helpers/test-app';
import { listRoutes } from '../helpers/routes';

/**
 * Pages and exports hold one person's or one unit's data: on a shared office PC neither the browser's cache nor a
 * proxy may keep a copy that the back button or the next person could open.
 */
describe('Cache-Control on pages and exports', () => {
  let ctx: TestContext;
  let busang: number;
  let adminId: number;
  let evidenceId: number;

  beforeAll(async () => {
    ctx = createTestContext();
    busang = unitId(ctx.repos, 'KEC-BUSANG');
    adminId = (await buildUser(ctx.repos, { role: 'admin', username: 'admin.cache' })).id;
    const assessmentId = buildAssessment(ctx, { unitId: busang, fill: 3, status: 'diverifikasi', userId: adminId });
    evidenceId = ctx.repos.evidence.insertLink(assessmentId, 'A1', 'https://busang.example.go.id/sk.pdf', adminId);
  });

  const urlOf = (path: string): string =>
    path
      .replace(':periodId', String(ctx.periodId))
      .replace(':unitId', String(busang))
      .replace(':userId', String(adminId))
      .replace(':evidenceId', String(evidenceId))
      .replace(':code', 'A1')
      .replace(':table', 'summary')
      .replace(/:\w+/g, '1');

  it('sends no-store with every GET route the app answers, for a signed-in admin, whatever the status', async () => {
    const { agent } = await loginAs(ctx.app, 'admin.cache');
    const missing: string[] = [];
    const ok: string[] = [];

    for (const route of listRoutes(ctx.app).filter((r) => r.method === 'GET' && r.path !== '/healthz')) {
      const res = await agent.get(urlOf(route.path)).buffer(true);
      if (!/\bno-store\b/.test(String(res.headers['cache-control']))) missing.push(`${route.path} → ${res.status} ${String(res.headers['cache-control'])}`);
      if (res.status === 200) ok.push(route.path);
    }

    expect(missing).toEqual([]);
    expect(ok).toEqual(expect.arrayContaining([
      '/', '/admin/audit', '/admin/users', '/periods/:periodId/units/:unitId/assessment', '/periods/:periodId/dashboard',
      '/periods/:periodId/rekap.xlsx', '/periods/:periodId/units.xlsx', '/periods/:periodId/renaksi.xlsx',
      '/periods/:periodId/units/:unitId/questionnaire.xlsx', '/periods/:periodId/dashboard/:table.csv',
      '/periods/:periodId/dashboard/:table.json', '/api/periods/:periodId/scores', '/periods/:periodId/units/:unitId/rapor',
    ]));
    expect(ok.length).toBeGreaterThan(30);
  });

  it('sends no-store with the login page, a refusal and an unknown page, but lets fingerprinted assets be kept a year', async () => {
    const { agent } = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'narahubung', unitId: busang })).username);

    const refused = await agent.get('/admin/users');
    const unknown = await agent.get('/tidak-ada');
    const login = await agent.get('/login');
    const css = /href="(\/static\/css\/app\.[0-9a-f]{12}\.css)"/.exec(unknown.text)?.[1] ?? '';
    const asset = await agent.get(css);

    expect([refused.status, refused.headers['cache-control']]).toEqual([403, 'no-store']);
    expect([unknown.status, unknown.headers['cache-control']]).toEqual([404, 'no-store']);
    expect(login.headers['cache-control']).toBe('no-store');
    expect([asset.status, asset.headers['cache-control']]).toEqual([200, 'public, max-age=31536000, immutable']);
  });
});
