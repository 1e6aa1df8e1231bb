import { readWorkbook } from '../helpers/workbook';
import { buildAssessment, buildUser, createTestContext, loginAs, unitId, REVISION_1, type TestContext } from '../helpers/test-app';
import { rowByKey, storedRows } from '../helpers/renaksi';

const json = <T>(text: string | null): T => JSON.parse(text ?? 'null') as T;

describe('Renaksi draft and workbook over HTTP', () => {
  let ctx: TestContext;
  let tim: string;
  let adminId: number;

  beforeEach(async () => {
    ctx = createTestContext({}, { instrumentVersion: REVISION_1 });
    adminId = (await buildUser(ctx.repos, { role: 'admin' })).id;
    tim = (await buildUser(ctx.repos, { role: 'tim_renaksi' })).username;
    // Busang: all 4 except A1 = 1. Telen: all 4. Dinkes: all 4 except A1 = 3. The other 54 units did not submit.
    buildAssessment(ctx, { unitId: unitId(ctx.repos, 'KEC-BUSANG'), fill: 4, levels: { A1: 1 }, status: 'diajukan', userId: adminId });
    buildAssessment(ctx, { unitId: unitId(ctx.repos, 'KEC-TELEN'), fill: 4, status: 'diajukan', userId: adminId });
    buildAssessment(ctx, { unitId: unitId(ctx.repos, 'PD-DINKES'), fill: 4, levels: { A1: 3 }, status: 'diverifikasi', userId: adminId });
  });

  it('drafts one Lampiran I row per indicator, counting units that did not submit from level 0, and no unit rows', async () => {
    const { agent, csrf } = await loginAs(ctx.app, tim);

    const res = await agent.post(`/periods/${ctx.periodId}/renaksi/generate`).type('form').send({ _csrf: csrf });

    expect(res.status).toBe(302);
    const rows = storedRows(ctx);
    const indicators = ctx.instrument.aspects.flatMap((a) => a.indicators);
    // 54 units did not submit, so every indicator has units below target: one row each, all kabupaten rows
    expect(rows.map((r) => r.source_key).sort()).toEqual(indicators.map((i) => `kab:${i.code}`).sort());
    expect(new Set(rows.map((r) => r.scope))).toEqual(new Set(['kabupaten']));
    const a1 = rowByKey(ctx, 'kab:A1');
    // A1 gaps: Telen 0, Dinkes 1, Busang 3, 54 × 4 → at target by 2022: 2, 2023: 2, 2024: 3 (counts, never levels)
    expect(json(a1.targets)).toEqual({ 2022: 2, 2023: 2, 2024: 3 });
    expect(json(a1.counts)).toMatchObject({ total: 57, applicable: 57, atTarget: 1, below: 56, notSubmitted: 54, byGap: [1, 1, 0, 1, 54] });
    expect(a1.problem).toContain('1 dari 57 unit (1,8 %) telah mencapai tingkat 4; 56 unit belum, 54 di antaranya belum mengajukan penilaian');
    expect(a1.budget).toBe('Sesuai DPA masing-masing PD');
    const page = await agent.get(`/periods/${ctx.periodId}/renaksi`);
    expect(page.text).toContain('1 dari 57 unit (1,8 %) telah mencapai tingkat 4');
  });

  it('keeps a hand-edited activity when regenerating and refreshes the counts beside it', async () => {
    const { agent, csrf } = await loginAs(ctx.app, tim);
    await agent.post(`/periods/${ctx.periodId}/renaksi/generate`).type('form').send({ _csrf: csrf });
    const a1 = rowByKey(ctx, 'kab:A1');
    ctx.repos.renaksi.updateRow(a1.id, { activity: 'Bagian Organisasi menyiapkan templat SK', editedFields: ['activity'] });
    const dinkes = ctx.repos.assessments.find(ctx.periodId, unitId(ctx.repos, 'PD-DINKES'));
    ctx.repos.assessments.setVerifiedLevel({ assessmentId: dinkes?.id ?? 0, code: 'A1', level: 4, note: 'SK sudah ada' });

    await agent.post(`/periods/${ctx.periodId}/renaksi/generate`).type('form').send({ _csrf: csrf });

    const after = rowByKey(ctx, 'kab:A1');
    expect(after.activity).toBe('Bagian Organisasi menyiapkan templat SK');
    // Telen and Dinkes at 4 now: 2 at target, 2022: 2, 2023: 2, 2024: 3
    expect(json<{ atTarget: number }>(after.counts).atTarget).toBe(2);
    expect(json(after.targets)).toEqual({ 2022: 2, 2023: 2, 2024: 3 });
    expect(storedRows(ctx)).toHaveLength(ctx.instrument.aspects.flatMap((a) => a.indicators).length);
  });

  it('downloads the Renaksi workbook with numbered rows and the unit counts as numbers', async () => {
    const { agent, csrf } = await loginAs(ctx.app, tim);
    await agent.post(`/periods/${ctx.periodId}/renaksi/generate`).type('form').send({ _csrf: csrf });

    const res = await agent.get(`/periods/${ctx.periodId}/renaksi.xlsx`).buffer(true).responseType('blob');

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = await readWorkbook(res.body as Buffer);
    const ws = wb.getWorksheet('Lampiran I');
    expect(ws?.getCell(8, 7).value).toBe('Target per Tahun (jumlah unit yang mencapai tingkat target)');
    expect([7, 8, 9].map((c) => ws?.getCell(9, c).value)).toEqual([2022, 2023, 2024]);
    expect(ws?.getCell(11, 1).value).toBe('I');
    expect(ws?.getCell(12, 1).value).toBe('I.1');
    const counts = [7, 8, 9].map((c) => ws?.getCell(12, c).value);
    expect(counts.every((v) => typeof v === 'number' && v >= 0 && v <= 57)).toBe(true);
    // Busang (15×85 + 85×100)/100 = 97,75; Telen 100; Dinkes (15×95 + 85×100)/100 = 99,25 → mean 297/3 = 99.
    expect(wb.getWorksheet('Ringkasan')?.getCell(3, 3).value).toBeCloseTo(99, 10);
    const audit = ctx.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'export.renaksi'").get() as { n: number };
    expect(audit.n).toBe(1);
  });

  it('forbids drafting and the workbook to a narahubung', async () => {
    const nara = await buildUser(ctx.repos, { role: 'narahubung', unitId: unitId(ctx.repos, 'KEC-BUSANG') });
    const { agent, csrf } = await loginAs(ctx.app, nara.username);

    const gen = await agent.post(`/periods/${ctx.periodId}/renaksi/generate`).type('form').send({ _csrf: csrf });
    const xlsx = await agent.get(`/periods/${ctx.periodId}/renaksi.xlsx`);

    expect(gen.status).toBe(403);
    expect(xlsx.status).toBe(403);
    expect(storedRows(ctx)).toEqual([]);
  });

  it('drafts over plan years set before drafting (2022–2026) and titles the document with them', async () => {
    const { agent, csrf } = await loginAs(ctx.app, tim);
    await agent.post(`/periods/${ctx.periodId}/renaksi/years`).type('form').send({ _csrf: csrf, startYear: '2022', endYear: '2026' });

    await agent.post(`/periods/${ctx.periodId}/renaksi/generate`).type('form').send({ _csrf: csrf });

    // A1: by k = 4 the 54 units from level 0 reach 4 too
    expect(json(rowByKey(ctx, 'kab:A1').targets)).toEqual({ 2022: 2, 2023: 2, 2024: 3, 2025: 57, 2026: 57 });
    const res = await agent.get(`/periods/${ctx.periodId}/renaksi.xlsx`).buffer(true).responseType('blob');
    const ws = (await readWorkbook(res.body as Buffer)).getWorksheet('Lampiran I');
    expect(String(ws?.getCell(6, 1).value)).toMatch(/TAHUN 2022–2026$/);
    expect([7, 8, 9, 10, 11].map((c) => ws?.getCell(9, c).value)).toEqual([2022, 2023, 2024, 2025, 2026]);
  });

  it('shows a fasilitator the plan and the downloads but no editing controls', async () => {
    const { agent, csrf } = await loginAs(ctx.app, tim);
    await agent.post(`/periods/${ctx.periodId}/renaksi/generate`).type('form').send({ _csrf: csrf });
    const fasil = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'fasilitator' })).username);

    const page = await fasil.agent.get(`/periods/${ctx.periodId}/renaksi`);

    expect(page.status).toBe(200);
    expect(page.text).toContain('Unduh Excel (.xlsx)');
    expect(page.text).toContain('Unduh rekap penilaian (.xlsx)');
    expect(page.text).not.toContain('Ubah baris');
    expect(page.text).not.toContain('Susun ulang');
    expect(page.text).not.toContain('Finalkan Renaksi');
  });
});
