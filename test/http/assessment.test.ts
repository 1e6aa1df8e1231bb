import { buildAssessment, buildUser, createTestContext, loginAs, unitId, REVISION_1, type TestContext } from '../helpers/test-app';

type Row = { indicator_code: string; level: number | null; is_na: number; note: string };

function answersOf(ctx: TestContext, unit: number): Row[] {
  return ctx.db
    .prepare(
      `SELECT an.indicator_code, an.level, an.is_na, an.note FROM answers an JOIN assessments a ON a.id = an.assessment_id
       WHERE a.period_id = ? AND a.unit_id = ? ORDER BY an.indicator_code`,
    )
    .all(ctx.periodId, unit) as Row[];
}

function fullForm(ctx: TestContext, level: number): Record<string, string> {
  const form: Record<string, string> = {};
  for (const ind of ctx.instrument.aspects.flatMap((a) => a.indicators)) form[`level_${ind.code}`] = String(level);
  return form;
}

describe('penilaian mandiri questionnaire over HTTP', () => {
  let ctx: TestContext;
  let busang: number;
  let telen: number;
  let narahubung: string;

  beforeEach(async () => {
    ctx = createTestContext({}, { instrumentVersion: REVISION_1 });
    busang = unitId(ctx.repos, 'KEC-BUSANG');
    telen = unitId(ctx.repos, 'KEC-TELEN');
    narahubung = (await buildUser(ctx.repos, { role: 'narahubung', unitId: busang })).username;
  });

  const url = (unit: number) => `/periods/${ctx.periodId}/units/${unit}/assessment`;

  it('shows every indicator with its five level criteria and the N/A choice only where allowed', async () => {
    const { agent } = await loginAs(ctx.app, narahubung);

    const res = await agent.get(url(busang));

    expect(res.status).toBe(200);
    expect(res.text).toContain('0 dari 30 indikator');
    expect(res.text.match(/<fieldset class="indicator card"/g)).toHaveLength(30);
    expect(res.text).toContain('name="level_A1" value="4"');
    expect(res.text).toContain('name="level_D1" value="na"');
    expect(res.text).not.toContain('name="level_A1" value="na"');
  });

  it('saves levels, notes and an evidence link, with an audit row per change', async () => {
    const { agent, csrf } = await loginAs(ctx.app, narahubung);

    const res = await agent
      .post(url(busang))
      .type('form')
      .send({ _csrf: csrf, level_A1: '3', note_A1: 'SK Camat Nomor 12 Tahun 2022', link_A1: 'https://busang.example.go.id/sk.pdf', level_D1: 'na' });

    expect(res.status).toBe(302);
    expect(answersOf(ctx, busang)).toEqual([
      { indicator_code: 'A1', level: 3, is_na: 0, note: 'SK Camat Nomor 12 Tahun 2022' },
      { indicator_code: 'D1', level: null, is_na: 1, note: '' },
    ]);
    const ev = ctx.db.prepare("SELECT url FROM evidence WHERE kind = 'link'").all();
    expect(ev).toEqual([{ url: 'https://busang.example.go.id/sk.pdf' }]);
    const audit = ctx.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE unit_id = ? AND action IN ('answer.update','evidence.add')").get(busang) as { n: number };
    expect(audit.n).toBe(3);
    const page = await agent.get(url(busang));
    expect(page.text).toContain('2 dari 30 indikator');
    expect(page.text).toContain('SK Camat Nomor 12 Tahun 2022');
  });

  it('refuses a level out of range with 422 naming the indicator, keeps what was typed and changes nothing', async () => {
    const { agent, csrf } = await loginAs(ctx.app, narahubung);

    const res = await agent.post(url(busang)).type('form').send({ _csrf: csrf, level_A1: '2', level_A2: '7', note_A1: 'catatan yang diketik' });

    expect(res.status).toBe(422);
    expect(res.text).toContain('Indikator A2: tingkat harus 0, 1, 2, 3 atau 4.');
    expect(res.text).toContain('catatan yang diketik');
    expect(answersOf(ctx, busang)).toEqual([]);
  });

  it('refuses "tidak berlaku" on an indicator that does not allow it and a link that is not http(s)', async () => {
    const { agent, csrf } = await loginAs(ctx.app, narahubung);

    const res = await agent.post(url(busang)).type('form').send({ _csrf: csrf, level_A1: 'na', level_B1: '1', link_B1: 'javascript:alert(1)' });

    expect(res.status).toBe(422);
    expect(res.text).toContain('Indikator A1: pilihan &#34;tidak berlaku&#34; tidak tersedia untuk indikator ini.');
    expect(res.text).toContain('Indikator B1: tautan harus diawali http:// atau https://');
    expect(answersOf(ctx, busang)).toEqual([]);
    expect(ctx.db.prepare('SELECT COUNT(*) AS n FROM evidence').get()).toEqual({ n: 0 });
  });

  it("forbids a narahubung another unit's questionnaire, read or write, and writes nothing", async () => {
    const { agent, csrf } = await loginAs(ctx.app, narahubung);

    const read = await agent.get(url(telen));
    const write = await agent.post(url(telen)).type('form').send({ _csrf: csrf, level_A1: '4' });

    expect(read.status).toBe(403);
    expect(write.status).toBe(403);
    expect(answersOf(ctx, telen)).toEqual([]);
    expect(ctx.db.prepare('SELECT COUNT(*) AS n FROM assessments').get()).toEqual({ n: 0 });
  });

  it('refuses to submit while indicators are unanswered, keeps the answers sent with it and lists the missing ones', async () => {
    const { agent, csrf } = await loginAs(ctx.app, narahubung);

    const res = await agent.post(`${url(busang)}/submit`).type('form').send({ _csrf: csrf, level_A1: '2', level_A2: '1' });

    expect(res.status).toBe(422);
    expect(res.text).toContain('Masih ada 28 indikator yang belum dijawab');
    expect(res.text).toContain('href="#ind-A3"');
    expect(answersOf(ctx, busang).map((r) => r.level)).toEqual([2, 1]);
    const status = ctx.db.prepare('SELECT status FROM assessments WHERE unit_id = ?').get(busang);
    expect(status).toEqual({ status: 'draf' });
  });

  it('submits a complete assessment and then locks it against further saves', async () => {
    const { agent, csrf } = await loginAs(ctx.app, narahubung);

    const submit = await agent.post(`${url(busang)}/submit`).type('form').send({ _csrf: csrf, ...fullForm(ctx, 2) });
    const late = await agent.post(url(busang)).type('form').send({ _csrf: csrf, level_A1: '4' });

    expect(submit.status).toBe(302);
    expect(ctx.db.prepare('SELECT status FROM assessments WHERE unit_id = ?').get(busang)).toEqual({ status: 'diajukan' });
    expect(late.status).toBe(409);
    expect(late.text).toContain('terkunci');
    expect(answersOf(ctx, busang).find((r) => r.indicator_code === 'A1')?.level).toBe(2);
  });

  it('shows a submitted assessment read-only to a verifikator', async () => {
    buildAssessment(ctx, { unitId: telen, fill: 3, status: 'diajukan', userId: (await buildUser(ctx.repos, { role: 'admin' })).id });
    const { agent } = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'verifikator' })).username);

    const res = await agent.get(url(telen));

    expect(res.status).toBe(200);
    expect(res.text).toContain('30 dari 30 indikator');
    expect(res.text).not.toContain('name="level_A1"');
    expect(res.text).toContain('Tingkat dipilih:</strong> Tingkat 3');
  });

  it('answers a malformed unit id with 404 and an unknown period with 404', async () => {
    const { agent } = await loginAs(ctx.app, narahubung);

    const bad = await agent.get(`/periods/${ctx.periodId}/units/abc/assessment`);
    const unknown = await agent.get(`/periods/999/units/${busang}/assessment`);

    expect(bad.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('Periode tidak ditemukan.');
  });
});
