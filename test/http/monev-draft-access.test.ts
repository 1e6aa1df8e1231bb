import { buildUser, createTestContext, loginAs, unitId, type TestContext } from '../helpers/test-app';
import { draftedPlan, rowByKey } from '../helpers/renaksi';

/**
 * A narahubung sees the Renaksi only once it is final (as the unit's own Renaksi .docx): the monev pages must not show
 * a draft plan's rows, activities and targets to them, whether the plan was never final or was reopened.
 */
describe('the monev pages of a draft Renaksi for a narahubung', () => {
  let ctx: TestContext;
  let url: string;
  let rowA1: number;
  let busang: number;
  let setda: string;
  let busangUser: string;
  const DRAFT_ACTIVITY = 'Kegiatan draf yang belum disepakati tim';

  beforeEach(async () => {
    ctx = createTestContext();
    await draftedPlan(ctx);
    rowA1 = rowByKey(ctx, 'kab:A1').id;
    ctx.db.prepare('UPDATE renaksi_rows SET activity = ? WHERE id = ?').run(DRAFT_ACTIVITY, rowA1);
    busang = unitId(ctx.repos, 'KEC-BUSANG');
    setda = (await buildUser(ctx.repos, { role: 'narahubung', unitId: unitId(ctx.repos, 'PD-SETKAB') })).username;
    busangUser = (await buildUser(ctx.repos, { role: 'narahubung', unitId: busang })).username;
    url = `/periods/${ctx.periodId}/renaksi/monev`;
  });

  it("shows the coordinating PD's narahubung neither the draft's rows nor its activity on the overview", async () => {
    const { agent } = await loginAs(ctx.app, setda);

    const page = await agent.get(url);

    expect(page.status).toBe(200);
    expect(page.text).toContain('Renaksi belum final');
    expect(page.text).not.toContain(DRAFT_ACTIVITY);
    expect(page.text).not.toContain(`/rows/${rowA1}/`);
  });

  it("refuses the draft row's page and a unit's own part of the draft to their narahubung", async () => {
    const setdaAgent = (await loginAs(ctx.app, setda)).agent;
    const busangAgent = (await loginAs(ctx.app, busangUser)).agent;

    const row = await setdaAgent.get(`${url}/rows/${rowA1}/2022-1`);
    const unit = await busangAgent.get(`${url}/units/${busang}/2022-1`);

    expect(row.status).toBe(409);
    expect(row.text).toContain('Renaksi belum final');
    expect(row.text).not.toContain(DRAFT_ACTIVITY);
    expect(unit.status).toBe(409);
    expect(unit.text).toContain('Renaksi belum final');
    expect(unit.text).not.toContain('A1 –');
  });

  it('still shows the draft to staff, who prepare it', async () => {
    const tim = (await buildUser(ctx.repos, { role: 'tim_renaksi' })).username;
    const { agent } = await loginAs(ctx.app, tim);

    const page = await agent.get(`${url}/rows/${rowA1}/2022-1`);

    expect(page.status).toBe(200);
    expect(page.text).toContain(DRAFT_ACTIVITY);
  });
});
