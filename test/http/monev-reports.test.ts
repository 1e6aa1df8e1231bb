import fs from 'node:fs';
import { loginAs, type TestContext } from '../helpers/test-app';
import { pdfBytes } from '../helpers/evidence-files';
import { monevTestContext, monevState, rowReportForm, type MonevSetup } from '../helpers/monev';

interface StoredReport { id: number; status: string | null; realisasi: number | null; review_state: string; verifier_comment: string; version: number; kendala: string }

describe('reporting the realisasi of a Lampiran I row', () => {
  let ctx: TestContext;
  let dataDir: string;
  let m: MonevSetup;
  let rowUrl: string;

  beforeEach(async () => {
    ({ ctx, m, dataDir } = await monevTestContext());
    rowUrl = `${m.url}/rows/${m.rowA1}/2022-1`;
  });

  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const report = () => ctx.db.prepare('SELECT * FROM monev_row_reports WHERE row_id = ?').get(m.rowA1) as StoredReport | undefined;

  it('lets the coordinating PD save a draft with a link and a file, then submit it', async () => {
    const { agent, csrf } = await loginAs(ctx.app, m.users.setda);

    const draft = await agent.post(rowUrl).field(rowReportForm(csrf, { realisasi: '1,5', kendala: 'Anggaran terlambat', link: 'https://setda.example.go.id/sk.pdf' }))
      .attach('file_R1', pdfBytes(), 'sk-tim.pdf');
    const submit = await agent.post(rowUrl).type('form').send(rowReportForm(csrf, { version: '1', realisasi: '2', kendala: 'Anggaran terlambat', action: 'ajukan' }));

    expect(draft.status).toBe(302);
    expect(submit.status).toBe(302);
    expect(report()).toMatchObject({ status: 'berjalan', realisasi: 2, review_state: 'diajukan', kendala: 'Anggaran terlambat', version: 3 });
    const evidence = ctx.db.prepare('SELECT kind, url, file_name, deleted_at FROM monev_evidence ORDER BY id').all();
    expect(evidence).toEqual([
      { kind: 'link', url: 'https://setda.example.go.id/sk.pdf', file_name: null, deleted_at: null },
      { kind: 'file', url: null, file_name: 'sk-tim.pdf', deleted_at: null },
    ]);
    const actions = ctx.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'monev.%' OR entity = 'monev_evidence' ORDER BY id").all();
    expect(actions.map((a) => (a as { action: string }).action)).toEqual(['evidence.add', 'evidence.add', 'monev.row.save', 'monev.row.submit']);
    const page = await agent.get(rowUrl);
    expect(page.text).toContain('sk-tim.pdf');
    const file = await agent.get(`${m.url}/evidence/2`);
    expect(file.status).toBe(200);
  });

  it('marks a submitted row short of its schedule on the overview as behind schedule, in the semester report\'s words', async () => {
    const { agent, csrf } = await loginAs(ctx.app, m.users.setda);
    await agent.post(rowUrl).type('form').send(rowReportForm(csrf, { realisasi: '0', kendala: 'Anggaran belum tersedia', action: 'ajukan' }));

    const page = await agent.get(`${m.url}?semester=2022-1`);

    expect(report()).toMatchObject({ realisasi: 0, review_state: 'diajukan' });
    const row = /<tr id="baris-\d+">[\s\S]*?<\/tr>/.exec(page.text)?.[0] ?? '';
    expect(row).toContain('tertinggal dari jadwal');
    expect(row).not.toContain('terlambat');
  });

  it('refuses a negative realisasi with a message naming the field, keeps what was typed and changes nothing', async () => {
    const { agent, csrf } = await loginAs(ctx.app, m.users.setda);
    const before = monevState(ctx);

    const res = await agent.post(rowUrl).type('form').send(rowReportForm(csrf, { realisasi: '-3', kendala: 'Catatan yang diketik' }));

    expect(res.status).toBe(422);
    expect(res.text).toContain('Realisasi: tidak boleh negatif.');
    expect(res.text).toContain('Catatan yang diketik');
    expect(monevState(ctx)).toBe(before);
  });

  it('refuses a semester outside the plan years and changes nothing', async () => {
    const { agent, csrf } = await loginAs(ctx.app, m.users.setda);
    const before = monevState(ctx);

    const res = await agent.post(`${m.url}/rows/${m.rowA1}/2025-1`).type('form').send(rowReportForm(csrf));

    expect(res.status).toBe(422);
    expect(res.text).toContain('Semester: I 2025 di luar tahun rencana Renaksi (2022–2024)');
    expect(monevState(ctx)).toBe(before);
  });

  it('refuses a report on a plan that is not final (reopened) and keeps what was reported', async () => {
    const setda = await loginAs(ctx.app, m.users.setda);
    await setda.agent.post(rowUrl).type('form').send(rowReportForm(setda.csrf, { realisasi: '1' }));
    const admin = await loginAs(ctx.app, m.users.admin);
    await admin.agent.post(`/periods/${ctx.periodId}/renaksi/reopen`).type('form').send({ _csrf: admin.csrf });
    const before = monevState(ctx);

    const res = await setda.agent.post(rowUrl).type('form').send(rowReportForm(setda.csrf, { version: '1', realisasi: '5' }));

    expect(res.status).toBe(409);
    expect(res.text).toContain('Renaksi belum final');
    expect(monevState(ctx)).toBe(before);
    expect(report()?.realisasi).toBe(1);
  });

  it("refuses another unit's row with 403 and changes nothing", async () => {
    const { agent, csrf } = await loginAs(ctx.app, m.users.busang);
    const before = monevState(ctx);

    const res = await agent.post(rowUrl).type('form').send(rowReportForm(csrf));
    const page = await agent.get(rowUrl);

    expect(res.status).toBe(403);
    expect(res.text).toContain('dilaporkan oleh Sekretariat Daerah');
    expect(page.status).toBe(403);
    expect(monevState(ctx)).toBe(before);
  });

  it('refuses a report after its window closed except from the admin', async () => {
    const admin = await loginAs(ctx.app, m.users.admin);
    await admin.agent.post(`${m.url}/windows`).type('form').send({ _csrf: admin.csrf, 'opens_2022-1': '2022-07-01', 'deadline_2022-1': '2022-07-15' });
    const setda = await loginAs(ctx.app, m.users.setda);
    const before = monevState(ctx);

    const late = await setda.agent.post(rowUrl).type('form').send(rowReportForm(setda.csrf, { kendala: 'Terlambat diketik', link: 'https://setda.example.go.id/sk.pdf' }));

    expect(late.status).toBe(409);
    expect(late.text).toContain('Batas pelaporan: pelaporan Semester I 2022 ditutup sejak 15 Juli 2022');
    expect(late.text).toContain('Terlambat diketik');
    expect(late.text).toContain('<label for="keep-link">Tautan bukti dukung</label>');
    expect((await setda.agent.get(rowUrl)).text).toContain('<p class="note" role="note" id="catatan-laporan">Batas pelaporan: pelaporan Semester I 2022 ditutup sejak 15 Juli 2022. Hubungi admin Diskominfo untuk perbaikan.</p>');
    expect(monevState(ctx)).toBe(before);
    const byAdmin = await admin.agent.post(rowUrl).type('form').send(rowReportForm(admin.csrf, { realisasi: '3' }));
    expect(byAdmin.status).toBe(302);
    expect(report()?.realisasi).toBe(3);
  });

  it('refuses a stale form (409) and a narahubung changing a submitted report, changing nothing', async () => {
    const { agent, csrf } = await loginAs(ctx.app, m.users.setda);
    await agent.post(rowUrl).type('form').send(rowReportForm(csrf, { action: 'ajukan' }));
    const before = monevState(ctx);

    const stale = await agent.post(rowUrl).type('form').send(rowReportForm(csrf, { version: '0', realisasi: '9' }));
    const locked = await agent.post(rowUrl).type('form').send(rowReportForm(csrf, { version: '2', realisasi: '9' }));

    expect(stale.status).toBe(409);
    expect(locked.status).toBe(409);
    expect(locked.text).toContain('sudah diajukan dan menunggu pemeriksaan');
    expect(monevState(ctx)).toBe(before);
  });

  it('lets the verifikator return a report with a comment, the reporter fix and resubmit it, and accept it', async () => {
    const setda = await loginAs(ctx.app, m.users.setda);
    const ver = await loginAs(ctx.app, m.users.verifikator);
    await setda.agent.post(rowUrl).type('form').send(rowReportForm(setda.csrf, { realisasi: '1', action: 'ajukan' }));
    const before = monevState(ctx);

    const noComment = await ver.agent.post(`${rowUrl}/review`).type('form').send({ _csrf: ver.csrf, version: '2', decision: 'kembalikan', comment: '' });
    expect(noComment.status).toBe(422);
    expect(noComment.text).toContain('Komentar verifikator: wajib diisi');
    expect(monevState(ctx)).toBe(before);

    await ver.agent.post(`${rowUrl}/review`).type('form').send({ _csrf: ver.csrf, version: '2', decision: 'kembalikan', comment: 'Lampirkan SK.' });
    expect(report()).toMatchObject({ review_state: 'dikembalikan', verifier_comment: 'Lampirkan SK.' });
    expect((await setda.agent.get(rowUrl)).text).toContain('Lampirkan SK.');
    await setda.agent.post(rowUrl).type('form').send(rowReportForm(setda.csrf, { version: '3', realisasi: '2', link: 'https://setda.example.go.id/sk.pdf', action: 'ajukan' }));
    expect(report()).toMatchObject({ review_state: 'diajukan', realisasi: 2 });
    await ver.agent.post(`${rowUrl}/review`).type('form').send({ _csrf: ver.csrf, version: '5', decision: 'terima', comment: '' });

    expect(report()?.review_state).toBe('diterima');
    const api = await ver.agent.get(`/api/periods/${ctx.periodId}/renaksi/progress`);
    expect(api.body.rows[0].semesters[0]).toMatchObject({ realisasi: 2, reviewState: 'diterima', reported: true });
  });
});
