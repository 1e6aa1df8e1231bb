import { buildUser, createTestContext, loginAs, unitId } from '../helpers/test-app';

describe('compressed responses', () => {
  it('compresses pages and leaves the small JSON answer of an autosave as it is', async () => {
    const ctx = createTestContext();
    const busang = unitId(ctx.repos, 'KEC-BUSANG');
    const nara = await buildUser(ctx.repos, { role: 'narahubung', unitId: busang });
    const { agent, csrf } = await loginAs(ctx.app, nara.username);

    const page = await agent.get(`/periods/${ctx.periodId}/units/${busang}/assessment`).set('Accept-Encoding', 'gzip');
    const save = await agent
      .put(`/api/periods/${ctx.periodId}/units/${busang}/answers/A1`)
      .set('Accept-Encoding', 'gzip')
      .set('X-CSRF-Token', csrf)
      .send({ level: 2, note: 'x'.repeat(2000), version: 0 });

    expect(page.status).toBe(200);
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(save.status).toBe(200);
    expect(save.headers['content-encoding']).toBeUndefined();
    expect(save.body.answer).toMatchObject({ level: 2, version: 1 });
  });
});
