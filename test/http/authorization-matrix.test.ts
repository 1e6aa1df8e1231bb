import request from 'supertest';
import type { Role } from '../../src/shared/identity';
import { buildAssessment, buildUser, createTestContext, csrfFrom, loginAs, unitId, type TestContext } from '../helpers/test-app';
import { listRoutes, type RouteEntry } from '../helpers/routes';
import { watchWrites } from '../helpers/db-snapshot';

/**
 * Who may use each route. A route without a rule fails the first test, so every new route must be placed here.
 * 'public': anyone; 'signed-in': any role; otherwise the roles; `ownUnit`: a narahubung only for their own unit;
 * `periodUnit` (required on every route of a unit in a period): true when the route reads or writes the unit's
 * assessment in the period, so a unit that is not one of the period's units (formed later) is refused.
 */
type Rule = { roles: 'public' | 'signed-in' | Role[]; ownUnit?: boolean; periodUnit?: boolean };
const ALL_STAFF: Role[] = ['admin', 'verifikator', 'fasilitator', 'tim_renaksi'];
const RENAKSI_TEAM: Role[] = ['tim_renaksi', 'admin'];
const RULES: Record<string, Rule> = {
  'GET /healthz': { roles: 'public' },
  'GET /login': { roles: 'public' },
  'POST /login': { roles: 'public' },
  'POST /logout': { roles: 'public' },
  'GET /atur-sandi/:token': { roles: 'public' },
  'POST /atur-sandi/:token': { roles: 'public' },
  'GET /': { roles: 'signed-in' },
  'GET /akun': { roles: 'signed-in' },
  'POST /akun/sandi': { roles: 'signed-in' },
  'POST /akun/hp': { roles: 'signed-in' },
  'POST /akun/sesi/:handle/revoke': { roles: 'signed-in' },
  'GET /api/periods': { roles: 'signed-in' },
  'GET /api/periods/:periodId/scores': { roles: ALL_STAFF },
  'GET /api/periods/:periodId/renaksi/progress': { roles: ALL_STAFF },
  'GET /periods/:periodId/renaksi/monev/board': { roles: ALL_STAFF },
  'GET /api/periods/:periodId/progress': { roles: ALL_STAFF },
  'GET /admin/users': { roles: ['admin'] },
  'POST /admin/users': { roles: ['admin'] },
  'GET /admin/users/:userId/edit': { roles: ['admin'] },
  'POST /admin/users/:userId': { roles: ['admin'] },
  'POST /admin/users/:userId/deactivate': { roles: ['admin'] },
  'POST /admin/users/:userId/restore': { roles: ['admin'] },
  'POST /admin/users/:userId/password-link': { roles: ['admin'] },
  'POST /admin/users/:userId/sessions/:handle/revoke': { roles: ['admin'] },
  'GET /admin/users/import': { roles: ['admin'] },
  'GET /admin/users/import/template.xlsx': { roles: ['admin'] },
  'POST /admin/users/import/upload': { roles: ['admin'] },
  'GET /admin/users/import/:token': { roles: ['admin'] },
  'POST /admin/users/import/:token': { roles: ['admin'] },
  'GET /admin/audit': { roles: ['admin'] },
  'GET /periods/:periodId/units': { roles: ['admin', 'verifikator', 'fasilitator'] },
  'GET /periods/:periodId/dashboard': { roles: ALL_STAFF },
  'GET /periods/:periodId/renaksi': { roles: ['tim_renaksi', 'admin', 'fasilitator', 'verifikator'] },
  'POST /periods/:periodId/renaksi/generate': { roles: ['tim_renaksi', 'admin'] },
  'GET /periods/:periodId/renaksi.xlsx': { roles: ['tim_renaksi', 'admin', 'fasilitator', 'verifikator'] },
  'GET /periods/:periodId/renaksi/monev.xlsx': { roles: ['tim_renaksi', 'admin', 'fasilitator', 'verifikator'] },
  'GET /periods/:periodId/renaksi/monev/laporan': { roles: ['tim_renaksi', 'admin', 'fasilitator', 'verifikator'] },
  'GET /periods/:periodId/units/:unitId/assessment': { roles: ['narahubung', ...ALL_STAFF], ownUnit: true, periodUnit: true },
  'POST /periods/:periodId/units/:unitId/assessment': { roles: ['narahubung', 'admin'], ownUnit: true, periodUnit: true },
  'POST /periods/:periodId/units/:unitId/assessment/submit': { roles: ['narahubung', 'admin'], ownUnit: true, periodUnit: true },
  'PUT /api/periods/:periodId/units/:unitId/answers/:code': { roles: ['narahubung', 'admin'], ownUnit: true, periodUnit: true },
  'POST /api/periods/:periodId/units/:unitId/evidence-links': { roles: ['narahubung', 'admin'], ownUnit: true, periodUnit: true },
  'GET /periods/:periodId/units/:unitId/assessment/evidence/:evidenceId': { roles: ['narahubung', ...ALL_STAFF], ownUnit: true, periodUnit: true },
  'POST /periods/:periodId/units/:unitId/assessment/evidence/:evidenceId/delete': { roles: ['narahubung', 'admin'], ownUnit: true, periodUnit: true },
  'GET /periods/:periodId/units/:unitId/review': { roles: ['narahubung', ...ALL_STAFF], ownUnit: true, periodUnit: true },
  'POST /periods/:periodId/units/:unitId/copy-confirm': { roles: ['narahubung', 'admin'], ownUnit: true, periodUnit: true },
  'GET /periods/:periodId/units/:unitId/questionnaire.xlsx': { roles: ['narahubung', 'admin'], ownUnit: true, periodUnit: true },
  'GET /periods/:periodId/units/:unitId/questionnaire-upload': { roles: ['narahubung', 'admin'], ownUnit: true, periodUnit: true },
  'POST /periods/:periodId/units/:unitId/questionnaire-upload': { roles: ['narahubung', 'admin'], ownUnit: true, periodUnit: true },
  'GET /periods/:periodId/verification': { roles: ['verifikator', 'admin'] },
  'GET /periods/:periodId/units/:unitId/verification': { roles: ['verifikator', 'admin'], periodUnit: true },
  'POST /periods/:periodId/units/:unitId/verification': { roles: ['verifikator', 'admin'], periodUnit: true },
  'POST /periods/:periodId/units/:unitId/verification/finish': { roles: ['verifikator', 'admin'], periodUnit: true },
  'POST /periods/:periodId/units/:unitId/verification/return': { roles: ['verifikator', 'admin'], periodUnit: true },
  'POST /periods/:periodId/units/:unitId/verification/accept': { roles: ['verifikator', 'admin'], periodUnit: true },
  'PUT /api/periods/:periodId/units/:unitId/verification/:code': { roles: ['verifikator', 'admin'], periodUnit: true },
  'POST /periods/:periodId/units/:unitId/reopen': { roles: ['admin'], periodUnit: true },
  'GET /periods/:periodId/units.xlsx': { roles: ['admin', 'verifikator', 'fasilitator'] },
  'GET /admin/periods': { roles: ['admin'] },
  'POST /admin/periods': { roles: ['admin'] },
  'GET /admin/units': { roles: ['admin'] },
  'POST /admin/units': { roles: ['admin'] },
  'GET /admin/units/import': { roles: ['admin'] },
  'GET /admin/units.xlsx': { roles: ['admin'] },
  'GET /admin/units/daftar-kutai-timur.xlsx': { roles: ['admin'] },
  'POST /admin/units/import/upload': { roles: ['admin'] },
  'GET /admin/units/import/:token': { roles: ['admin'] },
  'POST /admin/units/import/:token': { roles: ['admin'] },
  'GET /admin/units/:unitId/edit': { roles: ['admin'] },
  'POST /admin/units/:unitId': { roles: ['admin'] },
  'POST /admin/units/:unitId/deactivate': { roles: ['admin'] },
  'POST /admin/units/:unitId/activate': { roles: ['admin'] },
  'GET /admin/units/:unitId/history': { roles: ['admin'] },
  'GET /periods/:periodId/dashboard/unit': { roles: ALL_STAFF },
  'GET /periods/:periodId/dashboard/:table.json': { roles: ALL_STAFF },
  'GET /periods/:periodId/dashboard/:table.csv': { roles: ALL_STAFF },
  'GET /periods/:periodId/units/:unitId/scores': { roles: ALL_STAFF, periodUnit: true },
  'GET /periods/:periodId/units/:unitId/scores.json': { roles: ALL_STAFF, periodUnit: true },
  'GET /periods/:periodId/units/:unitId/scores/aspects.csv': { roles: ALL_STAFF, periodUnit: true },
  'GET /periods/:periodId/units/:unitId/scores/gaps.csv': { roles: ALL_STAFF, periodUnit: true },
  'GET /periods/:periodId/units/:unitId/rapor': { roles: ['narahubung', ...ALL_STAFF], ownUnit: true, periodUnit: true },
  'GET /periods/:periodId/presentation': { roles: ALL_STAFF },
  'GET /periods/:periodId/presentation.json': { roles: ALL_STAFF },
  'GET /periods/:periodId/presentation/deck': { roles: ALL_STAFF },
  'GET /periods/:periodId/presentation/snapshots': { roles: ALL_STAFF },
  'POST /periods/:periodId/presentation/snapshots': { roles: ALL_STAFF },
  'GET /periods/:periodId/presentation/snapshots/:snapshotId.json': { roles: ALL_STAFF },
  'GET /periods/:periodId/presentation/snapshots/:snapshotId': { roles: ALL_STAFF },
  'POST /periods/:periodId/renaksi/upload': { roles: RENAKSI_TEAM },
  'POST /periods/:periodId/renaksi/finalize': { roles: RENAKSI_TEAM },
  'GET /periods/:periodId/renaksi/rows/new': { roles: RENAKSI_TEAM },
  'POST /periods/:periodId/renaksi/rows': { roles: RENAKSI_TEAM },
  'GET /periods/:periodId/renaksi/rows/:rowId/edit': { roles: RENAKSI_TEAM },
  'POST /periods/:periodId/renaksi/rows/:rowId': { roles: RENAKSI_TEAM },
  'POST /periods/:periodId/renaksi/rows/:rowId/delete': { roles: RENAKSI_TEAM },
  'POST /periods/:periodId/renaksi/rows/:rowId/restore': { roles: RENAKSI_TEAM },
  'POST /periods/:periodId/renaksi/rows/:rowId/move': { roles: RENAKSI_TEAM },
  'POST /periods/:periodId/renaksi/rows/:rowId/priority': { roles: RENAKSI_TEAM },
  'POST /periods/:periodId/renaksi/rows/:rowId/split': { roles: RENAKSI_TEAM },
  'POST /periods/:periodId/renaksi/rows/:rowId/merge': { roles: RENAKSI_TEAM },
  'GET /periods/:periodId/renaksi/settings': { roles: RENAKSI_TEAM },
  'POST /periods/:periodId/renaksi/years': { roles: RENAKSI_TEAM },
  'POST /periods/:periodId/renaksi/settings': { roles: RENAKSI_TEAM },
  'GET /periods/:periodId/renaksi/upload': { roles: RENAKSI_TEAM },
  'GET /periods/:periodId/renaksi/uploads/:uploadId': { roles: RENAKSI_TEAM },
  'POST /periods/:periodId/renaksi/uploads/:uploadId/apply': { roles: RENAKSI_TEAM },
  'GET /periods/:periodId/renaksi/versions/:n.xlsx': { roles: ['tim_renaksi', 'admin', 'fasilitator', 'verifikator'] },
  'POST /periods/:periodId/renaksi/reopen': { roles: ['admin'] },
  'GET /periods/:periodId/renaksi.docx': { roles: ['tim_renaksi', 'admin', 'fasilitator', 'verifikator'] },
  // A narahubung only once the plan is final: the narahubung actors run on a final plan (see below). Not periodUnit
  // (nor the monev's unit reports): the unit's part of the period's Renaksi, which has no rows for a unit outside it.
  'GET /periods/:periodId/units/:unitId/renaksi.docx': { roles: ['narahubung', ...ALL_STAFF], ownUnit: true, periodUnit: false },
  'GET /periods/:periodId/renaksi/narasi': { roles: RENAKSI_TEAM },
  'POST /periods/:periodId/renaksi/narasi': { roles: RENAKSI_TEAM },
  'GET /periods/:periodId/rekap.xlsx': { roles: ALL_STAFF },
  'GET /periods/:periodId/renaksi/monev': { roles: ['narahubung', ...ALL_STAFF] },
  'POST /periods/:periodId/renaksi/monev/windows': { roles: ['admin'] },
  'POST /periods/:periodId/renaksi/monev/rows/:rowId/coordinator': { roles: RENAKSI_TEAM },
  'GET /periods/:periodId/renaksi/monev/evidence/:evidenceId': { roles: ['narahubung', ...ALL_STAFF] },
  'GET /periods/:periodId/renaksi/monev/rows/:rowId/:semester': { roles: ['narahubung', ...ALL_STAFF] },
  'POST /periods/:periodId/renaksi/monev/rows/:rowId/:semester': { roles: ['narahubung', 'admin', 'tim_renaksi'] },
  'POST /periods/:periodId/renaksi/monev/rows/:rowId/:semester/review': { roles: ['verifikator', 'admin'] },
  'GET /periods/:periodId/renaksi/monev/units/:unitId/:semester': { roles: ['narahubung', ...ALL_STAFF], ownUnit: true, periodUnit: false },
  'POST /periods/:periodId/renaksi/monev/units/:unitId/:semester': { roles: ['narahubung', 'admin', 'tim_renaksi'], ownUnit: true, periodUnit: false },
  'POST /periods/:periodId/renaksi/monev/units/:unitId/:semester/review': { roles: ['verifikator', 'admin'], periodUnit: false },
  'GET /periods/:periodId/kabupaten': { roles: ALL_STAFF },
  'POST /periods/:periodId/kabupaten': { roles: ['admin'] },
  'POST /periods/:periodId/kabupaten/verification': { roles: ['verifikator'] },
  'GET /periods/:periodId/kabupaten/evidence/:evidenceId': { roles: ALL_STAFF },
  'GET /periods/:periodId/lapor': { roles: ['admin'] },
  'POST /periods/:periodId/lapor/upload': { roles: ['admin'] },
  'GET /periods/:periodId/lapor/imports/:token': { roles: ['admin'] },
  'POST /periods/:periodId/lapor/imports/:token/columns': { roles: ['admin'] },
  'POST /periods/:periodId/lapor/imports/:token/instansi': { roles: ['admin'] },
  'POST /periods/:periodId/lapor/imports/:token/apply': { roles: ['admin'] },
  'POST /periods/:periodId/lapor/targets': { roles: ['admin'] },
  'GET /periods/:periodId/lapor/:table.json': { roles: ALL_STAFF },
  'GET /periods/:periodId/lapor/:table.csv': { roles: ALL_STAFF },
  'GET /api/periods/:periodId/lapor': { roles: ALL_STAFF },
  'GET /admin/lapor/hari-libur': { roles: ['admin'] },
  'POST /admin/lapor/hari-libur': { roles: ['admin'] },
  'POST /admin/lapor/hari-libur/:day/delete': { roles: ['admin'] },
  'GET /admin/lapor/instansi': { roles: ['admin'] },
  'POST /admin/lapor/instansi': { roles: ['admin'] },
  'POST /periods/:periodId/units/:unitId/verification/lapor/:code': { roles: ['verifikator', 'admin'], periodUnit: true },
};

