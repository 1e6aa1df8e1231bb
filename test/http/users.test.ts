import { buildUser, createTestContext, loginAs, unitId, type TestContext } from '../helpers/test-app';

const countUsers = (ctx: TestContext) => (ctx.db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;

describe('admin creates accounts', () => {
  let ctx: TestContext;
  let admin: string;

  beforeAll(async () => {
    ctx = createTestContext();
    admin = (await buildUser(ctx.repos, { role: 'admin' })).username;
  });

  it('creates a narahubung bound to a unit with an argon2id password hash', async () => {
    const { agent, csrf } = await loginAs(ctx.app, admin);
    const busang = unitId(ctx.repos, 'KEC-BUSANG');

    const res = await agent.post('/admin/users').type('form').send({ _csrf: csrf, username: 'nara.busang', displayName: 'Siti Rahma', role: 'narahubung', unitId: String(busang), password: 'busang-2022!' });

    expect(res.status).toBe(302);
    const row = ctx.db.prepare("SELECT role, unit_id, password_hash FROM users WHERE username = 'nara.busang'").get() as { role: string; unit_id: number; password_hash: string };
    expect(row.role).toBe('narahubung');
    expect(row.unit_id).toBe(busang);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    const page = await agent.get('/admin/users');
    expect(page.text).toContain('Akun &#34;nara.busang&#34; berhasil dibuat.');
    await expect(loginAs(ctx.app, 'nara.busang', 'busang-2022!')).resolves.toBeDefined();
  });

  it.each([
    [{ role: 'narahubung', unitId: '' }, 'Narahubung harus terikat pada satu unit.'],
    [{ password: 'pendek' }, 'Kata sandi minimal 8 karakter.'],
    [{ username: 'a b' }, 'Nama pengguna 3–40 karakter'],
    [{ role: 'raja' }, 'Pilih peran yang tersedia.'],
    [{ username: 'admin1' }, 'sudah dipakai'],
  ])('refuses %p with 422, names the field and creates nothing', async (override, message) => {
    const { agent, csrf } = await loginAs(ctx.app, admin);
    const before = countUsers(ctx);

    const res = await agent.post('/admin/users').type('form').send({ _csrf: csrf, username: 'baru.sekali', displayName: 'Nama Baru', role: 'fasilitator', unitId: '', password: 'cukup-panjang', ...override });

    expect(res.status).toBe(422);
    expect(res.text).toContain(message);
    expect(res.text).toContain('value="Nama Baru"');
    expect(countUsers(ctx)).toBe(before);
  });

  it('forbids account creation to every other role', async () => {
    const { agent, csrf } = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'tim_renaksi' })).username);
    const before = countUsers(ctx);

    const page = await agent.get('/admin/users');
    const res = await agent.post('/admin/users').type('form').send({ _csrf: csrf, username: 'penyusup', displayName: 'X', role: 'admin', password: 'cukup-panjang' });

    expect(page.status).toBe(403);
    expect(res.status).toBe(403);
    expect(countUsers(ctx)).toBe(before);
  });
});
