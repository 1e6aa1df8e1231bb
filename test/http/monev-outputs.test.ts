import type ExcelJS from 'exceljs';
import { buildUser, createTestContext, loginAs, unitId, type TestContext } from '../helpers/test-app';
import { draftedPlan, rowByKey } from '../helpers/renaksi';
import { monevState, rowReportForm } from '../helpers/monev';
import { readWorkbook } from '../helpers/workbook';

/**
 * A Lampiran I row whose 2022 output target lists two outputs, "1) 4 dokumen" and "2) 2 notulen": the coordinating PD
 * reports each, and capaian counts both. Hand-computed: 1 of 4 (25 %) and 2,5 of 2 (125 %, capped at 100 %) give
 * (25 + 100) ÷ 2 = 62,5 %, over target on the second output, on schedule in semester I (≥ 50 %). Counting only the
 * first output, as before, said 25 %: behind schedule.
 */
describe('realisasi and capaian of a row with several outputs', () => {
  let ctx: TestContext;
  let rowUrl: string;
  let setda: string;
  let api: string;

  beforeEach(async () => {
    ctx = createTestContext();
    const { tim, url } = await draftedPlan(ctx);
    ctx.db.prepare(`UPDATE renaksi_rows SET output_targets = '{"2022":"1) 4 dokumen\\n2) 2 notulen","2023":"1) –\\n2) 2 notulen"}' WHERE source_key = 'kab:A1'`).run();
    const { agent, csrf } = await loginAs(ctx.app, tim);
    await agent.post(`${url}/finalize`).type('form').send({ _csrf: csrf });
    setda = (await buildUser(ctx.repos, { role: 'narahubung', unitId: unitId(ctx.repos, 'PD-SETKAB') })).username;
    rowUrl = `${url}/monev/rows/${rowByKey(ctx, 'kab:A1').id}/2022-1`;
    api = `/api/periods/${ctx.periodId}/renaksi/progress`;
  });

  const stored = () => ctx.db.prepare('SELECT realisasi, output_realisasi, review_state FROM monev_row_reports').get();

  it('asks for a realisasi per output, stores each and computes capaian over both', async () => {
    const { agent, csrf } = await loginAs(ctx.app, setda);
    const form = await agent.get(rowUrl);

    const res = await agent.post(rowUrl).type('form').send(rowReportForm(csrf, { realisasi_1: '1', realisasi_2: '2,5', action: 'ajukan' }));

    expect(form.text).toContain('<label for="realisasi_1">Keluaran 1 (satuan target: 4 dokumen)</label>');
    expect(form.text).toContain('<label for="realisasi_2">Keluaran 2 (satuan target: 2 notulen)</label>');
    expect(form.text).not.toContain('id="realisasi"');
    const nextYear = await agent.get(rowUrl.replace('2022-1', '2023-1'));
    expect(nextYear.text).toContain('Keluaran 1: tidak ada target tahun 2023.');
    expect(nextYear.text).not.toContain('id="realisasi_1"');
    expect(nextYear.text).toContain('<label for="realisasi_2">Keluaran 2 (satuan target: 2 notulen)</label>');
    expect(res.status).toBe(302);
    expect(stored()).toEqual({ realisasi: 1, output_realisasi: '[1,2.5]', review_state: 'diajukan' });
    const staff = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'verifikator' })).username);
    const cell = (await staff.agent.get(api)).body.rows[0].semesters[0];
    expect(cell).toMatchObject({ realisasi: 1, capaian: 62.5, overTarget: true, onSchedule: true });
    expect(cell.outputs).toEqual([
      { text: '4 dokumen', target: 4, realisasi: 1, capaian: 25 },
      { text: '2 notulen', target: 2, realisasi: 2.5, capaian: 125 },
    ]);
    const page = await agent.get(rowUrl);
    expect(page.text).toContain('62,5 %');
    expect(page.text).toMatch(/<li>2,5\d* \(target: 2 notulen, 125,0 %\)<\/li>/);
  });

  it('writes every realisasi in id-ID on the row page, its form and the overview: 2,5 and 1.234,5, not 2,50', async () => {
    const { agent, csrf } = await loginAs(ctx.app, setda);
    await agent.post(rowUrl).type('form').send(rowReportForm(csrf, { realisasi_1: '1.234,5', realisasi_2: '2,5' }));

    const page = await agent.get(rowUrl);
    const overview = await agent.get(`/periods/${ctx.periodId}/renaksi/monev?semester=2022-1`);

    expect(page.text).toContain('<li>1.234,5 (target: 4 dokumen, 30.862,5 %)</li>');
    expect(page.text).toContain('<li>2,5 (target: 2 notulen, 125,0 %)</li>');
    expect(page.text).toContain('id="realisasi_2" name="realisasi_2" inputmode="decimal" autocomplete="off" value="2,5"');
    expect(overview.text).toContain('1) 1.234,5\n2) 2,5');
  });

  it('asks no realisasi of an output whose target that year is a dash, however it is typed (–, —, -)', async () => {
    ctx.db.prepare(`UPDATE renaksi_rows SET output_targets = json_set(output_targets, '$.2024', '1) —\n2) -\n3) 2 notulen') WHERE source_key = 'kab:A1'`).run();
    const { agent } = await loginAs(ctx.app, setda);

    const page = await agent.get(rowUrl.replace('2022-1', '2024-1'));

    expect(page.text).toContain('Keluaran 1: tidak ada target tahun 2024.');
    expect(page.text).toContain('Keluaran 2: tidak ada target tahun 2024.');
    expect(page.text).toContain('<label for="realisasi_3">Keluaran 3 (satuan target: 2 notulen)</label>');
  });

  it('refuses a negative realisasi of the second output naming it, keeps what was typed and changes nothing', async () => {
    const { agent, csrf } = await loginAs(ctx.app, setda);
    const before = monevState(ctx);

    const res = await agent.post(rowUrl).type('form').send(rowReportForm(csrf, { realisasi_1: '1', realisasi_2: '-2', kendala: 'Notulen belum ditandatangani' }));

    expect(res.status).toBe(422);
    expect(res.text).toContain('Realisasi keluaran 2: tidak boleh negatif.');
    expect(res.text).toContain('value="-2"');
    expect(res.text).toContain('Notulen belum ditandatangani');
    expect(monevState(ctx)).toBe(before);
  });

  it('prints each output\'s realisasi and the capaian over both in Lampiran III', async () => {
    const { agent, csrf } = await loginAs(ctx.app, setda);
    await agent.post(rowUrl).type('form').send(rowReportForm(csrf, { realisasi_1: '1', realisasi_2: '2,5', action: 'ajukan' }));
    const staff = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'verifikator' })).username);

    const res = await staff.agent.get(`/periods/${ctx.periodId}/renaksi/monev.xlsx`).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    const report = await staff.agent.get(`/periods/${ctx.periodId}/renaksi/monev/laporan?semester=2022-1`);

    const ws = (await readWorkbook(res.body as Buffer)).getWorksheet('Lampiran III 2022') as ExcelJS.Worksheet;
    let r = 1;
    while (r <= ws.rowCount && ws.getRow(r).getCell(1).value !== 'I.1') r++;
    const i1 = ws.getRow(r);
    expect([i1.getCell(4).value, i1.getCell(6).value, i1.getCell(7).value, i1.getCell(8).value])
      .toEqual(['1) 4 dokumen\n2) 2 notulen', '1) 1\n2) 2,5', 62.5, 'Berjalan (belum diverifikasi)']);
    const notes: string[] = [];
    ws.eachRow((row) => { if (typeof row.getCell(1).value === 'string') notes.push(row.getCell(1).value as string); });
    expect(notes.join(' ')).toContain('masing-masing paling tinggi 100 %');
    expect(notes.join(' ')).toContain('sel berwarna = capaian, atau capaian salah satu keluarannya, di atas 100 %');
    expect(i1.getCell(7).fill).toMatchObject({ fgColor: { argb: 'FFFFF2CC' } });
    expect(report.status).toBe(200);
    expect(report.text).toContain('Tidak ada: setiap baris yang dilaporkan sesuai jadwal.');
  });
});
