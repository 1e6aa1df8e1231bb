import { readWorkbook } from '../helpers/workbook';
import { buildAssessment, buildUser, createTestContext, loginAs, unitId, type TestContext } from '../helpers/test-app';

const rows = (ctx: TestContext) =>
  ctx.db.prepare('SELECT source_key, scope, responsible, targets, gap_open, activity FROM renaksi_rows ORDER BY sort_order').all() as {
    source_key: string; scope: string; responsible: string; targets: string; gap_open: number; activity: string;
  }[];

describe('Renaksi draft and workbook over HTTP', () => {
  let ctx: TestContext;
  let tim: string;
  let adminId: number;

  beforeEach(async () => {
    ctx = createTestContext();
    adminId = (await buildUser(ctx.repos, { role: 'admin' })).id;
    tim = (await buildUser(ctx.repos, { role: 'tim_renaksi' })).username;
    // Busang: all 4 except A1 = 1 → one gap (3). Telen: all 4 → no gap. Dinkes: all 4 except A1 = 3 → gap 1.
    buildAssessment(ctx, { unitId: unitId(ctx.repos, 'KEC-BUSANG'), fill: 4, levels: { A1: 1 }, status: 'diajukan', userId: adminId });
    buildAssessment(ctx, { unitId: unitId(ctx.repos, 'KEC-TELEN'), fill: 4, status: 'diajukan', userId: adminId });
    buildAssessment(ctx, { unitId: unitId(ctx.repos, 'PD-DINKES'), fill: 4, levels: { A1: 3 }, status: 'diverifikasi', userId: adminId });
  });

  it('drafts a kabupaten row for the coordinating PD and a row per unit below target', async () => {
    const { agent, csrf } = await loginAs(ctx.app, tim);

    const res = await agent.post(`/periods/${ctx.periodId}/renaksi/generate`).type('form').send({ _csrf: csrf });

    expect(res.status).toBe(302);
    const stored = rows(ctx);
    // Priority = gap × weight(A) 15 × share 2/3: Busang 3 → 30; kabupaten mean gap (3 + 1)/2 = 2 → 20; Dinkes 1 → 10.
    expect(stored.map((r) => r.source_key)).toEqual([`unit:${unitId(ctx.repos, 'KEC-BUSANG')}:A1`, 'kab:A1', `unit:${unitId(ctx.repos, 'PD-DINKES')}:A1`]);
    expect(stored[1]?.responsible).toContain('Bagian Organisasi Sekretariat Kabupaten');
    expect(stored[0]?.responsible).toBe('Kecamatan Busang');
    expect(JSON.parse(stored[0]?.targets ?? '{}')).toEqual({ 2022: 2, 2023: 3, 2024: 4 });
    expect(JSON.parse(stored[1]?.targets ?? '{}')).toEqual({ 2022: 2, 2023: 3, 2024: 4 });
    expect(JSON.parse(stored[2]?.targets ?? '{}')).toEqual({ 2022: 4, 2023: 4, 2024: 4 });
    const page = await agent.get(`/periods/${ctx.periodId}/renaksi`);
    // denominators: every unit of the period (39 perangkat daerah, 18 kecamatan), the ones that did not submit named
    expect(page.text).toContain('1 dari 39 perangkat daerah dan 1 dari 18 kecamatan belum mencapai level 4 pada indikator A1');
    expect(page.text).toContain('Perangkat daerah: 38 belum mengajukan penilaian; kecamatan: 16 belum mengajukan penilaian.');
  });

  it('keeps a hand-edited activity when regenerating and marks a closed gap instead of deleting it', async () => {
    const { agent, csrf } = await loginAs(ctx.app, tim);
    await agent.post(`/periods/${ctx.periodId}/renaksi/generate`).type('form').send({ _csrf: csrf });
    const busangRow = ctx.db.prepare("SELECT id FROM renaksi_rows WHERE source_key LIKE 'unit:%' AND responsible = 'Kecamatan Busang'").get() as { id: number };
    ctx.repos.renaksi.updateRow(busangRow.id, { activity: 'Camat menetapkan SK tim pengelola pengaduan', editedFields: ['activity'] });
    const dinkes = ctx.repos.assessments.find(ctx.periodId, unitId(ctx.repos, 'PD-DINKES'));
    ctx.repos.assessments.setVerifiedLevel({ assessmentId: dinkes?.id ?? 0, code: 'A1', level: 4, note: 'SK sudah ada' });

    await agent.post(`/periods/${ctx.periodId}/renaksi/generate`).type('form').send({ _csrf: csrf });

    const stored = rows(ctx);
    expect(stored).toHaveLength(3);
    expect(stored.find((r) => r.responsible === 'Kecamatan Busang')?.activity).toBe('Camat menetapkan SK tim pengelola pengaduan');
    expect(stored.find((r) => r.responsible === 'Dinas Kesehatan')?.gap_open).toBe(0);
  });

  it('downloads the Renaksi workbook with the SPEC columns, numbered rows and numeric targets', async () => {
    const { agent, csrf } = await loginAs(ctx.app, tim);
    await agent.post(`/periods/${ctx.periodId}/renaksi/generate`).type('form').send({ _csrf: csrf });

    const res = await agent.get(`/periods/${ctx.periodId}/renaksi.xlsx`).buffer(true).responseType('blob');

    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = await readWorkbook(res.body as Buffer);
    const ws = wb.getWorksheet('Renaksi');
    expect(ws).toBeDefined();
    const header = [2, 3, 4, 5, 6, 7, 10, 11, 12, 13, 14, 15].map((c) => String(ws?.getCell(5, c).value));
    expect(header).toEqual([
      'Aspek', 'Permasalahan / Kesenjangan', 'Sasaran', 'Kegiatan (Rencana Aksi)', 'Indikator Keberhasilan (Output, Satuan)',
      'Target per Tahun (level)', 'Waktu Pelaksanaan (Triwulan)', 'Penanggung Jawab dan Pihak Terkait', 'Anggaran dan Sumber Dana',
      'Dukungan yang Dibutuhkan (Kebijakan, Kelembagaan, Sumber Daya)', 'Bukti Dukung / Cara Verifikasi', 'Realisasi / Status',
    ]);
    expect([7, 8, 9].map((c) => ws?.getCell(6, c).value)).toEqual([2022, 2023, 2024]);
    expect(ws?.getCell(8, 1).value).toBe('I');
    expect(ws?.getCell(9, 1).value).toBe('I.1');
    expect(ws?.getCell(11, 1).value).toBe('I.3');
    expect(ws?.getCell(9, 7).value).toBe(2);
    expect(ws?.getCell(9, 11).value).toBe('Kecamatan Busang');
    // Busang (15×85 + 85×100)/100 = 97,75; Telen 100; Dinkes (15×95 + 85×100)/100 = 99,25 → mean 297/3 = 99.
    expect(wb.getWorksheet('Ringkasan')?.getCell(3, 3).value).toBeCloseTo(99, 10);
    const audit = ctx.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'export.renaksi'").get() as { n: number };
    expect(audit.n).toBe(1);
  });

  it('forbids drafting and the workbook to a narahubung', async () => {
    const nara = await buildUser(ctx.repos, { role: 'narahubung', unitId: unitId(ctx.repos, 'KEC-BUSANG') });
    const { agent, csrf } = await loginAs(ctx.app, nara.username);

    const gen = await agent.post(`/periods/${ctx.periodId}/renaksi/generate`).type('form').send({ _csrf: csrf });
    const xlsx = await agent.get(`/periods/${ctx.periodId}/renaksi.xlsx`);

    expect(gen.status).toBe(403);
    expect(xlsx.status).toBe(403);
    expect(rows(ctx)).toEqual([]);
  });

  it('drafts over plan years set before drafting (2022–2026) and titles the document with them', async () => {
    const { agent, csrf } = await loginAs(ctx.app, tim);
    await agent.post(`/periods/${ctx.periodId}/renaksi/years`).type('form').send({ _csrf: csrf, startYear: '2022', endYear: '2026' });

    await agent.post(`/periods/${ctx.periodId}/renaksi/generate`).type('form').send({ _csrf: csrf });

    // Busang level 1: min(4, 1 + k) for k = 1…5
    expect(JSON.parse(rows(ctx)[0]?.targets ?? '{}')).toEqual({ 2022: 2, 2023: 3, 2024: 4, 2025: 4, 2026: 4 });
    const res = await agent.get(`/periods/${ctx.periodId}/renaksi.xlsx`).buffer(true).responseType('blob');
    const ws = (await readWorkbook(res.body as Buffer)).getWorksheet('Renaksi');
    expect(ws?.getCell(2, 1).value).toBe('TAHUN 2022–2026');
    expect([7, 8, 9, 10, 11].map((c) => ws?.getCell(6, c).value)).toEqual([2022, 2023, 2024, 2025, 2026]);
  });

  it('shows a fasilitator the plan and the downloads but no editing controls', async () => {
    const { agent, csrf } = await loginAs(ctx.app, tim);
    await agent.post(`/periods/${ctx.periodId}/renaksi/generate`).type('form').send({ _csrf: csrf });
    const fasil = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'fasilitator' })).username);

    const page = await fasil.agent.get(`/periods/${ctx.periodId}/renaksi`);

    expect(page.status).toBe(200);
    expect(page.text).toContain('Unduh Excel (.xlsx)');
    expect(page.text).toContain('Unduh rekap penilaian (.xlsx)');
    expect(page.text).not.toContain('Ubah baris');
    expect(page.text).not.toContain('Susun ulang');
    expect(page.text).not.toContain('Finalkan Renaksi');
  });
});

