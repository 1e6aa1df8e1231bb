import request from 'supertest';
import { purgeExpiredLoginData } from '../../src/auth/login-housekeeping';
import { buildUser, createTestContext, csrfFrom, TEST_PASSWORD, type TestContext } from '../helpers/test-app';

const count = (ctx: TestContext, table: string) => (ctx.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('anonymous traffic and stored sessions', () => {
  let ctx: TestContext;

  beforeEach(() => {
    ctx = createTestContext();
  });

  it('stores no session for anonymous pages, and the login form they served still signs in', async () => {
    const user = await buildUser(ctx.repos, { role: 'fasilitator' });
    const crawler = request(ctx.app);
    for (let i = 0; i < 30; i++) await crawler.get('/login');
    for (const url of ['/', '/akun', '/tidak-ada', '/atur-sandi/bukan-token', '/api/periods']) await crawler.get(url);
    const browser = request.agent(ctx.app);
    const form = await browser.get('/login');
    const wrong = await browser.post('/login').type('form').send({ username: user.username, password: 'salah-terus-123', _csrf: csrfFrom(form.text) });

    expect(count(ctx, 'sessions')).toBe(0);
    expect(String(form.headers['set-cookie'] ?? '')).not.toContain('sp4n.sid');
    expect(wrong.status).toBe(422);

    const signedIn = await browser.post('/login').type('form').send({ username: user.username, password: TEST_PASSWORD, _csrf: csrfFrom(wrong.text) });

    expect(signedIn.status).toBe(302);
    expect(count(ctx, 'sessions')).toBe(1);
    expect((await browser.get('/akun')).status).toBe(200);
  });

  it('refuses a login post whose token was served to another browser, or that has no cookie', async () => {
    const user = await buildUser(ctx.repos, { role: 'fasilitator' });
    const attacker = request.agent(ctx.app);
    const victim = request.agent(ctx.app);
    const attackerToken = csrfFrom((await attacker.get('/login')).text);
    await victim.get('/login');

    const forged = await victim.post('/login').type('form').send({ username: user.username, password: TEST_PASSWORD, _csrf: attackerToken });
    const cookieless = await request(ctx.app).post('/login').type('form').send({ username: user.username, password: TEST_PASSWORD, _csrf: attackerToken });

    expect(forged.status).toBe(403);
    expect(cookieless.status).toBe(403);
    expect(count(ctx, 'sessions')).toBe(0);
  });

  it('purges expired sessions and login counters and keeps the live ones', async () => {
    const user = await buildUser(ctx.repos, { role: 'fasilitator' });
    const now = Date.now();
    const addSession = ctx.db.prepare('INSERT INTO sessions (sid, expires_at, data, user_id) VALUES (?, ?, ?, ?)');
    addSession.run('lama', now - 1, '{}', user.id);
    addSession.run('aktif', now + 60_000, '{}', user.id);
    const addLimit = ctx.db.prepare('INSERT INTO login_limits (key, points, expire) VALUES (?, ?, ?)');
    addLimit.run('alamat:203.0.113.9', 40, now - 1);
    addLimit.run('alamat:198.51.100.20', 3, now + 60_000);

    const purged = purgeExpiredLoginData(ctx.repos, now);

    expect(purged).toEqual({ sessions: 1, loginLimits: 1 });
    expect(ctx.db.prepare('SELECT sid FROM sessions').all()).toEqual([{ sid: 'aktif' }]);
    expect(ctx.db.prepare('SELECT key FROM login_limits').all()).toEqual([{ key: 'alamat:198.51.100.20' }]);
  });
});
