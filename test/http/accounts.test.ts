import request from 'supertest';
import { createApp } from '../../src/app';
import { testConfig } from '../../src/config/config';
import { LOGIN_LIMITS } from '../../src/auth/login-limiter';
import { buildUser, createTestContext, csrfFrom, loginAs, TEST_PASSWORD, unitId, type TestContext } from '../helpers/test-app';

const sessionsOf = (ctx: TestContext, userId: number) =>
  (ctx.db.prepare('SELECT COUNT(*) AS n FROM sessions WHERE user_id = ?').get(userId) as { n: number }).n;

async function tryLogin(ctx: TestContext, username: string, password: string) {
  const agent = request.agent(ctx.app);
  const page = await agent.get('/login');
  return agent.post('/login').type('form').send({ username, password, _csrf: csrfFrom(page.text) });
}

describe('account management and login protection', () => {
  let ctx: TestContext;
  let admin: { id: number; username: string };

  beforeEach(async () => {
    ctx = createTestContext();
    admin = await buildUser(ctx.repos, { role: 'admin' });
  });

  it('locks an account name at an address after repeated failures with a message that reveals nothing, even for the right password', async () => {
    const victim = await buildUser(ctx.repos, { role: 'fasilitator' });
    for (let i = 0; i < LOGIN_LIMITS.perNameAndAddress.points; i++) await tryLogin(ctx, victim.username, 'salah-terus-123');

    const locked = await tryLogin(ctx, victim.username, TEST_PASSWORD);
    const ghost = await tryLogin(ctx, 'tidak.ada', 'salah-terus-123');

    expect(locked.status).toBe(429);
    expect(locked.text).toContain('Terlalu banyak percobaan masuk. Silakan coba lagi dalam 15 menit.');
    expect(ghost.status).toBe(422);
    expect(ghost.text).toContain('Nama pengguna atau kata sandi salah.');
    expect(sessionsOf(ctx, victim.id)).toBe(0);
  });

  it('issues a one-time set-password link that works once and ends the old sessions', async () => {
    const nara = await buildUser(ctx.repos, { role: 'narahubung', unitId: unitId(ctx.repos, 'KEC-BUSANG') });
    await loginAs(ctx.app, nara.username);
    const { agent, csrf } = await loginAs(ctx.app, admin.username);

    const shown = await agent.post(`/admin/users/${nara.id}/password-link`).type('form').send({ _csrf: csrf });
    const link = /value="https?:\/\/[^/]+(\/atur-sandi\/[^"]+)"/.exec(shown.text)?.[1] ?? '';
    const anon = request.agent(ctx.app);
    const form = await anon.get(link);
    const weak = await anon.post(link).type('form').send({ _csrf: csrfFrom(form.text), password: 'password123', confirm: 'password123' });
    const set = await anon.post(link).type('form').send({ _csrf: csrfFrom(form.text), password: 'Busang-baru-2022', confirm: 'Busang-baru-2022' });
    const again = await anon.get(link);

    expect(link).toMatch(/^\/atur-sandi\/[\w-]{40,}$/);
    expect(weak.status).toBe(422);
    expect(weak.text).toContain('Kata sandi terlalu umum');
    expect(set.status).toBe(302);
    expect(again.status).toBe(410);
    expect(sessionsOf(ctx, nara.id)).toBe(0);
    await expect(loginAs(ctx.app, nara.username, 'Busang-baru-2022')).resolves.toBeDefined();
    const stored = ctx.db.prepare('SELECT token_hash FROM password_tokens').get() as { token_hash: string };
    expect(link).not.toContain(stored.token_hash);
  });

  it('changes one’s own password only with the current one and keeps the current session', async () => {
    const fasil = await buildUser(ctx.repos, { role: 'fasilitator' });
    const other = await loginAs(ctx.app, fasil.username);
    const { agent, csrf } = await loginAs(ctx.app, fasil.username);

    const wrong = await agent.post('/akun/sandi').type('form').send({ _csrf: csrf, current: 'bukan-ini-123', password: 'Sandi-Baru-99', confirm: 'Sandi-Baru-99' });
    const ok = await agent.post('/akun/sandi').type('form').send({ _csrf: csrf, current: TEST_PASSWORD, password: 'Sandi-Baru-99', confirm: 'Sandi-Baru-99' });
    const still = await agent.get('/akun');
    const kicked = await other.agent.get('/akun');

    expect(wrong.status).toBe(422);
    expect(wrong.text).toContain('Kata sandi saat ini salah.');
    expect(ok.status).toBe(302);
    expect(still.status).toBe(200);
    expect(kicked.status).toBe(302);
    expect(sessionsOf(ctx, fasil.id)).toBe(1);
  });

  it('deactivating an account ends its sessions and blocks sign-in; restoring lets it back in', async () => {
    const tim = await buildUser(ctx.repos, { role: 'tim_renaksi' });
    const session = await loginAs(ctx.app, tim.username);
    const { agent, csrf } = await loginAs(ctx.app, admin.username);

    await agent.post(`/admin/users/${tim.id}/deactivate`).type('form').send({ _csrf: csrf });
    const afterDeactivate = await session.agent.get(`/periods/${ctx.periodId}/renaksi`);
    const blocked = await tryLogin(ctx, tim.username, TEST_PASSWORD);
    await agent.post(`/admin/users/${tim.id}/restore`).type('form').send({ _csrf: csrf });

    expect(afterDeactivate.status).toBe(302);
    expect(blocked.status).toBe(422);
    expect(ctx.db.prepare('SELECT active FROM users WHERE id = ?').get(tim.id)).toEqual({ active: 1 });
    await expect(loginAs(ctx.app, tim.username)).resolves.toBeDefined();
    const actions = ctx.db.prepare("SELECT action FROM audit_log WHERE entity = 'user' AND entity_id = ? AND action LIKE 'user.%' ORDER BY id").all(tim.id);
    expect(actions).toEqual([{ action: 'user.deactivate' }, { action: 'user.restore' }]);
  });

  it('changing a role takes effect at once and a narahubung must keep a unit', async () => {
    const tim = await buildUser(ctx.repos, { role: 'tim_renaksi' });
    const session = await loginAs(ctx.app, tim.username);
    const { agent, csrf } = await loginAs(ctx.app, admin.username);

    const bad = await agent.post(`/admin/users/${tim.id}`).type('form').send({ _csrf: csrf, displayName: 'Tim', role: 'narahubung', unitId: '' });
    const ok = await agent.post(`/admin/users/${tim.id}`).type('form').send({ _csrf: csrf, displayName: 'Tim', role: 'fasilitator', unitId: '' });

    expect(bad.status).toBe(422);
    expect(bad.text).toContain('Narahubung harus terikat pada satu unit.');
    expect(ok.status).toBe(302);
    expect(ctx.db.prepare('SELECT role FROM users WHERE id = ?').get(tim.id)).toEqual({ role: 'fasilitator' });
    expect((await session.agent.get('/')).status).toBe(302);
  });

  it('lists a user’s sessions for the admin and revokes one by its handle', async () => {
    const fasil = await buildUser(ctx.repos, { role: 'fasilitator' });
    const session = await loginAs(ctx.app, fasil.username);
    const { agent, csrf } = await loginAs(ctx.app, admin.username);

    const page = await agent.get(`/admin/users/${fasil.id}/edit`);
    const action = /action="(\/admin\/users\/\d+\/sessions\/[0-9a-f]+\/revoke)"/.exec(page.text)?.[1] ?? '';
    await agent.post(action).type('form').send({ _csrf: csrf });

    expect(action).not.toBe('');
    expect(sessionsOf(ctx, fasil.id)).toBe(0);
    expect((await session.agent.get('/akun')).status).toBe(302);
  });

  it('signs out a session older than the absolute lifetime', async () => {
    const fasil = await buildUser(ctx.repos, { role: 'fasilitator' });
    const { agent } = await loginAs(ctx.app, fasil.username);
    ctx.db.prepare("UPDATE sessions SET data = json_set(data, '$.loginAt', 0) WHERE user_id = ?").run(fasil.id);

    const res = await agent.get('/akun');

    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/login?next=%2Fakun');
  });

  it('signs out a session idle for longer than the idle timeout, whatever the browser keeps', async () => {
    const fasil = await buildUser(ctx.repos, { role: 'fasilitator' });
    const { agent } = await loginAs(ctx.app, fasil.username);
    ctx.db.prepare('UPDATE sessions SET expires_at = ? WHERE user_id = ?').run(Date.now() - 1, fasil.id);

    const res = await agent.get('/akun');

    expect(res.status).toBe(302);
    expect(res.headers.location).toBe('/login?next=%2Fakun');
  });

  it('moves an active session’s idle expiry forward by the idle timeout', async () => {
    const fasil = await buildUser(ctx.repos, { role: 'fasilitator' });
    const { agent } = await loginAs(ctx.app, fasil.username);
    ctx.db.prepare('UPDATE sessions SET expires_at = ? WHERE user_id = ?').run(Date.now() + 5_000, fasil.id);

    const before = Date.now();
    const res = await agent.get('/akun');
    const { expires_at: expiresAt } = ctx.db.prepare('SELECT expires_at FROM sessions WHERE user_id = ?').get(fasil.id) as { expires_at: number };

    expect(res.status).toBe(200);
    expect(expiresAt).toBeGreaterThanOrEqual(before + testConfig().sessionIdleMs);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + testConfig().sessionIdleMs);
  });

  it('forbids the account administration to non-admins', async () => {
    const fasil = await buildUser(ctx.repos, { role: 'fasilitator' });
    const { agent, csrf } = await loginAs(ctx.app, fasil.username);

    const res = await agent.post(`/admin/users/${admin.id}/deactivate`).type('form').send({ _csrf: csrf });

    expect(res.status).toBe(403);
    expect(ctx.db.prepare('SELECT active FROM users WHERE id = ?').get(admin.id)).toEqual({ active: 1 });
  });

  it('keeps sessions in the database across a restart of the app', async () => {
    const fasil = await buildUser(ctx.repos, { role: 'fasilitator' });
    const { agent } = await loginAs(ctx.app, fasil.username);
    const cookie = (await agent.get('/akun')).request.cookies;

    const res = await request(createApp({ db: ctx.db, config: testConfig() })).get('/akun').set('Cookie', cookie);

    expect(res.status).toBe(200);
  });
});
