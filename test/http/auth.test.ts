import request from 'supertest';
import { createApp } from '../../src/app';
import { testConfig } from '../../src/config/config';
import { buildUser, createTestContext, csrfFrom, loginAs, TEST_PASSWORD, type TestContext } from '../helpers/test-app';

describe('authentication and the automation entry points', () => {
  let ctx: TestContext;
  beforeAll(() => {
    ctx = createTestContext();
  });

  it('answers /healthz with status ok', async () => {
    const res = await request(ctx.app).get('/healthz');

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('shows the login form with username, password and a CSRF field', async () => {
    const res = await request(ctx.app).get('/login');

    expect(res.status).toBe(200);
    expect(res.text).toContain('name="username"');
    expect(res.text).toContain('name="password"');
    expect(csrfFrom(res.text)).toMatch(/.{20,}/);
    expect(res.text).toContain('<html lang="id">');
  });

  it('refuses a wrong password with 422, keeps the username and records a failed login', async () => {
    await buildUser(ctx.repos, { role: 'fasilitator', username: 'fasil.salah' });
    const agent = request.agent(ctx.app);
    const page = await agent.get('/login');

    const res = await agent.post('/login').type('form').send({ username: 'fasil.salah', password: 'keliru-sekali', _csrf: csrfFrom(page.text) });

    expect(res.status).toBe(422);
    expect(res.text).toContain('Nama pengguna atau kata sandi salah.');
    expect(res.text).toContain('value="fasil.salah"');
    const failed = ctx.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'auth.login_failed'").get() as { n: number };
    expect(failed.n).toBe(1);
    expect((await agent.get('/')).headers.location).toBe('/login');
  });

  it('names the empty field when the login form is sent without a password', async () => {
    const agent = request.agent(ctx.app);
    const page = await agent.get('/login');

    const res = await agent.post('/login').type('form').send({ username: 'x', _csrf: csrfFrom(page.text) });

    expect(res.status).toBe(422);
    expect(res.text).toContain('Kata sandi wajib diisi.');
  });

  it('refuses a login post without the CSRF token with 403', async () => {
    await buildUser(ctx.repos, { role: 'fasilitator', username: 'fasil.csrf' });

    const res = await request(ctx.app).post('/login').type('form').send({ username: 'fasil.csrf', password: TEST_PASSWORD });

    expect(res.status).toBe(403);
    expect(res.text).toContain('Muat ulang halaman');
  });

  it('signs in, redirects to the requested page and keeps the session across an app restart', async () => {
    await buildUser(ctx.repos, { role: 'fasilitator', username: 'fasil.ok' });
    const agent = request.agent(ctx.app);
    const page = await agent.get(`/login?next=/periods/${ctx.periodId}/dashboard`);
    const login = await agent
      .post('/login')
      .type('form')
      .send({ username: 'fasil.ok', password: TEST_PASSWORD, _csrf: csrfFrom(page.text), next: `/periods/${ctx.periodId}/dashboard` });
    const cookie = login.headers['set-cookie'] as unknown as string[];

    const restarted = createApp({ db: ctx.db, config: testConfig() });
    const res = await request(restarted).get(`/periods/${ctx.periodId}/dashboard`).set('Cookie', cookie);

    expect(login.status).toBe(302);
    expect(login.headers.location).toBe(`/periods/${ctx.periodId}/dashboard`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('Indeks kabupaten');
  });

  it('never redirects off-site after login', async () => {
    await buildUser(ctx.repos, { role: 'fasilitator', username: 'fasil.next' });
    const agent = request.agent(ctx.app);
    const page = await agent.get('/login');

    const res = await agent.post('/login').type('form').send({ username: 'fasil.next', password: TEST_PASSWORD, _csrf: csrfFrom(page.text), next: '//evil.example' });

    expect(res.headers.location).toBe('/');
  });

  it('sends anonymous pages to the login form and anonymous API calls a 401 JSON error', async () => {
    const page = await request(ctx.app).get(`/periods/${ctx.periodId}/dashboard`);
    const api = await request(ctx.app).get('/api/periods');

    expect(page.status).toBe(302);
    expect(page.headers.location).toBe(`/login?next=${encodeURIComponent(`/periods/${ctx.periodId}/dashboard`)}`);
    expect(api.status).toBe(401);
    expect(api.body.error.code).toBe('unauthorized');
  });

  it('answers an unknown route with an Indonesian 404 page without a stack trace', async () => {
    const { agent } = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'admin' })).username);

    const res = await agent.get('/tidak-ada/sama-sekali');

    expect(res.status).toBe(404);
    expect(res.text).toContain('Halaman tidak ditemukan.');
    expect(res.text).not.toMatch(/at \w+ \(/);
  });

  it('logs out and forgets the session', async () => {
    const { agent, csrf } = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'admin' })).username);

    await agent.post('/logout').type('form').send({ _csrf: csrf });
    const res = await agent.get('/');

    expect(res.headers.location).toBe('/login');
  });

  it('serves pages with a content security policy that allows no inline script', async () => {
    const res = await request(ctx.app).get('/login');

    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.text).not.toMatch(/<script>(?!<\/script>)/);
  });
});
