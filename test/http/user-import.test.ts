import ExcelJS from 'exceljs';
import request from 'supertest';
import { UNSET_PASSWORD_HASH } from '../../src/users/passwords';
import { xmlBomb } from '../../src/bench/bomb-files';
import { buildUser, createTestContext, csrfFrom, loginAs, unitId, type TestContext, type Agent } from '../helpers/test-app';
import { dbSnapshot } from '../helpers/db-snapshot';
import { readWorkbook } from '../helpers/workbook';

type Cell = string | number | { formula: string; result?: string };

const HEADER = ['Nama pengguna', 'Nama lengkap', 'Peran', 'Kode unit'];
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

async function xlsxOf(rows: Cell[][], sheet = 'Pengguna'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  rows.forEach((r) => ws.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function upload(agent: Agent, csrf: string | null, data: Buffer, name: string) {
  const req = agent.post('/admin/users/import/upload');
  if (csrf !== null) req.field('_csrf', csrf);
  return req.attach('file', data, name);
}

async function downloadTemplate(agent: Agent) {
  const res = await agent.get('/admin/users/import/template.xlsx').buffer(true).parse((r, cb) => {
    const chunks: Buffer[] = [];
    r.on('data', (c: Buffer) => chunks.push(c));
    r.on('end', () => cb(null, Buffer.concat(chunks)));
  });
  return { res, wb: await readWorkbook(res.body as Buffer) };
}

const planHashOf = (html: string) => /name="planHash" value="([0-9a-f]+)"/.exec(html)?.[1] ?? '';
const tokensIn = (html: string) => [...html.matchAll(/\/atur-sandi\/([A-Za-z0-9_-]+)"/g)].map((m) => m[1] as string);
const auditCount = (ctx: TestContext, action: string) => (ctx.db.prepare('SELECT COUNT(*) AS n FROM audit_log WHERE action = ?').get(action) as { n: number }).n;
const userRow = (ctx: TestContext, username: string) =>
  ctx.db.prepare('SELECT u.display_name AS name, u.role, n.code AS unit, u.password_hash AS hash, u.active FROM users u LEFT JOIN units n ON n.id = u.unit_id WHERE u.username = ?').get(username) as
    { name: string; role: string; unit: string | null; hash: string; active: number } | undefined;

async function signInFails(ctx: TestContext, username: string, password: string): Promise<number> {
  const agent = request.agent(ctx.app);
  const page = await agent.get('/login');
  return (await agent.post('/login').type('form').send({ username, password, _csrf: csrfFrom(page.text) })).status;
}

describe('bulk import of user accounts', () => {
  let ctx: TestContext;
  let admin: { id: number; username: string };

  beforeEach(async () => {
    ctx = createTestContext();
    admin = await buildUser(ctx.repos, { role: 'admin' });
  });

  it('fills the app\'s own template, previews each row and creates the accounts with one-time links, audited', async () => {
    const { agent, csrf } = await loginAs(ctx.app, admin.username);
    const oldFasil = await buildUser(ctx.repos, { role: 'fasilitator', username: 'fasil.lama' });
    const fasilSession = await loginAs(ctx.app, oldFasil.username);
    const template = (await downloadTemplate(agent)).wb;
    const ws = template.getWorksheet('Pengguna') as ExcelJS.Worksheet;
    ws.getRow(2).values = ['nara.busang', 'Siti Rahma', 'Narahubung', 'KEC-BUSANG'];
    ws.getRow(3).values = ['verif.satu', 'Budi Santoso', 'verifikator', ''];
    ws.getRow(4).values = ['tim.satu', 'Ani Lestari', 'Tim Renaksi', 'KEC-TELEN'];
    ws.getRow(5).values = ['FASIL.LAMA', 'Dewi Fasilitator', 'Verifikator', ''];
    const file = Buffer.from(await template.xlsx.writeBuffer());
    const before = dbSnapshot(ctx.db);

    const up = await upload(agent, csrf, file, 'pengguna.xlsx');
    const preview = await agent.get(up.headers.location as string);

    expect(up.status).toBe(303);
    expect(up.headers.location).toMatch(/^\/admin\/users\/import\/[A-Za-z0-9_-]{20,}$/);
    expect({ ...dbSnapshot(ctx.db), user_imports: [] }).toEqual({ ...before, user_imports: [] });
    expect(preview.status).toBe(200);
    expect(preview.text).toMatch(/<td class="num">2<\/td>\s*<td>nara\.busang<\/td>\s*<td>Siti Rahma<\/td>\s*<td>Narahubung<\/td>\s*<td>Kecamatan Busang<\/td>\s*<td>–<\/td>\s*<td><strong>akun baru<\/strong><\/td>/);
    expect(preview.text).toMatch(/<td class="num">4<\/td>[\s\S]*?kode unit &#34;KEC-TELEN&#34; diabaikan: hanya narahubung yang terikat pada unit/);
    expect(preview.text).toMatch(/<td class="num">5<\/td>[\s\S]*?<strong>diubah<\/strong><\/td>\s*<td>nama: Pengguna fasil.lama → Dewi Fasilitator; peran: Fasilitator FGD → Verifikator; sesi akun ini diakhiri/);
    expect(preview.text).toContain('Akun baru: <strong>3</strong>');

    const apply = await agent.post(up.headers.location as string).type('form').send({ _csrf: csrf, planHash: planHashOf(preview.text) });

    expect(apply.status).toBe(200);
    expect(apply.headers['cache-control']).toBe('no-store');
    expect(apply.text).toContain('Tautan ini tidak akan ditampilkan lagi');
    const tokens = tokensIn(apply.text);
    expect(tokens).toHaveLength(3);
    expect(userRow(ctx, 'nara.busang')).toEqual({ name: 'Siti Rahma', role: 'narahubung', unit: 'KEC-BUSANG', hash: UNSET_PASSWORD_HASH, active: 1 });
    expect(userRow(ctx, 'verif.satu')).toMatchObject({ role: 'verifikator', unit: null, hash: UNSET_PASSWORD_HASH });
    expect(userRow(ctx, 'tim.satu')).toMatchObject({ role: 'tim_renaksi', unit: null });
    expect(userRow(ctx, 'fasil.lama')).toMatchObject({ name: 'Dewi Fasilitator', role: 'verifikator' });
    expect((await fasilSession.agent.get('/')).headers.location).toMatch(/^\/login/);
    expect([auditCount(ctx, 'user.create'), auditCount(ctx, 'user.password_link'), auditCount(ctx, 'user.role_change'), auditCount(ctx, 'user.import')]).toEqual([3, 3, 1, 1]);
    const csvHref = /href="data:text\/csv;charset=utf-8;base64,([A-Za-z0-9+/=]+)" download="tautan-atur-sandi.csv"/.exec(apply.text)?.[1] ?? '';
    const csv = Buffer.from(csvHref, 'base64').toString('utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFFNama pengguna;Nama lengkap;Peran;Unit;Tautan atur kata sandi');
    expect(csv).toMatch(new RegExp(`nara\\.busang;Siti Rahma;Narahubung;Kecamatan Busang;http://[^/]+/atur-sandi/${tokens[0]}`));

    const pendingRow = /nara\.busang<\/a><\/td>(?:<td>[^<]*<\/td>){4}<td>([^<]*)<\/td>/;
    expect(pendingRow.exec((await agent.get('/admin/users')).text)?.[1]).toBe('aktif, belum mengatur kata sandi');
    expect(await signInFails(ctx, 'nara.busang', UNSET_PASSWORD_HASH)).toBe(422);
    const person = request.agent(ctx.app);
    const link = await person.get(`/atur-sandi/${tokens[0]}`);
    const set = await person.post(`/atur-sandi/${tokens[0]}`).type('form')
      .send({ _csrf: csrfFrom(link.text), password: 'Sangatta-Hijau-7', confirm: 'Sangatta-Hijau-7' });
    expect(set.status).toBe(302);
    await expect(loginAs(ctx.app, 'nara.busang', 'Sangatta-Hijau-7')).resolves.toBeDefined();
    expect(pendingRow.exec((await agent.get('/admin/users')).text)?.[1]).toBe('aktif');
  });

  it('reads a semicolon CSV with the columns in another order and the role names in any case', async () => {
    const { agent, csrf } = await loginAs(ctx.app, admin.username);
    const csv = [
      'Peran;Kode unit;Nama pengguna;Nama lengkap',
      'NARAHUBUNG;kec-telen;nara.telen;"Rudi; Staf Kecamatan"',
      'tim_renaksi;;penyusun.1;Penyusun Satu',
      'Fasilitator FGD;;fasil.fgd;Fasilitator Satu',
      'admin;;admin.dua;Admin Kedua',
      ';;;',
    ].join('\r\n');

    const up = await upload(agent, csrf, Buffer.from(`\uFEFF${csv}`), 'pengguna.csv');
    const preview = await agent.get(up.headers.location as string);
    const apply = await agent.post(up.headers.location as string).type('form').send({ _csrf: csrf, planHash: planHashOf(preview.text) });

    expect(preview.text).toContain('Akun baru: <strong>4</strong>');
    expect(apply.status).toBe(200);
    expect(tokensIn(apply.text)).toHaveLength(4);
    expect(userRow(ctx, 'nara.telen')).toMatchObject({ name: 'Rudi; Staf Kecamatan', role: 'narahubung', unit: 'KEC-TELEN' });
    expect(['penyusun.1', 'fasil.fgd', 'admin.dua'].map((u) => userRow(ctx, u)?.role)).toEqual(['tim_renaksi', 'fasilitator', 'admin']);
  });

  it('names each bad row and column, offers no apply button and refuses a forged apply without any change', async () => {
    const { agent, csrf } = await loginAs(ctx.app, admin.username);
    await buildUser(ctx.repos, { role: 'verifikator', username: 'verif.lama' });
    ctx.repos.users.setActive((await buildUser(ctx.repos, { role: 'fasilitator', username: 'pensiun' })).id, false);
    ctx.repos.units.setActive(unitId(ctx.repos, 'KEC-TELEN'), false);
    const data = await xlsxOf([
      HEADER,
      ['nara.satu', 'Nara Satu', 'Narahubung', 'KEC-ANTAH'],
      ['nara.dua', 'Nara Dua', 'Narahubung', ''],
      ['Nara.Satu', 'Nara Kembar', 'Verifikator', ''],
      ['a b', '', 'Raja', ''],
      ['pensiun', 'Sudah Pensiun', 'Fasilitator', ''],
      ['nara.telen', 'Nara Telen', 'narahubung', 'KEC-TELEN'],
      [admin.username, 'Saya Sendiri', 'Verifikator', ''],
      ['verif.lama', 'Pengguna verif.lama', 'Verifikator', ''],
    ]);
    const up = await upload(agent, csrf, data, 'salah.xlsx');
    const before = dbSnapshot(ctx.db);

    const preview = await agent.get(up.headers.location as string);
    const forged = await agent.post(up.headers.location as string).type('form').send({ _csrf: csrf, planHash: 'a'.repeat(64) });

    expect(preview.text).toContain('Ditolak: <strong>7</strong>');
    for (const message of [
      'Baris 2, kolom Kode unit: unit &#34;KEC-ANTAH&#34; tidak ditemukan',
      'Baris 3, kolom Kode unit: narahubung harus terikat pada satu unit',
      'Baris 4, kolom Nama pengguna: &#34;Nara.Satu&#34; sudah ada di baris 2 berkas ini',
      'Baris 5, kolom Nama pengguna: nama pengguna 3–40 karakter',
      'Baris 5, kolom Nama lengkap: nama lengkap wajib diisi',
      'Baris 5, kolom Peran: peran &#34;Raja&#34; tidak dikenal (isi salah satu: Admin Diskominfo, Verifikator, Narahubung, Fasilitator FGD, Tim Penyusun Renaksi)',
      'Baris 6, kolom Nama pengguna: akun &#34;pensiun&#34; sudah ada dan nonaktif',
      'Baris 7, kolom Kode unit: unit &#34;KEC-TELEN&#34; (Kecamatan Telen) sudah nonaktif',
      'Baris 8, kolom Peran: Anda tidak dapat mencabut peran admin dari akun Anda sendiri',
    ]) expect(preview.text).toContain(message);
    expect(preview.text).toMatch(/<td class="num">9<\/td>[\s\S]*?<strong>sudah ada, tidak berubah<\/strong>/);
    expect(preview.text).not.toContain('Terapkan impor');
    expect(preview.text).not.toContain('name="planHash"');
    expect(forged.status).toBe(422);
    expect(forged.text).toContain('Impor tidak diterapkan: 7 baris ditolak.');
    expect(dbSnapshot(ctx.db)).toEqual(before);
  });

  it('refuses a plan that changed since the preview (409), then applies once and refuses a replay, changing nothing', async () => {
    const { agent, csrf } = await loginAs(ctx.app, admin.username);
    const up = await upload(agent, csrf, Buffer.from(['Nama pengguna,Nama lengkap,Peran,Kode unit', 'budi,Budi,Verifikator,'].join('\n')), 'satu.csv');
    const preview = await agent.get(up.headers.location as string);
    await buildUser(ctx.repos, { role: 'fasilitator', username: 'budi' });
    const before = dbSnapshot(ctx.db);

    const stale = await agent.post(up.headers.location as string).type('form').send({ _csrf: csrf, planHash: planHashOf(preview.text) });

    expect(stale.status).toBe(409);
    expect(stale.text).toContain('berubah sejak pratinjau dibuat');
    expect(stale.text).toContain('peran: Fasilitator FGD → Verifikator');
    expect(dbSnapshot(ctx.db)).toEqual(before);

    expect((await agent.post(up.headers.location as string).type('form').send({ _csrf: csrf, planHash: planHashOf(stale.text) })).status).toBe(200);
    const afterFirst = dbSnapshot(ctx.db);
    const replay = await agent.post(up.headers.location as string).type('form').send({ _csrf: csrf, planHash: planHashOf(stale.text) });
    expect(replay.status).toBe(409);
    expect(replay.text).toContain('Impor ini sudah diterapkan.');
    expect(tokensIn(replay.text)).toEqual([]);
    expect(dbSnapshot(ctx.db)).toEqual(afterFirst);
  });

  describe('refuses a bad file with a message and no change', () => {
    const rows = (n: number) => [HEADER.join(','), ...Array.from({ length: n }, (_v, i) => `pengguna.${i},Pengguna ${i},Verifikator,`)].join('\n');

    it.each<[string, () => Promise<Buffer> | Buffer, string, number, string]>([
      ['a PNG renamed .xlsx', () => PNG, 'pengguna.xlsx', 422, 'tidak dapat dibaca sebagai lembar kerja Excel (.xlsx)'],
      ['text renamed .xlsx', () => Buffer.from(rows(2)), 'pengguna.xlsx', 422, 'tidak dapat dibaca sebagai lembar kerja Excel (.xlsx)'],
      ['a PNG renamed .csv', () => PNG, 'pengguna.csv', 422, 'Berkas .csv harus berupa teks (UTF-8)'],
      ['CSV that is not UTF-8', () => Buffer.from(`${HEADER.join(',')}\nbudi,Jos\xe9 Budi,Verifikator,\n`, 'latin1'), 'pengguna.csv', 422, 'Berkas .csv harus berupa teks (UTF-8)'],
      ['a file that is neither .xlsx nor .csv', () => Buffer.from(rows(1)), 'pengguna.txt', 422, 'Pilih berkas .xlsx atau .csv.'],
      ['a workbook without the Pengguna sheet', () => xlsxOf([HEADER, ['budi', 'Budi', 'Verifikator', '']], 'Sheet1'), 'pengguna.xlsx', 422, 'Lembar &#34;Pengguna&#34; tidak ditemukan (lembar di berkas: &#34;Sheet1&#34;)'],
      ['a header without Kode unit', () => xlsxOf([['Nama pengguna', 'Nama lengkap', 'Peran'], ['budi', 'Budi', 'Verifikator']]), 'pengguna.xlsx', 422, 'tidak ditemukan: &#34;Kode unit&#34;'],
      ['no header row at all', () => Buffer.from('budi,Budi,Verifikator,\n'), 'pengguna.csv', 422, 'Baris judul kolom harus memuat'],
      ['formula cells', () => xlsxOf([HEADER, ['budi', 'Budi', { formula: '"Verifi"&"kator"', result: 'Verifikator' }, ''], ['ani', { formula: 'UPPER("ani")', result: 'ANI' }, 'Verifikator', '']]), 'pengguna.xlsx', 422, 'Berkas berisi rumus di sel C2, B3.'],
      ['a formula typed into a CSV', () => Buffer.from(`${HEADER.join(',')}\nbudi,=HYPERLINK("http://x"),Verifikator,\n`), 'pengguna.csv', 422, 'Berkas berisi rumus di sel B2.'],
      ['5.001 rows', () => Buffer.from(rows(5001)), 'pengguna.csv', 422, 'Berkas berisi 5.001 baris pengguna; maksimal 5.000 baris'],
      ['a sheet far beyond the limit', () => xlsxOf([HEADER, ...Array.from({ length: 6000 }, (_v, i) => [`p${i}x`, 'P', 'Verifikator', ''])]), 'pengguna.xlsx', 422, 'Berkas berisi data sampai baris 5.011 atau lebih; maksimal 5.000 baris data'],
      ['a header without rows', () => Buffer.from(`${HEADER.join(',')}\n,,,\n`), 'pengguna.csv', 422, 'Berkas tidak berisi baris pengguna'],
      ['an empty file', () => Buffer.alloc(0), 'pengguna.csv', 422, 'kosong (0 byte)'],
      ['a cell longer than Excel allows', () => xlsxOf([HEADER, ['budi', 'x'.repeat(9 * 1024 * 1024), 'Verifikator', '']]), 'pengguna.xlsx', 422, 'berisi lebih dari 32.767 karakter'],
      ['an .xlsx that unpacks into more than 8 MB', () => xmlBomb('Pengguna', 40 * 1024 * 1024, true), 'pengguna.xlsx', 422, 'terlalu besar setelah dibuka (lebih dari 8 MB)'],
      ['a file over 2 MB', () => Buffer.alloc(2 * 1024 * 1024 + 1, 'a'), 'pengguna.csv', 413, 'Berkas terlalu besar.'],
    ])('%s', async (_what, make, name, status, message) => {
      const { agent, csrf } = await loginAs(ctx.app, admin.username);
      const data = await make();
      const before = dbSnapshot(ctx.db);

      const res = await upload(agent, csrf, data, name);

      expect(res.status).toBe(status);
      expect(res.text).toContain(message);
      expect(res.text).toContain('Unggah dan tampilkan pratinjau');
      expect(dbSnapshot(ctx.db)).toEqual(before);
    });

    it('refuses an upload without or with a wrong CSRF token (403)', async () => {
      const { agent } = await loginAs(ctx.app, admin.username);
      const before = dbSnapshot(ctx.db);

      const none = await upload(agent, null, Buffer.from(rows(1)), 'pengguna.csv');
      const wrong = await upload(agent, 'token-palsu', Buffer.from(rows(1)), 'pengguna.csv');

      expect([none.status, wrong.status]).toEqual([403, 403]);
      expect(dbSnapshot(ctx.db)).toEqual(before);
    });
  });

  it('keeps every other role out, and another admin out of this admin\'s preview', async () => {
    const { agent, csrf } = await loginAs(ctx.app, admin.username);
    const csv = Buffer.from('Nama pengguna,Nama lengkap,Peran,Kode unit\npenyusup,Penyusup,Admin,\n');
    const up = await upload(agent, csrf, csv, 'pengguna.csv');
    const planHash = planHashOf((await agent.get(up.headers.location as string)).text);
    const verifier = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'verifikator' })).username);
    const otherAdmin = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'admin' })).username);
    const before = dbSnapshot(ctx.db);

    const statuses = [
      (await verifier.agent.get('/admin/users/import')).status,
      (await verifier.agent.get('/admin/users/import/template.xlsx')).status,
      (await upload(verifier.agent, verifier.csrf, csv, 'pengguna.csv')).status,
      (await verifier.agent.get(up.headers.location as string)).status,
      (await verifier.agent.post(up.headers.location as string).type('form').send({ _csrf: verifier.csrf, planHash })).status,
      (await otherAdmin.agent.get(up.headers.location as string)).status,
      (await otherAdmin.agent.post(up.headers.location as string).type('form').send({ _csrf: otherAdmin.csrf, planHash })).status,
    ];

    expect(statuses).toEqual([403, 403, 403, 403, 403, 404, 404]);
    expect(dbSnapshot(ctx.db)).toEqual(before);
    expect(userRow(ctx, 'penyusup')).toBeUndefined();
  });

  it('offers a template with the import sheet first, the role list and the active unit codes', async () => {
    const { agent } = await loginAs(ctx.app, admin.username);
    ctx.repos.units.setActive(unitId(ctx.repos, 'KEC-TELEN'), false);

    const { res, wb } = await downloadTemplate(agent);

    expect(res.headers['content-disposition']).toContain('templat-impor-pengguna.xlsx');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Pengguna', 'Petunjuk', 'Kode Unit']);
    expect((wb.getWorksheet('Pengguna')?.getRow(1).values as unknown[]).slice(1)).toEqual([...HEADER, 'Nomor HP']);
    const codes = (wb.getWorksheet('Kode Unit')?.getColumn(1).values as unknown[]).slice(2);
    expect(codes).toContain('KEC-BUSANG');
    expect(codes).not.toContain('KEC-TELEN');
    expect(codes).toHaveLength(ctx.repos.units.listActive().length);
  });

  it('is linked from the users page and explains the columns and the rule for existing accounts', async () => {
    const { agent } = await loginAs(ctx.app, admin.username);

    const users = await agent.get('/admin/users');
    const page = await agent.get('/admin/users/import');

    expect(users.text).toContain('href="/admin/users/import"');
    expect(page.text).toContain('Nama pengguna yang sudah ada</strong>: nama lengkap, peran dan unitnya <strong>diperbarui</strong>');
    expect(page.text).toContain('href="/admin/users/import/template.xlsx"');
    for (const h of HEADER) expect(page.text).toContain(`<th scope="row">${h}</th>`);
  });
});
