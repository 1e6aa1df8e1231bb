import request from 'supertest';
import { buildAssessment, buildUser, createTestContext, loginAs, unitId, REVISION_1, type TestContext } from '../helpers/test-app';
import { idNumber, parseCsv } from '../helpers/csv';

/** Kutai Timur's units in the seeded list: 39 perangkat daerah + 18 kecamatan (templates/units-kutai-timur.json). */
const UNITS = 57;

/**
 * Busang: all level 2 → index 50. Telen: 4, D1–D4 N/A, D5 = D6 = 0 → index 70. Dinkes (verified): all 3, verified
 * A1 = 1 → A = 65, index 73,5. Left out: Kaubun (complete draft), Sandaran (submitted, 3 of 30 answered).
 */
function arrange(ctx: TestContext, adminId: number): void {
  const u = (code: string) => unitId(ctx.repos, code);
  buildAssessment(ctx, { unitId: u('KEC-BUSANG'), fill: 2, status: 'diajukan', userId: adminId });
  buildAssessment(ctx, { unitId: u('KEC-TELEN'), fill: 4, levels: { D1: 'na', D2: 'na', D3: 'na', D4: 'na', D5: 0, D6: 0 }, status: 'diajukan', userId: adminId });
  const dinkes = buildAssessment(ctx, { unitId: u('PD-DINKES'), fill: 3, status: 'diverifikasi', userId: adminId });
  ctx.repos.assessments.setVerifiedLevel({ assessmentId: dinkes, code: 'A1', level: 1, note: 'SK belum ditetapkan' });
  buildAssessment(ctx, { unitId: u('KEC-KAUBUN'), fill: 4, userId: adminId });
  buildAssessment(ctx, { unitId: u('KEC-SANDARAN'), levels: { A1: 4, A2: 4, A3: 4 }, status: 'diajukan', userId: adminId });
}

