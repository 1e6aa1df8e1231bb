import request from 'supertest';
import { buildAssessment, buildUser, createTestContext, loginAs, unitId, type TestContext } from '../helpers/test-app';
import { questionnaireRows } from '../helpers/db-snapshot';

type Row = { level: number | null; is_na: number; note: string; version: number };

describe('autosave of one answer (PUT /api/periods/:p/units/:u/answers/:code) and the conflict rule', () => {
  let ctx: TestContext;
  let busang: number;
  let telen: number;
  let nara: { id: number; username: string };

  beforeEach(async () => {
    ctx = createTestContext();
    busang = unitId(ctx.repos, 'KEC-BUSANG');
    telen = unitId(ctx.repos, 'KEC-TELEN');
    nara = await buildUser(ctx.repos, { role: 'narahubung', unitId: busang });
  });

  const api = (unit: number, code: string) => `/api/periods/${ctx.periodId}/units/${unit}/answers/${code}`;
  const page = (unit: number) => `/periods/${ctx.periodId}/units/${unit}/assessment`;
  const answer = (unit: number, code: string): Row | undefined =>
    ctx.db
      .prepare('SELECT an.level, an.is_na, an.note, an.version FROM answers an JOIN assessments a ON a.id = an.assessment_id WHERE a.unit_id = ? AND an.indicator_code = ?')
      .get(unit, code) as Row | undefined;

  it('saves a level and a note, returns the new version, and bumps it on the next save', async () => {
    const { agent, csrf } = await loginAs(ctx.app, nara.username);

    const first = await agent.put(api(busang, 'A1')).set('X-CSRF-Token', csrf).send({ level: 3, note: 'SK Camat Nomor 5 Tahun 2022', version: 0 });
    const second = await agent.put(api(busang, 'A1')).set('X-CSRF-Token', csrf).send({ level: 4, note: 'SK ditinjau tiap tahun', version: 1 });

    expect(first.status).toBe(200);
    expect(first.body.answer).toMatchObject({ code: 'A1', level: 3, na: false, note: 'SK Camat Nomor 5 Tahun 2022', version: 1 });
    expect(first.body.answer.savedTime).toMatch(/^\d{2}\.\d{2}$/);
    expect(second.body.answer).toMatchObject({ level: 4, version: 2 });
    expect(answer(busang, 'A1')).toEqual({ level: 4, is_na: 0, note: 'SK ditinjau tiap tahun', version: 2 });
    const audit = ctx.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'answer.update' AND unit_id = ?").get(busang);
    expect(audit).toEqual({ n: 2 });
  });

  it('saves "tidak berlaku" where the instrument allows it', async () => {
    const { agent, csrf } = await loginAs(ctx.app, nara.username);

    const res = await agent.put(api(busang, 'D1')).set('X-CSRF-Token', csrf).send({ level: null, na: true, note: '', version: 0 });

    expect(res.status).toBe(200);
    expect(answer(busang, 'D1')).toEqual({ level: null, is_na: 1, note: '', version: 1 });
  });

  it('refuses a stale version with 409, shows the stored value with who and when, and changes nothing', async () => {
    const other = await buildUser(ctx.repos, { role: 'narahubung', unitId: busang, username: 'rekan.busang' });
    buildAssessment(ctx, { unitId: busang, levels: { A1: 2 }, userId: other.id });
    ctx.repos.assessments.upsertAnswer({ assessmentId: ctx.repos.assessments.find(ctx.periodId, busang)!.id, code: 'A1', level: 3, isNa: false, note: 'diubah rekan', userId: other.id });
    const before = questionnaireRows(ctx);
    const { agent, csrf } = await loginAs(ctx.app, nara.username);

    const res = await agent.put(api(busang, 'A1')).set('X-CSRF-Token', csrf).send({ level: 1, note: 'versi saya', version: 1 });

    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('answer-conflict');
    expect(res.body.conflict).toMatchObject({ code: 'A1', level: 3, na: false, note: 'diubah rekan', version: 2 });
    expect(res.body.conflict.html).toContain('oleh Pengguna rekan.busang');
    expect(res.body.conflict.html).toContain('Tingkat 3 –');
    expect(res.body.conflict.html).toContain('versi saya');
    expect(questionnaireRows(ctx)).toEqual(before);
  });

  it('accepts a retried save whose content is already stored (a lost response), without a new version', async () => {
    const { agent, csrf } = await loginAs(ctx.app, nara.username);
    await agent.put(api(busang, 'B1')).set('X-CSRF-Token', csrf).send({ level: 2, note: 'x', version: 0 });

    const retry = await agent.put(api(busang, 'B1')).set('X-CSRF-Token', csrf).send({ level: 2, note: 'x', version: 0 });

    expect(retry.status).toBe(200);
    expect(retry.body.answer.version).toBe(1);
    expect(answer(busang, 'B1')?.version).toBe(1);
  });

  it('refuses a save to a submitted (locked) assessment with 409 and changes nothing', async () => {
    buildAssessment(ctx, { unitId: busang, fill: 2, status: 'diajukan', userId: nara.id });
    const before = questionnaireRows(ctx);
    const { agent, csrf } = await loginAs(ctx.app, nara.username);

    const res = await agent.put(api(busang, 'A1')).set('X-CSRF-Token', csrf).send({ level: 4, version: 1 });

    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('assessment-locked');
    expect(questionnaireRows(ctx)).toEqual(before);
  });

  it('lets the narahubung edit again once the assessment is returned (dikembalikan)', async () => {
    buildAssessment(ctx, { unitId: busang, fill: 2, status: 'dikembalikan', userId: nara.id });
    const { agent, csrf } = await loginAs(ctx.app, nara.username);

    const res = await agent.put(api(busang, 'A1')).set('X-CSRF-Token', csrf).send({ level: 4, version: 1 });
    const form = await agent.get(page(busang));

    expect(res.status).toBe(200);
    expect(answer(busang, 'A1')?.level).toBe(4);
    expect(form.text).toContain('name="level_A1"');
  });

  it("refuses another unit's answer with 403 and writes nothing", async () => {
    const before = questionnaireRows(ctx);
    const { agent, csrf } = await loginAs(ctx.app, nara.username);

    const res = await agent.put(api(telen, 'A1')).set('X-CSRF-Token', csrf).send({ level: 4, version: 0 });

    expect(res.status).toBe(403);
    expect(questionnaireRows(ctx)).toEqual(before);
  });

  it.each([
    ['a level out of range', { level: 7, version: 0 }, 'level'],
    ['a level given as text', { level: '3', version: 0 }, 'level'],
    ['a missing version', { level: 2 }, 'version'],
    ['"tidak berlaku" where it is not allowed', { level: null, na: true, version: 0 }, 'na'],
    ['both a level and "tidak berlaku"', { level: 2, na: true, version: 0, code: 'D1' }, 'level'],
    ['a note over 4000 characters', { level: 2, note: 'x'.repeat(4001), version: 0 }, 'note'],
  ])('refuses %s with 422 naming the field and writes nothing', async (_what, body, fieldName) => {
    const before = questionnaireRows(ctx);
    const { agent, csrf } = await loginAs(ctx.app, nara.username);
    const { code = 'A1', ...payload } = body as Record<string, unknown> & { code?: string };

    const res = await agent.put(api(busang, code)).set('X-CSRF-Token', csrf).send(payload);

    expect(res.status).toBe(422);
    expect(Object.keys(res.body.error.fields)).toContain(fieldName);
    expect(res.body.error.message).toContain(`Indikator ${code}`);
    expect(questionnaireRows(ctx)).toEqual(before);
  });

  it('refuses a save without the CSRF token with 403 and writes nothing', async () => {
    const before = questionnaireRows(ctx);
    const { agent } = await loginAs(ctx.app, nara.username);

    const res = await agent.put(api(busang, 'A1')).send({ level: 4, version: 0 });

    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf-invalid');
    expect(questionnaireRows(ctx)).toEqual(before);
  });

  it('answers 404 for an unknown indicator, 403 for a verifikator and 403 without a session (no CSRF token)', async () => {
    const { agent, csrf } = await loginAs(ctx.app, nara.username);
    const verifier = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'verifikator' })).username);

    const unknown = await agent.put(api(busang, 'Z9')).set('X-CSRF-Token', csrf).send({ level: 1, version: 0 });
    const wrongRole = await verifier.agent.put(api(busang, 'A1')).set('X-CSRF-Token', verifier.csrf).send({ level: 1, version: 0 });
    const anonymous = await request(ctx.app).put(api(busang, 'A1')).send({ level: 1, version: 0 });

    expect(unknown.status).toBe(404);
    expect(wrongRole.status).toBe(403);
    expect(anonymous.status).toBe(403);
    expect(ctx.db.prepare('SELECT COUNT(*) AS n FROM answers').get()).toEqual({ n: 0 });
  });
});