type Actor = 'anonymous' | 'admin' | 'verifikator' | 'fasilitator' | 'tim_renaksi' | 'narahubung-own' | 'narahubung-other';
const ACTORS: Actor[] = ['anonymous', 'admin', 'verifikator', 'fasilitator', 'tim_renaksi', 'narahubung-own', 'narahubung-other'];

function allowed(rule: Rule, actor: Actor): boolean {
  if (rule.roles === 'public') return true;
  if (actor === 'anonymous') return false;
  if (rule.roles === 'signed-in') return true;
  const role: Role = actor.startsWith('narahubung') ? 'narahubung' : (actor as Role);
  if (!rule.roles.includes(role)) return false;
  return !(rule.ownUnit && actor === 'narahubung-other');
}

const key = (r: RouteEntry) => `${r.method} ${r.path}`;

/** The period's Renaksi, made final (drafted first when no actor drafted it yet). */
function finalPlan(ctx: TestContext): void {
  if (!ctx.repos.renaksi.findPlan(ctx.periodId)) ctx.repos.renaksi.insertPlan(ctx.periodId, 2022, 2024);
  const plan = ctx.repos.renaksi.findPlan(ctx.periodId);
  ctx.repos.renaksi.setStatus(plan?.id ?? 0, 'final');
}

