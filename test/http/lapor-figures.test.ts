import { buildAssessment, buildUser, createTestContext, loginAs, unitId, type TestContext, type Agent, type TestSession } from '../helpers/test-app';
import { applyExport, EXPORT_CSV } from '../helpers/lapor';

/**
 * EXPORT_CSV exported on Friday 30 December 2022. Dinas Kesehatan keeps two reports (Dinkes Kutim is not confirmed):
 * 4100001 received Fri 5 Aug, first follow-up Fri 12 Aug (5 HK), finished Fri 19 Aug (9 HK, 17 Aug a holiday);
 * 4100002 received Mon 15 Aug, first follow-up Mon 22 Aug (4 HK), still open on 30 Dec (far past 60 HK).
 * So: 2 received, 100 % within 5 HK, 50 % finished, median 9 HK, backlog 1 (50 %) → D1 4, D2 1, D4 0, E3 0 (no target).
 * Kecamatan Sangatta Utara: one report returned as bukan wewenang → D1, D2, D4 tidak berlaku.
 */
describe('SP4N-LAPOR! figures beside the self-assessment', () => {
  let ctx: TestContext;
  let admin: TestSession;
  let dinkes: number;

  beforeEach(async () => {
    ctx = createTestContext();
    const a = await buildUser(ctx.repos, { role: 'admin' });
    admin = await loginAs(ctx.app, a.username);
    dinkes = unitId(ctx.repos, 'PD-DINKES');
  });

  const api = async (agent: Agent) => (await agent.get(`/api/periods/${ctx.periodId}/lapor`).expect(200)).body as {
    asOf: string | null;
    kabupaten: Record<string, unknown> | null;
    units: Record<string, unknown>[];
  };

  it('answers the API with the kabupaten totals and per unit figures and derived levels under the agreed names', async () => {
    await applyExport(admin.agent, admin.csrf, ctx.periodId, EXPORT_CSV);

    const body = await api(admin.agent);

    expect(body.asOf).toBe('2022-12-30');
    expect(body.units.find((u) => u.code === 'PD-DINKES')).toEqual({
      code: 'PD-DINKES', name: 'Dinas Kesehatan', group: 'perangkat daerah', received: 2, firstResponseWithin5Pct: 100, finishedPct: 50,
      medianWorkdaysToFinish: 9, backlogCount: 1, backlogPct: 50, notAuthorityPct: 0, handled: 2, firstResponseDue: 2, firstResponseWithin5: 2,
      finished: 1, notAuthority: 0, target: null, levels: { D1: 4, D2: 1, D4: 0, E3: 0 },
      monthly: Array.from({ length: 12 }, (_, i) => ({ month: `2022-${String(i + 1).padStart(2, '0')}`, received: i === 7 ? 2 : 0, finished: i === 7 ? 1 : 0 })),
    });
    expect(body.units.find((u) => u.code === 'KEC-SANGATTA-UTARA')).toMatchObject({ received: 1, notAuthorityPct: 100, finishedPct: null, levels: { D1: 'na', D2: 'na', D4: 'na', E3: 0 } });
    expect(body.units.find((u) => u.code === 'PD-DISDIK')).toMatchObject({ received: 0, levels: { D1: 'na' } });
    expect(body.kabupaten).toMatchObject({ received: 3, firstResponseWithin5Pct: 100, finishedPct: 50, backlogCount: 1, notAuthorityPct: (1 / 3) * 100 });
    expect((body.kabupaten as { groups: Record<string, { received: number }> }).groups).toMatchObject({ 'perangkat daerah': { received: 2 }, kecamatan: { received: 1 } });
  });

  it('keeps the reports of a unit deactivated after the import in the period\'s totals and tables', async () => {
    await applyExport(admin.agent, admin.csrf, ctx.periodId, EXPORT_CSV);
    const kec = unitId(ctx.repos, 'KEC-SANGATTA-UTARA');
    const disdik = unitId(ctx.repos, 'PD-DISDIK');
    ctx.db.prepare('UPDATE units SET active = 0 WHERE id IN (?, ?)').run(kec, disdik);

    const body = await api(admin.agent);

    expect(body.kabupaten).toMatchObject({ received: 3, notAuthorityPct: (1 / 3) * 100 });
    expect((body.kabupaten as { groups: Record<string, { received: number }> }).groups).toMatchObject({ kecamatan: { received: 1 } });
    expect(body.units.find((u) => u.code === 'KEC-SANGATTA-UTARA')).toMatchObject({ received: 1 });
    // a unit deactivated without reports of the period is no longer listed
    expect(body.units.find((u) => u.code === 'PD-DISDIK')).toBeUndefined();
  });

  it('answers with no figures before any import, and only to the roles that see the scores', async () => {
    const n = await buildUser(ctx.repos, { role: 'narahubung', unitId: dinkes });
    const narahubung = await loginAs(ctx.app, n.username);
    const f = await buildUser(ctx.repos, { role: 'fasilitator' });
    const fasilitator = await loginAs(ctx.app, f.username);

    expect(await api(fasilitator.agent)).toMatchObject({ asOf: null, importCount: 0, kabupaten: null, units: [] });
    expect((await narahubung.agent.get(`/api/periods/${ctx.periodId}/lapor`)).status).toBe(403);
    expect((await narahubung.agent.get(`/periods/${ctx.periodId}/lapor/units.json`)).status).toBe(403);
  });

  it('derives E3 from the target agreed with the unit', async () => {
    await applyExport(admin.agent, admin.csrf, ctx.periodId, EXPORT_CSV);

    const saved = await admin.agent.post(`/periods/${ctx.periodId}/lapor/targets`).type('form').send({ _csrf: admin.csrf, [`target_${dinkes}`]: '4' });
    const body = await api(admin.agent);
    const refused = await admin.agent.post(`/periods/${ctx.periodId}/lapor/targets`).type('form').send({ _csrf: admin.csrf, [`target_${dinkes}`]: 'dua' });

    expect(saved.status).toBe(303);
    expect(body.units.find((u) => u.code === 'PD-DINKES')).toMatchObject({ target: 4, levels: { E3: 2 } });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('value="dua"');
    expect(ctx.db.prepare('SELECT target FROM lapor_targets').all()).toEqual([{ target: 4 }]);
  });

  it('counts hari kerja without a cuti bersama the admin enters', async () => {
    await applyExport(admin.agent, admin.csrf, ctx.periodId, EXPORT_CSV);

    const added = await admin.agent.post('/admin/lapor/hari-libur').type('form').send({ _csrf: admin.csrf, day: '2022-08-10', note: 'Cuti bersama (uji)' });
    const flashed = await admin.agent.get('/admin/lapor/hari-libur');
    const body = await api(admin.agent);
    const page = await admin.agent.get('/admin/lapor/hari-libur');

    expect(added.status).toBe(303);
    expect(body.units.find((u) => u.code === 'PD-DINKES')).toMatchObject({ medianWorkdaysToFinish: 8 });
    expect(page.text).toContain('Cuti bersama (uji)');
    expect(page.text).toContain('17 Agustus 2022');
    expect(flashed.text).toContain('Cuti bersama 10 Agustus 2022 disimpan');
  });

  it('shows the narahubung the figure under D1 on the questionnaire', async () => {
    await applyExport(admin.agent, admin.csrf, ctx.periodId, EXPORT_CSV);
    const n = await buildUser(ctx.repos, { role: 'narahubung', unitId: dinkes });
    const narahubung = await loginAs(ctx.app, n.username);

    const page = await narahubung.agent.get(`/periods/${ctx.periodId}/units/${dinkes}/assessment`);

    expect(page.status).toBe(200);
    expect(page.text).toContain('Data SP4N-LAPOR! per 30 Desember 2022: 100,0 % laporan mendapat tindak lanjut pertama paling lambat 5 hari kerja (2 dari 2 laporan).');
    expect(page.text).toMatch(/data-lapor="D2">[^<]*50,0 % laporan selesai \(1 dari 2 laporan yang ditangani unit\)/);
  });

  it('puts claim and data side by side for the verifikator and takes the data\'s level in one click, with the figures as reason', async () => {
    await applyExport(admin.agent, admin.csrf, ctx.periodId, EXPORT_CSV);
    const n = await buildUser(ctx.repos, { role: 'narahubung', unitId: dinkes });
    const assessmentId = buildAssessment(ctx, { unitId: dinkes, status: 'diajukan', fill: 3, levels: { D2: 4 }, userId: n.id });
    const v = await buildUser(ctx.repos, { role: 'verifikator' });
    const verifier = await loginAs(ctx.app, v.username);
    const url = `/periods/${ctx.periodId}/units/${dinkes}/verification`;

    const page = await verifier.agent.get(url);
    const res = await verifier.agent.post(`${url}/lapor/D2`).type('form').send({ _csrf: verifier.csrf, decision_A1: 'terima', comment_B1: 'Lengkapi SK' });

    expect(page.text.replace(/\s+/g, ' ')).toMatch(/data-lapor="D2">.*?Klaim unit: <strong>tingkat 4<\/strong>.*?Menurut data SP4N-LAPOR!: <strong>tingkat 1<\/strong>.*?Klaim lebih tinggi daripada data/);
    expect(page.text).toContain(`formaction="${url}/lapor/D2"`);
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe(`${url}#ind-D2`);
    const d2 = ctx.db.prepare('SELECT verified_level, verifier_note FROM answers WHERE assessment_id = ? AND indicator_code = ?').get(assessmentId, 'D2') as { verified_level: number; verifier_note: string };
    expect(d2.verified_level).toBe(1);
    expect(d2.verifier_note).toBe('Tingkat menurut data SP4N-LAPOR! (ekspor 30 Desember 2022): 50,0 % laporan selesai (1 dari 2 laporan yang ditangani unit) → tingkat 1.');
    expect(ctx.db.prepare("SELECT decision FROM verification_decisions WHERE indicator_code = 'A1'").get()).toEqual({ decision: 'terima' });
  });

  it('flags "tidak berlaku" on D4 for a unit the data shows handling reports, and the one click sets the data\'s level', async () => {
    await applyExport(admin.agent, admin.csrf, ctx.periodId, EXPORT_CSV);
    const n = await buildUser(ctx.repos, { role: 'narahubung', unitId: dinkes });
    // Every other claim agrees with the data (D1 4, D2 1, E3 0), so only the contradicted N/A puts Dinkes in the claims table.
    const assessmentId = buildAssessment(ctx, { unitId: dinkes, status: 'diajukan', fill: 3, levels: { D1: 4, D2: 1, D4: 'na', E3: 0 }, userId: n.id });
    const v = await buildUser(ctx.repos, { role: 'verifikator' });
    const verifier = await loginAs(ctx.app, v.username);
    const url = `/periods/${ctx.periodId}/units/${dinkes}/verification`;

    const page = (await verifier.agent.get(url)).text.replace(/\s+/g, ' ');
    const claims = (await admin.agent.get(`/periods/${ctx.periodId}/lapor/claims.json`)).body as { units: { code: string; higher: number; naContradicted: number; indicators: { code: string; naContradicted: boolean }[] }[] };
    const claimsCsv = (await admin.agent.get(`/periods/${ctx.periodId}/lapor/claims.csv`)).text;
    const dash = (await admin.agent.get(`/periods/${ctx.periodId}/dashboard`)).text.replace(/\s+/g, ' ');
    await verifier.agent.post(`${url}/lapor/D4`).type('form').send({ _csrf: verifier.csrf });

    expect(page).toMatch(/data-lapor="D4">.*?Klaim unit: <strong>tidak berlaku<\/strong>.*?Menurut data SP4N-LAPOR!: <strong>tingkat 0<\/strong>.*?Unit menjawab tidak berlaku, padahal data SP4N-LAPOR! dapat menilai indikator ini/);
    expect(page).not.toMatch(/data-lapor="D1">[^]*?padahal data[^]*?data-lapor="D2"/);
    expect(ctx.db.prepare('SELECT is_na, verified_level FROM answers WHERE assessment_id = ? AND indicator_code = ?').get(assessmentId, 'D4')).toEqual({ is_na: 1, verified_level: 0 });
    const row = claims.units.find((u) => u.code === 'PD-DINKES');
    expect(row).toMatchObject({ gap: 0, higher: 0, naContradicted: 1 });
    expect(row?.indicators.filter((i) => i.naContradicted).map((i) => i.code)).toEqual(['D4']);
    expect(claimsCsv).toContain('PD-DINKES;Dinas Kesehatan;D4;tidak berlaku;0;tidak;ya;');
    expect(dash).toMatch(/id="lapor-claims".*?Dinas Kesehatan.*?<td class="warn">TB \/ 0 ▲<\/td>/);
  });

  it('refuses the one click where the data gives no level, and to a narahubung', async () => {
    await applyExport(admin.agent, admin.csrf, ctx.periodId, EXPORT_CSV);
    const kec = unitId(ctx.repos, 'KEC-SANGATTA-UTARA');
    const n = await buildUser(ctx.repos, { role: 'narahubung', unitId: kec });
    buildAssessment(ctx, { unitId: kec, status: 'diajukan', fill: 3, userId: n.id });
    const narahubung = await loginAs(ctx.app, n.username);
    const url = `/periods/${ctx.periodId}/units/${kec}/verification`;

    const na = await admin.agent.post(`${url}/lapor/D1`).type('form').send({ _csrf: admin.csrf });
    const forbidden = await narahubung.agent.post(`${url}/lapor/D1`).type('form').send({ _csrf: narahubung.csrf });

    expect(na.status).toBe(303);
    expect((await admin.agent.get(url)).text).toContain('Data SP4N-LAPOR! tidak memberi tingkat untuk D1');
    expect(forbidden.status).toBe(403);
    expect(ctx.db.prepare('SELECT COUNT(*) AS n FROM answers WHERE verified_level IS NOT NULL').get()).toEqual({ n: 0 });
  });

  it('adds the section to the dashboard with its CSV and JSON twins, and a line to the rapor', async () => {
    await applyExport(admin.agent, admin.csrf, ctx.periodId, EXPORT_CSV);
    const n = await buildUser(ctx.repos, { role: 'narahubung', unitId: dinkes });
    buildAssessment(ctx, { unitId: dinkes, status: 'diverifikasi', fill: 4, userId: n.id });

    const dash = await admin.agent.get(`/periods/${ctx.periodId}/dashboard`);
    const csv = await admin.agent.get(`/periods/${ctx.periodId}/lapor/units.csv`);
    const claims = await admin.agent.get(`/periods/${ctx.periodId}/lapor/claims.json`);
    const monthly = await admin.agent.get(`/periods/${ctx.periodId}/lapor/monthly.json`);
    const rapor = await admin.agent.get(`/periods/${ctx.periodId}/units/${dinkes}/rapor`);

    const active = (ctx.db.prepare('SELECT COUNT(*) AS n FROM units WHERE active = 1').get() as { n: number }).n;
    expect(dash.text).toContain('id="data-lapor"');
    expect(dash.text).toContain('id="lapor-monthly-chart"');
    expect(dash.text).toContain('<summary>Definisi angka</summary>');
    expect(dash.text).not.toContain('README');
    expect(active).toBeGreaterThan(40);
    expect(dash.text).toMatch(new RegExp(`2 dari ${active} unit menerima laporan pada periode ini; tanpa laporan: Sekretariat Daerah, Sekretariat DPRD, [^<]*Dinas Pendidikan`));
    expect(dash.text).not.toMatch(/tanpa laporan:[^<]*(Dinas Kesehatan|Kecamatan Sangatta Utara)[,.]/);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text.split('\r\n')[0]).toBe('\uFEFFKode unit;Unit;Kelompok;Laporan diterima;Tindak lanjut pertama ≤ 5 HK (%);Selesai (%);Median HK sampai selesai;Tunggakan melewati batas waktu;Tunggakan (%);Bukan wewenang (%);Target laporan;Tingkat D1 menurut data;Tingkat D2 menurut data;Tingkat D4 menurut data;Tingkat E3 menurut data;Diterima 2022-01;Diterima 2022-02;Diterima 2022-03;Diterima 2022-04;Diterima 2022-05;Diterima 2022-06;Diterima 2022-07;Diterima 2022-08;Diterima 2022-09;Diterima 2022-10;Diterima 2022-11;Diterima 2022-12');
    // Dinkes: both reports received in August
    expect(csv.text).toContain('PD-DINKES;Dinas Kesehatan;Perangkat Daerah;2;100,0;50,0;9,00;1;50,0;0,0;;4;1;0;0;0;0;0;0;0;0;0;2;0;0;0;0');
    expect(claims.body.units[0]).toMatchObject({ code: 'PD-DINKES', higher: 3, gap: 11 });
    expect(monthly.body.months[7]).toEqual({ month: '2022-08', kabupaten: { month: '2022-08', received: 2, finished: 1 }, groups: { 'perangkat daerah': { month: '2022-08', received: 2, finished: 1 }, kecamatan: { month: '2022-08', received: 0, finished: 0 } } });
    expect(rapor.text).toContain('Data SP4N-LAPOR!: 2 laporan · ≤ 5 HK 100,0 % · selesai 50,0 % · tunggakan 1');
  });

  it('adds a slide to the FGD presentation once data is imported, and a snapshot keeps its numbers', async () => {
    const before = await admin.agent.get(`/periods/${ctx.periodId}/presentation.json`);
    await applyExport(admin.agent, admin.csrf, ctx.periodId, EXPORT_CSV);

    const deck = await admin.agent.get(`/periods/${ctx.periodId}/presentation`);
    const live = await admin.agent.get(`/periods/${ctx.periodId}/presentation.json`);
    const snap = await admin.agent.post(`/periods/${ctx.periodId}/presentation/snapshots`).type('form').send({ _csrf: admin.csrf, basis: 'verified' });
    await admin.agent.post('/admin/lapor/hari-libur').type('form').send({ _csrf: admin.csrf, day: '2022-08-10', note: 'Cuti' });
    const frozen = await admin.agent.get(`${snap.headers.location?.split('?')[0]}.json`);

    expect(before.body.lapor).toBeUndefined();
    expect(deck.text).toContain('Data SP4N-LAPOR!: laporan yang sebenarnya');
    expect(live.body.fingerprint).not.toBe(before.body.fingerprint);
    const active = (ctx.db.prepare('SELECT COUNT(*) AS n FROM units WHERE active = 1').get() as { n: number }).n;
    expect(live.body.lapor).toMatchObject({ asOf: '2022-12-30', received: 3, finishedPct: 50, backlogCount: 1, unitsWithReports: 2, unitCount: active, medianWorkdaysToFinish: 9 });
    expect(deck.text).toContain(`2 dari ${active} unit menerima laporan`);
    expect(frozen.body.lapor.medianWorkdaysToFinish).toBe(9);
    expect((await admin.agent.get(`/periods/${ctx.periodId}/presentation.json`)).body.lapor.medianWorkdaysToFinish).toBe(8);
  });
});
