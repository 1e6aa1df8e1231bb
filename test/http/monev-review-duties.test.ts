import fs from 'node:fs';
import { buildUser, loginAs, type TestContext } from '../helpers/test-app';
import { monevTestContext, monevState, rowReportForm, type MonevSetup } from '../helpers/monev';

const OWN_REPORT = 'Laporan yang Anda isi sendiri harus ditelaah oleh pengguna lain.';

/** The submission date beside the state badge, in brackets so it does not read "Diajukan diajukan 12 Juli …". */
const SUBMITTED_ON = /<span class="muted">\(diajukan \d{1,2} [A-Z][a-z]+ \d{4} pukul \d{2}\.\d{2}\)<\/span>/;

describe('the reviewer of a monev report is not the person who filled it', () => {
  let ctx: TestContext;
  let dataDir: string;
  let m: MonevSetup;
  let rowUrl: string;
  let unitUrl: string;

  beforeEach(async () => {
    ({ ctx, m, dataDir } = await monevTestContext());
    rowUrl = `${m.url}/rows/${m.rowA1}/2022-1`;
    unitUrl = `${m.url}/units/${m.busang}/2022-2`;
  });

  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const reviewState = (table: 'monev_row_reports' | 'monev_unit_reports') =>
    (ctx.db.prepare(`SELECT review_state FROM ${table}`).get() as { review_state: string } | undefined)?.review_state;

  it('refuses an admin accepting the row report they submitted, hides the form from them, and changes nothing', async () => {
    const admin = await loginAs(ctx.app, m.users.admin);
    await admin.agent.post(rowUrl).type('form').send(rowReportForm(admin.csrf, { realisasi: '2', action: 'ajukan' }));
    const before = monevState(ctx);

    const page = await admin.agent.get(rowUrl);
    const accept = await admin.agent.post(`${rowUrl}/review`).type('form').send({ _csrf: admin.csrf, version: '2', decision: 'terima', comment: '' });
    const giveBack = await admin.agent.post(`${rowUrl}/review`).type('form').send({ _csrf: admin.csrf, version: '2', decision: 'kembalikan', comment: 'Saya kembalikan sendiri.' });

    expect(page.status).toBe(200);
    expect(page.text).not.toContain('id="form-periksa"');
    expect(page.text).toContain(OWN_REPORT);
    expect(page.text).toMatch(SUBMITTED_ON);
    expect(accept.status).toBe(403);
    expect(accept.text).toContain(OWN_REPORT);
    expect(giveBack.status).toBe(403);
    expect(monevState(ctx)).toBe(before);
    expect(reviewState('monev_row_reports')).toBe('diajukan');
    expect(ctx.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'monev.row.review'").get()).toEqual({ n: 0 });
  });

  it('lets another admin or a verifikator accept what an admin submitted', async () => {
    const admin = await loginAs(ctx.app, m.users.admin);
    await admin.agent.post(rowUrl).type('form').send(rowReportForm(admin.csrf, { realisasi: '2', action: 'ajukan' }));
    const other = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'admin' })).username);

    const page = await other.agent.get(rowUrl);
    const accept = await other.agent.post(`${rowUrl}/review`).type('form').send({ _csrf: other.csrf, version: '2', decision: 'terima', comment: '' });

    expect(page.text).toContain('id="form-periksa"');
    expect(page.text).not.toContain(OWN_REPORT);
    expect(accept.status).toBe(302);
    expect(reviewState('monev_row_reports')).toBe('diterima');
  });

  it("refuses an admin reviewing a unit's own part they filled, while the verifikator may", async () => {
    const admin = await loginAs(ctx.app, m.users.admin);
    const form = {
      _csrf: admin.csrf, version: '0', action: 'ajukan', status_A1: 'berjalan', activity_A1: 'Rancangan SK tim disusun', kendala_A1: '', link_A1: '',
      status_A2: 'belum_dimulai', activity_A2: '', kendala_A2: '', link_A2: '',
    };
    expect((await admin.agent.post(unitUrl).type('form').send(form)).status).toBe(302);
    const before = monevState(ctx);

    const own = await admin.agent.post(`${unitUrl}/review`).type('form').send({ _csrf: admin.csrf, version: '2', decision: 'terima', comment: '' });
    const ownPage = await admin.agent.get(unitUrl);

    expect(own.status).toBe(403);
    expect(own.text).toContain(OWN_REPORT);
    expect(ownPage.text).not.toContain('id="form-periksa"');
    expect(ownPage.text).toMatch(SUBMITTED_ON);
    expect(monevState(ctx)).toBe(before);
    const ver = await loginAs(ctx.app, m.users.verifikator);
    const accept = await ver.agent.post(`${unitUrl}/review`).type('form').send({ _csrf: ver.csrf, version: '2', decision: 'terima', comment: '' });
    expect(accept.status).toBe(302);
    expect(reviewState('monev_unit_reports')).toBe('diterima');
  });

  it('keeps the report form on its stored values and the typed decision when a review is refused with 422', async () => {
    const setda = await loginAs(ctx.app, m.users.setda);
    await setda.agent.post(rowUrl).type('form').send(rowReportForm(setda.csrf, { realisasi: '3', kendala: 'SK belum terbit', action: 'ajukan' }));
    const admin = await loginAs(ctx.app, m.users.admin);
    const ver = await loginAs(ctx.app, m.users.verifikator);
    const before = monevState(ctx);

    const byAdmin = await admin.agent.post(`${rowUrl}/review`).type('form').send({ _csrf: admin.csrf, version: '2', decision: 'kembalikan', comment: '' });
    const byVerifikator = await ver.agent.post(`${rowUrl}/review`).type('form').send({ _csrf: ver.csrf, version: '2', decision: 'kembalikan', comment: '' });

    expect(byAdmin.status).toBe(422);
    expect(byAdmin.text).toContain('Komentar verifikator: wajib diisi');
    expect(byAdmin.text).toContain('id="form-laporan"');
    expect(byAdmin.text).toContain('name="realisasi_1" inputmode="decimal" autocomplete="off" value="3"');
    expect(byAdmin.text).toContain('SK belum terbit</textarea>');
    expect(byAdmin.text).toMatch(/value="berjalan" checked/);
    expect(byAdmin.text).toMatch(/value="kembalikan" checked/);
    expect(byVerifikator.status).toBe(422);
    expect(byVerifikator.text).not.toContain('Isian Anda (belum tersimpan)');
    expect(byVerifikator.text).toMatch(/value="kembalikan" checked/);
    expect(monevState(ctx)).toBe(before);
  });

  it('sends an accepted report an admin corrects back for review by someone else, never accepted by nobody', async () => {
    const setda = await loginAs(ctx.app, m.users.setda);
    const ver = await loginAs(ctx.app, m.users.verifikator);
    const admin = await loginAs(ctx.app, m.users.admin);
    await setda.agent.post(rowUrl).type('form').send(rowReportForm(setda.csrf, { realisasi: '1', action: 'ajukan' }));
    await ver.agent.post(`${rowUrl}/review`).type('form').send({ _csrf: ver.csrf, version: '2', decision: 'terima', comment: '' });
    const form = await admin.agent.get(rowUrl);

    const corrected = await admin.agent.post(rowUrl).type('form').send(rowReportForm(admin.csrf, { version: '3', realisasi: '9' }));
    const own = await admin.agent.post(`${rowUrl}/review`).type('form').send({ _csrf: admin.csrf, version: '5', decision: 'terima', comment: '' });

    expect(form.text).toContain('Laporan ini sudah diterima; bila Anda mengubahnya, laporan diajukan kembali dan diperiksa oleh verifikator atau admin lain.');
    expect(corrected.status).toBe(302);
    expect(ctx.db.prepare('SELECT realisasi, review_state FROM monev_row_reports').get()).toEqual({ realisasi: 9, review_state: 'diajukan' });
    expect(own.status).toBe(403);
    expect(reviewState('monev_row_reports')).toBe('diajukan');
    const accept = await ver.agent.post(`${rowUrl}/review`).type('form').send({ _csrf: ver.csrf, version: '5', decision: 'terima', comment: '' });
    expect(accept.status).toBe(302);
    expect(reviewState('monev_row_reports')).toBe('diterima');
  });

  it("sends an accepted unit part an admin corrects back for review", async () => {
    const busang = await loginAs(ctx.app, m.users.busang);
    const item = (csrf: string, version: string, activity: string) => ({
      _csrf: csrf, version, action: 'ajukan', status_A1: 'berjalan', activity_A1: activity, kendala_A1: '', link_A1: '',
      status_A2: 'belum_dimulai', activity_A2: '', kendala_A2: '', link_A2: '',
    });
    await busang.agent.post(unitUrl).type('form').send(item(busang.csrf, '0', 'Rancangan SK tim disusun'));
    const ver = await loginAs(ctx.app, m.users.verifikator);
    await ver.agent.post(`${unitUrl}/review`).type('form').send({ _csrf: ver.csrf, version: '2', decision: 'terima', comment: '' });
    const admin = await loginAs(ctx.app, m.users.admin);
    const page = await admin.agent.get(unitUrl);

    const corrected = await admin.agent.post(unitUrl).type('form').send({ ...item(admin.csrf, '3', 'SK tim ditetapkan'), action: 'simpan' });
    const own = await admin.agent.post(`${unitUrl}/review`).type('form').send({ _csrf: admin.csrf, version: '5', decision: 'terima', comment: '' });

    expect(page.text).toContain('id="koreksi-diterima"');
    expect(corrected.status).toBe(302);
    expect(reviewState('monev_unit_reports')).toBe('diajukan');
    expect(own.status).toBe(403);
    expect(reviewState('monev_unit_reports')).toBe('diajukan');
  });
});