describe('authorization matrix: every route × every role × own/other unit', () => {
  let ctx: TestContext;
  let busang: number;
  let dummyUser: number;
  let evidenceId: number;
  const names: Partial<Record<Actor, string>> = {};

  beforeAll(async () => {
    ctx = createTestContext();
    busang = unitId(ctx.repos, 'KEC-BUSANG');
    for (const role of ['admin', 'verifikator', 'fasilitator', 'tim_renaksi'] as const) names[role] = (await buildUser(ctx.repos, { role })).username;
    names['narahubung-own'] = (await buildUser(ctx.repos, { role: 'narahubung', unitId: busang })).username;
    names['narahubung-other'] = (await buildUser(ctx.repos, { role: 'narahubung', unitId: unitId(ctx.repos, 'KEC-TELEN') })).username;
    dummyUser = (await buildUser(ctx.repos, { role: 'fasilitator' })).id;
    // Verified, so the unit's own narahubung may read its rapor; edits then answer 409, which is not a refusal.
    const assessmentId = buildAssessment(ctx, { unitId: busang, fill: 2, status: 'diverifikasi', userId: dummyUser });
    evidenceId = ctx.repos.evidence.insertLink(assessmentId, 'A1', 'https://busang.example.go.id/sk.pdf', dummyUser);
  });

  it('has a rule for every route the app answers', () => {
    const missing = listRoutes(ctx.app).map(key).filter((k) => !(k in RULES));

    expect(missing).toEqual([]);
  });

  it('has no rule for a route that does not exist any more', () => {
    const routes = new Set(listRoutes(ctx.app).map(key));

    expect(Object.keys(RULES).filter((k) => !routes.has(k))).toEqual([]);
  });

  it.each(ACTORS)('lets %s reach exactly the routes its rules allow', async (actor) => {
    const failures: string[] = [];
    const session = actor === 'anonymous' ? { agent: request.agent(ctx.app), csrf: '' } : await loginAs(ctx.app, names[actor] as string);
    if (actor === 'anonymous') session.csrf = csrfFrom((await session.agent.get('/login')).text);
    // A narahubung downloads their unit's own Renaksi once the plan is final; before, it is refused (renaksi-unit-plan.test.ts).
    if (actor.startsWith('narahubung')) finalPlan(ctx);
    for (const route of listRoutes(ctx.app)) {
      const rule = RULES[key(route)];
      // NOTE: /logout would end the session the rest of the loop uses; it needs no rule beyond 'public'.
      if (!rule || route.path === '/logout') continue;
      const url = route.path
        .replace(':periodId', String(ctx.periodId))
        .replace(':unitId', String(busang))
        .replace(':userId', String(dummyUser))
        .replace(':evidenceId', String(evidenceId))
        .replace(':code', 'A1')
        .replace(':table', 'summary')
        .replace(/:\w+/g, 'x');
      const res = route.method === 'GET'
        ? await session.agent.get(url)
        : await session.agent[route.method === 'PUT' ? 'put' : 'post'](url).type('form').set('X-CSRF-Token', session.csrf).send({ _csrf: session.csrf });
      const refused = res.status === 403 || res.status === 401 || (res.status === 302 && String(res.headers.location).startsWith('/login'));
      if (allowed(rule, actor) === refused) failures.push(`${key(route)} → ${res.status}${allowed(rule, actor) ? ' (should be allowed)' : ' (should be refused)'}`);
      if (res.status >= 500) failures.push(`${key(route)} → ${res.status}`);
    }

    expect(failures).toEqual([]);
  });
});

