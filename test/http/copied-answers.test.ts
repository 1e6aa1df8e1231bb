import { buildAssessment, buildUser, createTestContext, loginAs, unitId, REVISION_1, type TestContext, type TestSession } from '../helpers/test-app';
import { dbSnapshot } from '../helpers/db-snapshot';

/** The part of a page that shows one indicator (from its box to the next one's). */
function indicatorHtml(html: string, code: string): string {
  const start = html.indexOf(`id="ind-${code}"`);
  const next = html.indexOf('id="ind-', start + 1);
  return html.slice(start, next === -1 ? undefined : next);
}

/**
 * In a period copied from the previous one, an answer carried over unchanged is not the unit's answer until the unit
 * confirms it: submitting lists the unconfirmed ones as missing, and the verifier sees which answers are copies.
 */
describe('answers copied from the previous period', () => {
  let ctx: TestContext;
  let busang: number;
  let periodId: number;
  let assessmentId: number;
  let n: TestSession;

  beforeEach(async () => {
    ctx = createTestContext({}, { instrumentVersion: REVISION_1 });
    busang = unitId(ctx.repos, 'KEC-BUSANG');
    const admin = await buildUser(ctx.repos, { role: 'admin' });
    buildAssessment(ctx, { unitId: busang, fill: 3, levels: { D1: 'na' }, status: 'diverifikasi', userId: admin.id });
    const a = await loginAs(ctx.app, admin.username);
    const instrumentId = String(ctx.repos.periods.findById(ctx.periodId)?.instrumentId);
    await a.agent.post('/admin/periods').type('form').send({ _csrf: a.csrf, name: 'Penilaian Mandiri SP4N-LAPOR! 2023', year: '2023', instrumentId, deadline: '2023-11-30', copyFromPeriodId: String(ctx.periodId) });
    periodId = (ctx.db.prepare('SELECT id FROM periods WHERE year = 2023').get() as { id: number }).id;
    assessmentId = (ctx.db.prepare('SELECT id FROM assessments WHERE period_id = ? AND unit_id = ?').get(periodId, busang) as { id: number }).id;
    n = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'narahubung', unitId: busang })).username);
  });

  const base = () => `/periods/${periodId}/units/${busang}`;
  const status = () => (ctx.db.prepare('SELECT status FROM assessments WHERE id = ?').get(assessmentId) as { status: string }).status;
  const copyStates = () => ctx.db.prepare('SELECT copy_state, COUNT(*) AS n FROM answers WHERE assessment_id = ? GROUP BY copy_state ORDER BY copy_state').all(assessmentId);
  const editA1 = () => n.agent.put(`/api${base()}/answers/A1`).set('X-CSRF-Token', n.csrf).send({ level: 4, note: 'SK diperbarui 2023.', version: ctx.repos.assessments.answer(assessmentId, 'A1')?.version });

  it('refuses to submit while copied answers are unconfirmed, listing them as missing, and changes nothing', async () => {
    await editA1();
    const before = dbSnapshot(ctx.db);

    const res = await n.agent.post(`${base()}/assessment/submit`).type('form').send({ _csrf: n.csrf });

    expect(res.status).toBe(422);
    expect(res.text).toContain('Masih ada 29 jawaban salinan dari periode sebelumnya yang belum dikonfirmasi: A2, A3,');
    expect(res.text).toContain('Jawaban salinan belum dikonfirmasi (29)');
    expect(res.text).toContain('<a href="#ind-A2">A2 – ');
    expect(res.text).not.toContain('<a href="#ind-A1">A1 – ');
    expect(res.text).toContain('Saya sudah memeriksa jawaban salinan');
    expect(status()).toBe('draf');
    expect(dbSnapshot(ctx.db)).toEqual(before);
    expect(copyStates()).toEqual([{ copy_state: null, n: 1 }, { copy_state: 'disalin', n: 29 }]);
  });

  it('marks each unconfirmed copy on the questionnaire until the unit changes it', async () => {
    await editA1();

    const page = await n.agent.get(`${base()}/assessment`);

    expect(page.text.match(/Jawaban disalin dari periode sebelumnya dan belum dikonfirmasi\./g)).toHaveLength(29);
    expect(indicatorHtml(page.text, 'A1')).not.toContain('class="copied"');
    expect(indicatorHtml(page.text, 'A2')).toContain('class="copied"');
  });

  it('submits once the unit confirms, and the verifier sees which answers were copied and left unchanged', async () => {
    await editA1();

    const confirm = await n.agent.post(`${base()}/copy-confirm`).type('form').send({ _csrf: n.csrf });
    const submit = await n.agent.post(`${base()}/assessment/submit`).type('form').send({ _csrf: n.csrf });
    const v = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'verifikator' })).username);
    const page = await v.agent.get(`${base()}/verification`);

    expect(confirm.status).toBe(302);
    expect(submit.status).toBe(302);
    expect(status()).toBe('diajukan');
    expect(copyStates()).toEqual([{ copy_state: null, n: 1 }, { copy_state: 'dikonfirmasi', n: 29 }]);
    expect(page.text).toContain('Sebagian jawaban disalin dari periode <strong>Penilaian Mandiri SP4N-LAPOR! 2022</strong>');
    expect(page.text.match(/<p class="copied">Disalin dari periode Penilaian Mandiri SP4N-LAPOR! 2022 dan tidak diubah unit\.<\/p>/g)).toHaveLength(29);
    expect(indicatorHtml(page.text, 'A1')).not.toContain('class="copied"');
  });
});
