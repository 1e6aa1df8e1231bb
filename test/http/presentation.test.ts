import request from 'supertest';
import { buildAssessment, buildUser, createTestContext, csrfFrom, loginAs, unitId, type TestContext } from '../helpers/test-app';

const snapshotCount = (ctx: TestContext) => (ctx.db.prepare('SELECT COUNT(*) AS n FROM presentation_snapshots').get() as { n: number }).n;

describe('the FGD presentation: live deck and frozen snapshots', () => {
  let ctx: TestContext;
  let fasilitator: string;
  let adminId: number;
  const base = () => `/periods/${ctx.periodId}/presentation`;

  beforeEach(async () => {
    ctx = createTestContext();
    adminId = (await buildUser(ctx.repos, { role: 'admin' })).id;
    fasilitator = (await buildUser(ctx.repos, { role: 'fasilitator' })).username;
    // Busang all 2 → 50; Telen all 4 → 100: kabupaten (50 + 100) / 2 = 75.
    buildAssessment(ctx, { unitId: unitId(ctx.repos, 'KEC-BUSANG'), fill: 2, status: 'diajukan', userId: adminId });
    buildAssessment(ctx, { unitId: unitId(ctx.repos, 'KEC-TELEN'), fill: 4, status: 'diajukan', userId: adminId });
  });

  it('tells the story in slides: index, aspects, groups, the kabupaten\'s own conditions, heatmap, weakest indicators, next steps', async () => {
    const { agent } = await loginAs(ctx.app, fasilitator);

    const res = await agent.get(base());

    expect(res.status).toBe(200);
    const kinds = [...res.text.matchAll(/<section class="slide slide-([a-z-]+)"/g)].map((m) => m[1]);
    expect(kinds).toEqual(['index', 'aspects', 'groups', 'kabupaten', 'heatmap', 'heatmap', 'weakest', 'next-steps', 'next-steps']);
    expect(res.text).toContain('<p class="big-number" data-kab-index>75,00</p>');
    // every unit of Kutai Timur's 57 counts in the denominator; the other 55 have not submitted
    expect(res.text).toContain('Dihitung dari <strong>2</strong> dari 57 unit: 2 diajukan, 0 diverifikasi; tidak dihitung: 55 belum mengajukan penilaian.');
    expect(res.text).toContain('Ditampilkan 2 dari 18 kecamatan: yang diajukan atau diverifikasi dan lengkap; 16 belum mengajukan penilaian atau belum lengkap.');
    expect(res.text).toContain('Belum ada perangkat daerah yang dihitung (0 dari 39).');
    // A1: Busang 2 below target 4, Telen at 4
    expect(res.text).toContain('1 dari 57 unit di bawah target (1 sudah mencapai target, 55 belum mengajukan penilaian)');
    expect(res.text).toContain('Kecamatan Busang');
    expect(res.text).toContain(`data-poll-url="/periods/${ctx.periodId}/presentation.json?basis=verified&amp;anon=0"`);
  });

  it('hides unit names as "Unit n" by a stable number in the slides and the JSON', async () => {
    const { agent } = await loginAs(ctx.app, fasilitator);
    const busang = unitId(ctx.repos, 'KEC-BUSANG');
    const alias = ctx.repos.assessments.listPeriodUnits(ctx.periodId).map((u) => u.unitId).sort((a, b) => a - b).indexOf(busang) + 1;

    const page = await agent.get(`${base()}?anon=1`);
    const json = await agent.get(`${base()}.json?anon=1`);

    expect(page.text).not.toContain('Kecamatan Busang');
    expect(page.text).toContain(`<th scope="row">Unit ${alias}</th>`);
    expect(json.body.heatmap.map((r: { name: string; code: string }) => [r.name, r.code])).toContainEqual([`Unit ${alias}`, '']);
    expect(JSON.stringify(json.body)).not.toContain('Busang');
  });

  it('changes the JSON fingerprint, and only then, when a unit submits', async () => {
    const { agent } = await loginAs(ctx.app, fasilitator);
    const first = await agent.get(`${base()}.json`);
    const again = await agent.get(`${base()}.json`);

    buildAssessment(ctx, { unitId: unitId(ctx.repos, 'PD-DINKES'), fill: 3, status: 'diajukan', userId: adminId });
    const after = await agent.get(`${base()}.json`);
    const deck = await agent.get(`${base()}/deck`);

    expect(again.body.fingerprint).toBe(first.body.fingerprint);
    expect(after.body.fingerprint).not.toBe(first.body.fingerprint);
    expect(after.body.index.kabupaten.mean).toBeCloseTo(75, 12);
    expect(after.body.counts.counted).toBe(3);
    expect(after.headers['cache-control']).toBe('no-store');
    expect(deck.text.startsWith('\n<div class="deck" data-deck') || deck.text.trimStart().startsWith('<div class="deck" data-deck')).toBe(true);
    expect(deck.text).toContain(`data-fingerprint="${after.body.fingerprint}"`);
  });

  it('serves slides made once per change of the data, never stale and never mixing named and anonymous decks', async () => {
    const { agent } = await loginAs(ctx.app, fasilitator);
    const named = await agent.get(`${base()}/deck`);
    const anon = await agent.get(`${base()}/deck?anon=1`);
    const namedAgain = await agent.get(`${base()}/deck`);

    buildAssessment(ctx, { unitId: unitId(ctx.repos, 'PD-DINKES'), fill: 3, status: 'diajukan', userId: adminId });
    const after = await agent.get(`${base()}/deck`);

    expect(namedAgain.text).toBe(named.text);
    expect(named.text).toContain('Kecamatan Busang');
    expect(anon.text).not.toContain('Kecamatan Busang');
    expect(named.text).toContain('<p class="big-number" data-kab-index>75,00</p>');
    expect(after.text).not.toBe(named.text);
    expect(after.text).toContain('Dihitung dari <strong>3</strong> dari 57 unit');
  });

  it('freezes the numbers in a dated snapshot that stays the same while units keep submitting', async () => {
    const { agent } = await loginAs(ctx.app, fasilitator);
    const live = await agent.get(base());

    const created = await agent.post(`${base()}/snapshots`).type('form').send({ _csrf: csrfFrom(live.text), basis: 'verified', anon: '0' });
    const url = created.headers.location as string;
    const before = await agent.get(url);
    buildAssessment(ctx, { unitId: unitId(ctx.repos, 'PD-DINKES'), fill: 0, status: 'diajukan', userId: adminId });
    const later = await agent.get(url);
    const json = await agent.get(url.replace('?anon=0', '.json'));
    const liveNow = await agent.get(`${base()}.json`);

    expect(created.status).toBe(302);
    expect(url).toMatch(new RegExp(`^/periods/${ctx.periodId}/presentation/snapshots/\\d+\\?anon=0$`));
    expect(snapshotCount(ctx)).toBe(1);
    expect(later.text).toContain('<p class="big-number" data-kab-index>75,00</p>');
    expect(later.text).toMatch(/Snapshot \d{1,2} [A-Z][a-z]+ \d{4} pukul \d{2}\.\d{2} WITA/);
    expect(later.text).not.toContain('data-poll-url');
    expect(later.text.replace(/\s+/g, ' ')).toBe(before.text.replace(/\s+/g, ' '));
    expect(json.body.index.kabupaten.mean).toBe(75);
    expect(json.body.snapshot.createdBy).toBe(`Pengguna ${fasilitator}`);
    // (50 + 100 + 0) / 3 live
    expect(liveNow.body.index.kabupaten.mean).toBeCloseTo(50, 12);
  });

  it('lists the snapshots with their date and time', async () => {
    const { agent } = await loginAs(ctx.app, fasilitator);
    const live = await agent.get(base());
    await agent.post(`${base()}/snapshots`).type('form').send({ _csrf: csrfFrom(live.text), basis: 'self' });

    const list = await agent.get(`${base()}/snapshots`);

    expect(list.status).toBe(200);
    expect(list.text).toMatch(/<td>\d{1,2} [A-Z][a-z]+ \d{4} pukul \d{2}\.\d{2}<\/td><td>Penilaian mandiri<\/td>/);
  });

  it('refuses a snapshot without the CSRF token or with an unknown basis, storing nothing', async () => {
    const { agent, csrf } = await loginAs(ctx.app, fasilitator);

    const noToken = await agent.post(`${base()}/snapshots`).type('form').send({ basis: 'verified' });
    const badBasis = await agent.post(`${base()}/snapshots`).set('Accept', 'application/json').type('form').send({ _csrf: csrf, basis: 'semua' });

    expect(noToken.status).toBe(403);
    expect(badBasis.status).toBe(422);
    expect(badBasis.body.error.fields).toEqual({ basis: 'dasar tingkat harus self atau verified' });
    expect(snapshotCount(ctx)).toBe(0);
  });

  it('does not show a snapshot under another period', async () => {
    const { agent } = await loginAs(ctx.app, fasilitator);
    const live = await agent.get(base());
    const created = await agent.post(`${base()}/snapshots`).type('form').send({ _csrf: csrfFrom(live.text), basis: 'verified' });
    const id = /snapshots\/(\d+)/.exec(created.headers.location as string)?.[1];
    const other = ctx.repos.periods.insert({ name: 'Periode lain', year: 2023, instrumentId: ctx.repos.periods.findById(ctx.periodId)?.instrumentId ?? 1, deadline: null });

    const res = await agent.get(`/periods/${other}/presentation/snapshots/${id}`);

    expect(res.status).toBe(404);
  });

  it('forbids the presentation to a narahubung, including the JSON and creating snapshots', async () => {
    const nara = await buildUser(ctx.repos, { role: 'narahubung', unitId: unitId(ctx.repos, 'KEC-BUSANG') });
    const { agent, csrf } = await loginAs(ctx.app, nara.username);

    const page = await agent.get(base());
    const json = await agent.get(`${base()}.json`);
    const post = await agent.post(`${base()}/snapshots`).type('form').send({ _csrf: csrf, basis: 'verified' });
    const anonymous = await request(ctx.app).get(`${base()}.json`);

    expect([page.status, json.status, post.status, anonymous.status]).toEqual([403, 403, 403, 401]);
    expect(snapshotCount(ctx)).toBe(0);
  });
});
