import { seedDemoData, seedDepsOf } from '../../src/bootstrap';
import { DEMO_ADDED_UNIT, DEMO_NEXT_PERIOD_NAME, movedLevel, seedDemoProgress } from '../../src/seed';
import { buildUser, createTestContext, loginAs, type TestContext } from '../helpers/test-app';

describe('the demo data carries a second period to compare with the signed plan', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = createTestContext();
    await buildUser(ctx.repos, { role: 'admin', username: 'admin' });

    await seedDemoData(ctx.db, ctx.modules);
  });

  it('moves a level along the plan’s second year, halfway, not at all, or down on every third indicator', () => {
    expect([movedLevel('trajectory', 1, 4, 0), movedLevel('trajectory', 3, 4, 0), movedLevel('trajectory', 4, 3, 0)]).toEqual([3, 4, 4]);
    expect([movedLevel('ahead', 1, 4, 0), movedLevel('partial', 1, 4, 0), movedLevel('stagnant', 1, 4, 0)]).toEqual([4, 2, 1]);
    expect([movedLevel('down', 2, 4, 0), movedLevel('down', 2, 4, 1), movedLevel('down', 0, 4, 3)]).toEqual([1, 2, 0]);
  });

  it('signs the 2022 plan and opens a 2023 demo period with a unit formed since', () => {
    const next = ctx.repos.periods.findByName(DEMO_NEXT_PERIOD_NAME);
    const plan = ctx.modules.renaksi.service.finalPlan(ctx.periodId);

    expect(next).toMatchObject({ year: 2023, isDemo: true });
    expect(plan).toMatchObject({ versionNo: 1, years: [2022, 2023, 2024] });
    expect(plan?.rows.length).toBeGreaterThan(10);
    expect(ctx.repos.units.findByCode(DEMO_ADDED_UNIT.code)).toMatchObject({ name: DEMO_ADDED_UNIT.name, active: true });
  });

  it('gives the comparison real movement: units up, unchanged and down, one added, and rows reaching their targets', () => {
    const next = ctx.repos.periods.findByName(DEMO_NEXT_PERIOD_NAME)!;

    const p = ctx.modules.progress.service.progress(next.id, undefined);

    expect(p.compare?.id).toBe(ctx.periodId);
    const m = p.comparison!.movement;
    expect(m.up).toBeGreaterThan(20);
    expect(m.same).toBeGreaterThanOrEqual(3);
    expect(m.down).toBeGreaterThanOrEqual(1);
    expect(m.added).toBe(1);
    expect(p.comparison!.kabupaten.change).toBeGreaterThan(0);
    const rows = p.plan!.progress.rows;
    expect(rows.some((r) => r.achieved !== null && r.expected !== null && r.achieved >= r.expected)).toBe(true);
    expect(rows.some((r) => r.achieved !== null && r.expected !== null && r.achieved < r.expected)).toBe(true);
    expect(p.plan!.progress.units.find((u) => u.code === DEMO_ADDED_UNIT.code)).toMatchObject({ presence: 'added', measured: 'counted' });
  });

  it('keeps the 2022 figures over the 57 units of that year: BRIDA is assessed from 2023 and counted only there', async () => {
    const next = ctx.repos.periods.findByName(DEMO_NEXT_PERIOD_NAME)!;
    const codes = (periodId: number) => ctx.modules.scoring.service.computePeriodScores(periodId, 'verified').units.map((u) => u.code);
    const { agent } = await loginAs(ctx.app, 'admin');

    const page = await agent.get(`/periods/${ctx.periodId}/dashboard`);
    const summary = await agent.get(`/periods/${ctx.periodId}/dashboard/summary.json`);

    expect(ctx.repos.units.findByCode(DEMO_ADDED_UNIT.code)?.assessedFrom).toBe(2023);
    expect(codes(ctx.periodId)).toHaveLength(57);
    expect(codes(ctx.periodId)).not.toContain(DEMO_ADDED_UNIT.code);
    expect(codes(next.id)).toHaveLength(58);
    expect(codes(next.id)).toContain(DEMO_ADDED_UNIT.code);
    expect(summary.body.counts.total).toBe(57);
    expect(page.text).toMatch(/id="unit-count">[\d.]+ <small>dari 57 unit<\/small>/);
    expect(page.text).not.toContain(DEMO_ADDED_UNIT.name);
  });

  it('adds nothing when run again', async () => {
    const count = () => ctx.db.prepare('SELECT (SELECT count(*) FROM periods) || \':\' || (SELECT count(*) FROM assessments) || \':\' || (SELECT count(*) FROM renaksi_versions) AS k').get();
    const before = count();

    seedDemoProgress(seedDepsOf(ctx.db, ctx.modules));
    await seedDemoData(ctx.db, ctx.modules);

    expect(count()).toEqual(before);
  });
});
