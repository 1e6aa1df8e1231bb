import { buildUser, createTestContext, loginAs, unitId, type TestContext } from '../helpers/test-app';
import { draftedPlan, rowByKey } from '../helpers/renaksi';
import { rowReportForm } from '../helpers/monev';

/** A row whose 2022 target lists two outputs: a body naming far more outputs, or huge numbers, stores nothing odd. */
describe('per-output realisasi fields from a hostile body', () => {
  let ctx: TestContext;
  let rowUrl: string;
  let setda: string;

  beforeEach(async () => {
    ctx = createTestContext();
    const { tim, url } = await draftedPlan(ctx);
    ctx.db.prepare(`UPDATE renaksi_rows SET output_targets = '{"2022":"1) 4 dokumen\\n2) 2 notulen"}' WHERE source_key = 'kab:A1'`).run();
    const { agent, csrf } = await loginAs(ctx.app, tim);
    await agent.post(`${url}/finalize`).type('form').send({ _csrf: csrf });
    setda = (await buildUser(ctx.repos, { role: 'narahubung', unitId: unitId(ctx.repos, 'PD-SETKAB') })).username;
    rowUrl = `${url}/monev/rows/${rowByKey(ctx, 'kab:A1').id}/2022-1`;
  });

  const stored = () => ctx.db.prepare('SELECT realisasi, output_realisasi FROM monev_row_reports').get();

  it('keeps only the outputs the target lists when the body sends realisasi_1 … realisasi_99 and beyond', async () => {
    const { agent, csrf } = await loginAs(ctx.app, setda);
    const extra = Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`realisasi_${i + 1}`, String(i + 1)]));

    const res = await agent.post(rowUrl).type('form').send(rowReportForm(csrf, extra));

    expect(res.status).toBe(302);
    expect(stored()).toEqual({ realisasi: 1, output_realisasi: '[1,2]' });
  });

  it('refuses a huge number or an exponent with a message naming the output, storing nothing', async () => {
    const { agent, csrf } = await loginAs(ctx.app, setda);

    const res = await agent.post(rowUrl).type('form').send(rowReportForm(csrf, { realisasi_1: '9'.repeat(400), realisasi_2: '1e400' }));

    expect(res.status).toBe(422);
    expect(res.text).toContain('Realisasi keluaran 1: angkanya terlalu besar; periksa kembali.');
    expect(res.text).toContain('Realisasi keluaran 2: isi dengan angka, mis. 12 atau 12,5.');
    expect(stored()).toBeUndefined();
  });
});
