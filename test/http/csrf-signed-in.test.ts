import request from 'supertest';
import { buildUser, createTestContext, csrfFrom, loginAs, TEST_PASSWORD, type TestContext } from '../helpers/test-app';

/**
 * A signed-in session's forms carry that session's own token. The anonymous token (an HMAC of the browser's
 * sp4n.csrf cookie) is only for pages served before signing in: anyone can get a valid cookie/token pair from the
 * login page, and a site on a sibling subdomain can plant that cookie in a victim's browser (cookie tossing), so a
 * signed-in request must not pass with it.
 */
describe('the CSRF check of a signed-in session', () => {
  let ctx: TestContext;

  beforeEach(() => {
    ctx = createTestContext();
  });

  /** A cookie and token pair the attacker got from the login page in their own browser. */
  async function attackerPair(): Promise<{ nonce: string; token: string }> {
    const attacker = request.agent(ctx.app);
    const page = await attacker.get('/login');
    const nonce = /sp4n\.csrf=([^;]+)/.exec(String(page.headers['set-cookie'] ?? ''))?.[1] ?? '';
    return { nonce, token: csrfFrom(page.text) };
  }

  it("refuses a change sent with an anonymous token planted beside the victim's session, and saves nothing", async () => {
    const victim = await buildUser(ctx.repos, { role: 'admin' });
    const browser = request.agent(ctx.app);
    const form = await browser.get('/login');
    const login = await browser.post('/login').type('form').send({ username: victim.username, password: TEST_PASSWORD, _csrf: csrfFrom(form.text) });
    const sid = /sp4n\.sid=[^;]+/.exec(String(login.headers['set-cookie'] ?? ''))?.[0] ?? '';
    const { nonce, token } = await attackerPair();

    // The victim's browser sends its own session cookie and the planted sp4n.csrf cookie.
    const res = await request(ctx.app).post('/akun/hp').set('Cookie', `${sid}; sp4n.csrf=${nonce}`).type('form').send({ _csrf: token, phone: '0812 9999 0000' });

    expect(sid).not.toBe('');
    expect(nonce).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(res.status).toBe(403);
    expect(ctx.repos.users.findById(victim.id)?.phone).toBeNull();
  });

  it("still takes the session's own token", async () => {
    const user = await buildUser(ctx.repos, { role: 'admin' });
    const { agent, csrf } = await loginAs(ctx.app, user.username);

    const res = await agent.post('/akun/hp').type('form').send({ _csrf: csrf, phone: '0812 9999 0000' });

    expect(res.status).toBe(302);
    expect(ctx.repos.users.findById(user.id)?.phone).toBe('6281299990000');
  });
});