/**
 * The period-units guard: BRIDA is assessed from 2023, so in the 2022 period every `periodUnit` route refuses it
 * (404 with the reason) to each role the route admits, BRIDA's own narahubung included, and writes nothing, even
 * with a stray submitted 2022 assessment and its evidence in the database (made before the guard existed).
 */
describe('authorization matrix: a unit outside the period', () => {
  let ctx: TestContext;
  let brida: number;
  let evidenceId: number;
  const names: Partial<Record<Role, string>> = {};

  beforeAll(async () => {
    ctx = createTestContext();
    brida = ctx.repos.units.insert({ code: 'PD-BRIDA', name: 'Badan Riset dan Inovasi Daerah', group: 'pd', provisional: false, assessedFrom: 2023 });
    for (const role of ['verifikator', 'fasilitator', 'tim_renaksi'] as const) names[role] = (await buildUser(ctx.repos, { role })).username;
    names.narahubung = (await buildUser(ctx.repos, { role: 'narahubung', unitId: brida })).username;
    const admin = await buildUser(ctx.repos, { role: 'admin' });
    names.admin = admin.username;
    const assessmentId = buildAssessment(ctx, { unitId: brida, fill: 2, status: 'diajukan', userId: admin.id });
    evidenceId = ctx.repos.evidence.insertLink(assessmentId, 'A1', 'https://brida.example.go.id/sk.pdf', admin.id);
  });

  it('states for every route of a unit in a period whether the guard applies', () => {
    const unstated = listRoutes(ctx.app).map(key).filter((k) => k.includes('periods/:periodId/') && k.includes('/units/:unitId') && RULES[k]?.periodUnit === undefined);

    expect(unstated).toEqual([]);
  });

  it.each(['admin', 'verifikator', 'fasilitator', 'tim_renaksi', 'narahubung'] as const)('refuses %s every guarded route for it, writing nothing', async (role) => {
    const failures: string[] = [];
    const session = await loginAs(ctx.app, names[role] as string);
    const writes = watchWrites(ctx.db, new Set(['sessions', 'login_limits', 'schema_migrations']));
    for (const route of listRoutes(ctx.app)) {
      const rule = RULES[key(route)];
      if (!rule?.periodUnit || !Array.isArray(rule.roles) || !rule.roles.includes(role)) continue;
      const url = route.path.replace(':periodId', String(ctx.periodId)).replace(':unitId', String(brida))
        .replace(':evidenceId', String(evidenceId)).replace(':code', 'A1');
      const before = writes();
      const res = route.method === 'GET'
        ? await session.agent.get(url)
        : await session.agent[route.method === 'PUT' ? 'put' : 'post'](url).type('form').set('X-CSRF-Token', session.csrf).send({ _csrf: session.csrf, level_A1: '3', level: '3' });
      if (res.status !== 404 || !res.text.includes('baru dinilai mulai tahun 2023; periode 2022 tidak mencakupnya')) failures.push(`${key(route)} → ${res.status}`);
      if (writes() !== before) failures.push(`${key(route)} wrote to the database`);
    }

    expect(failures).toEqual([]);
  });
});
