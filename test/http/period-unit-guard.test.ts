import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildAssessment, buildUser, createTestContext, loginAs, REVISION_1, type TestContext, type TestSession } from '../helpers/test-app';
import { dbSnapshot, evidenceFiles } from '../helpers/db-snapshot';
import { pdfBytes } from '../helpers/evidence-files';

const BRIDA = 'Badan Riset dan Inovasi Daerah';
const REFUSAL = `Unit ${BRIDA} baru dinilai mulai tahun 2023; periode 2022 tidak mencakupnya.`;

/**
 * BRIDA is assessed from 2023 ("Dinilai mulai tahun"): its narahubung may fill the 2023 questionnaire, and every route
 * that reads or writes its assessment in the 2022 period answers 404 with the reason, writing nothing.
 */
describe('a unit formed later cannot fill an earlier period', () => {
  let ctx: TestContext;
  let dataDir: string;
  let brida: number;
  let p2023: number;
  let nara: TestSession;

  beforeEach(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp4n-periode-'));
    ctx = createTestContext({ dataDir }, { instrumentVersion: REVISION_1 });
    brida = ctx.repos.units.insert({ code: 'PD-BRIDA', name: BRIDA, group: 'pd', provisional: false, assessedFrom: 2023 });
    p2023 = ctx.repos.periods.insert({ name: 'Penilaian Mandiri 2023', year: 2023, instrumentId: ctx.repos.periods.findById(ctx.periodId)!.instrumentId, deadline: null });
    nara = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'narahubung', unitId: brida })).username);
  });

  afterEach(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const base = (periodId: number) => `/periods/${periodId}/units/${brida}`;

  it('refuses the 2022 questionnaire page with the reason and creates nothing; the 2023 one opens', async () => {
    const before = dbSnapshot(ctx.db);

    const old = await nara.agent.get(`${base(ctx.periodId)}/assessment`);
    const offline = await nara.agent.get(`${base(ctx.periodId)}/questionnaire-upload`);
    const workbook = await nara.agent.get(`${base(ctx.periodId)}/questionnaire.xlsx`);
    const current = await nara.agent.get(`${base(p2023)}/assessment`);

    expect(old.status).toBe(404);
    expect(old.text).toContain(REFUSAL);
    expect(offline.status).toBe(404);
    expect(workbook.status).toBe(404);
    expect(current.status).toBe(200);
    expect(dbSnapshot(ctx.db)).toEqual(before);
  });

  it('heads the 2022 refusal with what it is, not the generic "Tidak ditemukan", keeping the 404 and the reason', async () => {
    const old = await nara.agent.get(`${base(ctx.periodId)}/assessment`);
    const missing = await nara.agent.get(`/periods/${ctx.periodId}/units/999999/assessment`);

    expect(old.status).toBe(404);
    expect(old.text).toContain('<h1>Unit tidak dinilai pada periode ini</h1>');
    expect(old.text).not.toContain('<h1>Tidak ditemukan</h1>');
    expect(old.text).toContain(REFUSAL);
    expect(missing.status).not.toBe(200);
    expect(missing.text).not.toContain('Unit tidak dinilai pada periode ini');
  });

  it('refuses a saved answer, an uploaded file and a submit in 2022: the database and the evidence store are unchanged', async () => {
    const before = dbSnapshot(ctx.db);

    const form = await nara.agent.post(`${base(ctx.periodId)}/assessment`)
      .field('_csrf', nara.csrf).field('level_A1', '3').field('v_A1', '0').attach('file_A1', pdfBytes(), 'SK BRIDA.pdf');
    const autosave = await nara.agent.put(`/api/periods/${ctx.periodId}/units/${brida}/answers/A1`)
      .set('X-CSRF-Token', nara.csrf).send({ level: 3, na: false, note: 'diisi', version: 0 });
    const link = await nara.agent.post(`/api/periods/${ctx.periodId}/units/${brida}/evidence-links`)
      .set('X-CSRF-Token', nara.csrf).send({ indicator: 'A1', url: 'https://brida.example.go.id/sk.pdf' });
    const submit = await nara.agent.post(`${base(ctx.periodId)}/assessment/submit`).type('form').send({ _csrf: nara.csrf, level_A1: '3' });

    expect(form.status).toBe(404);
    expect(form.text).toContain(REFUSAL);
    expect(autosave.status).toBe(404);
    expect(autosave.body.error).toMatchObject({ code: 'unit-not-in-period', message: expect.stringContaining(REFUSAL) });
    expect(link.status).toBe(404);
    expect(submit.status).toBe(404);
    expect(dbSnapshot(ctx.db)).toEqual(before);
    expect(evidenceFiles(dataDir)).toEqual([]);
  });

  it('refuses the 2023 workbook uploaded to the 2022 period and keeps the database unchanged', async () => {
    const wb = await nara.agent.get(`${base(p2023)}/questionnaire.xlsx`).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    const before = dbSnapshot(ctx.db);

    const res = await nara.agent.post(`${base(ctx.periodId)}/questionnaire-upload`).field('_csrf', nara.csrf).attach('file', wb.body as Buffer, 'kuesioner.xlsx');

    expect(wb.status).toBe(200);
    expect(res.status).toBe(404);
    expect(res.text).toContain(REFUSAL);
    expect(dbSnapshot(ctx.db)).toEqual(before);
  });

  it('offers the narahubung the 2023 questionnaire on the home page and only the reason for 2022', async () => {
    const home = await nara.agent.get('/');

    expect(home.status).toBe(200);
    expect(home.text).toContain(`href="${base(p2023)}/assessment"`);
    expect(home.text).not.toContain(`${base(ctx.periodId)}/assessment`);
    expect(home.text).not.toContain(`${base(ctx.periodId)}/questionnaire-upload`);
    expect(home.text).toContain(REFUSAL);
  });

  it('refuses a stray 2022 assessment to the verifier, the scores and the rapor, and leaves it uncounted', async () => {
    const admin = await buildUser(ctx.repos, { role: 'admin' });
    buildAssessment(ctx, { unitId: brida, fill: 4, status: 'diajukan', userId: admin.id });
    const staff = await loginAs(ctx.app, admin.username);
    const before = dbSnapshot(ctx.db);

    const verification = await staff.agent.get(`${base(ctx.periodId)}/verification`);
    const finish = await staff.agent.post(`${base(ctx.periodId)}/verification/finish`).type('form').send({ _csrf: staff.csrf });
    const scores = await staff.agent.get(`${base(ctx.periodId)}/scores.json`);
    const rapor = await staff.agent.get(`${base(ctx.periodId)}/rapor`);
    const queue = await staff.agent.get(`/periods/${ctx.periodId}/verification`);
    const summary = await staff.agent.get(`/periods/${ctx.periodId}/dashboard/summary.json`);

    expect(verification.status).toBe(404);
    expect(verification.text).toContain(REFUSAL);
    expect(finish.status).toBe(404);
    expect(scores.status).toBe(404);
    expect(rapor.status).toBe(404);
    expect(queue.text).not.toContain(BRIDA);
    expect(summary.body.counts).toMatchObject({ total: 57, counted: 0 });
    expect(dbSnapshot(ctx.db)).toEqual(before);
  });

  it('refuses a deactivated unit without an assessment in the period, saying it is deactivated', async () => {
    const dinkes = ctx.repos.units.findByCode('PD-DINKES')!;
    ctx.repos.units.setActive(dinkes.id, false);
    const own = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'narahubung', unitId: dinkes.id })).username);
    const before = dbSnapshot(ctx.db);

    const res = await own.agent.put(`/api/periods/${ctx.periodId}/units/${dinkes.id}/answers/A1`).set('X-CSRF-Token', own.csrf).send({ level: 2, na: false, note: '', version: 0 });

    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain(`Unit ${dinkes.name} sudah dinonaktifkan dan tidak dinilai pada periode 2022.`);
    expect(dbSnapshot(ctx.db)).toEqual(before);
  });
});
