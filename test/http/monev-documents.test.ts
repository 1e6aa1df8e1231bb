import type ExcelJS from 'exceljs';
import { buildUser, createTestContext, loginAs, unitId, type TestContext } from '../helpers/test-app';
import { draftedPlan, rowByKey } from '../helpers/renaksi';
import { readWorkbook } from '../helpers/workbook';

/**
 * Lampiran III (the monev workbook) and the semester report, on the three-row plan of seedGaps: I.1 kab:A1, I.2
 * kab:A2, II.1 kab:B1, each with the output targets 4 / 8 / 10 dokumen set here so capaian is hand-computed.
 */
describe('the monev documents of a final Renaksi', () => {
  let ctx: TestContext;
  let url: string;
  let tim: string;

  beforeEach(async () => {
    ctx = createTestContext();
    ({ tim, url } = await draftedPlan(ctx));
    ctx.db.prepare(`UPDATE renaksi_rows SET output_targets = '{"2022":"4 dokumen","2023":"8 dokumen","2024":"10 dokumen"}'`).run();
  });

  const finalize = async () => {
    const { agent, csrf } = await loginAs(ctx.app, tim);
    await agent.post(`${url}/finalize`).type('form').send({ _csrf: csrf });
  };

  const report = (key: string, year: number, semester: number, values: { status: string; realisasi: number; state: string; kendala?: string; tindakLanjut?: string }) => {
    const row = rowByKey(ctx, key);
    return Number(ctx.db.prepare(
      `INSERT INTO monev_row_reports (row_id, year, semester, status, realisasi, kendala, tindak_lanjut, review_state, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, '2022-07-01', '2022-07-01')`,
    ).run(row.id, year, semester, values.status, values.realisasi, values.kendala ?? '', values.tindakLanjut ?? '', values.state).lastInsertRowid);
  };

  /** I.1: 1 of 4 by June (25 %, accepted, with kendala), 5 of 4 by December (125 %, submitted); I.2: a draft only. */
  const reportSome = () => {
    const first = report('kab:A1', 2022, 1, { status: 'berjalan', realisasi: 1, state: 'diterima', kendala: 'Templat SOP belum ada', tindakLanjut: 'Bimtek Juli' });
    ctx.db.prepare(`INSERT INTO monev_evidence (row_report_id, kind, url, created_at) VALUES (?, 'link', 'https://kutaitimurkab.go.id/sop', '2022-07-01')`).run(first);
    report('kab:A1', 2022, 2, { status: 'selesai', realisasi: 5, state: 'diajukan' });
    report('kab:A2', 2022, 1, { status: 'berjalan', realisasi: 3, state: 'draf', kendala: 'draf yang belum diajukan' });
  };

  const download = async (role: 'verifikator' | 'fasilitator' = 'verifikator') => {
    const { agent } = await loginAs(ctx.app, (await buildUser(ctx.repos, { role })).username);
    return agent.get(`${url}/monev.xlsx`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
  };

  const rowOf = (ws: ExcelJS.Worksheet, no: string): ExcelJS.Row => {
    for (let r = 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === no) return ws.getRow(r);
    throw new Error(`no row ${no}`);
  };

  it("carries each unit's own part per semester on Laporan Unit: submitted with its evidence counted, returned, not reported", async () => {
    await finalize();
    const planId = (ctx.db.prepare('SELECT id FROM renaksi_plans WHERE period_id = ?').get(ctx.periodId) as { id: number }).id;
    const busang = unitId(ctx.repos, 'KEC-BUSANG');
    const unitReport = (year: number, semester: number, state: string) => Number(ctx.db.prepare(
      `INSERT INTO monev_unit_reports (plan_id, unit_id, year, semester, review_state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, '2022-07-01', '2022-07-01')`,
    ).run(planId, busang, year, semester, state).lastInsertRowid);
    const first = unitReport(2022, 1, 'diajukan');
    unitReport(2022, 2, 'dikembalikan');
    for (const kind of ['link', 'link']) {
      ctx.db.prepare("INSERT INTO monev_evidence (unit_report_id, indicator_code, kind, url, created_at) VALUES (?, 'A1', ?, 'https://busang.example.go.id/sk', '2022-07-01')").run(first, kind);
    }

    const wb = await readWorkbook((await download()).body as Buffer);

    const ws = wb.getWorksheet('Laporan Unit') as ExcelJS.Worksheet;
    expect(ws.getRow(4).values).toEqual(expect.arrayContaining(['No', 'Unit', 'Indikator Lampiran II', 'Semester I 2022', 'Semester II 2024']));
    let r = 5;
    while (r <= ws.rowCount && ws.getRow(r).getCell(2).value !== 'Kecamatan Busang') r++;
    const cells = [3, 4, 5, 6].map((c) => ws.getRow(r).getCell(c).value);
    expect(cells).toEqual([2, 'Menunggu verifikasi; 2 bukti', 'Dikembalikan untuk diperbaiki', 'Belum dilaporkan']);
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', printTitlesRow: '4:4', firstPageNumber: 1 });
  });

  it('prints Lampiran III per plan year with realisasi and capaian as numbers, only what was submitted, and Kemajuan', async () => {
    await finalize();
    reportSome();

    const res = await download();
    const wb = await readWorkbook(res.body as Buffer);

    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain(`monev-renaksi-sp4n-lapor-periode-${ctx.periodId}.xlsx`);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Lampiran III 2022', 'Lampiran III 2023', 'Lampiran III 2024', 'Kemajuan', 'Laporan Unit', 'Bukti Dukung']);
    const ws = wb.getWorksheet('Lampiran III 2022') as ExcelJS.Worksheet;
    expect(ws.getRow(1).values).toContain('LAMPIRAN III KEPUTUSAN BUPATI KUTAI TIMUR');
    expect(String(ws.getCell(6, 1).value)).toContain('MATRIKS MONITORING DAN EVALUASI RENCANA AKSI');
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 14, printTitlesRow: '8:10', firstPageNumber: 1 });
    expect(ws.headerFooter.oddFooter).toContain('Lampiran III – Tahun 2022');
    expect(ws.headerFooter.oddFooter).not.toContain('&N');
    expect(ws.getRow(8).values).toEqual(expect.arrayContaining(['No', 'Kegiatan', 'Target Output 2022', 'Penanggung Jawab', 'Semester I (Januari–Juni 2022)']));
    expect(ws.getRow(9).values).toEqual(expect.arrayContaining(['Realisasi', 'Capaian (%)', 'Status', 'Kendala', 'Tindak Lanjut', 'Bukti Dukung']));
    const i1 = rowOf(ws, 'I.1');
    expect(i1.getCell(4).value).toBe('4 dokumen');
    expect([i1.getCell(6).value, i1.getCell(7).value, i1.getCell(8).value]).toEqual([1, 25, 'Berjalan']);
    expect([i1.getCell(9).value, i1.getCell(10).value, i1.getCell(11).value]).toEqual(['Templat SOP belum ada', 'Bimtek Juli', '1 tautan']);
    expect([i1.getCell(12).value, i1.getCell(13).value, i1.getCell(14).value]).toEqual([5, 125, 'Selesai (belum diverifikasi)']);
    expect(i1.getCell(7).numFmt).toBe('0.0');
    const i2 = rowOf(ws, 'I.2');
    expect([i2.getCell(6).value, i2.getCell(8).value, i2.getCell(9).value]).toEqual([null, 'Belum dilaporkan', null]);
    expect(rowOf(wb.getWorksheet('Lampiran III 2023') as ExcelJS.Worksheet, 'II.1').getCell(4).value).toBe('8 dokumen');
    const kemajuan = wb.getWorksheet('Kemajuan') as ExcelJS.Worksheet;
    const k1 = rowOf(kemajuan, 'I.1');
    // seedGaps: kab:A1 expects 56, 56, 57 units at target; no later assessment measures any year yet.
    expect([k1.getCell(3).value, k1.getCell(4).value, k1.getCell(6).value, k1.getCell(9).value]).toEqual([56, null, 56, 57]);
    const bukti = wb.getWorksheet('Bukti Dukung') as ExcelJS.Worksheet;
    expect([1, 2, 3, 4].map((c) => bukti.getRow(4).getCell(c).value)).toEqual(['I.1', 2022, 'Semester I', 'tautan']);
    expect(bukti.getRow(4).getCell(5).value).toEqual({ text: 'https://kutaitimurkab.go.id/sop', hyperlink: 'https://kutaitimurkab.go.id/sop' });
    expect(bukti.rowCount).toBe(4);
    expect(ctx.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'export.monev'").get()).toEqual({ n: 1 });
  });

  it('refuses a draft plan with a message, a period without a plan with 404, and the narahubung', async () => {
    const staff = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'admin' })).username);
    const unitId = ctx.repos.units.listActive()[0]?.id;
    const narahubung = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'narahubung', unitId })).username);

    const draft = await staff.agent.get(`${url}/monev.xlsx`);
    const draftReport = await staff.agent.get(`${url}/monev/laporan`);
    ctx.db.prepare('DELETE FROM renaksi_rows').run();
    ctx.db.prepare('DELETE FROM renaksi_plans').run();
    const none = await staff.agent.get(`${url}/monev.xlsx`);
    await draftedPlan(ctx);
    await finalize();

    expect(draft.status).toBe(409);
    expect(draft.text).toContain('Renaksi periode ini belum final');
    expect(draftReport.status).toBe(409);
    expect(none.status).toBe(404);
    expect((await narahubung.agent.get(`${url}/monev.xlsx`)).status).toBe(403);
    expect((await narahubung.agent.get(`${url}/monev/laporan`)).status).toBe(403);
    expect((await staff.agent.get(`${url}/monev.xlsx`)).status).toBe(200);
  });

  it('reports a semester: share on schedule per sasaran, the row behind with its kendala, rows and units not reported', async () => {
    await finalize();
    reportSome();
    const { agent } = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'fasilitator' })).username);

    const res = await agent.get(`${url}/monev/laporan?semester=2022-1`);
    const second = await agent.get(`${url}/monev/laporan?semester=2022-2`);
    const overview = await agent.get(`${url}/monev?semester=2022-1`);

    expect(res.status).toBe(200);
    expect(res.text).toContain('Semester I 2022');
    // I.1 is berjalan at 25 % < 50 %: behind; nothing else was submitted.
    expect(res.text).toMatch(/id="share-on-schedule">0,0 %<\/span> baris rencana aksi sesuai jadwal \(0 dari 3\)/);
    expect(res.text).toContain('Templat SOP belum ada');
    expect(res.text).not.toContain('draf yang belum diajukan');
    const unreported = /<ul class="compact" id="unreported">([\s\S]*?)<\/ul>/.exec(res.text)?.[1] ?? '';
    expect(unreported.match(/<li>/g)).toHaveLength(2);
    expect(overview.text).toContain(`href="${url}/monev/laporan?semester=2022-1"`);
    expect(overview.text).toContain(`href="${url}/monev.xlsx"`);
    expect(second.text).toMatch(/id="share-on-schedule">33,3 %<\/span> baris rencana aksi sesuai jadwal \(1 dari 3\)/);
    // The months and the share expected by the end of each semester come from one place (SEMESTER_MONTHS, EXPECTED_SHARE).
    expect(res.text).toContain('(Januari–Juni 2022)');
    expect(second.text).toContain('(Juli–Desember 2022)');
    expect(res.text).toContain('sekurang-kurangnya 50 % dari target output tahun 2022');
    expect(second.text).toContain('sekurang-kurangnya 100 % dari target output tahun 2022');
    expect(overview.text).toContain('capaian minimal 50 %;');
  });

  it('refuses a semester outside the plan years or malformed, naming the field', async () => {
    await finalize();
    const { agent } = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'verifikator' })).username);

    const outside = await agent.get(`${url}/monev/laporan?semester=2030-1`);
    const malformed = await agent.get(`${url}/monev/laporan?semester=semester-1`);

    expect(outside.status).toBe(422);
    expect(outside.text).toContain('Semester: 2030-1 di luar tahun rencana Renaksi (2022–2024)');
    expect(malformed.status).toBe(422);
    expect(malformed.text).toContain('Semester: tulis TTTT-1 atau TTTT-2');
  });
});
