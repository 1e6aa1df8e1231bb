import { buildAssessment, buildUser, createTestContext, loginAs, unitId, REVISION_1, type TestContext, type TestSession } from '../helpers/test-app';
import { dbSnapshot } from '../helpers/db-snapshot';

function codes(ctx: TestContext): string[] {
  return ctx.instrument.aspects.flatMap((a) => a.indicators.map((i) => i.code));
}

/**
 * A decision stands only on the answer it judged: any change the unit makes afterwards to the level, N/A, note or
 * evidence of that indicator marks it "berubah sejak diperiksa" and keeps the verification from finishing; the
 * indicators left unchanged can be accepted in one go.
 */
describe('decisions follow every change the unit makes', () => {
  let ctx: TestContext;
  let busang: number;
  let assessmentId: number;
  let v: TestSession;
  let n: TestSession;

  beforeEach(async () => {
    ctx = createTestContext({}, { instrumentVersion: REVISION_1 });
    busang = unitId(ctx.repos, 'KEC-BUSANG');
    const admin = await buildUser(ctx.repos, { role: 'admin' });
    const verifikator = await buildUser(ctx.repos, { role: 'verifikator' });
    const narahubung = await buildUser(ctx.repos, { role: 'narahubung', unitId: busang });
    assessmentId = buildAssessment(ctx, { unitId: busang, fill: 3, levels: { D1: 'na' }, status: 'diajukan', userId: admin.id });
    ctx.repos.evidence.insertLink(assessmentId, 'C1', 'https://busang.example.go.id/kanal.pdf', narahubung.id);
    v = await loginAs(ctx.app, verifikator.username);
    n = await loginAs(ctx.app, narahubung.username);
  });

  const page = () => `/periods/${ctx.periodId}/units/${busang}/verification`;
  const acceptAll = () => Object.fromEntries(codes(ctx).map((c) => [`decision_${c}`, 'terima']));
  const statusOf = () => (ctx.db.prepare('SELECT status FROM assessments WHERE id = ?').get(assessmentId) as { status: string }).status;
  const unitApi = (path: string) => `/api/periods/${ctx.periodId}/units/${busang}/${path}`;

  /** The verifier accepts all 30 and returns with a comment; the unit makes `changes`, then resubmits. */
  async function roundTrip(changes: () => Promise<unknown>): Promise<void> {
    await v.agent.post(`${page()}/return`).type('form').send({ _csrf: v.csrf, ...acceptAll(), comment_umum: 'Lengkapi bukti dukung.' });
    await changes();
    const submit = await n.agent.post(`/periods/${ctx.periodId}/units/${busang}/assessment/submit`).type('form').send({ _csrf: n.csrf });
    expect(submit.status).toBe(302);
  }

  it('marks decisions "berubah sejak diperiksa" after new evidence, a new note or deleted evidence with the same level, and refuses to finish', async () => {
    await roundTrip(async () => {
      await n.agent.post(unitApi('evidence-links')).set('X-CSRF-Token', n.csrf).send({ indicator: 'A1', url: 'https://busang.example.go.id/sk-baru.pdf' });
      const a2 = ctx.repos.assessments.answer(assessmentId, 'A2');
      await n.agent.put(unitApi('answers/A2')).set('X-CSRF-Token', n.csrf).send({ level: 3, note: 'SOP sudah diunggah di laman kecamatan.', version: a2?.version });
      const c1 = (ctx.db.prepare("SELECT id FROM evidence WHERE indicator_code = 'C1'").get() as { id: number }).id;
      await n.agent.post(`/periods/${ctx.periodId}/units/${busang}/assessment/evidence/${c1}/delete`).type('form').send({ _csrf: n.csrf });
    });

    const res = await v.agent.get(page());
    const finish = await v.agent.post(`${page()}/finish`).type('form').send({ _csrf: v.csrf });

    expect(ctx.db.prepare("SELECT indicator_code, level FROM answers WHERE assessment_id = ? AND indicator_code IN ('A1', 'A2', 'C1') ORDER BY indicator_code").all(assessmentId)).toEqual([
      { indicator_code: 'A1', level: 3 }, { indicator_code: 'A2', level: 3 }, { indicator_code: 'C1', level: 3 },
    ]);
    expect(res.text).toContain('27 dari 30 indikator</strong> sudah diperiksa');
    expect(res.text.match(/Berubah sejak diperiksa\./g)).toHaveLength(3);
    expect(finish.status).toBe(422);
    expect(finish.text).toContain('Masih ada 3 indikator yang belum diperiksa: A1, A2, C1.');
    expect(statusOf()).toBe('diajukan');
  });

  it('lets the verifier finish once the changed indicators are decided again on the answer as it is now', async () => {
    await roundTrip(() => n.agent.post(unitApi('evidence-links')).set('X-CSRF-Token', n.csrf).send({ indicator: 'A1', url: 'https://busang.example.go.id/sk-baru.pdf' }));
    const rev = (ctx.db.prepare("SELECT self_revision AS r FROM answers WHERE assessment_id = ? AND indicator_code = 'A1'").get(assessmentId) as { r: number }).r;

    const again = await v.agent.put(unitApi('verification/A1')).set('X-CSRF-Token', v.csrf).send({ decision: 'terima', revision: rev });
    const finish = await v.agent.post(`${page()}/finish`).type('form').send({ _csrf: v.csrf });

    expect(again.body.review.state).toBe('diperiksa');
    expect(finish.status).toBe(302);
    expect(statusOf()).toBe('diverifikasi');
    expect(ctx.db.prepare("SELECT self_revision FROM verification_decisions WHERE assessment_id = ? AND indicator_code = 'A1'").get(assessmentId)).toEqual({ self_revision: rev });
  });

  it('accepts in one click every indicator never decided, unchanged and without a typed comment', async () => {
    await v.agent.put(unitApi('verification/B1')).set('X-CSRF-Token', v.csrf).send({ decision: 'ubah', level: 1, reason: 'SK belum ditandatangani.' });

    const res = await v.agent.post(`${page()}/accept`).type('form').send({ _csrf: v.csrf, comment_A3: 'Periksa tanggal SK.' });
    const after = await v.agent.get(page());

    expect(res.status).toBe(302);
    expect(after.text).toContain('28 indikator diterima dengan tingkat mandiri.');
    expect(after.text).toContain('29 dari 30 indikator</strong> sudah diperiksa');
    const rows = ctx.db.prepare('SELECT indicator_code, decision FROM verification_decisions WHERE assessment_id = ? ORDER BY indicator_code').all(assessmentId) as { indicator_code: string; decision: string }[];
    expect(rows.map((r) => r.indicator_code)).toEqual(codes(ctx).filter((c) => c !== 'A3').sort());
    expect(rows.find((r) => r.indicator_code === 'B1')?.decision).toBe('ubah');
    expect(ctx.db.prepare("SELECT verified_level FROM answers WHERE assessment_id = ? AND indicator_code = 'B1'").get(assessmentId)).toEqual({ verified_level: 1 });
    expect(ctx.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'verification.decide'").get()).toEqual({ n: 29 });
  });

  it('leaves out of the bulk accept what changed since it was decided or since the assessment was returned', async () => {
    await v.agent.post(`${page()}/return`).type('form').send({ _csrf: v.csrf, decision_A1: 'terima', comment_A2: 'Perbaiki penjelasan.' });
    await n.agent.put(unitApi('answers/A1')).set('X-CSRF-Token', n.csrf).send({ level: 2, note: '', version: ctx.repos.assessments.answer(assessmentId, 'A1')?.version });
    await n.agent.put(unitApi('answers/A2')).set('X-CSRF-Token', n.csrf).send({ level: 3, note: 'Penjelasan baru.', version: ctx.repos.assessments.answer(assessmentId, 'A2')?.version });
    await n.agent.post(`/periods/${ctx.periodId}/units/${busang}/assessment/submit`).type('form').send({ _csrf: n.csrf });

    const res = await v.agent.post(`${page()}/accept`).type('form').send({ _csrf: v.csrf });
    const after = await v.agent.get(page());

    expect(res.status).toBe(302);
    expect(after.text).toContain('28 indikator diterima dengan tingkat mandiri.');
    expect(after.text).toContain('Diubah unit setelah dikembalikan.');
    expect(ctx.db.prepare("SELECT indicator_code FROM verification_decisions WHERE assessment_id = ? AND indicator_code IN ('A1', 'A2')").all(assessmentId)).toEqual([{ indicator_code: 'A1' }]);
    expect(after.text).toContain('28 dari 30 indikator</strong> sudah diperiksa');
  });

  it('refuses the bulk accept while the assessment is not awaiting verification and changes nothing', async () => {
    ctx.repos.assessments.setStatus(assessmentId, 'diverifikasi');
    const before = dbSnapshot(ctx.db);

    const res = await v.agent.post(`${page()}/accept`).type('form').send({ _csrf: v.csrf });

    expect(res.status).toBe(409);
    expect(dbSnapshot(ctx.db)).toEqual(before);
  });
});
