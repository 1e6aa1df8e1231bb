import { buildAssessment, buildUser, createTestContext, loginAs, type TestContext } from '../helpers/test-app';
import { draftedPlan } from '../helpers/renaksi';

type Unit = { code: string; group: string };
interface Answer { comparison: { units: Unit[]; movement: unknown; kabupaten: unknown; aspects: unknown }; plan: { units: Unit[]; rows: unknown; aspects: unknown }; page?: unknown }

/**
 * GET /api/periods/:periodId/progress with ?unit, ?kelompok, ?limit and ?offset: every answer read back against the
 * unfiltered one. The 2022 plan of test/helpers/renaksi.ts is signed 2022–2024; in 2023 Kecamatan Telen is
 * deactivated (only in the compare period and the plan) and every other unit is assessed.
 */
describe('progress API: one unit, one group, a page', () => {
  let ctx: TestContext;
  let p2023: number;
  let fasil: string;
  let whole: Answer;

  beforeAll(async () => {
    ctx = createTestContext();
    const plan = await draftedPlan(ctx);
    const { agent, csrf } = await loginAs(ctx.app, plan.tim);
    expect((await agent.post(`${plan.url}/finalize`).type('form').send({ _csrf: csrf })).status).toBe(302);
    ctx.repos.units.setActive(plan.ids.telen, false);
    p2023 = ctx.repos.periods.insert({ name: 'Penilaian Mandiri 2023', year: 2023, instrumentId: ctx.repos.periods.findById(ctx.periodId)!.instrumentId, deadline: null });
    for (const unit of ctx.repos.units.listActive()) {
      buildAssessment({ ...ctx, periodId: p2023 }, { unitId: unit.id, fill: 4, levels: unit.id === plan.ids.busang ? { A1: 2 } : {}, status: 'diajukan', userId: plan.ids.adminId });
    }
    fasil = (await buildUser(ctx.repos, { role: 'fasilitator' })).username;
    whole = (await get('')).body as Answer;
  });

  async function get(query: string) {
    return (await loginAs(ctx.app, fasil)).agent.get(`/api/periods/${p2023}/progress${query}`);
  }

  /** The unfiltered answer with only `codes` listed (in its own order): what a filtered answer must equal. */
  const only = (codes: string[]) => ({
    ...whole,
    comparison: { ...whole.comparison, units: whole.comparison.units.filter((u) => codes.includes(u.code)) },
    plan: { ...whole.plan, units: whole.plan.units.filter((u) => codes.includes(u.code)) },
  });

  it('keeps the unfiltered answer exactly as it was: every unit, no page', () => {
    expect(whole.comparison.units).toHaveLength(57);
    expect(whole.plan.units).toHaveLength(57);
    expect(whole.comparison.units.at(-1)).toMatchObject({ code: 'KEC-TELEN', presence: 'removed' });
    expect(Object.keys(whole)).toEqual(['period', 'compare', 'basis', 'comparison', 'plan']);
  });

  it('lists one unit (?unit=<code>), also one no longer active, with the kabupaten figures unchanged', async () => {
    const busang = await get('?unit=KEC-BUSANG');
    const telen = await get('?unit=KEC-TELEN');

    expect(busang.status).toBe(200);
    expect(busang.body).toEqual(only(['KEC-BUSANG']));
    expect(busang.body.comparison.units).toHaveLength(1);
    expect(telen.body).toEqual(only(['KEC-TELEN']));
    expect(telen.body.comparison.units[0]).toMatchObject({ presence: 'removed', now: null });
  });

  it('lists one group (?kelompok=pd|kecamatan)', async () => {
    const pd = await get('?kelompok=pd');
    const kec = await get('?kelompok=kecamatan');

    expect(pd.body).toEqual(only(whole.comparison.units.filter((u) => u.group === 'perangkat daerah').map((u) => u.code)));
    expect(pd.body.comparison.units).toHaveLength(39);
    expect(kec.body.comparison.units).toHaveLength(18);
    expect(kec.body.comparison.units.every((u: Unit) => u.group === 'kecamatan')).toBe(true);
  });

  it('pages the units (?limit, ?offset) with the count of matching units, pages joining up to the whole', async () => {
    const first = await get('?limit=25');
    const second = await get('?limit=25&offset=25');
    const last = await get('?limit=25&offset=50');
    const codes = whole.comparison.units.map((u) => u.code);

    expect(first.body.page).toEqual({ limit: 25, offset: 0, total: 57 });
    expect(first.body).toEqual({ ...only(codes.slice(0, 25)), page: { limit: 25, offset: 0, total: 57 } });
    expect(last.body.comparison.units).toHaveLength(7);
    expect([first, second, last].flatMap((r) => r.body.comparison.units)).toEqual(whole.comparison.units);
    expect((await get('?offset=100')).body).toMatchObject({ page: { limit: 100, offset: 100, total: 57 }, comparison: { units: [] }, plan: { units: [] } });
  });

  it('combines the filters: a page of one group, one unit within its group or not', async () => {
    const kec = whole.comparison.units.filter((u) => u.group === 'kecamatan').map((u) => u.code);

    expect((await get('?kelompok=kecamatan&limit=5&offset=5')).body).toEqual({ ...only(kec.slice(5, 10)), page: { limit: 5, offset: 5, total: 18 } });
    expect((await get('?unit=KEC-BUSANG&kelompok=pd')).body).toEqual(only([]));
    expect((await get('?unit=KEC-BUSANG&limit=10')).body.page).toEqual({ limit: 10, offset: 0, total: 1 });
  });

  it.each([
    ['unit=TIDAK-ADA', 'unit', 'Unit dengan kode TIDAK-ADA tidak ada pada periode ini, periode pembanding, maupun periode Renaksi.'],
    ['unit=', 'unit', 'Parameter unit harus kode unit (1–50 karakter).'],
    ['unit=A&unit=B', 'unit', 'Parameter unit harus satu nilai.'],
    ['kelompok=dinas', 'kelompok', 'Parameter kelompok harus pd atau kecamatan.'],
    ['limit=0', 'limit', 'Parameter limit harus bilangan bulat 1–1.000.'],
    ['limit=1001', 'limit', 'Parameter limit harus bilangan bulat 1–1.000.'],
    ['limit=abc', 'limit', 'Parameter limit harus bilangan bulat 1–1.000.'],
    ['offset=-1', 'offset', 'Parameter offset harus bilangan bulat 0 atau lebih.'],
    ['offset=1.5', 'offset', 'Parameter offset harus bilangan bulat 0 atau lebih.'],
  ])('refuses ?%s with 422 naming the parameter', async (query, field, message) => {
    const res = await get(`?${query}`);

    expect(res.status).toBe(422);
    expect(res.body.error.fields).toEqual({ [field]: message });
  });
});
