import ExcelJS from 'exceljs';
import { buildAssessment, buildUser, createTestContext, loginAs, unitId, REVISION_1, type TestContext, type Agent } from '../helpers/test-app';
import { dbSnapshot } from '../helpers/db-snapshot';
import { readWorkbook } from '../helpers/workbook';

async function xlsxOf(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Daftar');
  rows.forEach((r) => ws.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(agent: Agent, csrf: string | null, data: Buffer, name: string) {
  const req = agent.post('/admin/units/import/upload');
  if (csrf !== null) req.field('_csrf', csrf);
  return req.attach('file', data, name);
}

describe('unit administration', () => {
  let ctx: TestContext;
  let admin: { id: number; username: string };

  beforeEach(async () => {
    ctx = createTestContext({}, { instrumentVersion: REVISION_1 });
    admin = await buildUser(ctx.repos, { role: 'admin' });
  });

  describe('add, edit, deactivate', () => {
    it('adds a unit with an upper-case code at the end of its group, audited, and lists it', async () => {
      const { agent, csrf } = await loginAs(ctx.app, admin.username);

      const res = await agent.post('/admin/units').type('form').send({ _csrf: csrf, code: 'pd-brida', name: 'Badan Riset dan Inovasi Daerah', abbreviation: ' BRIDA ', group: 'pd' });
      const list = await agent.get('/admin/units');

      expect(res.status).toBe(302);
      expect(ctx.repos.units.findByCode('PD-BRIDA')).toMatchObject({ name: 'Badan Riset dan Inovasi Daerah', abbreviation: 'BRIDA', group: 'pd', needsConfirmation: false, provisional: false, active: true });
      // 57 seeded units: the new one is the 40th perangkat daerah, after RSUD Sangkulirang and before the kecamatan
      const codes = ctx.repos.units.listAll().map((u) => u.code);
      expect(codes.slice(38, 41)).toEqual(['PD-RSUD-SANGKULIRANG', 'PD-BRIDA', 'KEC-SANGATTA-UTARA']);
      expect(list.text).toContain('Badan Riset dan Inovasi Daerah');
      expect(ctx.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'unit.create'").get()).toEqual({ n: 1 });
    });

    it.each([
      ['an empty code', { code: '' }, 'code', 'Kode unit wajib diisi.'],
      ['a code with spaces', { code: 'PD DLH' }, 'code', 'Kode 2–40 karakter'],
      ['a code already used', { code: 'KEC-BUSANG' }, 'code', 'sudah dipakai oleh Kecamatan Busang'],
      ['an empty name', { name: ' ' }, 'name', 'Nama unit wajib diisi.'],
      ['an unknown group', { group: 'desa' }, 'group', 'Pilih kelompok'],
    ])('refuses %s with 422 naming the field, keeps the values and changes nothing', async (_what, overrides, field, message) => {
      const { agent, csrf } = await loginAs(ctx.app, admin.username);
      const before = dbSnapshot(ctx.db);

      const res = await agent.post('/admin/units').type('form').send({ _csrf: csrf, code: 'PD-BARU', name: 'Nama diketik', group: 'pd', ...overrides });

      expect(res.status).toBe(422);
      expect(res.text).toContain(`id="err-${field}"`);
      expect(res.text).toContain(message);
      expect(dbSnapshot(ctx.db)).toEqual(before);
    });

    it('edits a unit and records old → new', async () => {
      const id = unitId(ctx.repos, 'PD-DINKES');
      const { agent, csrf } = await loginAs(ctx.app, admin.username);

      const form = await agent.get(`/admin/units/${id}/edit`);
      const res = await agent.post(`/admin/units/${id}`).type('form').send({ _csrf: csrf, code: 'PD-DINKES', name: 'Dinas Kesehatan Kabupaten', group: 'pd' });

      expect(form.text).toContain('value="Dinas Kesehatan"');
      expect(res.status).toBe(302);
      expect(ctx.repos.units.findById(id)?.name).toBe('Dinas Kesehatan Kabupaten');
      const log = ctx.db.prepare("SELECT old_value, new_value FROM audit_log WHERE action = 'unit.update'").get() as { old_value: string; new_value: string };
      expect(JSON.parse(log.old_value)).toMatchObject({ nama: 'Dinas Kesehatan' });
      expect(JSON.parse(log.new_value)).toMatchObject({ nama: 'Dinas Kesehatan Kabupaten' });
    });

    it("names the head's usual position beside the blank Jabatan field, as the Renaksi will print it", async () => {
      const { agent } = await loginAs(ctx.app, admin.username);
      const usual = async (code: string) => {
        const page = await agent.get(`/admin/units/${unitId(ctx.repos, code)}/edit`).expect(200);
        return /Jabatan \(kosongkan bila "(.*?)"\)/.exec(page.text)?.[1];
      };

      expect(await usual('PD-SETKAB')).toBe('Sekretaris Daerah');
      expect(await usual('PD-RSUD-SANGKULIRANG')).toBe('Direktur RSUD Sangkulirang');
      expect(await usual('KEC-BUSANG')).toBe('Camat Busang');
    });

    it('confirms a unit marked "perlu dikonfirmasi" and sets its abbreviation, keeping its place in the order', async () => {
      const id = unitId(ctx.repos, 'PD-RSUD-SANGKULIRANG');
      const { agent, csrf } = await loginAs(ctx.app, admin.username);
      const form = await agent.get(`/admin/units/${id}/edit`);

      const res = await agent.post(`/admin/units/${id}`).type('form').send({ _csrf: csrf, code: 'PD-RSUD-SANGKULIRANG', name: 'RSUD Sangkulirang', abbreviation: 'RSUD Skl', group: 'pd' });

      expect(form.text).toMatch(/name="needsConfirmation" value="1" checked/);
      expect(form.text).toContain('Nomor urut dalam daftar resmi: 39');
      expect(res.status).toBe(302);
      expect(ctx.repos.units.findById(id)).toMatchObject({ abbreviation: 'RSUD Skl', needsConfirmation: false, sortOrder: 39 });
      const log = ctx.db.prepare("SELECT old_value, new_value FROM audit_log WHERE action = 'unit.update'").get() as { old_value: string; new_value: string };
      expect(JSON.parse(log.old_value)).toMatchObject({ singkatan: 'RSUD Sangkulirang', perluDikonfirmasi: true });
      expect(JSON.parse(log.new_value)).toMatchObject({ singkatan: 'RSUD Skl', perluDikonfirmasi: false });
    });

    it("refuses to take another unit's code on edit and changes nothing", async () => {
      const id = unitId(ctx.repos, 'PD-DINKES');
      const { agent, csrf } = await loginAs(ctx.app, admin.username);
      const before = dbSnapshot(ctx.db);

      const res = await agent.post(`/admin/units/${id}`).type('form').send({ _csrf: csrf, code: 'KEC-TELEN', name: 'Dinas Kesehatan', group: 'pd' });

      expect(res.status).toBe(422);
      expect(res.text).toContain('sudah dipakai oleh Kecamatan Telen');
      expect(dbSnapshot(ctx.db)).toEqual(before);
    });

    it('deactivates softly: the unit leaves new boards, keeps its history and can come back', async () => {
      const telen = unitId(ctx.repos, 'KEC-TELEN');
      buildAssessment(ctx, { unitId: telen, fill: 2, userId: admin.id });
      const { agent, csrf } = await loginAs(ctx.app, admin.username);

      const off = await agent.post(`/admin/units/${telen}/deactivate`).type('form').send({ _csrf: csrf });
      const twice = await agent.post(`/admin/units/${telen}/deactivate`).type('form').send({ _csrf: csrf });
      const newPeriod = ctx.repos.periods.insert({ name: 'Periode baru', year: 2023, instrumentId: ctx.repos.periods.findById(ctx.periodId)?.instrumentId ?? 0, deadline: null });
      const oldBoard = await agent.get(`/periods/${ctx.periodId}/units`);
      const newBoard = await agent.get(`/periods/${newPeriod}/units`);
      const on = await agent.post(`/admin/units/${telen}/activate`).type('form').send({ _csrf: csrf });

      expect(off.status).toBe(302);
      expect(twice.status).toBe(409);
      expect(oldBoard.text).toContain('Kecamatan Telen');
      expect(newBoard.text).not.toContain('Kecamatan Telen');
      expect(on.status).toBe(302);
      expect(ctx.repos.units.findById(telen)?.active).toBe(true);
      expect(ctx.db.prepare('SELECT COUNT(*) AS n FROM answers').get()).toEqual({ n: 30 });
    });

    it.each(['verifikator', 'fasilitator'] as const)('forbids a %s every unit administration route and changes nothing', async (role) => {
      const user = await buildUser(ctx.repos, { role });
      const { agent, csrf } = await loginAs(ctx.app, user.username);
      const id = unitId(ctx.repos, 'KEC-TELEN');
      const before = dbSnapshot(ctx.db);

      const statuses = [
        (await agent.get('/admin/units')).status,
        (await agent.post('/admin/units').type('form').send({ _csrf: csrf, code: 'PD-X', name: 'X', group: 'pd' })).status,
        (await agent.post(`/admin/units/${id}`).type('form').send({ _csrf: csrf, code: 'KEC-TELEN', name: 'X', group: 'kecamatan' })).status,
        (await agent.post(`/admin/units/${id}/deactivate`).type('form').send({ _csrf: csrf })).status,
        (await upload(agent, csrf, Buffer.from('kode,nama,kelompok\nPD-X,X,pd\n'), 'daftar.csv')).status,
        (await agent.get(`/admin/units/${id}/history`)).status,
      ];

      expect(statuses).toEqual([403, 403, 403, 403, 403, 403]);
      expect(dbSnapshot(ctx.db)).toEqual(before);
    });
  });

  describe('the Kutai Timur list', () => {
    it('lists the 39 perangkat daerah then the 18 kecamatan in the official order, with abbreviations and the units to confirm', async () => {
      const { agent } = await loginAs(ctx.app, admin.username);

      const res = await agent.get('/admin/units');

      const rows = [...res.text.matchAll(/<td class="num"[^>]*>(\d+)<\/td>\s*<td[^>]*>([A-Z0-9-]+)<\/td>\s*<td[^>]*>([^<]+)<\/td>\s*<td[^>]*>([^<]+)<\/td>/g)].map((m) => [m[1], m[2], m[3], m[4]]);
      expect(rows).toHaveLength(57);
      expect(rows.slice(0, 3)).toEqual([['1', 'PD-SETKAB', 'Sekretariat Daerah', 'Setda'], ['2', 'PD-SETWAN', 'Sekretariat DPRD', 'Setwan'], ['3', 'PD-INSPEKTORAT', 'Inspektorat Daerah', 'Inspektorat']]);
      expect(rows[38]).toEqual(['39', 'PD-RSUD-SANGKULIRANG', 'RSUD Sangkulirang', 'RSUD Sangkulirang']);
      expect(rows[39]).toEqual(['40', 'KEC-SANGATTA-UTARA', 'Kecamatan Sangatta Utara', 'Kec. Sangatta Utara']);
      expect(rows[56]?.[1]).toBe('KEC-BUSANG');
      expect(res.text).not.toContain('Sekretariat Kabupaten');
      expect(res.text.match(/<span class="badge badge-confirm">perlu dikonfirmasi<\/span>/g)).toHaveLength(2);
      expect(res.text).toContain('<strong>2 unit perlu dikonfirmasi</strong>: RSUD Kudungga, RSUD Sangkulirang.');
      expect(res.text).not.toContain('masih sementara');
    });

    it('offers the list as a workbook that the import reads back as unchanged', async () => {
      const { agent, csrf } = await loginAs(ctx.app, admin.username);

      const file = await agent.get('/admin/units/daftar-kutai-timur.xlsx').buffer(true).responseType('blob');
      const wb = await readWorkbook(file.body as Buffer);
      const ws = wb.getWorksheet('Daftar Unit') as ExcelJS.Worksheet;
      const up = await upload(agent, csrf, file.body as Buffer, 'daftar-unit-kutai-timur.xlsx');
      const preview = await agent.get(up.headers.location as string);

      expect(file.headers['content-disposition']).toContain('daftar-unit-kutai-timur.xlsx');
      expect([1, 2, 3, 4, 5, 6].map((c) => ws.getCell(3, c).value)).toEqual(['Urutan', 'Kode', 'Nama', 'Singkatan', 'Kelompok', 'Perlu dikonfirmasi']);
      expect([1, 2, 3, 4, 5, 6].map((c) => ws.getCell(41, c).value)).toEqual([38, 'PD-RSUD-KUDUNGGA', 'RSUD Kudungga', 'RSUD Kudungga', 'Perangkat Daerah', 'ya']);
      expect(ws.rowCount).toBe(3 + 57);
      expect(preview.text).toContain('Tidak berubah: <strong>57</strong>');
    });
  });

  describe('import of the official list', () => {
    // An installation whose perangkat daerah are still a provisional list.
    beforeEach(() => {
      for (const u of ctx.repos.units.listAll().filter((x) => x.group === 'pd')) ctx.repos.units.setProvisional(u.id, true);
    });

    const officialCsv = [
      'kode;nama;kelompok',
      'PD-DINKES;Dinas Kesehatan;perangkat daerah',
      'PD-BRIDA;Badan Riset dan Inovasi Daerah;Perangkat Daerah',
      'KEC-BUSANG;Kecamatan Busang;kecamatan',
      '"KEC-TELEN";"Kecamatan Telen, Kutai Timur";kecamatan',
    ].join('\r\n');

    it('previews a CSV line by line (baru, diubah, tidak berubah) without changing anything, then applies it', async () => {
      const { agent, csrf } = await loginAs(ctx.app, admin.username);
      const before = dbSnapshot(ctx.db);

      const up = await upload(agent, csrf, Buffer.from(`\uFEFF${officialCsv}`), 'daftar-resmi.csv');
      const preview = await agent.get(up.headers.location as string);
      const unitsUntouched = { units: dbSnapshot(ctx.db).units, audit: dbSnapshot(ctx.db).audit_log };

      expect(up.status).toBe(302);
      expect(up.headers.location).toMatch(/^\/admin\/units\/import\/[A-Za-z0-9_-]+$/);
      expect(unitsUntouched).toEqual({ units: before.units, audit: before.audit_log });
      expect(preview.status).toBe(200);
      expect(preview.text).toMatch(/<td class="num">3<\/td>\s*<td class="num">–<\/td>\s*<td>PD-BRIDA<\/td>[\s\S]*?<strong>baru<\/strong>/);
      expect(preview.text).toContain('daftar sementara → daftar resmi');
      expect(preview.text).toContain('nama: Kecamatan Telen → Kecamatan Telen, Kutai Timur');
      expect(preview.text).toMatch(/KEC-BUSANG[\s\S]*?<strong>tidak berubah<\/strong>/);

      const planHash = /name="planHash" value="([0-9a-f]+)"/.exec(preview.text)?.[1] ?? '';
      const apply = await agent.post(up.headers.location as string).type('form').send({ _csrf: csrf, planHash });

      expect(apply.status).toBe(302);
      expect(ctx.repos.units.findByCode('PD-BRIDA')).toMatchObject({ name: 'Badan Riset dan Inovasi Daerah', provisional: false });
      expect(ctx.repos.units.findByCode('PD-DINKES')?.provisional).toBe(false);
      expect(ctx.repos.units.findByCode('KEC-TELEN')?.name).toBe('Kecamatan Telen, Kutai Timur');
      expect(ctx.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'unit.import'").get()).toEqual({ n: 3 });
    });

    it('reads an .xlsx with the columns in another order', async () => {
      const { agent, csrf } = await loginAs(ctx.app, admin.username);
      const data = await xlsxOf([['Daftar Unit Resmi'], [], ['Nama', 'Kelompok', 'Kode'], ['Dinas Pariwisata', 'perangkat daerah', 'PD-DISPAR'], [12345, 'kecamatan', 'KEC-99']]);

      const up = await upload(agent, csrf, data, 'resmi.xlsx');
      const preview = await agent.get(up.headers.location as string);

      expect(up.status).toBe(302);
      expect(preview.text).toMatch(/PD-DISPAR[\s\S]*?Dinas Pariwisata[\s\S]*?<strong>baru<\/strong>/);
      expect(preview.text).toMatch(/KEC-99[\s\S]*?12345[\s\S]*?<strong>baru<\/strong>/);
    });

    it('applies nothing when one line is invalid: the preview names each refused line and the apply is refused', async () => {
      const { agent, csrf } = await loginAs(ctx.app, admin.username);
      const csv = ['kode,nama,kelompok', 'PD-DISPORA,Dinas Pemuda dan Olahraga,perangkat daerah', 'PD-DISPORA,Dinas Pemuda dan Olahraga 2,perangkat daerah', ',Tanpa Kode,kecamatan', 'KEC-X,Kecamatan X,desa', 'PD-Y,,pd'].join('\n');
      const up = await upload(agent, csrf, Buffer.from(csv), 'salah.csv');
      const before = dbSnapshot(ctx.db);

      const preview = await agent.get(up.headers.location as string);
      const apply = await agent.post(up.headers.location as string).type('form').send({ _csrf: csrf, planHash: 'apa saja' });

      expect(preview.text).toContain('Ditolak: <strong>4</strong>');
      expect(preview.text).toContain('kode &#34;PD-DISPORA&#34; ganda (sudah ada di baris 2)');
      expect(preview.text).toContain('kode kosong');
      expect(preview.text).toContain('kelompok &#34;desa&#34; tidak dikenal');
      expect(preview.text).toContain('nama kosong');
      expect(preview.text).not.toContain('Terapkan impor');
      expect(apply.status).toBe(422);
      expect(apply.text).toContain('Impor tidak diterapkan: 4 baris ditolak.');
      expect(dbSnapshot(ctx.db)).toEqual(before);
    });

    it('refuses a plan that changed since the preview (409) and a second apply, changing nothing', async () => {
      const { agent, csrf } = await loginAs(ctx.app, admin.username);
      const up = await upload(agent, csrf, Buffer.from(officialCsv), 'daftar.csv');
      const preview = await agent.get(up.headers.location as string);
      const planHash = /name="planHash" value="([0-9a-f]+)"/.exec(preview.text)?.[1] ?? '';
      ctx.repos.units.insert({ code: 'PD-BRIDA', name: 'BRIDA (ditambah lewat formulir)', group: 'pd', provisional: false });
      const before = dbSnapshot(ctx.db);

      const stale = await agent.post(up.headers.location as string).type('form').send({ _csrf: csrf, planHash });

      expect(stale.status).toBe(409);
      expect(stale.text).toContain('Daftar unit berubah sejak pratinjau dibuat.');
      expect(dbSnapshot(ctx.db)).toEqual(before);

      const fresh = /name="planHash" value="([0-9a-f]+)"/.exec(stale.text)?.[1] ?? '';
      expect((await agent.post(up.headers.location as string).type('form').send({ _csrf: csrf, planHash: fresh })).status).toBe(302);
      const afterFirst = dbSnapshot(ctx.db);
      const second = await agent.post(up.headers.location as string).type('form').send({ _csrf: csrf, planHash: fresh });
      expect(second.status).toBe(409);
      expect(dbSnapshot(ctx.db)).toEqual(afterFirst);
    });

    it.each([
      ['a file that is not .xlsx or .csv', Buffer.from('kode,nama,kelompok'), 'daftar.txt', 'Pilih berkas .xlsx atau .csv.'],
      ['an .xlsx that is not a workbook', Buffer.from('bukan excel'), 'daftar.xlsx', 'tidak dapat dibaca sebagai lembar kerja Excel'],
      ['a file without the header columns', Buffer.from('a,b,c\n1,2,3\n'), 'daftar.csv', 'Baris judul kolom harus memuat'],
      ['a header without lines', Buffer.from('kode,nama,kelompok\n\n'), 'daftar.csv', 'tidak berisi baris unit'],
    ])('refuses %s with 422 and stores nothing', async (_what, data, name, message) => {
      const { agent, csrf } = await loginAs(ctx.app, admin.username);
      const before = dbSnapshot(ctx.db);

      const res = await upload(agent, csrf, data, name);

      expect(res.status).toBe(422);
      expect(res.text).toContain(message);
      expect(dbSnapshot(ctx.db)).toEqual(before);
    });

    it('refuses a file over 2 MB (413) and an upload without the CSRF token (403), storing nothing', async () => {
      const { agent, csrf } = await loginAs(ctx.app, admin.username);
      const before = dbSnapshot(ctx.db);

      const big = await upload(agent, csrf, Buffer.alloc(2 * 1024 * 1024 + 10, 'a'), 'besar.csv');
      const noToken = await upload(agent, null, Buffer.from(officialCsv), 'daftar.csv');
      const badToken = await upload(agent, 'token-palsu', Buffer.from(officialCsv), 'daftar.csv');

      expect(big.status).toBe(413);
      expect(noToken.status).toBe(403);
      expect(badToken.status).toBe(403);
      expect(dbSnapshot(ctx.db)).toEqual(before);
    });

    it("does not show or apply another admin's preview", async () => {
      const { agent, csrf } = await loginAs(ctx.app, admin.username);
      const up = await upload(agent, csrf, Buffer.from(officialCsv), 'daftar.csv');
      const other = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'admin' })).username);
      const before = dbSnapshot(ctx.db);

      const view = await other.agent.get(up.headers.location as string);
      const apply = await other.agent.post(up.headers.location as string).type('form').send({ _csrf: other.csrf, planHash: 'x' });

      expect(view.status).toBe(404);
      expect(apply.status).toBe(404);
      expect(dbSnapshot(ctx.db)).toEqual(before);
    });

    it('removes the "daftar sementara" note once no active unit is provisional', async () => {
      const { agent, csrf } = await loginAs(ctx.app, admin.username);
      const provisional = ctx.repos.units.listAll().filter((u) => u.provisional);
      const csv = ['kode,nama,kelompok', ...provisional.slice(0, 3).map((u) => `${u.code},${u.name},perangkat daerah`)].join('\n');
      const before = await agent.get('/admin/units');

      const up = await upload(agent, csrf, Buffer.from(csv), 'sebagian.csv');
      const preview = await agent.get(up.headers.location as string);
      const planHash = /name="planHash" value="([0-9a-f]+)"/.exec(preview.text)?.[1] ?? '';
      const apply = await agent.post(up.headers.location as string).type('form').send({ _csrf: csrf, planHash, deactivateMissing: '1' });
      const after = await agent.get('/admin/units');
      const board = await agent.get(`/periods/${ctx.periodId}/units`);

      expect(before.text).toContain('Daftar perangkat daerah masih sementara');
      expect(preview.text).toContain(`Nonaktifkan ${provisional.length - 3} unit daftar sementara`);
      expect(apply.status).toBe(302);
      expect(after.text).not.toContain('Daftar perangkat daerah masih sementara');
      expect(board.text).not.toContain('masih sementara');
      expect(ctx.repos.units.listActive().filter((u) => u.group === 'pd').map((u) => u.code).sort()).toEqual(provisional.slice(0, 3).map((u) => u.code).sort());
    });
  });
});
