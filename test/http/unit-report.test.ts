import { buildAssessment, buildUser, createTestContext, loginAs, unitId, REVISION_1, type TestContext } from '../helpers/test-app';
import { parseCsv } from '../helpers/csv';
import { formatDate } from '../../src/shared/format';

describe('a unit’s scores page and its rapor', () => {
  let ctx: TestContext;
  let fasilitator: string;
  let telen: number;
  let dinkes: number;
  let busang: number;
  let verifier: { id: number; username: string };

  beforeAll(async () => {
    ctx = createTestContext({}, { instrumentVersion: REVISION_1 });
    const admin = await buildUser(ctx.repos, { role: 'admin' });
    fasilitator = (await buildUser(ctx.repos, { role: 'fasilitator' })).username;
    telen = unitId(ctx.repos, 'KEC-TELEN');
    dinkes = unitId(ctx.repos, 'PD-DINKES');
    busang = unitId(ctx.repos, 'KEC-BUSANG');
    // Busang all 2 (index 50); Telen 4 with D1–D4 N/A, D5 = D6 = 0 (index 70); Dinkes 3, verified A1 = 1 (index 73,5).
    buildAssessment(ctx, { unitId: busang, fill: 2, status: 'diajukan', userId: admin.id });
    buildAssessment(ctx, { unitId: telen, fill: 4, levels: { D1: 'na', D2: 'na', D3: 'na', D4: 'na', D5: 0, D6: 0 }, status: 'diajukan', userId: admin.id });
    verifier = await buildUser(ctx.repos, { role: 'verifikator' });
    const a = buildAssessment(ctx, { unitId: dinkes, fill: 3, status: 'diverifikasi', userId: admin.id, verifiedBy: verifier.id });
    ctx.repos.assessments.setVerifiedLevel({ assessmentId: a, code: 'A1', level: 1, note: 'SK belum ditetapkan; baru konsep.' });
  });

  const url = (u: number, rest = '') => `/periods/${ctx.periodId}/units/${u}${rest}`;

  it('sets the unit’s aspects beside the kabupaten means and lists its gaps to the targets', async () => {
    const { agent } = await loginAs(ctx.app, fasilitator);

    const res = await agent.get(url(telen, '/scores.json'));

    expect(res.status).toBe(200);
    expect(res.body.unit).toMatchObject({ name: 'Kecamatan Telen', index: 70, category: 'Baik', counted: true });
    const a = res.body.aspects.find((x: { code: string }) => x.code === 'A');
    const d = res.body.aspects.find((x: { code: string }) => x.code === 'D');
    // Kabupaten A = (73,5’s A 65 + 50 + 100) / 3; D = (75 + 50 + 0) / 3
    expect(a.kabupaten).toBeCloseTo(215 / 3, 12);
    expect(a.difference).toBeCloseTo(100 - 215 / 3, 12);
    expect(d).toMatchObject({ unit: 0, weight: 30 });
    const gaps = Object.fromEntries(res.body.indicators.map((g: { code: string }) => [g.code, g]));
    expect(gaps.D1).toMatchObject({ level: 'na', target: 4, gap: null });
    expect(gaps.D5).toMatchObject({ level: 0, target: 4, gap: 4 });
    expect(gaps.A1).toMatchObject({ level: 4, gap: 0 });
  });

  it('shows the radar, the written-out index and the recommended activities on the page', async () => {
    const { agent } = await loginAs(ctx.app, fasilitator);

    const res = await agent.get(url(dinkes, '/scores'));

    expect(res.status).toBe(200);
    expect(res.text).toContain('id="radar-chart"');
    expect(res.text).toContain('<span class="kpi-value" id="unit-index">73,50</span>');
    expect(res.text).toContain('(15 × 65,00 + 20 × 75,00 + 10 × 75,00 + 30 × 75,00 + 10 × 75,00 + 15 × 75,00) ÷ 100 = 73,50');
    expect(res.text).toContain('A1 tingkat 1 → 25,00; A2 tingkat 3 → 75,00');
    expect(res.text).toContain('maks(0, 4 − 1) = 3');
    expect(res.text).toContain('Penetapan/pemutakhiran SK Tim Pengelola Pengaduan SP4N-LAPOR! unit');
  });

  it('writes the radar table and the gap list as CSV', async () => {
    const { agent } = await loginAs(ctx.app, fasilitator);

    const aspects = parseCsv((await agent.get(url(telen, '/scores/aspects.csv'))).text);
    const gaps = parseCsv((await agent.get(url(telen, '/scores/gaps.csv'))).text);

    expect(aspects[0]).toEqual(['Kode aspek', 'Aspek', 'Bobot (%)', 'Skor Kecamatan Telen', 'Rata-rata kabupaten', 'Selisih']);
    expect(aspects[4]?.slice(3)).toEqual(['0,00', '41,67', '-41,67']);
    expect(gaps.find((r) => r[0] === 'D1')?.slice(3, 6)).toEqual(['tidak berlaku', '4', '']);
    expect(gaps.find((r) => r[0] === 'D5')?.slice(3, 6)).toEqual(['0', '4', '4']);
  });

  it('uses the self-assessed levels with ?basis=self', async () => {
    const { agent } = await loginAs(ctx.app, fasilitator);

    const res = await agent.get(url(dinkes, '/scores.json?basis=self'));

    expect(res.body.unit.index).toBe(75);
    expect(res.body.indicators[0]).toMatchObject({ code: 'A1', level: 3, gap: 1 });
  });

  it('says an unknown unit does not exist', async () => {
    const { agent } = await loginAs(ctx.app, fasilitator);

    const res = await agent.get(url(999999, '/scores.json'));

    expect(res.status).toBe(404);
  });

  it('prints the rapor with index, aspects against the kabupaten, gaps with actions and the verifier’s notes', async () => {
    const { agent } = await loginAs(ctx.app, fasilitator);

    const res = await agent.get(url(dinkes, '/rapor'));

    expect(res.status).toBe(200);
    expect(res.text).toContain('Rapor Penilaian Mandiri SP4N-LAPOR!: Dinas Kesehatan');
    expect(res.text).toContain('<span class="big" id="rapor-index">73,50</span>');
    expect(res.text).toContain('<strong id="rapor-kabupaten">64,50</strong>');
    expect(res.text).toMatch(/<strong>A1 Penetapan Tim Pengelola Pengaduan SP4N-LAPOR!<\/strong> <span class="gap-nums">tingkat 1 → 4 \(<strong>3<\/strong>\)<\/span>/);
    expect(res.text).toContain('(tingkat unit 3 → tingkat verifikasi 1): SK belum ditetapkan; baru konsep.');
  });

  it('names the verifikator and the verification date, and counts the kabupaten mean over every unit', async () => {
    const { agent } = await loginAs(ctx.app, fasilitator);
    const verifiedAt = ctx.repos.assessments.find(ctx.periodId, dinkes)?.verifiedAt as string;

    const res = await agent.get(url(dinkes, '/rapor'));
    const unverified = await agent.get(url(busang, '/rapor'));

    expect(res.text).toContain(`Diverifikasi: ${formatDate(verifiedAt)} oleh <strong>Pengguna ${verifier.username}</strong>`);
    expect(unverified.text).toContain('Diverifikasi: belum diverifikasi');
    // 3 of Kutai Timur's 57 units counted
    expect(res.text).toContain('(3 dari 57 unit: yang diajukan/diverifikasi dan lengkap)');
  });

  it('counts the gaps over the indicators that apply: "2 dari 26 yang berlaku (4 tidak berlaku)"', async () => {
    const { agent } = await loginAs(ctx.app, fasilitator);

    const res = await agent.get(url(telen, '/rapor'));

    // Telen: D1–D4 N/A, D5 = D6 = 0 below target 4, the other 24 at 4
    expect(res.text).toMatch(/Indikator di bawah target: <strong>2<\/strong> dari 26 yang berlaku \(4 tidak berlaku\)/);
  });

  it('lists the gaps in the Renaksi’s priority order: gap × aspect weight × share of counted units below target', async () => {
    const { agent } = await loginAs(ctx.app, fasilitator);

    const res = await agent.get(url(dinkes, '/rapor'));

    // Dinkes: every level 3 (gap 1) except A1 verified 1 (gap 3). Over Busang (all 2), Telen and Dinkes:
    // A1 3 × 15 × 2/3 = 30; D1–D4 (Telen N/A) 1 × 30 × 2/2 = 30; D5, D6 (Telen 0) 1 × 30 × 3/3 = 30;
    // B 1 × 20 × 2/3 = 13,33; A2–A5 and F 1 × 15 × 2/3 = 10; C and E 1 × 10 × 2/3 = 6,67. Ties keep instrument order.
    const list = /<ol class="gap-list" id="rapor-gaps">([\s\S]*?)<\/ol>/.exec(res.text)?.[1] ?? '';
    const codes = [...list.matchAll(/<li><strong>([A-F]\d)/g)].map((m) => m[1]);
    expect(codes).toEqual([
      'A1', 'D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'B1', 'B2', 'B3', 'B4', 'B5', 'A2', 'A3', 'A4', 'A5',
      'F1', 'F2', 'F3', 'F4', 'F5', 'C1', 'C2', 'C3', 'C4', 'E1', 'E2', 'E3', 'E4', 'E5',
    ]);
    expect(res.text).toMatch(/Indikator di bawah target: <strong>30<\/strong> dari 30 yang berlaku<\/p>/);
  });

  it('gives the narahubung their own rapor once verified', async () => {
    const nara = await buildUser(ctx.repos, { role: 'narahubung', unitId: dinkes });
    const { agent } = await loginAs(ctx.app, nara.username);

    const own = await agent.get(url(dinkes, '/rapor'));
    const other = await agent.get(url(telen, '/rapor'));
    const scores = await agent.get(url(dinkes, '/scores'));

    expect(own.status).toBe(200);
    expect(other.status).toBe(403);
    expect(scores.status).toBe(403);
    expect((await agent.get('/')).text).toContain(`href="/periods/${ctx.periodId}/units/${dinkes}/rapor">Rapor unit</a>`);
  });

  it('keeps the rapor from the narahubung until the assessment is verified', async () => {
    const nara = await buildUser(ctx.repos, { role: 'narahubung', unitId: busang });
    const { agent } = await loginAs(ctx.app, nara.username);

    const res = await agent.get(url(busang, '/rapor'));

    expect(res.status).toBe(403);
    expect(res.text).toContain('Rapor unit tersedia setelah penilaian mandiri diverifikasi.');
    expect((await agent.get('/')).text).not.toContain('/rapor"');
  });

  it.each(['admin', 'verifikator', 'tim_renaksi'] as const)('lets the %s open any unit’s rapor', async (role) => {
    const user = await buildUser(ctx.repos, { role });
    const { agent } = await loginAs(ctx.app, user.username);

    const res = await agent.get(url(busang, '/rapor'));

    expect(res.status).toBe(200);
  });
});
