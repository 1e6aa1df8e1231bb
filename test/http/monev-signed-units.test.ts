import { buildUser, createTestContext, loginAs, type TestContext, type Agent } from '../helpers/test-app';
import { draftedPlan, finalizePlan, type seedGaps } from '../helpers/renaksi';

/**
 * The monev keeps a final plan's reporting units (read from the signed version) between requests: what it keeps must
 * be what the signed version says, with each unit's code as it is now, and must follow the plan when it is reopened
 * and finalised again. seedGaps: Kecamatan Busang A1 = 1, A2 = 2 (target 4).
 */
describe('the reporting units the monev keeps for a final plan', () => {
  let ctx: TestContext;
  let ids: Awaited<ReturnType<typeof seedGaps>>;
  let tim: string;
  let admin: { agent: Agent; csrf: string };
  const plan = () => `/periods/${ctx.periodId}/renaksi`;

  beforeEach(async () => {
    ctx = createTestContext();
    ({ ids, tim } = await draftedPlan(ctx));
    admin = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'admin' })).username);
  });

  function verifyBusangA1(level: number): void {
    const a = ctx.repos.assessments.find(ctx.periodId, ids.busang);
    ctx.repos.assessments.setVerifiedLevel({ assessmentId: a?.id ?? 0, code: 'A1', level, note: 'Bukti diperiksa ulang' });
  }

  /** Busang as the monev's progress lists it: its code and Lampiran II indicators. */
  const busang = () => {
    const u = ctx.modules.monitoring.service.progress(ctx.periodId).units.find((x) => x.unitId === ids.busang);
    return u ? `${u.code}: ${u.indicators.join(',')}` : null;
  };

  it('lists the signed indicators with the code of now, the current ones in a reopened draft, the new version’s after finalising again', async () => {
    await finalizePlan(ctx, tim);
    const signed = busang();
    verifyBusangA1(4);
    ctx.db.prepare("UPDATE units SET code = 'KEC-BUSANG-BARU' WHERE id = ?").run(ids.busang);
    const kept = busang();
    const keptAgain = busang();
    expect((await admin.agent.post(`${plan()}/reopen`).type('form').send({ _csrf: admin.csrf })).status).toBe(302);
    const draft = busang();
    await finalizePlan(ctx, tim);
    const refinalised = busang();
    verifyBusangA1(1);
    const afterVerification = busang();

    expect(signed).toBe('KEC-BUSANG: A1,A2');
    expect(kept).toBe('KEC-BUSANG-BARU: A1,A2');
    expect(keptAgain).toBe(kept);
    expect(draft).toBe('KEC-BUSANG-BARU: A2');
    expect(refinalised).toBe('KEC-BUSANG-BARU: A2');
    expect(afterVerification).toBe('KEC-BUSANG-BARU: A2');
  });

  it('gives one unit’s page (and what its report covers) the same as the whole list, from what is kept', async () => {
    await finalizePlan(ctx, tim);
    busang();
    verifyBusangA1(4);
    const formed = ctx.repos.units.insert({ code: 'PD-BRIDA', name: 'Badan Riset dan Inovasi Daerah', group: 'pd', provisional: false });
    const monitoring = ctx.modules.monitoring.service;

    const whole = monitoring.progress(ctx.periodId).units.find((u) => u.unitId === ids.busang);
    const page = await admin.agent.get(`${plan()}/monev/units/${ids.busang}/2022-2`);

    expect(monitoring.unitIndicators(ctx.periodId, ids.busang)).toEqual(['A1', 'A2']);
    expect(whole?.indicators).toEqual(['A1', 'A2']);
    expect(monitoring.unitIndicators(ctx.periodId, formed)).toEqual([]);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Tingkat awal 1 · target tingkat 2022: 2 (target akhir 4)');
  });

  it('gives a unit’s page from what is kept without reading every unit or the signed version again', async () => {
    await finalizePlan(ctx, tim);
    busang();
    const listActive = jest.spyOn(ctx.modules.units.service, 'listActive');
    const unitPlan = jest.spyOn(ctx.modules.renaksi.service, 'unitPlan');
    const targetMap = jest.spyOn(ctx.modules.renaksi.service, 'targetMap');

    const page = await admin.agent.get(`${plan()}/monev/units/${ids.busang}/2022-2`);

    expect(page.status).toBe(200);
    expect(page.text).toContain('Tingkat awal 1 · target tingkat 2022: 2 (target akhir 4)');
    expect(page.text).toContain('Tingkat awal 2 · target tingkat 2022: 3 (target akhir 4)');
    expect([listActive.mock.calls.length, unitPlan.mock.calls.length, targetMap.mock.calls.length]).toEqual([0, 0, 0]);
  });

  it('still names a unit deactivated after signing, by its code', async () => {
    await finalizePlan(ctx, tim);
    busang();
    ctx.db.prepare('UPDATE units SET active = 0 WHERE id = ?').run(ids.busang);

    expect(busang()).toBe('KEC-BUSANG: A1,A2');
  });
});
