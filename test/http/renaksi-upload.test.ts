import type ExcelJS from 'exceljs';
import { readWorkbook } from '../helpers/workbook';
import { buildUser, createTestContext, loginAs, type TestContext, type Agent } from '../helpers/test-app';
import { renaksiState, rowByKey, rowForm, draftedPlan } from '../helpers/renaksi';

// Sheet layout for 2022–2024 (see renaksi-workbook.test.ts): row 9 I.1 (A1: 56, 56, 57 units), row 10 I.2 (A2), row 11
// group II, row 12 II.1 (B1); C Permasalahan, E Kegiatan, G–I unit counts, L Anggaran, O Realisasi (not read), P the row id.
describe('uploading an edited Renaksi workbook', () => {
  let ctx: TestContext;
  let tim: string;
  let url: string;

  beforeEach(async () => {
    ctx = createTestContext();
    ({ tim, url } = await draftedPlan(ctx));
  });

  async function downloadSheet(agent: Agent): Promise<ExcelJS.Workbook> {
    const res = await agent.get(`/periods/${ctx.periodId}/renaksi.xlsx`).buffer(true).responseType('blob');
    return readWorkbook(res.body as Buffer);
  }

  async function upload(agent: Agent, csrf: string | null, wb: ExcelJS.Workbook | Buffer, name = 'renaksi-suntingan.xlsx') {
    const bytes = Buffer.isBuffer(wb) ? wb : Buffer.from(await wb.xlsx.writeBuffer());
    const req = agent.post(`${url}/upload`);
    if (csrf !== null) req.field('_csrf', csrf);
    return req.attach('file', bytes, name);
  }

  it('shows the changes field by field as a preview and applies them only when confirmed', async () => {
    const { agent, csrf } = await loginAs(ctx.app, tim);
    const wb = await downloadSheet(agent);
    const ws = wb.getWorksheet('Lampiran I') as ExcelJS.Worksheet;
    expect(ws.getCell('T12').value).toMatch(/^R\d+-V1$/);
    ws.getCell('Q12').value = 'APBD 2023 Bagian Organisasi';
    ws.getCell('H12').value = 57;
    ws.getCell('F13').value = 'Rapat koordinasi sudah dijadwalkan';
    const before = renaksiState(ctx);

    const res = await upload(agent, csrf, wb);

    expect(res.status).toBe(303);
    const preview = await agent.get(res.headers.location as string);
    expect(preview.text).toContain('Baris I.1');
    expect(preview.text).toMatch(/Anggaran dan sumber dana<\/th><td class="pre old">Sesuai DPA masing-masing PD<\/td><td class="pre new">APBD 2023 Bagian Organisasi<\/td>/);
    expect(preview.text).toContain('2022: 56, 2023: 56, 2024: 57</td><td class="pre new">2022: 56, 2023: 57, 2024: 57');
    // the baseline is computed from the assessments: the column is not read back
    expect(preview.text).not.toContain('Rapat koordinasi sudah dijadwalkan');
    expect(JSON.parse(renaksiState(ctx)).rows).toEqual(JSON.parse(before).rows);

    const apply = await agent.post(`${res.headers.location}/apply`).type('form').send({ _csrf: csrf });

    expect(apply.status).toBe(302);
    const a1 = rowByKey(ctx, 'kab:A1');
    expect(a1).toMatchObject({ budget: 'APBD 2023 Bagian Organisasi', version: 2 });
    expect(JSON.parse(a1.targets)).toEqual({ 2022: 56, 2023: 57, 2024: 57 });
    expect(JSON.parse(a1.edited_fields).sort()).toEqual(['budget', 'targets']);
    expect(JSON.parse(rowByKey(ctx, 'kab:A2').edited_fields)).toEqual([]);
    const again = await agent.post(`${res.headers.location}/apply`).type('form').send({ _csrf: csrf });
    expect(again.status).toBe(409);
  });

  it('says so and stores nothing when the file changes nothing', async () => {
    const { agent, csrf } = await loginAs(ctx.app, tim);
    const wb = await downloadSheet(agent);
    const before = renaksiState(ctx);

    const res = await upload(agent, csrf, wb);

    expect(res.status).toBe(302);
    expect(res.headers.location).toBe(url);
    expect((await agent.get(url)).text).toContain('tidak ada perubahan dibanding Renaksi tersimpan');
    expect(renaksiState(ctx)).toBe(before);
  });

  it.each<[string, (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void, RegExp]>([
    ['an unknown row id', (ws) => { ws.getCell('T13').value = 'R9999-V1'; ws.getCell('Q13').value = 'APBD'; }, /Baris 13<\/td><td>–<\/td><td>ID baris R9999 tidak ada pada Renaksi periode ini/],
    ['decreasing targets', (ws) => { ws.getCell('G12').value = 57; ws.getCell('H12').value = 56; }, /Baris 12<\/td><td>Target 2023<\/td><td>Target 2023 \(56\) lebih kecil dari target 2022 \(57\)/],
    ['a target above the units', (ws) => { ws.getCell('I15').value = 58; }, /Baris 15<\/td><td>Target 2024<\/td><td>Target 2024 \(58\) melebihi jumlah unit yang dinilai pada indikator ini \(57\)\./],
    ['a target that is not a number', (ws) => { ws.getCell('G12').value = 'tinggi'; }, /Baris 12<\/td><td>Target 2022<\/td><td>Target 2022 harus berupa bilangan bulat 0–57 \(jumlah unit\)\./],
    ['text over 2.000 characters', (ws) => { ws.getCell('S12').value = 'a'.repeat(2500); }, /Baris 12<\/td><td>Bukti dukung \/ cara verifikasi<\/td><td>teks terlalu panjang \(2\.500 karakter; maksimal 2\.000\)/],
    ['an emptied activity', (ws) => { ws.getCell('D13').value = ''; }, /Baris 13<\/td><td>Kegiatan<\/td><td>wajib diisi/],
    ['a new row without id', (ws) => { ws.spliceRows(13, 0, ['', '', 'Masalah baru', 'Kegiatan baru']); }, /Baris 13<\/td><td>–<\/td><td>baris tanpa ID baris/],
    ['a moved column', (ws) => { ws.spliceColumns(4, 1); }, /Baris 8<\/td><td>Kegiatan<\/td><td>judul kolom 4 seharusnya &#34;Kegiatan&#34;/],
    ['the wrong sheet', (ws) => { ws.name = 'Lembar1'; }, /seluruh berkas<\/td><td>–<\/td><td>lembar &#34;Lampiran I&#34; tidak ditemukan \(lembar di berkas: Lembar1, Lampiran II, Ringkasan/],
  ])('refuses %s with a line-by-line report (422) and changes nothing', async (_name, edit, report) => {
    const { agent, csrf } = await loginAs(ctx.app, tim);
    const wb = await downloadSheet(agent);
    edit(wb.getWorksheet('Lampiran I') as ExcelJS.Worksheet, wb);
    const before = renaksiState(ctx);

    const res = await upload(agent, csrf, wb);

    expect(res.status).toBe(422);
    expect(res.text).toContain('belum dapat diterapkan');
    expect(res.text).toMatch(report);
    expect(renaksiState(ctx)).toBe(before);
  });

  it('reports every problem of the file at once, not just the first', async () => {
    const { agent, csrf } = await loginAs(ctx.app, tim);
    const wb = await downloadSheet(agent);
    const ws = wb.getWorksheet('Lampiran I') as ExcelJS.Worksheet;
    ws.getCell('I12').value = 7;
    ws.getCell('D15').value = '';

    const res = await upload(agent, csrf, wb);

    expect(res.status).toBe(422);
    expect(res.text).toContain('Perbaiki 2 hal berikut');
  });

  it('refuses a file that is not a spreadsheet (422) and changes nothing', async () => {
    const { agent, csrf } = await loginAs(ctx.app, tim);
    const before = renaksiState(ctx);

    const text = await upload(agent, csrf, Buffer.from('No;Aspek;Permasalahan\n1;A;x\n'), 'renaksi.csv');
    const brokenZip = await upload(agent, csrf, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64)]), 'rusak.xlsx');
    const noFile = await agent.post(`${url}/upload`).field('_csrf', csrf);

    expect([text.status, brokenZip.status, noFile.status]).toEqual([422, 422, 422]);
    expect(text.text).toContain('berkas bukan spreadsheet Excel (.xlsx) yang dapat dibaca');
    expect(brokenZip.text).toContain('berkas bukan spreadsheet Excel (.xlsx) yang dapat dibaca');
    expect(noFile.text).toContain('pilih berkas Excel (.xlsx) yang akan diunggah');
    expect(renaksiState(ctx)).toBe(before);
  });

  it('refuses an upload without the CSRF token (403) or from a non-team role (403) and stores nothing', async () => {
    const { agent, csrf } = await loginAs(ctx.app, tim);
    const wb = await downloadSheet(agent);
    (wb.getWorksheet('Lampiran I') as ExcelJS.Worksheet).getCell('Q12').value = 'APBD';
    const fasil = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'fasilitator' })).username);
    const before = renaksiState(ctx);

    const noToken = await upload(agent, null, wb);
    const wrongToken = await upload(agent, `${csrf}x`, wb);
    const notTeam = await upload(fasil.agent, fasil.csrf, wb);

    expect([noToken.status, wrongToken.status, notTeam.status]).toEqual([403, 403, 403]);
    expect(renaksiState(ctx)).toBe(before);
  });

  it('refuses a row edited in the app after the download, and an upload gone stale before it is applied (409)', async () => {
    const { agent, csrf } = await loginAs(ctx.app, tim);
    const wb = await downloadSheet(agent);
    (wb.getWorksheet('Lampiran I') as ExcelJS.Worksheet).getCell('Q12').value = 'APBD dari berkas';
    const preview = await upload(agent, csrf, wb);
    expect(preview.status).toBe(303);
    const row = rowByKey(ctx, 'kab:A1');
    await agent.post(`${url}/rows/${row.id}`).type('form').send(rowForm(row, { _csrf: csrf, support: 'Pendampingan Diskominfo' }));
    const before = renaksiState(ctx);

    const apply = await agent.post(`${preview.headers.location}/apply`).type('form').send({ _csrf: csrf });
    const reupload = await upload(agent, csrf, wb);

    expect(apply.status).toBe(409);
    expect(apply.text).toContain('Baris I.1 sudah diubah di aplikasi setelah berkas diunggah');
    expect(reupload.status).toBe(422);
    expect(reupload.text).toMatch(/sudah diubah di aplikasi setelah berkas diunduh \(versi berkas 1, versi sekarang 2\)/);
    expect(renaksiState(ctx)).toBe(before);
  });

  it('shows an upload only to the person who made it', async () => {
    const { agent, csrf } = await loginAs(ctx.app, tim);
    const wb = await downloadSheet(agent);
    (wb.getWorksheet('Lampiran I') as ExcelJS.Worksheet).getCell('Q12').value = 'APBD';
    const res = await upload(agent, csrf, wb);
    const other = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'tim_renaksi' })).username);

    const view = await other.agent.get(res.headers.location as string);
    const apply = await other.agent.post(`${res.headers.location}/apply`).type('form').send({ _csrf: other.csrf });

    expect([view.status, apply.status]).toEqual([404, 404]);
    expect(rowByKey(ctx, 'kab:A1').budget).toBe('Sesuai DPA masing-masing PD');
  });
});