describe('the no-JavaScript form and the conflict rule', () => {
  let ctx: TestContext;
  let busang: number;
  let nara: { id: number; username: string };
  let rekan: { id: number; username: string };

  beforeEach(async () => {
    ctx = createTestContext();
    busang = unitId(ctx.repos, 'KEC-BUSANG');
    nara = await buildUser(ctx.repos, { role: 'narahubung', unitId: busang, username: 'nara' });
    rekan = await buildUser(ctx.repos, { role: 'narahubung', unitId: busang, username: 'rekan' });
    buildAssessment(ctx, { unitId: busang, levels: { A1: 2, A2: 1 }, userId: nara.id });
  });

  const page = () => `/periods/${ctx.periodId}/units/${busang}/assessment`;
  const level = (code: string) =>
    (ctx.db.prepare('SELECT an.level FROM answers an WHERE an.indicator_code = ?').get(code) as { level: number | null } | undefined)?.level;

  it('renders each answer\'s version in the form', async () => {
    const { agent } = await loginAs(ctx.app, nara.username);

    const res = await agent.get(page());

    expect(res.text).toContain('name="v_A1" value="1"');
    expect(res.text).toContain('name="v_A3" value="0"');
  });

  it('refuses a stale form save with 409 showing both values, keeps what was typed and writes nothing', async () => {
    const rekanAgent = await loginAs(ctx.app, rekan.username);
    await rekanAgent.agent.put(`/api/periods/${ctx.periodId}/units/${busang}/answers/A1`).set('X-CSRF-Token', rekanAgent.csrf).send({ level: 4, note: 'catatan rekan', version: 1 });
    const before = questionnaireRows(ctx);
    const { agent, csrf } = await loginAs(ctx.app, nara.username);

    const res = await agent.post(page()).type('form').send({ _csrf: csrf, level_A1: '3', note_A1: 'catatan saya', v_A1: '1', level_A3: '2', note_A3: 'baru', v_A3: '0' });

    expect(res.status).toBe(409);
    expect(res.text).toContain('Jawaban A1 sudah diubah oleh Pengguna rekan');
    expect(res.text).toContain('catatan rekan');
    expect(res.text).toContain('catatan saya');
    expect(res.text).toContain('name="v_A1" value="2"');
    expect(res.text).toContain('name="resolve_A1" value="theirs"');
    expect(res.text).toMatch(/name="level_A3" value="2" checked/);
    expect(questionnaireRows(ctx)).toEqual(before);
  });

  it('after a conflict, sending again keeps "mine"; choosing "Pakai nilai tersimpan" keeps theirs and saves the rest', async () => {
    const rekanAgent = await loginAs(ctx.app, rekan.username);
    await rekanAgent.agent.put(`/api/periods/${ctx.periodId}/units/${busang}/answers/A1`).set('X-CSRF-Token', rekanAgent.csrf).send({ level: 4, note: '', version: 1 });
    await rekanAgent.agent.put(`/api/periods/${ctx.periodId}/units/${busang}/answers/A2`).set('X-CSRF-Token', rekanAgent.csrf).send({ level: 4, note: '', version: 1 });
    const { agent, csrf } = await loginAs(ctx.app, nara.username);

    const res = await agent.post(page()).type('form').send({
      _csrf: csrf, level_A1: '3', v_A1: '2', resolve_A1: 'mine', level_A2: '0', v_A2: '2', resolve_A2: 'theirs', level_A3: '1', v_A3: '0',
    });

    expect(res.status).toBe(302);
    expect([level('A1'), level('A2'), level('A3')]).toEqual([3, 4, 1]);
  });
});
