import ExcelJS from 'exceljs';
import { buildUser, createTestContext, loginAs, unitId, type TestContext } from '../helpers/test-app';
import { dbSnapshot } from '../helpers/db-snapshot';

const phoneOf = (ctx: TestContext, username: string) =>
  (ctx.db.prepare('SELECT phone FROM users WHERE username = ?').get(username) as { phone: string | null }).phone;

const BAD_MESSAGE = 'Nomor HP &#34;0812-ABC&#34; tidak dikenali: tulis nomor ponsel Indonesia yang diawali 08, +62 atau 62, misalnya 0812 3456 7890.';

async function xlsxOf(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Pengguna');
  rows.forEach((r) => ws.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('the narahubung\'s phone number stored with the account', () => {
  let ctx: TestContext;
  let admin: string;
  let busang: number;

  beforeEach(async () => {
    ctx = createTestContext();
    admin = (await buildUser(ctx.repos, { role: 'admin' })).username;
    busang = unitId(ctx.repos, 'KEC-BUSANG');
  });

  it('stores the number the admin types on a new account normalised as 62…, and lists it', async () => {
    const { agent, csrf } = await loginAs(ctx.app, admin);

    const res = await agent.post('/admin/users').type('form').send({
      _csrf: csrf, username: 'nara.busang', displayName: 'Siti Rahma', role: 'narahubung', unitId: String(busang), phone: '+62 813-5000-1234', password: 'busang-2022!',
    });

    expect(res.status).toBe(302);
    expect(phoneOf(ctx, 'nara.busang')).toBe('6281350001234');
    expect((await agent.get('/admin/users')).text).toContain('<td>0813 5000 1234</td>');
  });

  it('saves an edited number, shows it back in the form and clears it when left blank', async () => {
    const nara = await buildUser(ctx.repos, { role: 'narahubung', unitId: busang });
    const { agent, csrf } = await loginAs(ctx.app, admin);
    const form = { _csrf: csrf, displayName: 'Siti Rahma', role: 'narahubung', unitId: String(busang) };

    const saved = await agent.post(`/admin/users/${nara.id}`).type('form').send({ ...form, phone: '0812 3456 7890' });
    const page = await agent.get(`/admin/users/${nara.id}/edit`);

    expect(saved.status).toBe(302);
    expect(phoneOf(ctx, nara.username)).toBe('6281234567890');
    expect(page.text).toContain('name="phone" type="tel" inputmode="tel" autocomplete="tel" maxlength="30" value="0812 3456 7890"');
    const audit = ctx.db.prepare("SELECT old_value, new_value FROM audit_log WHERE action = 'user.update' AND entity_id = ?").get(nara.id) as { old_value: string; new_value: string };
    expect([JSON.parse(audit.old_value), JSON.parse(audit.new_value)]).toEqual([{ nama: `Pengguna ${nara.username}`, nomorHp: null }, { nama: 'Siti Rahma', nomorHp: '6281234567890' }]);

    await agent.post(`/admin/users/${nara.id}`).type('form').send({ ...form, phone: '' });

    expect(phoneOf(ctx, nara.username)).toBeNull();
  });

  it.each([['0812-ABC'], ['0541 123456'], ['+1 202 555 0100']])('refuses %p on the admin\'s form with 422, keeps what was typed and changes nothing', async (typed) => {
    const nara = await buildUser(ctx.repos, { role: 'narahubung', unitId: busang });
    ctx.repos.users.setPhone(nara.id, '6281111111111');
    const { agent, csrf } = await loginAs(ctx.app, admin);
    const before = dbSnapshot(ctx.db);

    const res = await agent.post(`/admin/users/${nara.id}`).type('form').send({ _csrf: csrf, displayName: 'Nama Baru', role: 'narahubung', unitId: String(busang), phone: typed });

    expect(res.status).toBe(422);
    expect(res.text).toContain(`Nomor HP &#34;${typed}&#34;`);
    expect(res.text).toContain('aria-invalid="true"');
    expect(res.text).toContain(`value="${typed}"`);
    expect(res.text).toContain('value="Nama Baru"');
    expect(dbSnapshot(ctx.db)).toEqual(before);
  });

  it('refuses a bad number on a new account and creates nothing', async () => {
    const { agent, csrf } = await loginAs(ctx.app, admin);
    const before = dbSnapshot(ctx.db);

    const res = await agent.post('/admin/users').type('form').send({
      _csrf: csrf, username: 'nara.baru', displayName: 'Nara Baru', role: 'narahubung', unitId: String(busang), phone: '0812-ABC', password: 'busang-2022!',
    });

    expect(res.status).toBe(422);
    expect(res.text).toContain(BAD_MESSAGE);
    expect(dbSnapshot(ctx.db)).toEqual(before);
  });

  it('lets a narahubung set their own number on /akun, and refuses a bad one there without a change', async () => {
    const nara = await buildUser(ctx.repos, { role: 'narahubung', unitId: busang });
    const { agent, csrf } = await loginAs(ctx.app, nara.username);

    const saved = await agent.post('/akun/hp').type('form').send({ _csrf: csrf, phone: '6285212345678' });

    expect(saved.status).toBe(302);
    expect(phoneOf(ctx, nara.username)).toBe('6285212345678');
    expect((await agent.get('/akun')).text).toContain('value="0852 1234 5678"');
    const before = dbSnapshot(ctx.db);

    const refused = await agent.post('/akun/hp').type('form').send({ _csrf: csrf, phone: '0812-ABC' });

    expect(refused.status).toBe(422);
    expect(refused.text).toContain(BAD_MESSAGE);
    expect(refused.text).toContain('value="0812-ABC"');
    expect(dbSnapshot(ctx.db)).toEqual(before);
    expect((await agent.post('/akun/hp').type('form').send({ phone: '0812 3456 7890' })).status).toBe(403);
    expect(phoneOf(ctx, nara.username)).toBe('6285212345678');
  });

  it('imports the "Nomor HP" column: sets and clears numbers, leaves them alone without the column, and names a bad cell', async () => {
    const kept = await buildUser(ctx.repos, { role: 'narahubung', unitId: busang, username: 'nara.tetap' });
    ctx.repos.users.setPhone(kept.id, '6281111111111');
    const cleared = await buildUser(ctx.repos, { role: 'narahubung', unitId: busang, username: 'nara.hapus' });
    ctx.repos.users.setPhone(cleared.id, '6282222222222');
    const { agent, csrf } = await loginAs(ctx.app, admin);
    const importFile = async (rows: string[][]) => {
      const up = await agent.post('/admin/users/import/upload').field('_csrf', csrf).attach('file', await xlsxOf(rows), 'pengguna.xlsx');
      const preview = await agent.get(up.headers.location as string);
      return { url: up.headers.location as string, preview, planHash: /name="planHash" value="([0-9a-f]+)"/.exec(preview.text)?.[1] ?? '' };
    };

    const first = await importFile([
      ['Nama pengguna', 'Nama lengkap', 'Peran', 'Kode unit', 'Nomor HP'],
      ['nara.baru', 'Nara Baru', 'Narahubung', 'KEC-BUSANG', '0813 5000 1234'],
      ['nara.hapus', `Pengguna nara.hapus`, 'Narahubung', 'KEC-BUSANG', ''],
      ['nara.salah', 'Nara Salah', 'Narahubung', 'KEC-BUSANG', '0812-ABC'],
    ]);

    expect(first.preview.text).toContain('Baris 4, kolom Nomor HP: nomor HP &#34;0812-ABC&#34; tidak dikenali');
    expect(first.preview.text).toContain('nomor HP: 0822 2222 2222 → –');

    const fixed = await importFile([
      ['Nama pengguna', 'Nama lengkap', 'Peran', 'Kode unit', 'Nomor HP'],
      ['nara.baru', 'Nara Baru', 'Narahubung', 'KEC-BUSANG', '81350001234'],
      ['nara.hapus', `Pengguna nara.hapus`, 'Narahubung', 'KEC-BUSANG', ''],
    ]);
    const applied = await agent.post(fixed.url).type('form').send({ _csrf: csrf, planHash: fixed.planHash });

    expect(applied.status).toBe(200);
    expect([phoneOf(ctx, 'nara.baru'), phoneOf(ctx, 'nara.hapus'), phoneOf(ctx, 'nara.tetap')]).toEqual(['6281350001234', null, '6281111111111']);

    const without = await importFile([
      ['Nama pengguna', 'Nama lengkap', 'Peran', 'Kode unit'],
      ['nara.tetap', 'Nama Diganti', 'Narahubung', 'KEC-BUSANG'],
    ]);
    await agent.post(without.url).type('form').send({ _csrf: csrf, planHash: without.planHash });

    expect(ctx.db.prepare("SELECT display_name AS name, phone FROM users WHERE username = 'nara.tetap'").get()).toEqual({ name: 'Nama Diganti', phone: '6281111111111' });
  });
});
