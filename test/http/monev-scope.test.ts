import { createTestContext, unitId, type TestContext } from '../helpers/test-app';
import { finalPlanForMonev, type MonevSetup } from '../helpers/monev';
import type { User } from '../../src/shared/identity';

/**
 * A unit's page, its save and a narahubung's overview read that unit's plan and reports only (scoped progress), not
 * every unit's: what they get for the unit must be exactly what the whole monev lists for it.
 */
describe('monev pages about one unit', () => {
  let ctx: TestContext;
  let setup: MonevSetup;
  let admin: User;

  beforeAll(async () => {
    ctx = createTestContext();
    setup = await finalPlanForMonev(ctx);
    admin = ctx.modules.users.service.findById(ctx.modules.users.service.findCredentials(setup.users.admin)?.id ?? 0) as User;
    const monitoring = ctx.modules.monitoring.service;
    const items = monitoring.unitIndicators(ctx.periodId, setup.busang).map((code) => ({ indicatorCode: code, status: 'berjalan' as const, activity: 'Rapat', kendala: '', link: '' }));
    await monitoring.saveUnitReport(admin, ctx.periodId, setup.busang, '2022-2', { items, version: 0, action: 'ajukan' }, [], []);
  });

  it('gives each unit with its own part the state the whole monev lists for it', () => {
    const monitoring = ctx.modules.monitoring.service;
    const whole = monitoring.progress(ctx.periodId).units.filter((u) => u.indicators.length > 0);

    const pages = whole.map((u) => monitoring.unitReportPage(admin, ctx.periodId, u.unitId, '2022-2'));

    expect(whole.length).toBeGreaterThan(1);
    expect(pages.map((p) => p.unit)).toEqual(whole);
    expect(pages.find((p) => p.unit.unitId === setup.busang)?.state).toMatchObject({ ownPart: 'diajukan', reported: true });
  });

  it('gives a narahubung’s overview its own unit as the whole monev lists it, and the same rows and aspects', () => {
    const monitoring = ctx.modules.monitoring.service;
    const narahubung = ctx.modules.users.service.findById(ctx.modules.users.service.findCredentials(setup.users.busang)?.id ?? 0) as User;

    const own = monitoring.overviewPage(narahubung, ctx.periodId, '2022-2');
    const staff = monitoring.overviewPage(admin, ctx.periodId, '2022-2');

    expect(own.units.map((u) => u.unit)).toEqual(staff.units.filter((u) => u.unit.unitId === unitId(ctx.repos, 'KEC-BUSANG')).map((u) => u.unit));
    expect(own.units[0]?.state).toMatchObject({ ownPart: 'diajukan' });
    expect(own.p.aspects).toEqual(staff.p.aspects);
    expect(own.p.rows).toEqual(staff.p.rows);
  });
});
