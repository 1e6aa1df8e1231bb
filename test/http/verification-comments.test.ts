import { buildAssessment, buildUser, createTestContext, loginAs, unitId, REVISION_1, type TestContext } from '../helpers/test-app';
import { dbSnapshot } from '../helpers/db-snapshot';

type Comment = { round: number; indicator_code: string | null; comment: string };

/**
 * What the verifier types is kept as it is typed: comments before "Simpan hasil pemeriksaan" or "Kembalikan", each
 * decision through the page's autosave, and nothing at all when the session has ended meanwhile.
 */
describe('verifier comments and decisions are kept as they are typed', () => {
  let ctx: TestContext;
  let busang: number;
  let verifikator: string;
  let narahubung: string;
  let assessmentId: number;

  beforeEach(async () => {
    ctx = createTestContext({}, { instrumentVersion: REVISION_1 });
    busang = unitId(ctx.repos, 'KEC-BUSANG');
    const admin = await buildUser(ctx.repos, { role: 'admin' });
    verifikator = (await buildUser(ctx.repos, { role: 'verifikator' })).username;
    narahubung = (await buildUser(ctx.repos, { role: 'narahubung', unitId: busang })).username;
    assessmentId = buildAssessment(ctx, { unitId: busang, fill: 3, levels: { D1: 'na' }, status: 'diajukan', userId: admin.id });
  });

  const page = () => `/periods/${ctx.periodId}/units/${busang}/verification`;
  const api = (code: string) => `/api/periods/${ctx.periodId}/units/${busang}/verification/${code}`;
  const drafts = () => ctx.db.prepare('SELECT indicator_code, comment FROM review_comment_drafts ORDER BY indicator_code').all();
  const sent = () => ctx.db.prepare('SELECT round, indicator_code, comment FROM review_comments ORDER BY id').all() as Comment[];

  it('stores a comment typed before "Simpan hasil pemeriksaan", shows it again and counts it as a change', async () => {
    const { agent, csrf } = await loginAs(ctx.app, verifikator);

    const save = await agent.post(page()).type('form').send({ _csrf: csrf, decision_A1: 'terima', comment_A3: 'Unggah SK yang sudah ditandatangani.', comment_umum: 'Lengkapi bukti aspek B.' });
    const after = await agent.get(page());

    expect(save.status).toBe(302);
    expect(drafts()).toEqual([
      { indicator_code: null, comment: 'Lengkapi bukti aspek B.' },
      { indicator_code: 'A3', comment: 'Unggah SK yang sudah ditandatangani.' },
    ]);
    expect(after.text).toContain('Hasil pemeriksaan tersimpan (3 perubahan).');
    expect(after.text).toMatch(/<textarea id="comment_A3"[^>]*>Unggah SK yang sudah ditandatangani.<\/textarea>/);
    expect(after.text).toMatch(/<textarea id="comment_umum"[^>]*>Lengkapi bukti aspek B.<\/textarea>/);
    expect(sent()).toEqual([]);
  });

  it('returns every comment kept earlier together with the ones typed last, and the narahubung reads them all', async () => {
    const { agent, csrf } = await loginAs(ctx.app, verifikator);
    await agent.post(page()).type('form').send({ _csrf: csrf, comment_A3: 'Unggah SK yang sudah ditandatangani.' });
    await agent.put(api('B2')).set('X-CSRF-Token', csrf).send({ comment: 'Tautan kanal tidak dapat dibuka.' });

    const ret = await agent.post(`${page()}/return`).type('form').send({ _csrf: csrf, comment_A4: 'Sertakan notulen rapat.' });
    const queue = await agent.get(`/periods/${ctx.periodId}/verification`);
    const review = await (await loginAs(ctx.app, narahubung)).agent.get(`/periods/${ctx.periodId}/units/${busang}/review`);

    expect(ret.status).toBe(302);
    expect(queue.text).toContain('Penilaian dikembalikan ke narahubung dengan 3 catatan.');
    expect(sent()).toEqual([
      { round: 1, indicator_code: 'A3', comment: 'Unggah SK yang sudah ditandatangani.' },
      { round: 1, indicator_code: 'A4', comment: 'Sertakan notulen rapat.' },
      { round: 1, indicator_code: 'B2', comment: 'Tautan kanal tidak dapat dibuka.' },
    ]);
    expect(drafts()).toEqual([]);
    for (const c of sent()) expect(review.text).toContain(c.comment);
  });

  it('removes a kept comment when its box is emptied', async () => {
    const { agent, csrf } = await loginAs(ctx.app, verifikator);
    await agent.post(page()).type('form').send({ _csrf: csrf, comment_A3: 'Catatan sementara.' });

    const res = await agent.post(page()).type('form').send({ _csrf: csrf, comment_A3: '  ' });

    expect(res.status).toBe(302);
    expect(drafts()).toEqual([]);
  });

  it('autosaves one decision with its comment and answers with the counts the page shows', async () => {
    const { agent, csrf } = await loginAs(ctx.app, verifikator);

    const res = await agent.put(api('A2')).set('X-CSRF-Token', csrf).send({ decision: 'ubah', level: 1, reason: 'SOP belum ditetapkan.', comment: 'Tetapkan SOP dengan SK.', revision: 0 });

    expect(res.status).toBe(200);
    expect(res.body.review).toMatchObject({ field: 'A2', state: 'diperiksa', decision: 'ubah', comment: 'Tetapkan SOP dengan SK.' });
    expect(res.body.counts).toEqual({ decided: 1, total: 30, bulk: 29 });
    expect(ctx.db.prepare("SELECT decision, self_level FROM verification_decisions WHERE indicator_code = 'A2'").get()).toEqual({ decision: 'ubah', self_level: 3 });
    expect(ctx.db.prepare("SELECT verified_level, verifier_note FROM answers WHERE assessment_id = ? AND indicator_code = 'A2'").get(assessmentId)).toEqual({ verified_level: 1, verifier_note: 'SOP belum ditetapkan.' });
    expect(drafts()).toEqual([{ indicator_code: 'A2', comment: 'Tetapkan SOP dengan SK.' }]);
  });

  it.each([
    ['a changed level without a reason', 'A2', { decision: 'ubah', level: 1, reason: ' ' }, 422, 'Indikator A2: alasan penetapan tingkat wajib diisi.'],
    ['a decision on an answer newer than the page', 'A2', { decision: 'terima', revision: 7 }, 422, 'Indikator A2: jawaban unit berubah sejak halaman ini dibuka'],
    ['an unknown indicator', 'Z9', { decision: 'terima' }, 404, 'Indikator tidak ditemukan.'],
    ['a comment over 2000 characters', 'umum', { comment: 'x'.repeat(2001) }, 422, 'Catatan umum maksimal 2.000 karakter.'],
  ])('refuses %s with its message and changes nothing', async (_what, code, body, status, message) => {
    const { agent, csrf } = await loginAs(ctx.app, verifikator);
    const before = dbSnapshot(ctx.db);

    const res = await agent.put(api(code)).set('X-CSRF-Token', csrf).send(body);

    expect(res.status).toBe(status);
    expect(JSON.stringify(res.body.error)).toContain(message);
    expect(dbSnapshot(ctx.db)).toEqual(before);
  });

  it('refuses an autosave once the assessment is no longer awaiting verification (409)', async () => {
    const { agent, csrf } = await loginAs(ctx.app, verifikator);
    ctx.repos.assessments.setStatus(assessmentId, 'dikembalikan');
    const before = dbSnapshot(ctx.db);

    const res = await agent.put(api('A1')).set('X-CSRF-Token', csrf).send({ decision: 'terima', comment: 'x' });

    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('not-awaiting-verification');
    expect(dbSnapshot(ctx.db)).toEqual(before);
  });

  it('says "Sesi Anda berakhir, masuk lagi" (401) to an autosave or a form sent after the session ended, and stores nothing', async () => {
    const { agent, csrf } = await loginAs(ctx.app, verifikator);
    await agent.get(page()).set('Referer', `http://127.0.0.1${page()}`);
    ctx.db.prepare('UPDATE sessions SET expires_at = 0').run();
    const before = dbSnapshot(ctx.db);

    const autosave = await agent.put(api('A1')).set('X-CSRF-Token', csrf).send({ decision: 'terima' });
    const form = await agent.post(`${page()}/finish`).set('Referer', `http://127.0.0.1${page()}`).type('form').send({ _csrf: csrf, decision_A1: 'terima' });

    expect(autosave.status).toBe(401);
    expect(autosave.body.error).toEqual({ code: 'session-expired', message: 'Sesi Anda berakhir, masuk lagi.', fields: {} });
    expect(form.status).toBe(401);
    expect(form.text).toContain('Sesi Anda berakhir, masuk lagi.');
    expect(form.text).toContain(`href="/login?next=${encodeURIComponent(page())}"`);
    expect(dbSnapshot(ctx.db)).toEqual(before);
  });
});
