import { buildAssessment, buildUser, createTestContext, loginAs, unitId, REVISION_1, type TestContext } from '../helpers/test-app';
import { dbSnapshot } from '../helpers/db-snapshot';
import type { Instrument } from '../../src/instrument/instrument.schemas';

describe('period administration', () => {
  let ctx: TestContext;
  let admin: { id: number; username: string };
  let busang: number;

  beforeEach(async () => {
    ctx = createTestContext({}, { instrumentVersion: REVISION_1 });
    admin = await buildUser(ctx.repos, { role: 'admin' });
    busang = unitId(ctx.repos, 'KEC-BUSANG');
  });

  const form = (overrides: Record<string, string> = {}) => ({
    name: 'Penilaian Mandiri SP4N-LAPOR! 2023',
    year: '2023',
    instrumentId: String(ctx.repos.periods.findById(ctx.periodId)?.instrumentId),
    deadline: '2023-11-30',
    copyFromPeriodId: '',
    ...overrides,
  });

  it('creates a period with name, year, instrument version and deadline, audited', async () => {
    const { agent, csrf } = await loginAs(ctx.app, admin.username);

    const res = await agent.post('/admin/periods').type('form').send({ _csrf: csrf, ...form() });
    const list = await agent.get('/admin/periods');

    expect(res.status).toBe(302);
    const created = ctx.db.prepare('SELECT name, year, deadline FROM periods WHERE name = ?').get('Penilaian Mandiri SP4N-LAPOR! 2023');
    expect(created).toEqual({ name: 'Penilaian Mandiri SP4N-LAPOR! 2023', year: 2023, deadline: '2023-11-30' });
    expect(list.text).toContain('30 November 2023');
    expect(list.text).toContain('Periode &#34;Penilaian Mandiri SP4N-LAPOR! 2023&#34; dibuat.');
    expect(ctx.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'period.create'").get()).toEqual({ n: 1 });
  });

  it.each([
    ['an empty name', { name: '  ' }, 'Nama periode minimal 3 karakter.'],
    ['a year out of range', { year: '1999' }, 'Tahun antara 2000 dan 2100.'],
    ['a year that is not a number', { year: 'dua ribu' }, 'Tahun harus berupa angka.'],
    ['an impossible date', { deadline: '2023-02-30' }, 'Batas pengisian harus tanggal yang valid'],
    ['no deadline', { deadline: '' }, 'Batas pengisian wajib diisi.'],
    ['an unknown instrument', { instrumentId: '999' }, 'Pilih versi instrumen yang tersedia.'],
    ['an unknown source period', { copyFromPeriodId: '999' }, 'Pilih periode sumber yang tersedia.'],
    ['a name already used', { name: 'Penilaian Mandiri SP4N-LAPOR! 2022' }, 'sudah ada.'],
  ])('refuses %s with 422, keeps the typed values and changes nothing', async (_what, overrides, message) => {
    const { agent, csrf } = await loginAs(ctx.app, admin.username);
    const before = dbSnapshot(ctx.db);

    const res = await agent.post('/admin/periods').type('form').send({ _csrf: csrf, ...form({ name: 'Periode uji yang diketik', ...overrides }) });

    expect(res.status).toBe(422);
    expect(res.text).toContain(message);
    expect(res.text).toContain(`value="${(overrides as Record<string, string>).name ?? 'Periode uji yang diketik'}"`);
    expect(dbSnapshot(ctx.db)).toEqual(before);
  });

  it('starts a new period from the previous answers as drafts to confirm, copying only the shared indicator codes', async () => {
    const telen = unitId(ctx.repos, 'KEC-TELEN');
    const kaubun = unitId(ctx.repos, 'KEC-KAUBUN');
    const source = buildAssessment(ctx, { unitId: busang, fill: 2, levels: { D1: 'na' }, status: 'diverifikasi', userId: admin.id });
    ctx.repos.assessments.upsertAnswer({ assessmentId: source, code: 'A1', level: 3, isNa: false, note: 'SK Camat 12/2022', userId: admin.id });
    ctx.repos.assessments.setVerifiedLevel({ assessmentId: source, code: 'A1', level: 1, note: 'belum ditandatangani' });
    buildAssessment(ctx, { unitId: telen, levels: { B1: 4 }, userId: admin.id });
    buildAssessment(ctx, { unitId: kaubun, fill: 1, userId: admin.id });
    ctx.repos.units.setActive(kaubun, false);
    // A newer instrument version that renames A1 to A9: only the other 29 codes are shared.
    const base = ctx.instrument;
    const next: Instrument = { ...base, version: 'uji.2', aspects: base.aspects.map((a) => ({ ...a, indicators: a.indicators.map((i) => (i.code === 'A1' ? { ...i, code: 'A9' } : i)) })) };
    const nextId = ctx.repos.instruments.ensure(next);
    const { agent, csrf } = await loginAs(ctx.app, admin.username);

    const res = await agent.post('/admin/periods').type('form').send({ _csrf: csrf, ...form({ instrumentId: String(nextId), copyFromPeriodId: String(ctx.periodId) }) });

    expect(res.status).toBe(302);
    const periodId = (ctx.db.prepare('SELECT id FROM periods WHERE name = ?').get('Penilaian Mandiri SP4N-LAPOR! 2023') as { id: number }).id;
    const rows = ctx.db
      .prepare(
        `SELECT u.code, a.status, COUNT(an.id) AS answers, c.copied_count, c.confirmed_at FROM assessments a JOIN units u ON u.id = a.unit_id
         JOIN answers an ON an.assessment_id = a.id JOIN assessment_copies c ON c.assessment_id = a.id
         WHERE a.period_id = ? GROUP BY a.id ORDER BY u.code`,
      )
      .all(periodId);
    expect(rows).toEqual([
      { code: 'KEC-BUSANG', status: 'draf', answers: 29, copied_count: 29, confirmed_at: null },
      { code: 'KEC-TELEN', status: 'draf', answers: 1, copied_count: 1, confirmed_at: null },
    ]);
    const copied = ctx.db
      .prepare(`SELECT an.indicator_code, an.level, an.is_na, an.verified_level FROM answers an JOIN assessments a ON a.id = an.assessment_id WHERE a.period_id = ? AND a.unit_id = ? AND an.indicator_code IN ('A1', 'A2', 'D1') ORDER BY 1`)
      .all(periodId, busang);
    expect(copied).toEqual([
      { indicator_code: 'A2', level: 2, is_na: 0, verified_level: null },
      { indicator_code: 'D1', level: null, is_na: 1, verified_level: null },
    ]);
  });

  it('refuses to copy between instrument versions that share no indicator code, changing nothing', async () => {
    const base = ctx.instrument;
    const other: Instrument = { ...base, version: 'uji.3', aspects: base.aspects.map((a) => ({ ...a, indicators: a.indicators.map((i) => ({ ...i, code: `${a.code}${Number(i.code.slice(1)) + 50}` })) })) };
    const otherId = ctx.repos.instruments.ensure(other);
    buildAssessment(ctx, { unitId: busang, fill: 2, userId: admin.id });
    const { agent, csrf } = await loginAs(ctx.app, admin.username);
    const before = dbSnapshot(ctx.db);

    const res = await agent.post('/admin/periods').type('form').send({ _csrf: csrf, ...form({ instrumentId: String(otherId), copyFromPeriodId: String(ctx.periodId) }) });

    expect(res.status).toBe(422);
    expect(res.text).toContain('tidak memiliki kode indikator yang sama');
    expect(dbSnapshot(ctx.db)).toEqual(before);
  });

  it('shows the narahubung the "disalin dari periode" banner until they confirm, then records the confirmation', async () => {
    buildAssessment(ctx, { unitId: busang, fill: 2, userId: admin.id });
    const a = await loginAs(ctx.app, admin.username);
    await a.agent.post('/admin/periods').type('form').send({ _csrf: a.csrf, ...form({ copyFromPeriodId: String(ctx.periodId) }) });
    const periodId = (ctx.db.prepare('SELECT id FROM periods WHERE name = ?').get('Penilaian Mandiri SP4N-LAPOR! 2023') as { id: number }).id;
    const nara = await buildUser(ctx.repos, { role: 'narahubung', unitId: busang });
    const n = await loginAs(ctx.app, nara.username);

    const home = await n.agent.get('/');
    const review = await n.agent.get(`/periods/${periodId}/units/${busang}/review`);
    const confirm = await n.agent.post(`/periods/${periodId}/units/${busang}/copy-confirm`).type('form').send({ _csrf: n.csrf, back: 'home' });
    const again = await n.agent.post(`/periods/${periodId}/units/${busang}/copy-confirm`).type('form').send({ _csrf: n.csrf });
    const after = await n.agent.get('/');

    expect(home.text).toContain('Jawaban disalin dari periode <strong>Penilaian Mandiri SP4N-LAPOR! 2022</strong> (30 indikator), mohon dikonfirmasi');
    expect(review.text).toContain('mohon dikonfirmasi');
    expect(confirm.status).toBe(302);
    expect(confirm.headers.location).toBe('/');
    expect(again.status).toBe(409);
    expect(after.text).not.toContain('mohon dikonfirmasi');
    expect(ctx.db.prepare('SELECT confirmed_by FROM assessment_copies').get()).toEqual({ confirmed_by: nara.id });
  });

  it("forbids another unit's narahubung to confirm a copy and changes nothing", async () => {
    buildAssessment(ctx, { unitId: busang, fill: 2, userId: admin.id });
    const a = await loginAs(ctx.app, admin.username);
    await a.agent.post('/admin/periods').type('form').send({ _csrf: a.csrf, ...form({ copyFromPeriodId: String(ctx.periodId) }) });
    const periodId = (ctx.db.prepare('SELECT id FROM periods WHERE name = ?').get('Penilaian Mandiri SP4N-LAPOR! 2023') as { id: number }).id;
    const other = await buildUser(ctx.repos, { role: 'narahubung', unitId: unitId(ctx.repos, 'KEC-TELEN') });
    const n = await loginAs(ctx.app, other.username);
    const before = dbSnapshot(ctx.db);

    const res = await n.agent.post(`/periods/${periodId}/units/${busang}/copy-confirm`).type('form').send({ _csrf: n.csrf });

    expect(res.status).toBe(403);
    expect(dbSnapshot(ctx.db)).toEqual(before);
  });

  it.each(['verifikator', 'fasilitator', 'narahubung'] as const)('forbids a %s to see or create periods', async (role) => {
    const user = await buildUser(ctx.repos, { role, unitId: role === 'narahubung' ? busang : null });
    const { agent, csrf } = await loginAs(ctx.app, user.username);
    const before = dbSnapshot(ctx.db);

    const page = await agent.get('/admin/periods');
    const post = await agent.post('/admin/periods').type('form').send({ _csrf: csrf, ...form() });

    expect(page.status).toBe(403);
    expect(post.status).toBe(403);
    expect(dbSnapshot(ctx.db)).toEqual(before);
  });

  it('refuses a new period without the CSRF token', async () => {
    const { agent } = await loginAs(ctx.app, admin.username);
    const before = dbSnapshot(ctx.db);

    const res = await agent.post('/admin/periods').type('form').send(form());

    expect(res.status).toBe(403);
    expect(dbSnapshot(ctx.db)).toEqual(before);
  });
});
