import ExcelJS from 'exceljs';
import { buildUser, createTestContext, loginAs, unitId, type TestContext, type Agent } from '../helpers/test-app';
import { databaseHolds, EXPORT_CSV, instansiIndex, laporRows, PERSONAL_TEXTS, planHashOf, uploadExport } from '../helpers/lapor';

const reportRow = (ctx: TestContext, trackingId: string) =>
  ctx.db.prepare(`SELECT r.tracking_id, u.code AS unit, r.received_on, r.first_response_on, r.finished_on, r.status, r.classification, r.channel, r.category
    FROM lapor_reports r JOIN units u ON u.id = r.unit_id WHERE r.tracking_id = ?`).get(trackingId);
const count = (ctx: TestContext, table: string) => (ctx.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

async function previewOf(agent: Agent, res: { status: number; headers: Record<string, string> }) {
  expect(res.status).toBe(303);
  const url = res.headers.location as string;
  return { url, page: await agent.get(url) };
}

async function xlsxExport(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Laporan');
  rows.forEach((r) => ws.addRow(r));
  ws.getColumn(2).numFmt = 'dd/mm/yyyy hh:mm';
  ws.getColumn(5).numFmt = 'dd/mm/yyyy';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('importing an SP4N-LAPOR! export', () => {
  let ctx: TestContext;
  let admin: { id: number; username: string };

  beforeEach(async () => {
    ctx = createTestContext();
    admin = await buildUser(ctx.repos, { role: 'admin' });
  });

  it('previews rows read, refused rows by number, matches per unit and left-out instansi, and stores nothing yet', async () => {
    const { agent, csrf } = await loginAs(ctx.app, admin.username);

    const { page } = await previewOf(agent, await uploadExport(agent, csrf, ctx.periodId, EXPORT_CSV));

    expect(page.status).toBe(200);
    const text = page.text.replace(/\s+/g, ' ');
    expect(text).toContain('Baris dibaca: <strong>7</strong>');
    expect(text).toContain('Ditolak: <strong>2</strong>');
    expect(text).toContain('Baris 6: Tanggal Laporan &#34;31/02/2022&#34; tidak terbaca sebagai tanggal');
    expect(text).toContain('Baris 7: Status &#34;Entah&#34; tidak dikenal');
    expect(text).toContain('Instansi lain atau belum dicocokkan: <strong>2</strong>');
    expect(text).toContain('Akan disimpan: <strong>3</strong> laporan baru');
    expect(text).toContain('kolom berikut sudah diabaikan sejak berkas dibaca: Nama Pelapor, NIK, Isi Laporan');
    expect(text).toContain('Identitas pelapor (nama, NIK, telepon, surel, alamat) dan isi laporan tidak pernah disimpan');
    expect(text).toMatch(/Dinkes Kutim<\/label>.*?saran, belum dikonfirmasi/);
    expect(count(ctx, 'lapor_reports')).toBe(0);
    expect(databaseHolds(ctx, PERSONAL_TEXTS)).toEqual([]);
  });

  it('applies in one go: the kept fields only, the import recorded and audited, no personal data anywhere', async () => {
    const { agent, csrf } = await loginAs(ctx.app, admin.username);
    const { url, page } = await previewOf(agent, await uploadExport(agent, csrf, ctx.periodId, EXPORT_CSV));

    const res = await agent.post(`${url}/apply`).type('form').send({ _csrf: csrf, planHash: planHashOf(page.text) });

    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/periods/${ctx.periodId}/lapor`);
    expect(count(ctx, 'lapor_reports')).toBe(3);
    expect(reportRow(ctx, '4100002')).toEqual({
      tracking_id: '4100002', unit: 'PD-DINKES', received_on: '2022-08-15', first_response_on: '2022-08-22', finished_on: null,
      status: 'proses', classification: 'Pengaduan', channel: 'SMS 1708', category: 'Kesehatan',
    });
    expect(reportRow(ctx, '4100003')).toMatchObject({ unit: 'KEC-SANGATTA-UTARA', status: 'bukan_wewenang' });
    expect(ctx.db.prepare('SELECT file_name, export_date, rows_read, inserted, updated, refused, left_out, source FROM lapor_imports').get()).toEqual({
      file_name: 'ekspor-lapor.csv', export_date: '2022-12-30', rows_read: 7, inserted: 3, updated: 0, refused: 2, left_out: 2, source: 'web',
    });
    expect(laporRows(ctx).audit).toHaveLength(1);
    expect(databaseHolds(ctx, PERSONAL_TEXTS)).toEqual([]);
    const again = await agent.get(url);
    expect(again.status).toBe(404);
  });

  it('reads an .xlsx export with Excel date cells', async () => {
    const data = await xlsxExport([
      ['Tracking ID', 'Tanggal Laporan', 'Instansi Tujuan', 'Status', 'Tanggal Tindak Lanjut Pertama'],
      ['7001', new Date(Date.UTC(2022, 5, 27, 14, 5)), 'Dinas Kesehatan Kabupaten Kutai Timur', 'Selesai', new Date(Date.UTC(2022, 5, 28))],
    ]);
    const { agent, csrf } = await loginAs(ctx.app, admin.username);
    const { url, page } = await previewOf(agent, await uploadExport(agent, csrf, ctx.periodId, data, 'ekspor.xlsx'));

    await agent.post(`${url}/apply`).type('form').send({ _csrf: csrf, planHash: planHashOf(page.text) });

    expect(reportRow(ctx, '7001')).toMatchObject({ unit: 'PD-DINKES', received_on: '2022-06-27', first_response_on: '2022-06-28', status: 'selesai' });
  });

  it('remembers a confirmed instansi match and applies it to the next import', async () => {
    const { agent, csrf } = await loginAs(ctx.app, admin.username);
    const { url, page } = await previewOf(agent, await uploadExport(agent, csrf, ctx.periodId, EXPORT_CSV));
    const n = instansiIndex(page.text, 'dinkes kutim');
    const k = instansiIndex(page.text, 'kementerian agama');

    const saved = await agent.post(`${url}/instansi`).type('form').send({
      _csrf: csrf, [`key_${n}`]: 'dinkes kutim', [`unit_${n}`]: String(unitId(ctx.repos, 'PD-DINKES')), [`key_${k}`]: 'kementerian agama', [`unit_${k}`]: 'luar',
    });
    const after = await agent.get(url);

    expect(saved.status).toBe(303);
    expect(ctx.db.prepare('SELECT instansi_key, instansi_name, unit_id FROM lapor_instansi_units ORDER BY instansi_key').all()).toEqual([
      { instansi_key: 'dinkes kutim', instansi_name: 'Dinkes Kutim', unit_id: unitId(ctx.repos, 'PD-DINKES') },
      { instansi_key: 'kementerian agama', instansi_name: 'Kementerian Agama', unit_id: null },
    ]);
    expect(after.text.replace(/\s+/g, ' ')).toContain('Akan disimpan: <strong>4</strong> laporan baru');
    const second = await previewOf(agent, await uploadExport(agent, csrf, ctx.periodId, EXPORT_CSV));
    expect(second.page.text).toMatch(/Dinkes Kutim<\/label>[\s\S]*?sudah dikonfirmasi/);

    const refused = await agent.post('/admin/lapor/instansi').type('form').send({ _csrf: csrf, key: 'dinkes kutim', unit: '999999' });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('Unit untuk Dinkes Kutim: pilih unit dari daftar.');
    expect(ctx.db.prepare("SELECT unit_id FROM lapor_instansi_units WHERE instansi_key = 'dinkes kutim'").get()).toEqual({ unit_id: unitId(ctx.repos, 'PD-DINKES') });
  });

  it('offers no unit for the same dinas of another regency: saving the matches as shown leaves its rows out and remembers so', async () => {
    const { agent, csrf } = await loginAs(ctx.app, admin.username);
    const csv = [
      'ID Tracking,Tanggal Laporan,Instansi,Status',
      '4200001,2022-09-05,Dinas Kesehatan Kabupaten Kutai Kartanegara,Selesai',
      '4200002,2022-09-06,Dinkes Kutim,Selesai',
    ].join('\n');
    const { url, page } = await previewOf(agent, await uploadExport(agent, csrf, ctx.periodId, csv));
    const fields = (html: string) => Object.fromEntries([...html.matchAll(/name="(key_\d+)" value="([^"]+)"/g)].map((m) => [m[1], m[2]]));
    const selected = (html: string, n: number) => new RegExp(`name="unit_${n}"[\\s\\S]*?<option value="([^"]*)" selected`).exec(html)?.[1];
    const kukar = instansiIndex(page.text, 'dinas kesehatan kabupaten kutai kartanegara');
    const kutim = instansiIndex(page.text, 'dinkes kutim');

    const asShown = { _csrf: csrf, ...fields(page.text), [`unit_${kukar}`]: selected(page.text, kukar), [`unit_${kutim}`]: selected(page.text, kutim) };
    const saved = await agent.post(`${url}/instansi`).type('form').send(asShown);
    const after = await agent.get(url);

    expect(page.text).toMatch(/Kutai Kartanegara<\/label>[\s\S]*?instansi pemerintah lain/);
    expect(selected(page.text, kukar)).toBe('luar');
    expect(selected(page.text, kutim)).toBe(String(unitId(ctx.repos, 'PD-DINKES')));
    expect(saved.status).toBe(303);
    expect(ctx.db.prepare('SELECT instansi_key, unit_id FROM lapor_instansi_units ORDER BY instansi_key').all()).toEqual([
      { instansi_key: 'dinas kesehatan kabupaten kutai kartanegara', unit_id: null },
      { instansi_key: 'dinkes kutim', unit_id: unitId(ctx.repos, 'PD-DINKES') },
    ]);
    expect(after.text.replace(/\s+/g, ' ')).toContain('Akan disimpan: <strong>1</strong> laporan baru');
  });

  it('maps unusual headers on the preview page and remembers the mapping for the next export', async () => {
    const odd = ['No. Tiket;Tgl Masuk;OPD Tujuan;Keadaan;Respon Awal', '9001;01/03/2022;Dinas Kesehatan;Selesai;02/03/2022', '9002;02/03/2022;Dinas Pendidikan;Proses;'].join('\n');
    const { agent, csrf } = await loginAs(ctx.app, admin.username);
    const { url, page } = await previewOf(agent, await uploadExport(agent, csrf, ctx.periodId, odd, 'tiket.csv'));
    expect(page.text).toContain('Kolom wajib belum ditemukan: ID Tracking, Tanggal Laporan, Instansi, Status');

    const saved = await agent.post(`${url}/columns`).type('form').send({ _csrf: csrf, col_trackingId: '0', col_receivedOn: '1', col_instansi: '2', col_status: '3', col_firstResponseOn: '4' });
    const after = await agent.get(url);

    expect(saved.status).toBe(303);
    expect(after.text.replace(/\s+/g, ' ')).toContain('Akan disimpan: <strong>2</strong> laporan baru');
    expect(ctx.db.prepare('SELECT header_key, field FROM lapor_header_mappings ORDER BY header_key').all()).toEqual([
      { header_key: 'keadaan', field: 'status' }, { header_key: 'no tiket', field: 'trackingId' }, { header_key: 'opd tujuan', field: 'instansi' },
      { header_key: 'respon awal', field: 'firstResponseOn' }, { header_key: 'tgl masuk', field: 'receivedOn' },
    ]);
    const next = await previewOf(agent, await uploadExport(agent, csrf, ctx.periodId, odd, 'tiket-april.csv'));
    expect(next.page.text).not.toContain('Kolom wajib belum ditemukan');
    expect(next.page.text).toContain('diingat dari pemetaan sebelumnya');
  });

  it('refuses a mapping that uses one column twice, keeping the choices and saving nothing', async () => {
    const odd = ['No. Tiket;Tgl Masuk;OPD Tujuan;Keadaan', '9001;01/03/2022;Dinas Kesehatan;Selesai'].join('\n');
    const { agent, csrf } = await loginAs(ctx.app, admin.username);
    const { url } = await previewOf(agent, await uploadExport(agent, csrf, ctx.periodId, odd, 'tiket.csv'));

    const res = await agent.post(`${url}/columns`).type('form').send({ _csrf: csrf, col_trackingId: '0', col_receivedOn: '1', col_instansi: '2', col_status: '2' });

    expect(res.status).toBe(422);
    expect(res.text).toContain('Kolom &#34;OPD Tujuan&#34; sudah dipakai untuk kolom lain');
    expect(count(ctx, 'lapor_header_mappings')).toBe(0);
  });

  it('updates by tracking ID on a re-import of an overlapping export, never doubling a report', async () => {
    const { agent, csrf } = await loginAs(ctx.app, admin.username);
    const first = await previewOf(agent, await uploadExport(agent, csrf, ctx.periodId, EXPORT_CSV));
    await agent.post(`${first.url}/apply`).type('form').send({ _csrf: csrf, planHash: planHashOf(first.page.text) });
    const later = [
      'ID Tracking,Tanggal Laporan,Instansi,Status,Tanggal Tindak Lanjut Pertama,Tanggal Selesai',
      '4100002,15/08/2022,Dinas Kesehatan,Selesai,22/08/2022,05/09/2022',
      '4100008,2022-11-01,Dinas Pendidikan,Proses,,',
      '4100008,2022-11-01,Dinas Pendidikan,Selesai,2022-11-02,2022-11-03',
    ].join('\n');

    const second = await previewOf(agent, await uploadExport(agent, csrf, ctx.periodId, later, 'ekspor-januari.csv', '2023-01-05'));
    expect(second.page.text.replace(/\s+/g, ' ')).toContain('Akan disimpan: <strong>1</strong> laporan baru, <strong>1</strong> diperbarui');
    expect(second.page.text).toContain('4100008: baris 3, 4');
    await agent.post(`${second.url}/apply`).type('form').send({ _csrf: csrf, planHash: planHashOf(second.page.text) });

    expect(count(ctx, 'lapor_reports')).toBe(4);
    expect(reportRow(ctx, '4100002')).toMatchObject({ status: 'selesai', finished_on: '2022-09-05', channel: null });
    expect(reportRow(ctx, '4100008')).toMatchObject({ status: 'selesai', unit: 'PD-DISDIK' });
    expect(count(ctx, 'lapor_imports')).toBe(2);
  });

  describe('refusals change nothing', () => {
    let agent: Agent;
    let csrf: string;
    let before: Record<string, unknown[]>;

    beforeEach(async () => {
      ({ agent, csrf } = await loginAs(ctx.app, admin.username));
      before = laporRows(ctx);
    });

    it.each([
      ['a file that is no spreadsheet', Buffer.from('%PDF-1.4 bukan ekspor'), 'ekspor.pdf', 'Pilih ekspor laporan SP4N-LAPOR! berupa berkas .xlsx atau .csv.'],
      ['an .xlsx that is not a workbook', Buffer.from('PK bukan zip'), 'ekspor.xlsx', 'Pilih ekspor laporan SP4N-LAPOR! berupa berkas .xlsx atau .csv.'],
      ['a CSV holding a formula', Buffer.from('ID Tracking,Tanggal Laporan,Instansi,Status\n1,=TODAY(),Dinas Kesehatan,Selesai\n'), 'ekspor.csv', 'Berkas berisi rumus di sel B2'],
      ['a file without any date column', Buffer.from('ID Tracking,Instansi,Status\n1,Dinas Kesehatan,Selesai\n'), 'ekspor.csv', 'tidak memiliki kolom tanggal yang dapat dibaca'],
      ['an .xlsx holding a formula', null, 'ekspor.xlsx', 'Berkas berisi rumus di sel'],
      ['a file with only a header', Buffer.from('ID Tracking,Tanggal Laporan,Instansi,Status\n'), 'ekspor.csv', 'tidak berisi baris data'],
    ])('refuses %s with a clear message', async (_name, given, fileName, message) => {
      const data = given ?? (await xlsxExport([['ID Tracking', 'Tanggal Laporan', 'Instansi', 'Status'], ['1', { formula: 'TODAY()', result: 44739 }, 'Dinas Kesehatan', 'Selesai']]));
      const res = await uploadExport(agent, csrf, ctx.periodId, data, fileName);

      expect(res.status).toBe(422);
      expect(res.text).toContain(message);
      expect(laporRows(ctx)).toEqual(before);
    });

    it.each([
      ['', 'Isi tanggal ekspor'],
      ['kemarin', 'tidak terbaca'],
      ['2999-01-01', 'tidak boleh sesudah hari ini'],
      ['2021-12-31', 'harus pada tahun 2022 atau sesudahnya'],
    ])('refuses the export date %p', async (exportDate, message) => {
      const res = await uploadExport(agent, csrf, ctx.periodId, EXPORT_CSV, 'ekspor.csv', exportDate);

      expect(res.status).toBe(422);
      expect(res.text).toContain(message);
      expect(res.text).toContain(`value="${exportDate}"`);
    });

    it('refuses an export older than the one the period already uses', async () => {
      const first = await previewOf(agent, await uploadExport(agent, csrf, ctx.periodId, EXPORT_CSV));
      await agent.post(`${first.url}/apply`).type('form').send({ _csrf: csrf, planHash: planHashOf(first.page.text) });
      const after = laporRows(ctx);

      const older = await uploadExport(agent, csrf, ctx.periodId, EXPORT_CSV, 'ekspor-lama.csv', '2022-12-01');

      expect(older.status).toBe(422);
      expect(older.text).toContain('Data periode ini sudah memakai ekspor per 30 Desember 2022');
      expect(laporRows(ctx)).toEqual(after);
    });

    it('refuses a plan that changed since the preview (409) and one applied twice (404)', async () => {
      const { url, page } = await previewOf(agent, await uploadExport(agent, csrf, ctx.periodId, EXPORT_CSV));

      const stale = await agent.post(`${url}/apply`).type('form').send({ _csrf: csrf, planHash: 'a'.repeat(64) });

      expect(stale.status).toBe(409);
      expect(stale.text).toContain('Data berubah sejak pratinjau dibuat');
      expect(laporRows(ctx)).toEqual(before);
      expect((await agent.post(`${url}/apply`).type('form').send({ _csrf: csrf, planHash: planHashOf(page.text) })).status).toBe(303);
      expect((await agent.post(`${url}/apply`).type('form').send({ _csrf: csrf, planHash: planHashOf(page.text) })).status).toBe(404);
    });

    it('refuses an upload without the CSRF token, and another admin\'s preview', async () => {
      const forged = await uploadExport(agent, null, ctx.periodId, EXPORT_CSV);
      const { url } = await previewOf(agent, await uploadExport(agent, csrf, ctx.periodId, EXPORT_CSV));
      const other = await buildUser(ctx.repos, { role: 'admin' });
      const second = await loginAs(ctx.app, other.username);

      const foreign = await second.agent.get(url);

      expect(forged.status).toBe(403);
      expect(foreign.status).toBe(404);
      expect(laporRows(ctx)).toEqual(before);
    });

    it('lets only the admin import', async () => {
      const verifier = await buildUser(ctx.repos, { role: 'verifikator' });
      const v = await loginAs(ctx.app, verifier.username);

      const res = await uploadExport(v.agent, v.csrf, ctx.periodId, EXPORT_CSV);

      expect(res.status).toBe(403);
      expect((await v.agent.get(`/periods/${ctx.periodId}/lapor`)).status).toBe(403);
      expect(laporRows(ctx)).toEqual(before);
    });
  });
});
