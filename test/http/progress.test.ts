import request from 'supertest';
import { buildAssessment, buildUser, createTestContext, loginAs, REVISION_1, unitId, type TestContext } from '../helpers/test-app';
import { draftedPlan } from '../helpers/renaksi';

type Tally = { total: number; met: number; below: number; na: number; notSubmitted: number; incomplete: number };
interface RowJson { indicator: string; targetLevel: number; expected: number | null; achieved: number | null; tally: Tally | null; metByAddedUnits: number; removedUnits: number }
interface UnitPlanJson { code: string; presence: string; measured: string; items: { indicator: string; from: number; targetLevel: number; reached: number | 'na' | null; status: string }[] }

/**
 * The 2022 plan of test/helpers/renaksi.ts (Busang A1 1 / A2 2, Dinkes A1 3, Telen B1 2, all others 4), signed 2022–2024:
 * A1 expects 56 units at level 4 in 2023, A2 57, B1 57. In 2023: Telen is deactivated, a new kecamatan assessed from
 * 2023 is added (B1 at 3), Busang reaches A1 2 and A2 4, Dinas Perhubungan is still a draft; every other unit is at 4.
 */
describe('progress between periods over HTTP', () => {
  let ctx: TestContext;
  let p2023: number;
  let fasil: string;
  let ids: { busang: number; dinkes: number; telen: number };
  let baru: number;

  beforeAll(async () => {
    ctx = createTestContext();
    const plan = await draftedPlan(ctx);
    ids = plan.ids;
    const { agent, csrf } = await loginAs(ctx.app, plan.tim);
    expect((await agent.post(`${plan.url}/finalize`).type('form').send({ _csrf: csrf })).status).toBe(302);
    ctx.repos.units.setActive(ids.telen, false);
    // Formed in 2023, so assessed from 2023 ("Dinilai mulai tahun"): not one of the 2022 period's units.
    baru = ctx.repos.units.insert({ code: 'KEC-BARU', name: 'Kecamatan Baru', group: 'kecamatan', provisional: false, assessedFrom: 2023 });
    p2023 = ctx.repos.periods.insert({ name: 'Penilaian Mandiri 2023', year: 2023, instrumentId: ctx.repos.periods.findById(ctx.periodId)!.instrumentId, deadline: null });
    const in2023 = { ...ctx, periodId: p2023 };
    const own: Record<number, Record<string, number>> = { [ids.busang]: { A1: 2, A2: 4 }, [baru]: { B1: 3 } };
    const dishub = unitId(ctx.repos, 'PD-DISHUB');
    for (const unit of ctx.repos.units.listActive()) {
      const status = unit.id === dishub ? 'draf' : 'diajukan';
      buildAssessment(in2023, { unitId: unit.id, fill: 4, levels: own[unit.id] ?? {}, status, userId: plan.ids.adminId });
    }
    fasil = (await buildUser(ctx.repos, { role: 'fasilitator' })).username;
  });

  const get = async (path: string, username = fasil) => (await loginAs(ctx.app, username)).agent.get(path);

  it('counts the units the signed plan expected at target against the units that reached it in 2023', async () => {
    const res = await get(`/api/periods/${p2023}/progress`);

    expect(res.status).toBe(200);
    expect(res.body.compare).toMatchObject({ id: ctx.periodId, year: 2022 });
    expect(res.body.plan).toMatchObject({ period: { id: ctx.periodId }, versionNo: 1, years: [2022, 2023, 2024], year: 2023, measuredPeriod: { id: p2023 } });
    const rows = res.body.plan.rows as RowJson[];
    expect(rows.map((r) => [r.indicator, r.targetLevel, r.expected, r.achieved, r.metByAddedUnits, r.removedUnits])).toEqual([
      ['A1', 4, 56, 55, 1, 1],
      ['A2', 4, 57, 56, 1, 1],
      ['B1', 4, 57, 55, 0, 1],
    ]);
    expect(rows[0]?.tally).toEqual({ total: 57, met: 55, below: 1, na: 0, notSubmitted: 1, incomplete: 0 });
    expect(rows[2]?.tally).toEqual({ total: 57, met: 55, below: 1, na: 0, notSubmitted: 1, incomplete: 0 });
    expect(res.body.plan.aspects.map((a: { code: string; expected: number; achieved: number }) => [a.code, a.expected, a.achieved])).toEqual([['A', 113, 111], ['B', 57, 55]]);
  });

  it('gives each unit its 2023 target level against the level it reached', async () => {
    const res = await get(`/api/periods/${p2023}/progress`);
    const units = res.body.plan.units as UnitPlanJson[];
    const of = (code: string) => units.find((u) => u.code === code);

    expect(of('KEC-BUSANG')?.items).toEqual([
      { indicator: 'A1', from: 1, targetLevel: 3, finalTarget: 4, reached: 2, status: 'below' },
      { indicator: 'A2', from: 2, targetLevel: 4, finalTarget: 4, reached: 4, status: 'met' },
    ]);
    expect(of('PD-DINKES')?.items).toEqual([{ indicator: 'A1', from: 3, targetLevel: 4, finalTarget: 4, reached: 4, status: 'met' }]);
    expect(of('KEC-TELEN')).toMatchObject({ presence: 'removed', measured: 'removed', items: [{ indicator: 'B1', from: 2, targetLevel: 4, reached: null, status: 'not-measured' }] });
    expect(of('KEC-BARU')).toMatchObject({ presence: 'added', measured: 'counted', items: [] });
    expect(of('PD-DISHUB')).toMatchObject({ presence: 'both', measured: 'not-submitted', items: [] });
  });

  it('compares levels, indexes and aspect scores with the previous period, units added and removed', async () => {
    const res = await get(`/api/periods/${p2023}/progress`);
    const then = (await get(`/api/periods/${ctx.periodId}/scores`)).body;
    const now = (await get(`/api/periods/${p2023}/scores`)).body;
    const c = res.body.comparison;
    const busang = c.units.find((u: { code: string }) => u.code === 'KEC-BUSANG');

    expect(c.instrumentChanged).toBe(false);
    expect(c.kabupaten.index).toEqual({ then: then.kabupaten.index, now: now.kabupaten.index, change: now.kabupaten.index - then.kabupaten.index });
    expect(c.aspects.find((a: { code: string }) => a.code === 'A')).toMatchObject({ then: then.kabupaten.aspects.A, now: now.kabupaten.aspects.A });
    expect(busang.indicators.slice(0, 2)).toEqual([
      { code: 'A1', then: 1, now: 2, change: 1, inThen: true, inNow: true },
      { code: 'A2', then: 2, now: 4, change: 2, inThen: true, inNow: true },
    ]);
    expect(c.units.find((u: { code: string }) => u.code === 'KEC-BARU')).toMatchObject({ presence: 'added', then: null });
    expect(c.units.find((u: { code: string }) => u.code === 'KEC-TELEN')).toMatchObject({ presence: 'removed', now: null });
    expect(c.movement).toMatchObject({ added: 1, removed: 1, down: 0 });
    expect(c.movement.up).toBe(2);
  });

  it('has nothing to compare for the first period and no plan covering its year', async () => {
    const res = await get(`/api/periods/${ctx.periodId}/progress`);

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ compare: null, comparison: null, plan: null });
  });

  it.each([
    ['abc', 'Periode pembanding harus berupa nomor periode.'],
    ['9999', 'Periode pembanding 9999 tidak ditemukan.'],
    ['same', 'Periode pembanding harus berbeda dari periode yang dilihat.'],
  ])('refuses ?compare=%s with 422 naming the field', async (raw, message) => {
    const res = await get(`/api/periods/${p2023}/progress?compare=${raw === 'same' ? p2023 : raw}`);

    expect(res.status).toBe(422);
    expect(res.body.error.fields.compare).toBe(message);
  });

  it('answers only the roles that read scores', async () => {
    const nara = (await buildUser(ctx.repos, { role: 'narahubung', unitId: ids.busang })).username;

    expect((await get(`/api/periods/${p2023}/progress`, nara)).status).toBe(403);
    expect((await request(ctx.app).get(`/api/periods/${p2023}/progress`)).status).toBe(401);
    expect((await get('/api/periods/9999/progress')).status).toBe(404);
  });

  it('gives the monev workbook the plan against a year: targets alone before its assessment, 422 outside the plan', () => {
    const progress = ctx.modules.progress.service;

    const y2024 = progress.againstPlan(ctx.periodId, 2024);
    const y2023 = progress.againstPlan(ctx.periodId, 2023);

    expect(y2024?.measuredPeriod).toBeNull();
    expect(y2024?.progress.rows.map((r) => [r.indicatorCode, r.expected, r.achieved])).toEqual([['A1', 57, null], ['A2', 57, null], ['B1', 57, null]]);
    expect(y2023?.progress.rows.map((r) => r.achieved)).toEqual([55, 56, 55]);
    expect(() => progress.againstPlan(ctx.periodId, 2025)).toThrow(expect.objectContaining({ status: 422, fields: { year: 'Tahun 2025 di luar tahun Renaksi (2022–2024).' } }));
    expect(progress.againstPlan(p2023, 2024)).toBeNull();
  });

  it('reads every plan year at once as it reads them one at a time, refusing a year outside the plan', () => {
    const progress = ctx.modules.progress.service;

    const all = progress.againstPlanYears(ctx.periodId, [2022, 2023, 2024]);

    expect(all).toEqual([2022, 2023, 2024].map((year) => progress.againstPlan(ctx.periodId, year)));
    expect(all.map((y) => y?.measuredPeriod?.id ?? null)).toEqual([null, p2023, null]);
    expect(progress.againstPlanYears(p2023, [2023, 2024])).toEqual([null, null]);
    expect(() => progress.againstPlanYears(ctx.periodId, [2023, 2025])).toThrow(expect.objectContaining({ status: 422, fields: { year: 'Tahun 2025 di luar tahun Renaksi (2022–2024).' } }));
  });
});

