import type { Role } from '../../src/shared/identity';
import { buildUser, createTestContext, csrfFrom, loginAs, unitId, type TestContext, type Agent } from '../helpers/test-app';
import { draftedPlan, type seedGaps } from '../helpers/renaksi';
import { readDocx } from '../helpers/docx';

const download = (agent: Agent, url: string) => agent.get(url).buffer(true).responseType('blob');
const audits = (ctx: TestContext) => ctx.db.prepare("SELECT unit_id FROM audit_log WHERE action = 'export.renaksi.unit'").all();

describe('a unit’s own Renaksi (Word) over HTTP', () => {
  let ctx: TestContext;
  let ids: Awaited<ReturnType<typeof seedGaps>>;
  let tim: string;
  let docUrl: (unit: number) => string;

  // seedGaps: Busang A1 = 1 and A2 = 2, Dinkes A1 = 3, Telen B1 = 2, every other unit 4 everywhere; the team drafted.
  beforeEach(async () => {
    ctx = createTestContext();
    ({ ids, tim } = await draftedPlan(ctx));
    docUrl = (unit) => `/periods/${ctx.periodId}/units/${unit}/renaksi.docx`;
  });

  async function finalize(): Promise<void> {
    const { agent, csrf } = await loginAs(ctx.app, tim);
    const res = await agent.post(`/periods/${ctx.periodId}/renaksi/finalize`).type('form').send({ _csrf: csrf });
    expect(res.status).toBe(302);
  }

  it.each<Role>(['admin', 'tim_renaksi', 'verifikator', 'fasilitator'])('lets %s download any unit’s Renaksi while the plan is a draft, marked as a draft', async (role) => {
    const { agent } = await loginAs(ctx.app, (await buildUser(ctx.repos, { role })).username);

    const res = await download(agent, docUrl(ids.busang));

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="renaksi-sp4n-lapor-periode-${ctx.periodId}-kec-busang.docx"`);
    const { kind, text } = await readDocx(res.body as Buffer);
    expect(kind).toBe('docx');
    expect(text).toContain('DRAF – Renaksi kabupaten belum difinalkan; isi dokumen ini dapat berubah.');
    expect(text).toContain('Narahubung : belum ditunjuk\n');
    expect(audits(ctx)).toEqual([{ unit_id: ids.busang }]);
  });

  it('prints the unit’s gap indicators with the target level per year, the activities for its level, its head, narahubung and notes', async () => {
    const admin = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'admin' })).username);
    const form = await admin.agent.get(`/admin/units/${ids.busang}/edit`);
    const saved = await admin.agent.post(`/admin/units/${ids.busang}`).type('form').send({
      _csrf: csrfFrom(form.text), code: 'KEC-BUSANG', name: 'Kecamatan Busang', group: 'kecamatan', abbreviation: 'Kec. Busang',
      headTitle: '', headName: 'Drs. Hadi Santoso', headNip: '19700101 199003 1 001',
    });
    expect(saved.status).toBe(302);
    await buildUser(ctx.repos, { role: 'narahubung', unitId: ids.busang, username: 'nh.busang' });
    const plan = ctx.repos.renaksi.findPlan(ctx.periodId);
    ctx.repos.renaksiUnitNotes.insertNote({ planId: plan?.id ?? 0, unitId: ids.busang, indicatorCode: 'A1', note: 'SK menunggu tanda tangan Camat', userId: ids.adminId });
    ctx.repos.renaksiUnitNotes.insertNote({ planId: plan?.id ?? 0, unitId: ids.busang, indicatorCode: null, note: 'Pendampingan oleh Diskominfo', userId: ids.adminId });

    const { text } = await readDocx((await download(admin.agent, docUrl(ids.busang))).body as Buffer);

    expect(text).toContain('PETIKAN LAMPIRAN II KEPUTUSAN BUPATI KUTAI TIMUR');
    expect(text).toContain('TENTANG : RENCANA AKSI PENGELOLAAN PENGADUAN PELAYANAN PUBLIK MELALUI SP4N-LAPOR! KABUPATEN KUTAI TIMUR TAHUN 2022–2024');
    expect(text).toContain('KECAMATAN BUSANG\nTAHUN 2022–2024');
    expect(text).toContain('Unit kerja : Kecamatan Busang\n');
    expect(text).toContain('\nTingkat awal\n');
    expect(text).toContain('Kepala unit : Camat Busang, Drs. Hadi Santoso, NIP 19700101 199003 1 001');
    expect(text).toContain('Narahubung : Pengguna nh.busang');
    expect(text).toContain('Kecamatan Busang berada di bawah tingkat target pada 2 indikator dalam 1 aspek');
    const inds = ctx.instrument.aspects.flatMap((a) => a.indicators) as unknown as { code: string; title: string; activities: { activity: string; forLevels?: number[] }[] }[];
    const ind = (code: string) => inds.find((i) => i.code === code) ?? { code, title: '', activities: [] };
    const forLevel = (code: string, level: number) => ind(code).activities.filter((a) => !a.forLevels || a.forLevels.includes(level));
    // A1 from level 1: 2, 3, 4 at the end of 2022, 2023, 2024; A2 from level 2: 3, 4, 4.
    expect(text).toContain(`\n1\nA1 ${ind('A1').title}\n`);
    expect(text).toMatch(/\nA1 [^\n]*\n[^\n]*\n1\n2\n3\n4\n1\. /);
    expect(text).toMatch(/\nA2 [^\n]*\n[^\n]*\n2\n3\n4\n4\n1\. /);
    expect(text).toContain(`1. ${forLevel('A1', 1)[0]?.activity} (keluaran: `);
    expect(text).toContain('Catatan tim Renaksi: SK menunggu tanda tangan Camat');
    expect(text).toContain('– Pendampingan oleh Diskominfo');
    expect(text).not.toContain('\nB1 ');
    expect(text).toContain('BUPATI KUTAI TIMUR,\nH. ARDIANSYAH SULAIMAN');
  });

  it('prints the signer and decree a final plan was signed with, and the current ones in a draft', async () => {
    const { agent } = await loginAs(ctx.app, tim);
    const draftBefore = (await readDocx((await download(agent, docUrl(ids.busang))).body as Buffer)).text;
    await finalize();

    ctx.repos.settings.set('renaksi.signer', 'DRS. H. MAHYUNADI');
    const signed = (await readDocx((await download(agent, docUrl(ids.busang))).body as Buffer)).text;
    const admin = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'admin' })).username);
    expect((await admin.agent.post(`/periods/${ctx.periodId}/renaksi/reopen`).type('form').send({ _csrf: admin.csrf })).status).toBe(302);
    const reopened = (await readDocx((await download(agent, docUrl(ids.busang))).body as Buffer)).text;

    expect(draftBefore).toContain('BUPATI KUTAI TIMUR,\nH. ARDIANSYAH SULAIMAN');
    expect(signed).toContain('BUPATI KUTAI TIMUR,\nH. ARDIANSYAH SULAIMAN');
    expect(signed).not.toContain('MAHYUNADI');
    expect(reopened).toContain('BUPATI KUTAI TIMUR,\nDRS. H. MAHYUNADI');
  });

  it('tells a unit at target on every indicator that it keeps its level, without a table', async () => {
    const { agent } = await loginAs(ctx.app, tim);

    const { text } = await readDocx((await download(agent, docUrl(unitId(ctx.repos, 'KEC-KAUBUN')))).body as Buffer);

    expect(text).toContain('Kecamatan Kaubun telah mencapai tingkat target pada seluruh indikator Rencana Aksi; unit menjaga capaian tersebut sampai akhir tahun 2024.');
    expect(text).not.toContain('Target tingkat pada akhir tahun');
  });

  it('gives a narahubung their own unit’s Renaksi only once the plan is final, never another unit’s', async () => {
    const own = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'narahubung', unitId: ids.busang })).username);
    const other = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'narahubung', unitId: ids.telen })).username);

    const before = [await own.agent.get(docUrl(ids.busang)), await other.agent.get(docUrl(ids.busang))];
    await finalize();
    const after = await download(own.agent, docUrl(ids.busang));
    const otherAfter = await other.agent.get(docUrl(ids.busang));

    expect(before.map((r) => r.status)).toEqual([403, 403]);
    expect(before[0]?.text).toContain('Renaksi unit dapat diunduh setelah Renaksi kabupaten difinalkan oleh tim Renaksi.');
    expect(before[1]?.text).toContain('Anda tidak memiliki akses ke halaman ini.');
    expect(after.status).toBe(200);
    const { text } = await readDocx(after.body as Buffer);
    expect(text).toContain('KECAMATAN BUSANG');
    expect(text).not.toContain('DRAF');
    expect(otherAfter.status).toBe(403);
    expect(audits(ctx)).toEqual([{ unit_id: ids.busang }]);
  });

  it('links the unit’s pages to its Renaksi for whoever may download it now', async () => {
    const nh = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'narahubung', unitId: ids.busang })).username);
    const ver = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'verifikator' })).username);
    const link = `href="${docUrl(ids.busang)}"`;

    const homeBefore = (await nh.agent.get('/')).text;
    const scores = (await ver.agent.get(`/periods/${ctx.periodId}/units/${ids.busang}/scores`)).text;
    await finalize();
    const homeAfter = (await nh.agent.get('/')).text;

    expect(homeBefore).not.toContain(link);
    expect(scores).toContain(`${link}>Renaksi unit (Word)</a>`);
    expect(homeAfter).toContain(`${link}>Renaksi unit (Word)</a>`);
  });

  it('answers 404 for a unit that does not exist and for a period without a drafted plan', async () => {
    const { agent } = await loginAs(ctx.app, tim);
    const fresh = createTestContext();
    const freshAdmin = await loginAs(fresh.app, (await buildUser(fresh.repos, { role: 'admin' })).username);

    const unknown = await agent.get(docUrl(999999));
    const noPlan = await freshAdmin.agent.get(`/periods/${fresh.periodId}/units/${unitId(fresh.repos, 'KEC-BUSANG')}/renaksi.docx`);

    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('Unit tidak ditemukan.');
    expect(noPlan.status).toBe(404);
    expect(noPlan.text).toContain('Renaksi tidak ditemukan.');
    expect(audits(ctx)).toEqual([]);
    const scores = await freshAdmin.agent.get(`/periods/${fresh.periodId}/units/${unitId(fresh.repos, 'KEC-BUSANG')}/scores`);
    expect(scores.status).toBe(200);
    expect(scores.text).not.toContain('renaksi.docx');
  });
});

describe('the head of a unit on the admin’s unit form', () => {
  it('refuses a NIP that is not 18 digits with the field named and the values kept, and stores a good one', async () => {
    const ctx = createTestContext();
    const busang = unitId(ctx.repos, 'KEC-BUSANG');
    const { agent } = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'admin' })).username);
    const csrf = csrfFrom((await agent.get(`/admin/units/${busang}/edit`).expect(200)).text);
    const body = { _csrf: csrf, code: 'KEC-BUSANG', name: 'Kecamatan Busang', group: 'kecamatan', abbreviation: 'Kec. Busang', headTitle: '', headName: 'Drs. Hadi Santoso' };

    const bad = await agent.post(`/admin/units/${busang}`).type('form').send({ ...body, headNip: '1970 0101' });
    const afterBad = ctx.repos.units.findById(busang);
    const good = await agent.post(`/admin/units/${busang}`).type('form').send({ ...body, headTitle: 'Camat Busang (Plt.)', headNip: '197001011990031001' });

    expect(bad.status).toBe(422);
    expect(bad.text).toContain('NIP kepala unit terdiri atas 18 angka (spasi di antara kelompok angka boleh).');
    expect(bad.text).toContain('value="Drs. Hadi Santoso"');
    expect(afterBad).toMatchObject({ headName: '', headNip: '' });
    expect(good.status).toBe(302);
    expect(ctx.repos.units.findById(busang)).toMatchObject({ headTitle: 'Camat Busang (Plt.)', headName: 'Drs. Hadi Santoso', headNip: '197001011990031001' });
    const audit = ctx.db.prepare("SELECT new_value FROM audit_log WHERE action = 'unit.update'").get() as { new_value: string };
    expect(JSON.parse(audit.new_value)).toMatchObject({ namaKepala: 'Drs. Hadi Santoso', nipKepala: '197001011990031001' });
  });
});
