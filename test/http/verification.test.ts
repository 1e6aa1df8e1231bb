import { buildAssessment, buildUser, createTestContext, loginAs, unitId, REVISION_1, type TestContext } from '../helpers/test-app';
import { dbSnapshot } from '../helpers/db-snapshot';

type AnswerRow = { indicator_code: string; level: number | null; verified_level: number | null; verifier_note: string };

function codes(ctx: TestContext): string[] {
  return ctx.instrument.aspects.flatMap((a) => a.indicators.map((i) => i.code));
}

function acceptAll(ctx: TestContext): Record<string, string> {
  return Object.fromEntries(codes(ctx).map((c) => [`decision_${c}`, 'terima']));
}

function statusOf(ctx: TestContext, unit: number): string | undefined {
  return (ctx.db.prepare('SELECT status FROM assessments WHERE unit_id = ? AND period_id = ?').get(unit, ctx.periodId) as { status: string } | undefined)?.status;
}

function answer(ctx: TestContext, unit: number, code: string): AnswerRow {
  return ctx.db
    .prepare(
      `SELECT an.indicator_code, an.level, an.verified_level, an.verifier_note FROM answers an JOIN assessments a ON a.id = an.assessment_id
       WHERE a.unit_id = ? AND an.indicator_code = ?`,
    )
    .get(unit, code) as AnswerRow;
}

