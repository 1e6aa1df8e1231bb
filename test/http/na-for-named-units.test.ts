import { buildUser, createTestContext, loginAs, unitId, type TestContext } from '../helpers/test-app';

type Row = { level: number | null; is_na: number };

describe('"tidak berlaku" on F4 of revision 2: Inspektorat only', () => {
  let ctx: TestContext;
  let inspektorat: number;
  let otherPd: number;

  beforeEach(() => {
    ctx = createTestContext();
    inspektorat = unitId(ctx.repos, 'PD-INSPEKTORAT');
    otherPd = unitId(ctx.repos, ctx.repos.units.listAll().find((u) => u.group === 'pd' && u.code !== 'PD-INSPEKTORAT')!.code);
  });

  const api = (unit: number, code: string) => `/api/periods/${ctx.periodId}/units/${unit}/answers/${code}`;
  const page = (unit: number) => `/periods/${ctx.periodId}/units/${unit}/assessment`;
  const answer = (unit: number, code: string): Row | undefined =>
    ctx.db
      .prepare('SELECT an.level, an.is_na FROM answers an JOIN assessments a ON a.id = an.assessment_id WHERE a.unit_id = ? AND an.indicator_code = ?')
      .get(unit, code) as Row | undefined;

  it('runs on revision 2 by default', () => {
    expect(ctx.instrument.version).toBe('2022.2');
  });

  it('offers Inspektorat the N/A choice on F4 and saves it through autosave', async () => {
    const nara = await buildUser(ctx.repos, { role: 'narahubung', unitId: inspektorat });
    const { agent, csrf } = await loginAs(ctx.app, nara.username);

    const form = await agent.get(page(inspektorat));
    const res = await agent.put(api(inspektorat, 'F4')).set('X-CSRF-Token', csrf).send({ level: null, na: true, note: '', version: 0 });

    expect(form.text).toContain('name="level_F4" value="na"');
    expect(form.text).toContain('Tidak berlaku bagi Inspektorat Daerah');
    expect(res.status).toBe(200);
    expect(answer(inspektorat, 'F4')).toEqual({ level: null, is_na: 1 });
  });

  it('saves Inspektorat\'s F4 N/A from the questionnaire form without JavaScript', async () => {
    const nara = await buildUser(ctx.repos, { role: 'narahubung', unitId: inspektorat });
    const { agent, csrf } = await loginAs(ctx.app, nara.username);

    const res = await agent.post(page(inspektorat)).type('form').send({ _csrf: csrf, level_F4: 'na', level_F1: '3' });

    expect(res.status).toBe(302);
    expect(answer(inspektorat, 'F4')).toEqual({ level: null, is_na: 1 });
    expect(answer(inspektorat, 'F1')).toEqual({ level: 3, is_na: 0 });
  });

  it('refuses F4 N/A for any other unit with 422 naming the indicator, shows no such choice, and stores nothing', async () => {
    const nara = await buildUser(ctx.repos, { role: 'narahubung', unitId: otherPd });
    const { agent, csrf } = await loginAs(ctx.app, nara.username);

    const form = await agent.get(page(otherPd));
    const res = await agent.put(api(otherPd, 'F4')).set('X-CSRF-Token', csrf).send({ level: null, na: true, note: '', version: 0 });

    expect(form.text).not.toContain('name="level_F4" value="na"');
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toContain('Indikator F4: pilihan \\"tidak berlaku\\" tidak tersedia');
    expect(answer(otherPd, 'F4')).toBeUndefined();
  });
});
