import fs from 'node:fs';
import { buildUser, loginAs, type TestContext, type TestSession } from '../helpers/test-app';
import { monevTestContext, monevState, rowReportForm, type MonevSetup } from '../helpers/monev';

const OWN_REPORT = 'Laporan yang Anda isi sendiri harus ditelaah oleh pengguna lain.';
type Table = 'monev_row_reports' | 'monev_unit_reports';

describe('nobody who saved a monev report since its last review reviews it, not only its last saver', () => {
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

  const idOf = (username: string) => (ctx.db.prepare('SELECT id FROM users WHERE username = ?').get(username) as { id: number }).id;
  const stored = (table: Table) => ctx.db.prepare(`SELECT review_state, reported_by, filled_by, version FROM ${table}`).get() as {
    review_state: string; reported_by: number; filled_by: string; version: number;
  };
  const review = (s: TestSession, url: string, version: number, decision: string, comment = '') =>
    s.agent.post(`${url}/review`).type('form').send({ _csrf: s.csrf, version: String(version), decision, comment });
  const unitForm = (csrf: string, version: string, activity: string, action = 'ajukan') => ({
    _csrf: csrf, version, action, status_A1: 'berjalan', activity_A1: activity, kendala_A1: '', link_A1: '',
    status_A2: 'belum_dimulai', activity_A2: '', kendala_A2: '', link_A2: '',
  });

  it('refuses admin A accepting or returning the row figures A submitted after tim Renaksi T saved them with only a link, and changes nothing', async () => {
    const admin = await loginAs(ctx.app, m.users.admin);
    const tim = await loginAs(ctx.app, m.users.tim);
    await admin.agent.post(rowUrl).type('form').send(rowReportForm(admin.csrf, { realisasi: '2' }));
    await admin.agent.post(rowUrl).type('form').send(rowReportForm(admin.csrf, { version: '1', realisasi: '2', action: 'ajukan' }));
    expect(stored('monev_row_reports')).toEqual({ review_state: 'diajukan', reported_by: idOf(m.users.admin), filled_by: `[${idOf(m.users.admin)}]`, version: 3 });
    const saved = await tim.agent.post(rowUrl).type('form').send(rowReportForm(tim.csrf, { version: '3', realisasi: '2', link: 'https://contoh.go.id/bukti.pdf' }));
    expect(saved.status).toBe(302);
    expect(stored('monev_row_reports')).toEqual({
      review_state: 'diajukan', reported_by: idOf(m.users.tim), filled_by: `[${idOf(m.users.admin)},${idOf(m.users.tim)}]`, version: 4,
    });
    const before = monevState(ctx);

    const page = await admin.agent.get(rowUrl);
    const accept = await review(admin, rowUrl, 4, 'terima');
    const giveBack = await review(admin, rowUrl, 4, 'kembalikan', 'Saya kembalikan sendiri.');

    expect(page.status).toBe(200);
    expect(page.text).not.toContain('id="form-periksa"');
    expect(page.text).toContain(OWN_REPORT);
    for (const refused of [accept, giveBack]) {
      expect(refused.status).toBe(403);
      expect(refused.text).toContain(OWN_REPORT);
    }
    expect(monevState(ctx)).toBe(before);
    expect(ctx.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'monev.row.review'").get()).toEqual({ n: 0 });

    const ver = await loginAs(ctx.app, m.users.verifikator);
    expect((await ver.agent.get(rowUrl)).text).toContain('id="form-periksa"');
    expect((await review(ver, rowUrl, 4, 'terima')).status).toBe(302);
    expect(stored('monev_row_reports')).toEqual({ review_state: 'diterima', reported_by: idOf(m.users.tim), filled_by: '[]', version: 5 });
  });

  it("refuses admin A reviewing a unit's part A filled and tim Renaksi T corrected; a third person returns it and the list is emptied", async () => {
    const admin = await loginAs(ctx.app, m.users.admin);
    const tim = await loginAs(ctx.app, m.users.tim);
    expect((await admin.agent.post(unitUrl).type('form').send(unitForm(admin.csrf, '0', 'Rancangan SK tim disusun'))).status).toBe(302);
    expect((await tim.agent.post(unitUrl).type('form').send(unitForm(tim.csrf, '2', 'Rancangan SK tim disusun.', 'simpan'))).status).toBe(302);
    expect(stored('monev_unit_reports').filled_by).toBe(`[${idOf(m.users.admin)},${idOf(m.users.tim)}]`);
    const before = monevState(ctx);

    const own = await review(admin, unitUrl, 3, 'terima');
    const ownPage = await admin.agent.get(unitUrl);

    expect(own.status).toBe(403);
    expect(own.text).toContain(OWN_REPORT);
    expect(ownPage.text).not.toContain('id="form-periksa"');
    expect(monevState(ctx)).toBe(before);
    const ver = await loginAs(ctx.app, m.users.verifikator);
    expect((await review(ver, unitUrl, 3, 'kembalikan', 'Lampirkan SK tim.')).status).toBe(302);
    expect(stored('monev_unit_reports')).toMatchObject({ review_state: 'dikembalikan', filled_by: '[]' });
  });

  it("starts every round of filling fresh: the previous round's reviewer may fill, and the previous filler may then review", async () => {
    const a = await loginAs(ctx.app, m.users.admin);
    const b = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'admin' })).username);
    await a.agent.post(rowUrl).type('form').send(rowReportForm(a.csrf, { realisasi: '1', action: 'ajukan' }));
    expect((await review(b, rowUrl, 2, 'terima')).status).toBe(302);
    expect(stored('monev_row_reports').filled_by).toBe('[]');

    const corrected = await b.agent.post(rowUrl).type('form').send(rowReportForm(b.csrf, { version: '3', realisasi: '4' }));
    const bId = stored('monev_row_reports').reported_by;

    expect(corrected.status).toBe(302);
    expect(stored('monev_row_reports')).toEqual({ review_state: 'diajukan', reported_by: bId, filled_by: `[${bId}]`, version: 5 });
    expect((await review(b, rowUrl, 5, 'terima')).status).toBe(403);
    expect((await review(a, rowUrl, 5, 'terima')).status).toBe(302);
    expect(stored('monev_row_reports')).toMatchObject({ review_state: 'diterima', filled_by: '[]' });
  });
});
