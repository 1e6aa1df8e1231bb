import { buildAssessment, buildUser, createTestContext, loginAs, unitId, REVISION_1, type TestContext } from '../helpers/test-app';

describe('GET /api/periods and /api/periods/:periodId/scores', () => {
  let ctx: TestContext;
  let fasilitator: string;

  beforeAll(async () => {
    ctx = createTestContext({}, { instrumentVersion: REVISION_1 });
    const admin = await buildUser(ctx.repos, { role: 'admin' });
    fasilitator = (await buildUser(ctx.repos, { role: 'fasilitator' })).username;
    const u = (code: string) => unitId(ctx.repos, code);
    // Busang: every indicator level 2 → every score 50 → index 50 (Sedang).
    buildAssessment(ctx, { unitId: u('KEC-BUSANG'), fill: 2, status: 'diajukan', userId: admin.id });
    // Telen: level 4 except D1–D4 N/A and D5 = D6 = 0 → D = 0, others 100 → index = (100 − 30)/100 × 100 = 70 (Baik).
    buildAssessment(ctx, { unitId: u('KEC-TELEN'), fill: 4, levels: { D1: 'na', D2: 'na', D3: 'na', D4: 'na', D5: 0, D6: 0 }, status: 'diajukan', userId: admin.id });
    // Dinkes: every level 3 → 75 (Baik); verified A1 = 1 → A = (25 + 4×75)/5 = 65 → index = (15×65 + 85×75)/100 = 73,5.
    const dinkes = buildAssessment(ctx, { unitId: u('PD-DINKES'), fill: 3, status: 'diverifikasi', userId: admin.id });
    ctx.repos.assessments.setVerifiedLevel({ assessmentId: dinkes, code: 'A1', level: 1, note: 'SK belum ditetapkan' });
    // Kaubun: complete but still a draft → not included in kabupaten figures.
    buildAssessment(ctx, { unitId: u('KEC-KAUBUN'), fill: 4, userId: admin.id });
    // Sandaran: submitted but incomplete → shown as incomplete, not included.
    buildAssessment(ctx, { unitId: u('KEC-SANDARAN'), levels: { A1: 4, A2: 4, A3: 4 }, status: 'diajukan', userId: admin.id });
  });

  it('lists the periods with id, name and year', async () => {
    const { agent } = await loginAs(ctx.app, fasilitator);

    const res = await agent.get('/api/periods');

    expect(res.status).toBe(200);
    expect(res.body.periods).toEqual([{ id: ctx.periodId, name: 'Penilaian Mandiri SP4N-LAPOR! 2022', year: 2022, isDemo: false }]);
  });

  it('returns the kabupaten index and aspects over submitted and verified units, with verified levels', async () => {
    const { agent } = await loginAs(ctx.app, fasilitator);

    const res = await agent.get(`/api/periods/${ctx.periodId}/scores`);

    expect(res.status).toBe(200);
    const k = res.body.kabupaten;
    // (50 + 70 + 73,5) / 3 = 64,5
    expect(k.index).toBeCloseTo(64.5, 10);
    expect(k.category).toBe('Sedang');
    expect(k.unitCount).toBe(3);
    // A: (50 + 100 + 65) / 3
    expect(k.aspects.A).toBeCloseTo(215 / 3, 10);
    // D: (50 + 0 + 75) / 3
    expect(k.aspects.D).toBeCloseTo(125 / 3, 10);
    expect(k.groups.kecamatan.index).toBeCloseTo(60, 10);
    expect(k.groups['perangkat daerah'].index).toBeCloseTo(73.5, 10);
  });

  it('uses the self-assessed levels with ?basis=self', async () => {
    const { agent } = await loginAs(ctx.app, fasilitator);

    const res = await agent.get(`/api/periods/${ctx.periodId}/scores?basis=self`);

    // (50 + 70 + 75) / 3 = 65
    expect(res.body.kabupaten.index).toBeCloseTo(65, 10);
    expect(res.body.basis).toBe('self');
  });

  it('describes every unit with code, name, group, status, index, category and aspect scores', async () => {
    const { agent } = await loginAs(ctx.app, fasilitator);

    const res = await agent.get(`/api/periods/${ctx.periodId}/scores`);

    const byCode = new Map((res.body.units as { code: string; aspects: Record<string, number> }[]).map((u) => [u.code, u]));
    // every unit of Kutai Timur: 39 perangkat daerah + 18 kecamatan
    expect(res.body.units).toHaveLength(57);
    expect(byCode.get('KEC-TELEN')).toMatchObject({ name: 'Kecamatan Telen', group: 'kecamatan', status: 'diajukan', index: 70, category: 'Baik' });
    expect(byCode.get('PD-DINKES')).toMatchObject({ group: 'perangkat daerah', status: 'diverifikasi', index: 73.5, category: 'Baik' });
    expect(byCode.get('KEC-KAUBUN')).toMatchObject({ status: 'draf', included: false, index: 100 });
    expect(byCode.get('KEC-SANDARAN')).toMatchObject({ status: 'diajukan', index: null, category: null, completeness: 10 });
    expect(byCode.get('KEC-BATU-AMPAR')).toMatchObject({ status: 'belum_mulai', index: null, completeness: 0 });
    expect(byCode.get('KEC-TELEN')?.aspects).toEqual({ A: 100, B: 100, C: 100, D: 0, E: 100, F: 100 });
  });

  it('shows the same index on the dashboard page in id-ID form', async () => {
    const { agent } = await loginAs(ctx.app, fasilitator);

    const res = await agent.get(`/periods/${ctx.periodId}/dashboard`);

    expect(res.status).toBe(200);
    expect(res.text).toContain('<span class="kpi-value" id="kabupaten-index">64,50</span>');
    expect(res.text).toContain('data-chart="');
  });

  it('forbids the scores to a narahubung', async () => {
    const nara = await buildUser(ctx.repos, { role: 'narahubung', unitId: unitId(ctx.repos, 'KEC-BUSANG') });
    const { agent } = await loginAs(ctx.app, nara.username);

    const res = await agent.get(`/api/periods/${ctx.periodId}/scores`);
    const page = await agent.get(`/periods/${ctx.periodId}/dashboard`);

    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
    expect(page.status).toBe(403);
  });

  it('answers an unknown period with a 404 JSON error', async () => {
    const { agent } = await loginAs(ctx.app, fasilitator);

    const res = await agent.get('/api/periods/4242/scores');

    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe('Periode tidak ditemukan.');
  });
});
