import request from 'supertest';
import { buildUser, createTestContext, csrfFrom, loginAs, type TestContext } from '../helpers/test-app';

describe('GET /admin/audit', () => {
  let ctx: TestContext;
  let admin: string;

  beforeAll(async () => {
    ctx = createTestContext();
    admin = (await buildUser(ctx.repos, { role: 'admin' })).username;
    const agent = request.agent(ctx.app);
    const page = await agent.get('/login');
    await agent.post('/login').type('form').send({ username: 'penyusup', password: 'coba-coba-123', _csrf: csrfFrom(page.text) });
  });

  it('shows failed logins and logins in Indonesian, newest first', async () => {
    const { agent } = await loginAs(ctx.app, admin);

    const res = await agent.get('/admin/audit?action=auth.');

    expect(res.status).toBe(200);
    const masuk = res.text.indexOf('<td>Masuk</td>');
    const gagal = res.text.indexOf('<td>Gagal masuk</td>');
    expect(masuk).toBeGreaterThan(0);
    expect(gagal).toBeGreaterThan(masuk);
    expect(res.text).toContain('penyusup');
  });

  it('filters by kind of activity and date', async () => {
    const { agent } = await loginAs(ctx.app, admin);

    const none = await agent.get('/admin/audit?action=export.&from=2020-01-01&to=2020-12-31');

    expect(none.status).toBe(200);
    expect(none.text).toContain('Tidak ada kegiatan yang cocok.');
  });

  it('refuses a malformed date with 422 naming the field', async () => {
    const { agent } = await loginAs(ctx.app, admin);

    const res = await agent.get('/admin/audit?from=kemarin');

    expect(res.status).toBe(422);
    expect(res.text).toContain('Tanggal awal harus berformat TTTT-BB-HH.');
  });

  it('is for the admin only', async () => {
    const { agent } = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'verifikator' })).username);

    expect((await agent.get('/admin/audit')).status).toBe(403);
  });
});
