import argon2 from 'argon2';
import request from 'supertest';
import { LOGIN_LIMITS } from '../../src/auth/login-limiter';
import { UNSET_PASSWORD_HASH } from '../../src/users/passwords';
import { buildUser, createTestContext, csrfFrom, TEST_PASSWORD, type TestContext } from '../helpers/test-app';

const WRONG = 'salah-terus-123';

/** A browser at `ip` (the app trusts X-Forwarded-For from its proxy) with the login form open. */
async function browserAt(ctx: TestContext, ip: string) {
  const agent = request.agent(ctx.app);
  const csrf = csrfFrom((await agent.get('/login').set('X-Forwarded-For', ip)).text);
  const login = (username: string, password: string) =>
    agent.post('/login').set('X-Forwarded-For', ip).type('form').send({ username, password, _csrf: csrf });
  return { login };
}

const auditCount = (ctx: TestContext, action: string) =>
  (ctx.db.prepare('SELECT COUNT(*) AS n FROM audit_log WHERE action = ?').get(action) as { n: number }).n;

describe('login limits', () => {
  let ctx: TestContext;

  beforeEach(() => {
    ctx = createTestContext({ trustProxy: true });
  });
  afterEach(() => jest.restoreAllMocks());

  it('checks only five of twelve wrong passwords sent at once and refuses the rest with Retry-After', async () => {
    const victim = await buildUser(ctx.repos, { role: 'admin' });
    const stranger = await browserAt(ctx, '203.0.113.9');
    const verify = jest.spyOn(argon2, 'verify');

    const answers = await Promise.all(Array.from({ length: 12 }, () => stranger.login(victim.username, WRONG)));

    const refused = answers.filter((r) => r.status === 429);
    expect(answers.filter((r) => r.status === 422)).toHaveLength(5);
    expect(refused).toHaveLength(7);
    expect(verify).toHaveBeenCalledTimes(5);
    for (const r of refused) expect(Number(r.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect(refused[0]?.text).toContain('Terlalu banyak percobaan masuk. Silakan coba lagi dalam 15 menit.');
    expect(auditCount(ctx, 'auth.login_failed')).toBe(5);
    expect(auditCount(ctx, 'auth.login_locked')).toBe(1);
  });

  it('lets the owner sign in from another address while a stranger’s address is locked out of the account', async () => {
    const owner = await buildUser(ctx.repos, { role: 'admin' });
    const stranger = await browserAt(ctx, '203.0.113.9');
    for (let i = 0; i < 6; i++) await stranger.login(owner.username, WRONG);

    const strangerWithRightPassword = await stranger.login(owner.username, TEST_PASSWORD);
    const atOffice = await (await browserAt(ctx, '198.51.100.20')).login(owner.username, TEST_PASSWORD);

    expect(strangerWithRightPassword.status).toBe(429);
    expect(strangerWithRightPassword.headers['retry-after']).toMatch(/^\d+$/);
    expect(atOffice.status).toBe(302);
    expect(ctx.db.prepare('SELECT COUNT(*) AS n FROM sessions WHERE user_id = ?').get(owner.id)).toEqual({ n: 1 });
  });

  it('does not lock an office behind one address when thirty of its people mistype', async () => {
    const people = await Promise.all(Array.from({ length: 7 }, () => buildUser(ctx.repos, { role: 'fasilitator' })));
    const office = await browserAt(ctx, '198.51.100.20');
    for (const p of people.slice(0, 6)) for (let i = 0; i < 5; i++) await office.login(p.username, WRONG);

    const last = await office.login((people[6] as { username: string }).username, TEST_PASSWORD);

    expect(auditCount(ctx, 'auth.login_failed')).toBe(30);
    expect(last.status).toBe(302);
  });

  it('stops a scan over many names from one address and audits the lock once, not once per attempt', async () => {
    const limit = LOGIN_LIMITS.perAddress.points;
    const scanner = await browserAt(ctx, '192.0.2.66');

    const statuses: number[] = [];
    for (let i = 0; i < limit + 25; i++) statuses.push((await scanner.login(`tebakan${i}' OR 1=1 --`, WRONG)).status);

    expect(statuses.filter((s) => s === 422)).toHaveLength(limit);
    expect(statuses.slice(limit).every((s) => s === 429)).toBe(true);
    expect(auditCount(ctx, 'auth.login_failed')).toBe(limit);
    expect(auditCount(ctx, 'auth.login_locked')).toBe(1);
    const lock = ctx.db.prepare("SELECT new_value FROM audit_log WHERE action = 'auth.login_locked'").get() as { new_value: string };
    expect(JSON.parse(lock.new_value)).toMatchObject({ ip: '192.0.2.66', lingkup: 'alamat' });
  });

  it('starts the owner afresh at an address after a successful sign-in', async () => {
    const owner = await buildUser(ctx.repos, { role: 'verifikator' });
    const browser = await browserAt(ctx, '198.51.100.20');
    for (let i = 0; i < 4; i++) await browser.login(owner.username, WRONG);
    await browser.login(owner.username, TEST_PASSWORD);

    const again = [];
    for (let i = 0; i < 4; i++) again.push((await (await browserAt(ctx, '198.51.100.20')).login(owner.username, WRONG)).status);

    expect(again).toEqual([422, 422, 422, 422]);
  });

  it.each([
    ['an unknown name', async (_c: TestContext) => 'tidak.ada'],
    ['a deactivated account', async (c: TestContext) => {
      const u = await buildUser(c.repos, { role: 'fasilitator' });
      c.repos.users.setActive(u.id, false);
      return u.username;
    }],
    ['an account whose password is not set yet', async (c: TestContext) => {
      const u = await buildUser(c.repos, { role: 'fasilitator' });
      c.repos.users.setPassword(u.id, UNSET_PASSWORD_HASH);
      return u.username;
    }],
  ])('verifies %s against a dummy hash of the configured cost, like an existing account', async (_label, arrange) => {
    const username = await arrange(ctx);
    const known = await buildUser(ctx.repos, { role: 'fasilitator' });
    const browser = await browserAt(ctx, '198.51.100.20');
    const verify = jest.spyOn(argon2, 'verify');

    const unknown = await browser.login(username, TEST_PASSWORD);
    const existing = await browser.login(known.username, WRONG);

    expect(unknown.status).toBe(422);
    expect(existing.status).toBe(422);
    expect(unknown.text).toContain('Nama pengguna atau kata sandi salah.');
    expect(verify).toHaveBeenCalledTimes(2);
    const [dummyHash, storedHash] = verify.mock.calls.map((c) => c[0]);
    expect(dummyHash).toMatch(/^\$argon2id\$v=19\$m=1024,p=1,t=1\$/);
    expect(storedHash).toMatch(/^\$argon2id\$v=19\$m=1024,p=1,t=1\$/);
    expect(dummyHash).not.toBe(storedHash);
  });
});