describe('verification of a submitted assessment', () => {
  let ctx: TestContext;
  let busang: number;
  let narahubung: string;
  let verifikator: string;
  let admin: string;
  let assessmentId: number;

  beforeEach(async () => {
    ctx = createTestContext({}, { instrumentVersion: REVISION_1 });
    busang = unitId(ctx.repos, 'KEC-BUSANG');
    narahubung = (await buildUser(ctx.repos, { role: 'narahubung', unitId: busang })).username;
    verifikator = (await buildUser(ctx.repos, { role: 'verifikator' })).username;
    const adminUser = await buildUser(ctx.repos, { role: 'admin' });
    admin = adminUser.username;
    assessmentId = buildAssessment(ctx, { unitId: busang, fill: 3, levels: { D1: 'na' }, status: 'diajukan', userId: adminUser.id });
    ctx.repos.evidence.insertLink(assessmentId, 'A1', 'https://busang.example.go.id/sk-camat.pdf', adminUser.id);
  });

  const page = () => `/periods/${ctx.periodId}/units/${busang}/verification`;

  it('lists the submitted unit in the queue and shows its answers with the evidence links per indicator', async () => {
    const { agent } = await loginAs(ctx.app, verifikator);

    const queue = await agent.get(`/periods/${ctx.periodId}/verification`);
    const res = await agent.get(page());

    expect(queue.status).toBe(200);
    expect(queue.text).toContain('Menunggu verifikasi (1)');
    expect(queue.text).toContain(`href="${page()}"`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('0 dari 30 indikator</strong> sudah diperiksa');
    expect(res.text).toContain('href="https://busang.example.go.id/sk-camat.pdf"');
    expect(res.text).toMatch(/Tingkat mandiri<\/dt><dd>Tingkat 3 – /);
    expect(res.text).toContain('Terima tingkat mandiri (tidak berlaku)');
  });

  it('lists uploaded evidence files with name and size, linked to the download route', async () => {
    ctx.db
      .prepare("INSERT INTO evidence (assessment_id, indicator_code, kind, file_name, file_size, file_sha256, mime_type, created_at) VALUES (?, 'B1', 'file', 'sk-tim.pdf', 204800, 'ab', 'application/pdf', ?)")
      .run(assessmentId, new Date().toISOString());
    const { agent } = await loginAs(ctx.app, verifikator);

    const res = await agent.get(page());

    expect(res.text).toMatch(new RegExp(`<a href="/periods/${ctx.periodId}/units/${busang}/assessment/evidence/\\d+">sk-tim.pdf</a> <span class="muted">\\(200 KB\\)</span>`));
  });

  it('accepts levels, sets a verified level with its reason, finishes and keeps both levels', async () => {
    const { agent, csrf } = await loginAs(ctx.app, verifikator);

    const res = await agent
      .post(`${page()}/finish`)
      .type('form')
      .send({ _csrf: csrf, ...acceptAll(ctx), decision_B1: 'ubah', vlevel_B1: '1', reason_B1: 'SK unit pengelola belum ditandatangani.' });

    expect(res.status).toBe(302);
    expect(statusOf(ctx, busang)).toBe('diverifikasi');
    expect(answer(ctx, busang, 'A1')).toEqual({ indicator_code: 'A1', level: 3, verified_level: 3, verifier_note: '' });
    expect(answer(ctx, busang, 'B1')).toEqual({ indicator_code: 'B1', level: 3, verified_level: 1, verifier_note: 'SK unit pengelola belum ditandatangani.' });
    expect(answer(ctx, busang, 'D1').verified_level).toBeNull();
    const decisions = ctx.db.prepare('SELECT COUNT(*) AS n FROM verification_decisions WHERE assessment_id = ?').get(assessmentId);
    expect(decisions).toEqual({ n: 30 });
    const audit = ctx.db.prepare("SELECT action, COUNT(*) AS n FROM audit_log WHERE unit_id = ? AND (action LIKE 'verification.%' OR action = 'assessment.verify') GROUP BY action ORDER BY action").all(busang);
    expect(audit).toEqual([{ action: 'assessment.verify', n: 1 }, { action: 'verification.decide', n: 30 }]);
  });

  it('saves part of the decisions without changing the status and shows the progress', async () => {
    const { agent, csrf } = await loginAs(ctx.app, verifikator);

    const res = await agent.post(page()).type('form').send({ _csrf: csrf, decision_A1: 'terima', decision_A2: 'ubah', vlevel_A2: '2', reason_A2: 'Belum ada SOP tertulis.' });
    const after = await agent.get(page());

    expect(res.status).toBe(302);
    expect(statusOf(ctx, busang)).toBe('diajukan');
    expect(after.text).toContain('2 dari 30 indikator</strong> sudah diperiksa');
    expect(after.text).toContain('tingkat hasil verifikasi 2');
  });

  it('refuses a changed level without a reason with 422 naming the indicator, keeps the typed values and changes nothing', async () => {
    const { agent, csrf } = await loginAs(ctx.app, verifikator);
    const before = dbSnapshot(ctx.db);

    const res = await agent.post(page()).type('form').send({ _csrf: csrf, decision_A1: 'terima', decision_A2: 'ubah', vlevel_A2: '1', reason_A2: '  ', comment_A3: 'catatan yang diketik' });

    expect(res.status).toBe(422);
    expect(res.text).toContain('Indikator A2: alasan penetapan tingkat wajib diisi.');
    expect(res.text).toContain('catatan yang diketik');
    expect(dbSnapshot(ctx.db)).toEqual(before);
  });

  it('refuses a verified level out of range and an unknown decision with 422 and changes nothing', async () => {
    const { agent, csrf } = await loginAs(ctx.app, verifikator);
    const before = dbSnapshot(ctx.db);

    const res = await agent.post(page()).type('form').send({ _csrf: csrf, decision_A2: 'ubah', vlevel_A2: '5', reason_A2: 'x', decision_A3: 'setuju' });

    expect(res.status).toBe(422);
    expect(res.text).toContain('Indikator A2: pilih tingkat hasil verifikasi 0, 1, 2, 3 atau 4.');
    expect(res.text).toContain('Indikator A3: pilih keputusan yang tersedia.');
    expect(dbSnapshot(ctx.db)).toEqual(before);
  });

  it('refuses a decision on an unanswered indicator and a comment over 2000 characters (422), changing nothing', async () => {
    ctx.db.prepare("DELETE FROM answers WHERE assessment_id = ? AND indicator_code = 'F5'").run(assessmentId);
    const { agent, csrf } = await loginAs(ctx.app, verifikator);
    const before = dbSnapshot(ctx.db);

    const unanswered = await agent.post(page()).type('form').send({ _csrf: csrf, decision_A1: 'terima', decision_F5: 'terima' });
    const long = await agent.post(`${page()}/return`).type('form').send({ _csrf: csrf, comment_A1: 'x'.repeat(2001) });

    expect(unanswered.status).toBe(422);
    expect(unanswered.text).toContain('Indikator F5: belum dijawab unit sehingga tidak dapat diperiksa.');
    expect(long.status).toBe(422);
    expect(long.text).toContain('Indikator A1: catatan maksimal 2.000 karakter.');
    expect(dbSnapshot(ctx.db)).toEqual(before);
  });

  it('refuses to finish while indicators are unchecked, lists them and saves none of the decisions sent', async () => {
    const { agent, csrf } = await loginAs(ctx.app, verifikator);
    const before = dbSnapshot(ctx.db);

    const res = await agent.post(`${page()}/finish`).type('form').send({ _csrf: csrf, decision_A1: 'terima', decision_A2: 'terima' });

    expect(res.status).toBe(422);
    expect(res.text).toContain('Masih ada 28 indikator yang belum diperiksa');
    expect(res.text).toContain('href="#ind-A3"');
    expect(dbSnapshot(ctx.db)).toEqual(before);
  });

  it('refuses to return without any comment and changes nothing', async () => {
    const { agent, csrf } = await loginAs(ctx.app, verifikator);
    const before = dbSnapshot(ctx.db);

    const res = await agent.post(`${page()}/return`).type('form').send({ _csrf: csrf, decision_A1: 'terima', comment_A2: '   ' });

    expect(res.status).toBe(422);
    expect(res.text).toContain('Tulis minimal satu catatan');
    expect(dbSnapshot(ctx.db)).toEqual(before);
  });

  it('returns with comments per indicator, which the narahubung sees; resubmitting keeps them as history', async () => {
    const v = await loginAs(ctx.app, verifikator);
    const n = await loginAs(ctx.app, narahubung);

    const ret = await v.agent.post(`${page()}/return`).type('form').send({ _csrf: v.csrf, decision_A1: 'terima', comment_A2: 'Lampirkan SK penetapan pengelola pengaduan.', comment_umum: 'Mohon lengkapi bukti dukung.' });
    const review = await n.agent.get(`/periods/${ctx.periodId}/units/${busang}/review`);
    const resubmit = await n.agent.post(`/periods/${ctx.periodId}/units/${busang}/assessment/submit`).type('form').send({ _csrf: n.csrf, level_A2: '2' });
    const history = await n.agent.get(`/periods/${ctx.periodId}/units/${busang}/review`);

    expect(ret.status).toBe(302);
    expect(review.status).toBe(200);
    expect(review.text).toContain('Perlu ditindaklanjuti: Catatan putaran 1');
    expect(review.text).toContain('Lampirkan SK penetapan pengelola pengaduan.');
    expect(review.text).toContain(`href="/periods/${ctx.periodId}/units/${busang}/assessment#ind-A2"`);
    expect(resubmit.status).toBe(302);
    expect(statusOf(ctx, busang)).toBe('diajukan');
    expect(history.text).not.toContain('Perlu ditindaklanjuti');
    expect(history.text).toContain('Lampirkan SK penetapan pengelola pengaduan.');
    expect(ctx.db.prepare('SELECT round, indicator_code, comment FROM review_comments ORDER BY id').all()).toEqual([
      { round: 1, indicator_code: 'A2', comment: 'Lampirkan SK penetapan pengelola pengaduan.' },
      { round: 1, indicator_code: null, comment: 'Mohon lengkapi bukti dukung.' },
    ]);
  });

  it('asks to check again an indicator whose answer changed after it was checked', async () => {
    const v = await loginAs(ctx.app, verifikator);
    const n = await loginAs(ctx.app, narahubung);
    await v.agent.post(`${page()}/return`).type('form').send({ _csrf: v.csrf, ...acceptAll(ctx), comment_A2: 'Periksa kembali level A2.' });
    await n.agent.post(`/periods/${ctx.periodId}/units/${busang}/assessment/submit`).type('form').send({ _csrf: n.csrf, level_A2: '1' });

    const res = await v.agent.get(page());
    const finish = await v.agent.post(`${page()}/finish`).type('form').send({ _csrf: v.csrf });

    expect(res.text).toContain('29 dari 30 indikator</strong> sudah diperiksa');
    expect(res.text).toContain('Jawaban unit berubah setelah diperiksa');
    expect(finish.status).toBe(422);
    expect(finish.text).toContain('Masih ada 1 indikator yang belum diperiksa: A2.');
  });

  it('the narahubung sees the active comments decorated onto the questionnaire data', async () => {
    const v = await loginAs(ctx.app, verifikator);
    await v.agent.post(`${page()}/return`).type('form').send({ _csrf: v.csrf, comment_B2: 'Unggah SK tim.' });
    const { reviewNotice } = ctx.modules.verification.service;

    const notice = reviewNotice(ctx.repos.users.findCredentials(narahubung), ctx.periodId, busang);
    const other = reviewNotice(ctx.repos.users.findCredentials(narahubung), ctx.periodId, unitId(ctx.repos, 'KEC-TELEN'));

    expect(notice?.active).toBe(true);
    expect(notice?.byCode.B2?.[0]?.comment).toBe('Unggah SK tim.');
    expect(other).toBeNull();
  });

  it.each([
    ['save', ''],
    ['finish', '/finish'],
    ['return', '/return'],
  ])('refuses to %s an assessment that is not awaiting verification (409) and changes nothing', async (_name, suffix) => {
    ctx.repos.assessments.setStatus(assessmentId, 'dikembalikan');
    const { agent, csrf } = await loginAs(ctx.app, verifikator);
    const before = dbSnapshot(ctx.db);

    const res = await agent.post(`${page()}${suffix}`).type('form').send({ _csrf: csrf, ...acceptAll(ctx), comment_A1: 'x' });

    expect(res.status).toBe(409);
    expect(res.text).toContain('tidak sedang menunggu verifikasi');
    expect(dbSnapshot(ctx.db)).toEqual(before);
  });

  it.each(['narahubung', 'fasilitator', 'tim_renaksi'] as const)('forbids a %s the queue, the page and every verification action', async (role) => {
    const username = role === 'narahubung' ? narahubung : (await buildUser(ctx.repos, { role })).username;
    const { agent, csrf } = await loginAs(ctx.app, username);
    const before = dbSnapshot(ctx.db);

    const statuses = [
      (await agent.get(`/periods/${ctx.periodId}/verification`)).status,
      (await agent.get(page())).status,
      (await agent.post(`${page()}/finish`).type('form').send({ _csrf: csrf, ...acceptAll(ctx) })).status,
      (await agent.post(`${page()}/return`).type('form').send({ _csrf: csrf, comment_A1: 'x' })).status,
      (await agent.post(`/periods/${ctx.periodId}/units/${busang}/reopen`).type('form').send({ _csrf: csrf, target: 'draf', reason: 'x' })).status,
    ];

    expect(statuses).toEqual([403, 403, 403, 403, 403]);
    expect(dbSnapshot(ctx.db)).toEqual(before);
  });

  it('refuses a verification POST without the CSRF token and changes nothing', async () => {
    const { agent } = await loginAs(ctx.app, verifikator);
    const before = dbSnapshot(ctx.db);

    const res = await agent.post(`${page()}/finish`).type('form').send(acceptAll(ctx));

    expect(res.status).toBe(403);
    expect(dbSnapshot(ctx.db)).toEqual(before);
  });

  it('answers 404 for a unit without an assessment', async () => {
    const { agent } = await loginAs(ctx.app, verifikator);

    const res = await agent.get(`/periods/${ctx.periodId}/units/${unitId(ctx.repos, 'KEC-TELEN')}/verification`);

    expect(res.status).toBe(404);
  });

  describe('reopening by the admin', () => {
    const reopen = () => `/periods/${ctx.periodId}/units/${busang}/reopen`;

    it('reopens a verified assessment to draf with a reason, shown to the unit and audited', async () => {
      ctx.repos.assessments.setStatus(assessmentId, 'diverifikasi');
      const { agent, csrf } = await loginAs(ctx.app, admin);

      const res = await agent.post(reopen()).type('form').send({ _csrf: csrf, target: 'draf', reason: 'Salah unggah dokumen SK.' });

      expect(res.status).toBe(302);
      expect(statusOf(ctx, busang)).toBe('draf');
      const log = ctx.db.prepare("SELECT old_value, new_value FROM audit_log WHERE action = 'assessment.reopen'").get();
      expect(log).toEqual({ old_value: 'diverifikasi', new_value: JSON.stringify({ status: 'draf', alasan: 'Salah unggah dokumen SK.' }) });
      expect(ctx.db.prepare('SELECT comment FROM review_comments').all()).toEqual([{ comment: 'Dibuka kembali oleh admin: Salah unggah dokumen SK.' }]);
    });

    it('reopens a submitted assessment to dikembalikan', async () => {
      const { agent, csrf } = await loginAs(ctx.app, admin);

      const res = await agent.post(reopen()).type('form').send({ _csrf: csrf, target: 'dikembalikan', reason: 'Diajukan sebelum rapat pimpinan.' });

      expect(res.status).toBe(302);
      expect(statusOf(ctx, busang)).toBe('dikembalikan');
    });

    it('refuses a reopen without a reason or with an unknown target (422) and changes nothing', async () => {
      ctx.repos.assessments.setStatus(assessmentId, 'diverifikasi');
      const { agent, csrf } = await loginAs(ctx.app, admin);
      const before = dbSnapshot(ctx.db);

      const noReason = await agent.post(reopen()).type('form').send({ _csrf: csrf, target: 'draf', reason: ' ' });
      const badTarget = await agent.post(reopen()).type('form').send({ _csrf: csrf, target: 'diajukan', reason: 'alasan' });

      expect(noReason.status).toBe(422);
      expect(noReason.text).toContain('Alasan membuka kembali wajib diisi.');
      expect(badTarget.status).toBe(422);
      expect(badTarget.text).toContain('Pilih status tujuan');
      expect(dbSnapshot(ctx.db)).toEqual(before);
    });

    it('refuses to reopen a draft (409) and a verifikator may not reopen (403); nothing changes', async () => {
      ctx.repos.assessments.setStatus(assessmentId, 'draf');
      const a = await loginAs(ctx.app, admin);
      const v = await loginAs(ctx.app, verifikator);
      const before = dbSnapshot(ctx.db);

      const draft = await a.agent.post(reopen()).type('form').send({ _csrf: a.csrf, target: 'draf', reason: 'alasan' });
      const byVerifier = await v.agent.post(reopen()).type('form').send({ _csrf: v.csrf, target: 'draf', reason: 'alasan' });

      expect(draft.status).toBe(409);
      expect(byVerifier.status).toBe(403);
      expect(dbSnapshot(ctx.db)).toEqual(before);
    });
  });
});