describe('progress on the dashboard page', () => {
  it('shows the comparison, the plan per aspect with its chart and a row per unit; the kemajuan slide; the unit’s trajectory on its rapor', async () => {
    const ctx = createTestContext();
    const plan = await draftedPlan(ctx);
    const { agent, csrf } = await loginAs(ctx.app, plan.tim);
    await agent.post(`${plan.url}/finalize`).type('form').send({ _csrf: csrf });
    const p2023 = ctx.repos.periods.insert({ name: 'Penilaian Mandiri 2023', year: 2023, instrumentId: ctx.repos.periods.findById(ctx.periodId)!.instrumentId, deadline: null });
    for (const unit of ctx.repos.units.listActive()) {
      buildAssessment({ ...ctx, periodId: p2023 }, { unitId: unit.id, fill: 4, levels: unit.id === plan.ids.busang ? { A1: 2 } : {}, status: 'diajukan', userId: plan.ids.adminId });
    }

    const page = await agent.get(`/periods/${p2023}/dashboard`);
    const first = await agent.get(`/periods/${ctx.periodId}/dashboard`);

    expect(page.status).toBe(200);
    expect(page.text).toContain('Dibandingkan dengan <strong>Penilaian Mandiri SP4N-LAPOR! 2022</strong>');
    expect(page.text).toMatch(/<canvas id="progress-chart"[^>]+data-chart="[^"]*Target 2023/);
    // A: A1 expects 56 and 56 reached (Busang 2 < 4), A2 expects 57 and all 57 reached → 113 and 113.
    expect(page.text).toMatch(/<th scope="row">A\. [^<]+<\/th><td class="num">2<\/td><td class="num">113<\/td><td class="num">113<\/td>/);
    expect(page.text).toContain('<strong>A1</strong> (tingkat 4): target 56 unit, tercapai 56 dari 57 unit (1 di bawah target)');
    expect(page.text).toMatch(/Kecamatan Busang<\/a><\/th><td class="num">[\d,]+<\/td><td class="num">[\d,]+<\/td><td class="num">\+[\d,]+<\/td><td class="num">1 dari 2<\/td>/);
    expect(first.text).toContain('id="progress-none"');
    const deck = await agent.get(`/periods/${p2023}/presentation`);
    expect(deck.text).toContain('class="slide slide-progress"');
    expect(deck.text).toContain('Kemajuan sejak 2022 dan capaian Renaksi 2023');
    expect(deck.text).toMatch(/<strong>3 dari 3<\/strong>\s*indikator Renaksi 2022–2024 mencapai jumlah unit yang ditargetkan untuk 2023/);
    const rapor = await agent.get(`/periods/${p2023}/units/${plan.ids.busang}/rapor`);
    expect(rapor.text).not.toContain('<strong>2022</strong>');
    expect(rapor.text).toContain('<li><strong>2023</strong> 1 dari 2 indikator mencapai target tingkat tahun ini; belum: A1 3/2</li>');
    expect(rapor.text).toContain('<li><strong>2024</strong> (target) tingkat 4: A1, A2</li>');
  });
});

