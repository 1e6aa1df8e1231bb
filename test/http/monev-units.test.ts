import fs from 'node:fs';
import { loginAs, unitId, type TestContext } from '../helpers/test-app';
import { EXE_BYTES, pdfBytes } from '../helpers/evidence-files';
import { monevTestContext, monevState, rowReportForm, type MonevSetup } from '../helpers/monev';

describe("a unit's own part, the reporting windows and the coordinating PD", () => {
  let ctx: TestContext;
  let dataDir: string;
  let m: MonevSetup;
  let unitUrl: string;

  beforeEach(async () => {
    ({ ctx, m, dataDir } = await monevTestContext());
    unitUrl = `${m.url}/units/${m.busang}/2022-2`;
  });

  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const unitForm = (csrf: string, over: Record<string, string> = {}) => ({
    _csrf: csrf, version: '0', action: 'simpan', status_A1: 'berjalan', activity_A1: 'Rancangan SK tim disusun', kendala_A1: '', link_A1: '',
    status_A2: '', activity_A2: '', kendala_A2: '', link_A2: '', ...over,
  });

  it("lets a unit's narahubung report its Lampiran II indicators with a file and submit them", async () => {
    const { agent, csrf } = await loginAs(ctx.app, m.users.busang);
    const page = await agent.get(unitUrl);

    const draft = await agent.post(unitUrl).field(unitForm(csrf)).attach('file_A1', pdfBytes(), 'rancangan-sk.pdf');
    const early = await agent.post(unitUrl).type('form').send(unitForm(csrf, { version: '1', action: 'ajukan' }));
    const submit = await agent.post(unitUrl).type('form').send(unitForm(csrf, { version: '1', action: 'ajukan', status_A2: 'belum_dimulai' }));

    expect(page.status).toBe(200);
    expect(page.text).toContain('A1 –');
    expect(page.text).toContain('A2 –');
    expect(draft.status).toBe(302);
    expect(early.status).toBe(422);
    expect(early.text).toContain('Indikator A2 – status: pilih status sebelum mengajukan laporan.');
    expect(submit.status).toBe(302);
    expect(ctx.db.prepare('SELECT unit_id, year, semester, review_state FROM monev_unit_reports').all()).toEqual([{ unit_id: m.busang, year: 2022, semester: 2, review_state: 'diajukan' }]);
    expect(ctx.db.prepare('SELECT indicator_code, status, activity FROM monev_unit_items ORDER BY indicator_code').all()).toEqual([
      { indicator_code: 'A1', status: 'berjalan', activity: 'Rancangan SK tim disusun' },
      { indicator_code: 'A2', status: 'belum_dimulai', activity: '' },
    ]);
    expect(ctx.db.prepare('SELECT indicator_code, file_name FROM monev_evidence').all()).toEqual([{ indicator_code: 'A1', file_name: 'rancangan-sk.pdf' }]);
    const api = await (await loginAs(ctx.app, m.users.verifikator)).agent.get(`/api/periods/${ctx.periodId}/renaksi/progress`);
    const busang = api.body.units.find((u: { id: number }) => u.id === m.busang);
    expect(busang.indicators).toEqual(['A1', 'A2']);
    expect(busang.semesters[1]).toMatchObject({ key: '2022-2', ownPart: 'diajukan', reported: true });
  });

  it("refuses another unit's own part with 403 and changes nothing", async () => {
    const { agent, csrf } = await loginAs(ctx.app, m.users.telen);
    const before = monevState(ctx);

    const res = await agent.post(unitUrl).type('form').send(unitForm(csrf));

    expect(res.status).toBe(403);
    expect((await agent.get(unitUrl)).status).toBe(403);
    expect(monevState(ctx)).toBe(before);
  });

  it('refuses a file that is not what its name says, naming the indicator, and stores nothing', async () => {
    const { agent, csrf } = await loginAs(ctx.app, m.users.busang);
    const before = monevState(ctx);

    const res = await agent.post(unitUrl).field(unitForm(csrf)).attach('file_A1', EXE_BYTES, 'sk.pdf');

    expect(res.status).toBe(422);
    expect(res.text).toContain('Indikator A1: berkas');
    expect(res.text).toContain('Rancangan SK tim disusun');
    expect(monevState(ctx)).toBe(before);
  });

  it('keeps what a narahubung typed after the window closed, each box named in Indonesian, and saves nothing', async () => {
    const admin = await loginAs(ctx.app, m.users.admin);
    await admin.agent.post(`${m.url}/windows`).type('form').send({ _csrf: admin.csrf, 'opens_2022-2': '2023-01-02', 'deadline_2022-2': '2023-01-20' });
    const { agent, csrf } = await loginAs(ctx.app, m.users.busang);
    const before = monevState(ctx);

    const late = await agent.post(unitUrl).type('form').send(unitForm(csrf, { kendala_A1: 'Jaringan internet terputus', link_A1: 'https://busang.example.go.id/sk.pdf' }));

    expect(late.status).toBe(409);
    expect(monevState(ctx)).toBe(before);
    const kept = /<section class="card" id="isian-tertolak">[\s\S]*?<\/section>/.exec(late.text)?.[0] ?? '';
    expect([...kept.matchAll(/<label for="[^"]+">([^<]+)<\/label><textarea[^>]*>([^<]*)</g)].map((x) => [x[1], x[2]])).toEqual([
      ['A1 – yang dilakukan', 'Rancangan SK tim disusun'],
      ['A1 – kendala', 'Jaringan internet terputus'],
      ['A1 – tautan bukti dukung', 'https://busang.example.go.id/sk.pdf'],
    ]);
  });

  it('tells the narahubung on the page why a report cannot be changed: submitted, then the window closed', async () => {
    const { agent, csrf } = await loginAs(ctx.app, m.users.busang);
    const open = await agent.get(unitUrl);
    await agent.post(unitUrl).type('form').send(unitForm(csrf, { status_A2: 'belum_dimulai', action: 'ajukan' }));
    const submitted = await agent.get(unitUrl);
    const admin = await loginAs(ctx.app, m.users.admin);
    await admin.agent.post(`${m.url}/windows`).type('form').send({ _csrf: admin.csrf, 'opens_2022-2': '2023-01-02', 'deadline_2022-2': '2023-01-20' });

    const closed = await agent.get(unitUrl);

    const note = (html: string) => /<p class="note" role="note" id="catatan-laporan">([^<]*)<\/p>/.exec(html)?.[1] ?? null;
    expect(note(open.text)).toBeNull();
    expect(open.text).toContain('Untuk setiap indikator unit Anda di Lampiran II');
    expect(note(submitted.text)).toBe('Laporan ini sudah diajukan dan menunggu pemeriksaan verifikator; belum dapat diubah.');
    expect(note(closed.text)).toBe('Batas pelaporan: pelaporan Semester II 2022 ditutup sejak 20 Januari 2023. Hubungi admin Diskominfo untuk perbaikan.');
    expect(closed.text).not.toContain('Untuk setiap indikator unit Anda di Lampiran II');
    expect(note((await admin.agent.get(unitUrl)).text)).toBeNull();
  });

  it('sends the narahubung of a later period without its own plan to the final plan that covers its year, and offers the monev only where there is a plan', async () => {
    const instrumentId = ctx.db.prepare('SELECT instrument_id AS id FROM periods WHERE id = ?').get(ctx.periodId) as { id: number };
    const later = ctx.repos.periods.insert({ name: 'Penilaian Mandiri SP4N-LAPOR! 2023', year: 2023, instrumentId: instrumentId.id, deadline: null });
    const { agent } = await loginAs(ctx.app, m.users.busang);

    const page = await agent.get(`/periods/${later}/renaksi/monev`);
    const home = await agent.get('/');

    expect(page.status).toBe(200);
    expect(page.text).toContain(`Realisasi tahun 2023 dilaporkan pada Renaksi 2022–2024 yang sudah final dari Penilaian Mandiri SP4N-LAPOR! 2022: <a href="/periods/${ctx.periodId}/renaksi/monev">buka monev Renaksi 2022–2024</a>`);
    expect(home.text).toContain(`href="/periods/${ctx.periodId}/renaksi/monev"`);
    expect(home.text).not.toContain(`href="/periods/${later}/renaksi/monev"`);
  });

  it('lets the admin set windows, refusing a deadline before the opening with the field named', async () => {
    const { agent, csrf } = await loginAs(ctx.app, m.users.admin);
    const before = monevState(ctx);

    const bad = await agent.post(`${m.url}/windows`).type('form').send({ _csrf: csrf, 'opens_2023-1': '2023-07-10', 'deadline_2023-1': '2023-07-01' });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('Semester I 2023 – batas akhir: tidak boleh sebelum tanggal dibuka.');
    expect(monevState(ctx)).toBe(before);
    const ok = await agent.post(`${m.url}/windows`).type('form').send({ _csrf: csrf, 'opens_2023-1': '2023-07-01', 'deadline_2023-1': '2023-07-20' });

    expect(ok.status).toBe(302);
    expect(ctx.db.prepare('SELECT year, semester, opens_on, deadline FROM monev_windows').all()).toEqual([{ year: 2023, semester: 1, opens_on: '2023-07-01', deadline: '2023-07-20' }]);
    const page = await agent.get(`${m.url}?semester=2023-1`);
    expect(page.text).toContain('1 Juli 2023 s.d. 20 Juli 2023');
  });

  it('lets the Renaksi team name another coordinating PD, whose narahubung then reports the row', async () => {
    const tim = await loginAs(ctx.app, m.users.tim);
    await tim.agent.post(`${m.url}/rows/${m.rowA1}/coordinator`).type('form').send({ _csrf: tim.csrf, unitId: String(unitId(ctx.repos, 'KEC-BUSANG')) });
    const busang = await loginAs(ctx.app, m.users.busang);
    const setda = await loginAs(ctx.app, m.users.setda);

    const byBusang = await busang.agent.post(`${m.url}/rows/${m.rowA1}/2022-1`).type('form').send(rowReportForm(busang.csrf));
    const bySetda = await setda.agent.post(`${m.url}/rows/${m.rowA1}/2022-1`).type('form').send(rowReportForm(setda.csrf, { version: '1' }));

    expect(byBusang.status).toBe(302);
    expect(bySetda.status).toBe(403);
    expect(ctx.db.prepare('SELECT COUNT(*) AS n FROM monev_coordinators').get()).toEqual({ n: 1 });
  });

  it("shows a narahubung only its unit's rows and own part on the overview, and keeps evidence files to those who may see them", async () => {
    const setda = await loginAs(ctx.app, m.users.setda);
    await setda.agent.post(`${m.url}/rows/${m.rowA1}/2022-1`).field(rowReportForm(setda.csrf)).attach('file_R1', pdfBytes(), 'bukti.pdf');
    const telen = await loginAs(ctx.app, m.users.telen);

    const setdaPage = await setda.agent.get(`${m.url}?semester=2022-1`);
    const telenPage = await telen.agent.get(`${m.url}?semester=2022-1`);
    const telenFile = await telen.agent.get(`${m.url}/evidence/1`);
    const setdaFile = await setda.agent.get(`${m.url}/evidence/1`);

    expect(setdaPage.text).toContain(`id="baris-${m.rowA1}"`);
    expect(telenPage.text).not.toContain(`id="baris-${m.rowA1}"`);
    expect(telenPage.text).toContain(`id="unit-${unitId(ctx.repos, 'KEC-TELEN')}"`);
    expect(telenPage.text).not.toContain(`id="unit-${m.busang}"`);
    expect(telenFile.status).toBe(403);
    expect(setdaFile.status).toBe(200);
  });
});