describe('the FGD dashboard, its JSON and CSV', () => {
  let ctx: TestContext;
  let fasilitator: string;
  const base = () => `/periods/${ctx.periodId}/dashboard`;

  beforeAll(async () => {
    ctx = createTestContext({}, { instrumentVersion: REVISION_1 });
    const admin = await buildUser(ctx.repos, { role: 'admin' });
    fasilitator = (await buildUser(ctx.repos, { role: 'fasilitator' })).username;
    arrange(ctx, admin.id);
  });

  it('shows the kabupaten index, its category and how many units are counted, submitted and verified', async () => {
    const { agent } = await loginAs(ctx.app, fasilitator);
    expect(ctx.repos.units.listActive()).toHaveLength(UNITS);

    const res = await agent.get(base());

    expect(res.status).toBe(200);
    expect(res.text).toContain('<span class="kpi-value" id="kabupaten-index">64,50</span>');
    expect(res.text).toMatch(/id="unit-count">3 <small>dari 57 unit<\/small>/);
    expect(res.text).toContain('2 diajukan · 1 diverifikasi');
    // terms in the official order: Dinkes (perangkat daerah 6), Telen (kecamatan 12), Busang (kecamatan 18)
    expect(res.text).toContain('(73,50 + 70,00 + 50,00) ÷ 3 = 64,50');
    // 57 units − 3 counted − 1 incomplete (Sandaran) = 53 not submitted
    expect(res.text).toContain('1 unit sudah diajukan tetapi belum lengkap; 53 unit belum mengajukan');
  });

  it('returns the summary as JSON in full precision with the units it rests on', async () => {
    const { agent } = await loginAs(ctx.app, fasilitator);

    const res = await agent.get(`${base()}/summary.json`);

    expect(res.status).toBe(200);
    expect(res.body.kabupaten.score).toBeCloseTo(64.5, 12);
    expect(res.body.kabupaten.units.map((u: { name: string }) => u.name).sort()).toEqual(['Dinas Kesehatan', 'Kecamatan Busang', 'Kecamatan Telen']);
    expect(res.body.groups.kecamatan).toMatchObject({ score: 60, category: 'Sedang', unitCount: 2 });
    expect(res.body.counts).toEqual({ total: UNITS, counted: 3, submitted: 2, verified: 1, incompleteSubmitted: 1, notSubmitted: UNITS - 4 });
  });

  it('gives the aspect means per group, an aspect wholly N/A left out of that mean only', async () => {
    const { agent } = await loginAs(ctx.app, fasilitator);

    const res = await agent.get(`${base()}/aspects.json`);

    const byCode = Object.fromEntries(res.body.aspects.map((a: { code: string }) => [a.code, a]));
    // A: (50 + 100 + 65) / 3; D: (50 + 0 + 75) / 3 — Telen's D is 0 (D5, D6 at 0), not N/A
    expect(byCode.A.kabupaten.score).toBeCloseTo(215 / 3, 12);
    expect(byCode.D.kabupaten.score).toBeCloseTo(125 / 3, 12);
    expect(byCode.D.groups['perangkat daerah']).toMatchObject({ score: 75, unitCount: 1 });
    expect(byCode.A.weight).toBe(15);
  });

  it('ranks the counted units and lists the others after with their completeness', async () => {
    const { agent } = await loginAs(ctx.app, fasilitator);

    const res = await agent.get(`${base()}/ranking.json`);

    expect(res.body.ranked.map((u: { rank: number; name: string; index: number }) => [u.rank, u.name, u.index])).toEqual([
      [1, 'Dinas Kesehatan', 73.5],
      [2, 'Kecamatan Telen', 70],
      [3, 'Kecamatan Busang', 50],
    ]);
    expect(res.body.unranked.slice(0, 2)).toEqual([
      expect.objectContaining({ name: 'Kecamatan Kaubun', completeness: 100, reason: 'belum-diajukan', status: 'draf' }),
      expect.objectContaining({ name: 'Kecamatan Sandaran', completeness: 10, reason: 'belum-lengkap' }),
    ]);
    expect(res.body.unranked).toHaveLength(UNITS - 3);
  });

  it('counts every unit of the period in the weakest indicators’ "below target", naming the units without a level', async () => {
    const { agent } = await loginAs(ctx.app, fasilitator);

    const page = await agent.get(base());
    const weak = await agent.get(`${base()}/weakest.json`);

    // A1 over the 3 counted units: Busang 2 and Dinkes 1 (verified) below 4, Telen at 4; Sandaran incomplete; 53 not submitted
    const a1 = weak.body.indicators.find((w: { code: string }) => w.code === 'A1');
    expect(a1.tally).toEqual({ total: UNITS, below: 2, met: 1, na: 0, notSubmitted: UNITS - 4, incomplete: 1 });
    expect(page.text).toContain('2 dari 57 unit di bawah target (1 sudah mencapai target, 53 belum mengajukan penilaian, 1 belum lengkap)');
    expect(page.text).toContain('3 dari 57 unit dihitung; 53 unit belum mengajukan penilaian; 1 unit belum lengkap');
  });

  it('counts the level distribution per indicator and picks the ten weakest, ties by code', async () => {
    const { agent } = await loginAs(ctx.app, fasilitator);

    const dist = await agent.get(`${base()}/distribution.json`);
    const weak = await agent.get(`${base()}/weakest.json`);

    const byCode = Object.fromEntries(dist.body.indicators.map((d: { code: string }) => [d.code, d]));
    expect(byCode.A1).toMatchObject({ counts: { 0: 0, 1: 1, 2: 1, 3: 0, 4: 1, na: 0 }, applicable: 3, belowTarget: 2 });
    expect(byCode.D1).toMatchObject({ counts: { 0: 0, 1: 0, 2: 1, 3: 1, 4: 0, na: 1 }, applicable: 2, mean: 62.5 });
    // D5 = D6 = (50 + 0 + 75)/3; A1 = (50 + 100 + 25)/3; D1–D4 = 62,5; then the 75s by code
    expect(weak.body.indicators.map((w: { code: string }) => w.code)).toEqual(['D5', 'D6', 'A1', 'D1', 'D2', 'D3', 'D4', 'A2', 'A3', 'A4']);
    expect(weak.body.indicators[0].activities.length).toBeGreaterThan(0);
    expect(weak.body.indicators[2].mean).toBeCloseTo(175 / 3, 12);
  });

  it('uses the self-assessed levels with ?basis=self everywhere', async () => {
    const { agent } = await loginAs(ctx.app, fasilitator);

    const weak = await agent.get(`${base()}/weakest.json?basis=self`);
    const summary = await agent.get(`${base()}/summary.json?basis=self`);

    expect(weak.body.basis).toBe('self');
    expect(weak.body.indicators.map((w: { code: string }) => w.code).slice(0, 7)).toEqual(['D5', 'D6', 'D1', 'D2', 'D3', 'D4', 'A1']);
    expect(summary.body.kabupaten.score).toBeCloseTo(65, 12);
  });

  it('writes the CSV with BOM, semicolons and decimal commas, agreeing with the JSON', async () => {
    const { agent } = await loginAs(ctx.app, fasilitator);

    const csv = await agent.get(`${base()}/aspects.csv`);
    const json = await agent.get(`${base()}/aspects.json`);

    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename=skor-aspek-2022-verifikasi.csv');
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(csv.text);
    expect(rows[0]?.slice(0, 4)).toEqual(['Kode aspek', 'Aspek', 'Bobot (%)', 'Skor Kabupaten']);
    expect(rows[1]?.[3]).toBe('71,67');
    json.body.aspects.forEach((a: { code: string; kabupaten: { score: number } }, i: number) => {
      expect(rows[i + 1]?.[0]).toBe(a.code);
      expect(idNumber(rows[i + 1]?.[3] ?? '')).toBeCloseTo(a.kabupaten.score, 2);
    });
  });

  it('puts every table behind a CSV download with the rows of its JSON', async () => {
    const { agent } = await loginAs(ctx.app, fasilitator);

    const heat = parseCsv((await agent.get(`${base()}/heatmap.csv`)).text);
    const ranking = parseCsv((await agent.get(`${base()}/ranking.csv`)).text);
    const dist = parseCsv((await agent.get(`${base()}/distribution.csv`)).text);
    const weak = parseCsv((await agent.get(`${base()}/weakest.csv`)).text);
    const summary = parseCsv((await agent.get(`${base()}/summary.csv`)).text);

    expect(heat.map((r) => [r[1], r[10]])).toEqual([['Unit', 'Indeks'], ['Dinas Kesehatan', '73,50'], ['Kecamatan Telen', '70,00'], ['Kecamatan Busang', '50,00']]);
    expect(ranking[1]).toEqual(['1', 'PD-DINKES', 'Dinas Kesehatan', 'Perangkat Daerah', 'Diverifikasi', '73,50', 'Baik', '100,0', '']);
    expect(ranking.find((r) => r[2] === 'Kecamatan Sandaran')).toEqual(['', 'KEC-SANDARAN', 'Kecamatan Sandaran', 'Kecamatan', 'Diajukan', '', '', '10,0', 'Belum lengkap']);
    expect(dist).toHaveLength(31);
    expect(dist.find((r) => r[0] === 'D1')?.slice(3, 12)).toEqual(['0', '0', '1', '1', '0', '1', '2', '62,50', '4']);
    expect(weak.slice(1).map((r) => r[1])).toEqual(['D5', 'D6', 'A1', 'D1', 'D2', 'D3', 'D4', 'A2', 'A3', 'A4']);
    expect(summary[1]).toEqual(['Kabupaten', '64,50', 'Sedang', '3', String(UNITS)]);
  });

  it('sorts the heatmap on the server through plain links, and links every cell to the unit’s aspect', async () => {
    const { agent } = await loginAs(ctx.app, fasilitator);

    const byD = await agent.get(`${base()}?sort=D&dir=asc`);
    const json = await agent.get(`${base()}/heatmap.json?sort=D&dir=asc`);

    const rows = byD.text.slice(byD.text.indexOf('id="heatmap"'), byD.text.indexOf('</table>', byD.text.indexOf('id="heatmap"')));
    const names = [...rows.matchAll(/<th scope="row"><a [^>]+>([^<]+)<\/a>/g)].map((m) => m[1]);
    expect(names).toEqual(['Kecamatan Telen', 'Kecamatan Busang', 'Dinas Kesehatan']);
    expect(json.body.units.map((u: { name: string }) => u.name)).toEqual(names);
    expect(rows).toContain(`href="/periods/${ctx.periodId}/units/${unitId(ctx.repos, 'KEC-TELEN')}/assessment#aspect-D"`);
    expect(rows).toContain('aria-sort="ascending"');
    expect(rows).toContain('href="?basis=verified&amp;sort=D&amp;dir=desc#peta-panas"');
  });

  it.each([
    ['?sort=Z', 'sort'],
    ['?sort=index&dir=up', 'dir'],
    ['?sort=A&sort=B', 'sort'],
  ])('refuses the heatmap order %s with 422 naming the field', async (query, field) => {
    const { agent } = await loginAs(ctx.app, fasilitator);

    const page = await agent.get(`${base()}${query}`);
    const json = await agent.get(`${base()}/heatmap.json${query}`);

    expect(page.status).toBe(422);
    expect(json.status).toBe(422);
    expect(Object.keys(json.body.error.fields)).toEqual([field]);
  });

  it('answers an unknown table with 404', async () => {
    const { agent } = await loginAs(ctx.app, fasilitator);

    const res = await agent.get(`${base()}/secrets.json`);

    expect(res.status).toBe(404);
  });

  it('sends the unit picker to the unit’s scores page, without JavaScript', async () => {
    const { agent } = await loginAs(ctx.app, fasilitator);
    const telen = unitId(ctx.repos, 'KEC-TELEN');

    const res = await agent.get(`${base()}/unit?unitId=${telen}&basis=self`);
    const bad = await agent.get(`${base()}/unit?unitId=abc`);

    expect(res.status).toBe(302);
    expect(res.headers.location).toBe(`/periods/${ctx.periodId}/units/${telen}/scores?basis=self`);
    expect(bad.status).toBe(422);
  });

  it('forbids every dashboard route to a narahubung and sends an anonymous visitor to the login', async () => {
    const nara = await buildUser(ctx.repos, { role: 'narahubung', unitId: unitId(ctx.repos, 'KEC-BUSANG') });
    const { agent } = await loginAs(ctx.app, nara.username);
    const urls = [base(), `${base()}/aspects.json`, `${base()}/heatmap.csv`, `${base()}/unit?unitId=1`];

    const seen = await Promise.all(urls.map((u) => agent.get(u)));
    const anonymous = await request(ctx.app).get(`${base()}/ranking.json`);
    const anonymousPage = await request(ctx.app).get(`${base()}/ranking.csv`);

    expect(seen.map((r) => r.status)).toEqual([403, 403, 403, 403]);
    expect(anonymous.status).toBe(401);
    expect(anonymousPage.status).toBe(302);
  });

  it.each(['admin', 'verifikator', 'tim_renaksi'] as const)('lets the %s see the dashboard and its data', async (role) => {
    const user = await buildUser(ctx.repos, { role });
    const { agent } = await loginAs(ctx.app, user.username);

    const page = await agent.get(base());
    const json = await agent.get(`${base()}/weakest.json`);

    expect([page.status, json.status]).toEqual([200, 200]);
  });
});