describe('progress across instrument revisions', () => {
  it('compares a revision 1 period with a revision 2 one by indicator code and says so on the dashboard', async () => {
    const ctx = createTestContext({}, { instrumentVersion: REVISION_1 });
    const admin = await buildUser(ctx.repos, { role: 'admin' });
    const rev2 = ctx.repos.periodSetup.listInstruments().find((i) => i.version === '2022.2')!.id;
    const p2023 = ctx.repos.periods.insert({ name: 'Penilaian Mandiri 2023', year: 2023, instrumentId: rev2, deadline: null });
    const busang = unitId(ctx.repos, 'KEC-BUSANG');
    buildAssessment(ctx, { unitId: busang, fill: 2, status: 'diajukan', userId: admin.id });
    const rev2Codes = ctx.repos.instruments.findById(rev2)!.aspects.flatMap((a) => a.indicators.map((i) => i.code));
    const next = ctx.repos.assessments.findOrCreate(p2023, busang);
    for (const code of rev2Codes) ctx.repos.assessments.upsertAnswer({ assessmentId: next.id, code, level: 3, isNa: false, note: '', userId: admin.id });
    ctx.repos.assessments.setStatus(next.id, 'diajukan', null);
    const { agent } = await loginAs(ctx.app, admin.username);

    const res = await agent.get(`/api/periods/${p2023}/progress`);
    const page = await agent.get(`/periods/${p2023}/dashboard`);

    expect(res.body.compare).toMatchObject({ id: ctx.periodId, instrumentVersion: REVISION_1 });
    expect(res.body.comparison.instrumentChanged).toBe(true);
    expect(res.body.comparison.indicatorCodes).toMatchObject({ onlyThen: [], onlyNow: ['C5', 'C6', 'C7'] });
    const row = res.body.comparison.units.find((u: { code: string }) => u.code === 'KEC-BUSANG');
    expect(row.indicators.find((i: { code: string }) => i.code === 'A1')).toEqual({ code: 'A1', then: 2, now: 3, change: 1, inThen: true, inNow: true });
    expect(row.indicators.find((i: { code: string }) => i.code === 'C6')).toEqual({ code: 'C6', then: null, now: 3, change: null, inThen: false, inNow: true });
    expect(row).toMatchObject({ then: { index: 50 }, now: { index: 75 }, indexChange: 25 });
    expect(page.text).toContain('Instrumen berbeda (versi 2022.1 → 2022.2): indikator dibandingkan menurut kodenya; hanya di periode sebelumnya: –; hanya di periode ini: C5, C6, C7.');
  });
});
