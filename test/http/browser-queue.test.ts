import { buildAssessment, buildUser, createTestContext, loginAs, unitId, type TestContext } from '../helpers/test-app';
import { questionnaireRows } from '../helpers/db-snapshot';

/**
 * What the questionnaire's browser queue sends: each change names the user who made it, and a link carries a key
 * made in the browser, so a retry after a lost response or a change left by someone else on a shared PC never
 * writes what the signed-in person did not do.
 */
describe('changes sent from the browser queue', () => {
  let ctx: TestContext;
  let busang: number;
  let nara: { id: number; username: string };
  let rekan: { id: number; username: string };

  beforeEach(async () => {
    ctx = createTestContext();
    busang = unitId(ctx.repos, 'KEC-BUSANG');
    nara = await buildUser(ctx.repos, { role: 'narahubung', unitId: busang, username: 'nara.busang' });
    rekan = await buildUser(ctx.repos, { role: 'narahubung', unitId: busang, username: 'rekan.busang' });
  });

  const links = () => `/api/periods/${ctx.periodId}/units/${busang}/evidence-links`;
  const answer = (code: string) => `/api/periods/${ctx.periodId}/units/${busang}/answers/${code}`;
  const linkRows = () =>
    ctx.db.prepare("SELECT id, indicator_code, url, created_by, client_key, deleted_at IS NOT NULL AS deleted FROM evidence WHERE kind = 'link' ORDER BY id").all();
  const auditCount = (action: string) => (ctx.db.prepare('SELECT COUNT(*) AS n FROM audit_log WHERE action = ?').get(action) as { n: number }).n;
  const KEY = 'k7Qp2Zr9xL4mN8vB3cD6';

  describe('an evidence link with a browser key', () => {
    it('adds the link once when the same request is sent again after a lost response, answering with the same item', async () => {
      const { agent, csrf } = await loginAs(ctx.app, nara.username);
      const body = { indicator: 'C2', url: 'https://lapor.go.id/instansi/busang', key: KEY };

      const first = await agent.post(links()).set('X-CSRF-Token', csrf).send(body);
      const retry = await agent.post(links()).set('X-CSRF-Token', csrf).send(body);

      expect([first.status, retry.status]).toEqual([201, 200]);
      expect(retry.body.evidence[0].id).toBe(first.body.evidence[0].id);
      expect(retry.body.evidence[0].html).toBe(first.body.evidence[0].html);
      expect(linkRows()).toEqual([{ id: first.body.evidence[0].id, indicator_code: 'C2', url: body.url, created_by: nara.id, client_key: KEY, deleted: 0 }]);
      expect(auditCount('evidence.add')).toBe(1);
    });

    it('adds one row when two copies of the request arrive at the same time', async () => {
      const { agent, csrf } = await loginAs(ctx.app, nara.username);
      const body = { indicator: 'A1', url: 'https://busang.kutaitimurkab.go.id/sk', key: KEY };

      const answers = await Promise.all([1, 2, 3].map(() => agent.post(links()).set('X-CSRF-Token', csrf).send(body)));

      expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 201]);
      expect(linkRows()).toHaveLength(1);
    });

    it('answers a retry of a link deleted meanwhile with an empty list and does not add it back', async () => {
      const { agent, csrf } = await loginAs(ctx.app, nara.username);
      const body = { indicator: 'C2', url: 'https://lapor.go.id/instansi/busang', key: KEY };
      const first = await agent.post(links()).set('X-CSRF-Token', csrf).send(body);
      await agent.post(`/periods/${ctx.periodId}/units/${busang}/assessment/evidence/${first.body.evidence[0].id}/delete`)
        .set('Accept', 'application/json').set('X-CSRF-Token', csrf).send({});

      const retry = await agent.post(links()).set('X-CSRF-Token', csrf).send(body);

      expect([retry.status, retry.body]).toEqual([200, { evidence: [] }]);
      expect(linkRows()).toEqual([expect.objectContaining({ client_key: KEY, deleted: 1 })]);
    });

    it.each([
      ['another link', { indicator: 'C2', url: 'https://lain.example.go.id/x' }, 'nara'],
      ['another indicator', { indicator: 'C3', url: 'https://lapor.go.id/instansi/busang' }, 'nara'],
      ['another user', { indicator: 'C2', url: 'https://lapor.go.id/instansi/busang' }, 'rekan'],
    ])('refuses a key already used for %s with 409 and writes nothing', async (_what, body, who) => {
      const first = await loginAs(ctx.app, nara.username);
      await first.agent.post(links()).set('X-CSRF-Token', first.csrf).send({ indicator: 'C2', url: 'https://lapor.go.id/instansi/busang', key: KEY });
      const before = questionnaireRows(ctx);
      const { agent, csrf } = who === 'nara' ? first : await loginAs(ctx.app, rekan.username);

      const res = await agent.post(links()).set('X-CSRF-Token', csrf).send({ ...body, key: KEY });

      expect([res.status, res.body.error.code]).toEqual([409, 'evidence-key-used']);
      expect(res.body.error.message).toContain('Kunci tautan ini sudah dipakai');
      expect(questionnaireRows(ctx)).toEqual(before);
    });

    it('refuses a malformed key with 422 naming the key, and writes nothing', async () => {
      const { agent, csrf } = await loginAs(ctx.app, nara.username);

      const res = await agent.post(links()).set('X-CSRF-Token', csrf).send({ indicator: 'C2', url: 'https://lapor.go.id/x', key: 'pendek' });

      expect(res.status).toBe(422);
      expect(res.body.error.fields.key).toContain('Kunci tautan tidak valid');
      expect(linkRows()).toEqual([]);
    });
  });

  describe('the user a queued change was made by', () => {
    it('refuses an answer queued by another user with 403 and saves nothing under the signed-in name', async () => {
      const { agent, csrf } = await loginAs(ctx.app, rekan.username);

      const res = await agent.put(answer('A1')).set('X-CSRF-Token', csrf).set('X-Queue-User', String(nara.id))
        .send({ level: 3, na: false, note: 'diketik oleh nara', version: 0 });

      expect([res.status, res.body.error.code]).toEqual([403, 'queue-other-user']);
      expect(res.body.error.message).toContain('dibuat dengan akun lain');
      expect(ctx.db.prepare('SELECT COUNT(*) AS n FROM answers').get()).toEqual({ n: 0 });
      expect(auditCount('answer.update')).toBe(0);
    });

    it('refuses a link queued by another user with 403 and adds nothing', async () => {
      const { agent, csrf } = await loginAs(ctx.app, rekan.username);

      const res = await agent.post(links()).set('X-CSRF-Token', csrf).set('X-Queue-User', String(nara.id))
        .send({ indicator: 'C2', url: 'https://lapor.go.id/instansi/busang', key: KEY });

      expect([res.status, res.body.error.code]).toEqual([403, 'queue-other-user']);
      expect(linkRows()).toEqual([]);
    });

    it('saves an answer and a link the signed-in user queued', async () => {
      buildAssessment(ctx, { unitId: busang, levels: { A1: 1 }, userId: nara.id });
      const { agent, csrf } = await loginAs(ctx.app, nara.username);

      const saved = await agent.put(answer('A1')).set('X-CSRF-Token', csrf).set('X-Queue-User', String(nara.id))
        .send({ level: 3, na: false, note: 'milik sendiri', version: 1 });
      const link = await agent.post(links()).set('X-CSRF-Token', csrf).set('X-Queue-User', String(nara.id))
        .send({ indicator: 'A1', url: 'https://busang.kutaitimurkab.go.id/sk', key: KEY });

      expect([saved.status, link.status]).toEqual([200, 201]);
      expect(ctx.db.prepare("SELECT level, note, updated_by FROM answers WHERE indicator_code = 'A1'").get()).toEqual({ level: 3, note: 'milik sendiri', updated_by: nara.id });
    });
  });
});
