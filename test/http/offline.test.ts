import type ExcelJS from 'exceljs';
import { buildAssessment, buildUser, createTestContext, loginAs, unitId, REVISION_1, type TestContext, type Agent, type TestSession } from '../helpers/test-app';
import { dbSnapshot } from '../helpers/db-snapshot';
import { readWorkbook } from '../helpers/workbook';

const FIRST_ROW = 6;
const COL = { code: 1, aspect: 2, question: 3, level0: 4, level4: 8, level: 11, note: 12, link: 13 };

async function download(agent: Agent, periodId: number, unit: number): Promise<{ status: number; wb: ExcelJS.Workbook | null }> {
  const res = await agent
    .get(`/periods/${periodId}/units/${unit}/questionnaire.xlsx`)
    .buffer(true)
    .parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
  return { status: res.status, wb: res.status === 200 ? await readWorkbook(res.body as Buffer) : null };
}

async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function rowOf(ws: ExcelJS.Worksheet, code: string): number {
  for (let r = FIRST_ROW; r <= ws.rowCount; r++) if (ws.getCell(r, COL.code).value === code) return r;
  throw new Error(`no row for ${code}`);
}

function fill(wb: ExcelJS.Workbook, values: Record<string, { level?: ExcelJS.CellValue; note?: string; link?: string; code?: string }>): void {
  const ws = wb.getWorksheet('Kuesioner') as ExcelJS.Worksheet;
  for (const [code, v] of Object.entries(values)) {
    const r = rowOf(ws, code);
    if (v.level !== undefined) ws.getCell(r, COL.level).value = v.level;
    if (v.note !== undefined) ws.getCell(r, COL.note).value = v.note;
    if (v.link !== undefined) ws.getCell(r, COL.link).value = v.link;
    if (v.code !== undefined) ws.getCell(r, COL.code).value = v.code;
  }
}

describe('offline questionnaire workbook', () => {
  let ctx: TestContext;
  let busang: number;
  let telen: number;
  let nara: TestSession;
  let admin: { id: number; username: string };

  beforeEach(async () => {
    ctx = createTestContext({}, { instrumentVersion: REVISION_1 });
    busang = unitId(ctx.repos, 'KEC-BUSANG');
    telen = unitId(ctx.repos, 'KEC-TELEN');
    admin = await buildUser(ctx.repos, { role: 'admin' });
    nara = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'narahubung', unitId: busang })).username);
  });

  const uploadUrl = (periodId = ctx.periodId, unit = busang) => `/periods/${periodId}/units/${unit}/questionnaire-upload`;
  const send = (data: Buffer, name = 'kuesioner.xlsx', csrf: string | null = nara.csrf, url = uploadUrl()) => {
    const req = nara.agent.post(url);
    if (csrf !== null) req.field('_csrf', csrf);
    return req.attach('file', data, name);
  };
  const answers = () =>
    ctx.db
      .prepare('SELECT an.indicator_code AS code, an.level, an.is_na, an.note FROM answers an JOIN assessments a ON a.id = an.assessment_id WHERE a.unit_id = ? AND a.period_id = ? ORDER BY an.indicator_code')
      .all(busang, ctx.periodId);

  it('gives one row per indicator with the criteria, a Level drop-down (TB only where allowed), hidden metadata and protected structure', async () => {
    buildAssessment(ctx, { unitId: busang, levels: { A1: 3, D1: 'na' }, userId: admin.id });

    const { status, wb } = await download(nara.agent, ctx.periodId, busang);

    expect(status).toBe(200);
    const ws = wb?.getWorksheet('Kuesioner') as ExcelJS.Worksheet;
    const codes = ctx.instrument.aspects.flatMap((a) => a.indicators.map((i) => i.code));
    expect(Array.from({ length: 30 }, (_, i) => ws.getCell(FIRST_ROW + i, COL.code).value)).toEqual(codes);
    const a1 = ctx.instrument.aspects[0]?.indicators[0];
    expect(ws.getCell(FIRST_ROW, COL.aspect).value).toBe(`A. ${ctx.instrument.aspects[0]?.name}`);
    expect(ws.getCell(FIRST_ROW, COL.question).value).toBe(`${a1?.title}\n${a1?.question}`);
    expect(ws.getCell(FIRST_ROW, COL.level0).value).toBe(a1?.levels[0]);
    expect(ws.getCell(FIRST_ROW, COL.level4).value).toBe(a1?.levels[4]);
    expect([ws.getCell(FIRST_ROW - 1, COL.level0).value, ws.getCell(FIRST_ROW - 1, COL.level).value]).toEqual(['Kriteria tingkat 0', 'Tingkat (isian)']);
    expect(ws.getCell(FIRST_ROW, COL.level).value).toBe(3);
    expect(ws.getCell(rowOf(ws, 'D1'), COL.level).value).toBe('TB');
    expect(ws.getCell(FIRST_ROW, COL.level).dataValidation).toMatchObject({ type: 'list', formulae: ['"0,1,2,3,4"'] });
    expect(ws.getCell(rowOf(ws, 'D1'), COL.level).dataValidation).toMatchObject({ type: 'list', formulae: ['"0,1,2,3,4,TB"'] });
    expect(ws.getCell(FIRST_ROW, COL.level).protection).toMatchObject({ locked: false });
    expect(ws.getCell(FIRST_ROW, COL.question).protection?.locked).not.toBe(false);
    expect((ws as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    const meta = wb?.getWorksheet('Metadata') as ExcelJS.Worksheet;
    expect(meta.state).toBe('veryHidden');
    expect([1, 2, 4, 5, 7].map((r) => [meta.getCell(r, 1).value, meta.getCell(r, 2).value])).toEqual([
      ['format', 'sp4n-kuesioner-luring-1'], ['periodId', ctx.periodId], ['unitId', busang], ['unitCode', 'KEC-BUSANG'], ['instrumentVersion', ctx.instrument.version],
    ]);
  });

  it('round trip: the filled workbook is taken line by line, saved through the questionnaire rules and audited', async () => {
    const { wb } = await download(nara.agent, ctx.periodId, busang);
    fill(wb as ExcelJS.Workbook, {
      A1: { level: 3, note: 'SK Camat Busang Nomor 5 Tahun 2022', link: 'https://busang.kutaitimurkab.go.id/sk.pdf' },
      A2: { level: '2' },
      D1: { level: 'TB' },
      B1: { level: 0, note: 'Belum ada petugas khusus.' },
    });

    const res = await send(await toBuffer(wb as ExcelJS.Workbook));
    const report = await nara.agent.get(uploadUrl());
    const reportAgain = await nara.agent.get(uploadUrl());

    expect(res.status).toBe(302);
    expect(answers()).toEqual([
      { code: 'A1', level: 3, is_na: 0, note: 'SK Camat Busang Nomor 5 Tahun 2022' },
      { code: 'A2', level: 2, is_na: 0, note: '' },
      { code: 'B1', level: 0, is_na: 0, note: 'Belum ada petugas khusus.' },
      { code: 'D1', level: null, is_na: 1, note: '' },
    ]);
    expect(ctx.db.prepare('SELECT indicator_code, url FROM evidence').all()).toEqual([{ indicator_code: 'A1', url: 'https://busang.kutaitimurkab.go.id/sk.pdf' }]);
    expect(report.text).toContain('Berkas diterapkan: 4 baris diambil');
    expect(report.text).toMatch(/A1<\/td><td><strong>diambil<\/strong><\/td><td>kosong → Tingkat 3; penjelasan diubah; tautan bukti dukung ditambahkan/);
    expect(report.text).toMatch(/A3<\/td><td><strong>tidak berubah<\/strong>/);
    expect(reportAgain.text).not.toContain('Berkas diterapkan');
    const audit = ctx.db.prepare("SELECT action, COUNT(*) AS n FROM audit_log WHERE unit_id = ? AND action IN ('answer.update', 'evidence.add', 'questionnaire.import') GROUP BY action ORDER BY action").all(busang);
    expect(audit).toEqual([{ action: 'answer.update', n: 4 }, { action: 'evidence.add', n: 1 }, { action: 'questionnaire.import', n: 1 }]);
  });

  it('still takes a questionnaire downloaded when its column was titled "Level (isian)"', async () => {
    const { wb } = await download(nara.agent, ctx.periodId, busang);
    (wb?.getWorksheet('Kuesioner') as ExcelJS.Worksheet).getCell(FIRST_ROW - 1, COL.level).value = 'Level (isian)';
    fill(wb as ExcelJS.Workbook, { A1: { level: 2, note: 'SK lama' } });

    const res = await send(await toBuffer(wb as ExcelJS.Workbook));

    expect(res.status).toBe(302);
    expect(answers()).toEqual([{ code: 'A1', level: 2, is_na: 0, note: 'SK lama' }]);
  });

  it('uploading the same file twice changes nothing the second time (no duplicate links)', async () => {
    const { wb } = await download(nara.agent, ctx.periodId, busang);
    fill(wb as ExcelJS.Workbook, { A1: { level: 2, link: 'https://busang.kutaitimurkab.go.id/a1.pdf' } });
    const data = await toBuffer(wb as ExcelJS.Workbook);
    await send(data);
    const before = dbSnapshot(ctx.db);

    const again = await send(data);

    expect(again.status).toBe(302);
    const { audit_log: _a, ...rest } = dbSnapshot(ctx.db);
    const { audit_log: _b, ...restBefore } = before;
    expect(rest).toEqual(restBefore);
  });

  it('keeps a newer online answer the file did not touch, and refuses a line changed in both places', async () => {
    const { wb } = await download(nara.agent, ctx.periodId, busang);
    await nara.agent.post(`/periods/${ctx.periodId}/units/${busang}/assessment`).type('form').send({ _csrf: nara.csrf, level_A1: '4', level_A2: '4' });
    fill(wb as ExcelJS.Workbook, { A2: { level: 1 }, A3: { level: 2 } });
    const before = dbSnapshot(ctx.db);

    const res = await send(await toBuffer(wb as ExcelJS.Workbook));

    expect(res.status).toBe(422);
    expect(res.text).toMatch(/A2<\/td><td><strong>ditolak<\/strong><\/td><td>jawaban ini juga diubah di aplikasi setelah berkas diunduh \(di aplikasi: Tingkat 4, di berkas: Tingkat 1\)/);
    expect(res.text).toMatch(/A1<\/td><td><strong>tidak berubah<\/strong><\/td><td>jawaban di aplikasi lebih baru, dipertahankan/);
    expect(dbSnapshot(ctx.db)).toEqual(before);
  });

  it.each([
    ['an unknown indicator', { A2: { code: 'Z9', level: 1 } }, 'indikator &#34;Z9&#34; tidak dikenal pada instrumen ini'],
    ['a level out of range', { A2: { level: 7 } }, 'tingkat &#34;7&#34; di luar rentang (isi 0, 1, 2, 3, 4)'],
    ['a level that is text', { A2: { level: 'tinggi' } }, 'tingkat &#34;tinggi&#34; di luar rentang'],
    ['TB where the indicator does not allow it', { A2: { level: 'TB' } }, 'tidak tersedia untuk indikator ini'],
    ['a link that is not http(s)', { A2: { level: 1, link: 'file://c:/sk.pdf' } }, 'tautan bukti dukung harus diawali http:// atau https://'],
    ['a duplicated indicator row', { A3: { code: 'A2', level: 1 } }, 'indikator ganda (juga di baris 7)'],
  ])('refuses the whole file for %s, reports the line and changes nothing', async (_what, values, message) => {
    const { wb } = await download(nara.agent, ctx.periodId, busang);
    fill(wb as ExcelJS.Workbook, { A1: { level: 3 }, ...values });
    const before = dbSnapshot(ctx.db);

    const res = await send(await toBuffer(wb as ExcelJS.Workbook));

    expect(res.status).toBe(422);
    expect(res.text).toContain('Tidak ada yang diterapkan: 1 baris ditolak.');
    expect(res.text).toContain(message);
    expect(res.text).toMatch(/A1<\/td><td><strong>diambil<\/strong>/);
    expect(dbSnapshot(ctx.db)).toEqual(before);
  });

  it("refuses another unit's file with nothing applied", async () => {
    const adminSession = await loginAs(ctx.app, admin.username);
    const { wb } = await download(adminSession.agent, ctx.periodId, telen);
    fill(wb as ExcelJS.Workbook, { A1: { level: 4 } });
    const before = dbSnapshot(ctx.db);

    const res = await send(await toBuffer(wb as ExcelJS.Workbook));

    expect(res.status).toBe(422);
    expect(res.text).toContain('Berkas ini milik unit lain (kode KEC-TELEN), bukan Kecamatan Busang.');
    expect(dbSnapshot(ctx.db)).toEqual(before);
  });

  it("refuses another period's file with nothing applied", async () => {
    const other = ctx.repos.periods.insert({ name: 'Periode 2023', year: 2023, instrumentId: ctx.repos.periods.findById(ctx.periodId)?.instrumentId ?? 0, deadline: '2023-12-01' });
    const { wb } = await download(nara.agent, other, busang);
    fill(wb as ExcelJS.Workbook, { A1: { level: 4 } });
    const before = dbSnapshot(ctx.db);

    const res = await send(await toBuffer(wb as ExcelJS.Workbook));

    expect(res.status).toBe(422);
    expect(res.text).toContain('Berkas ini untuk periode lain (&#34;Periode 2023&#34;)');
    expect(dbSnapshot(ctx.db)).toEqual(before);
  });

  it('refuses a file for a locked (submitted) assessment with nothing applied', async () => {
    const { wb } = await download(nara.agent, ctx.periodId, busang);
    buildAssessment(ctx, { unitId: busang, fill: 2, status: 'diajukan', userId: admin.id });
    fill(wb as ExcelJS.Workbook, { A1: { level: 4 } });
    const before = dbSnapshot(ctx.db);

    const res = await send(await toBuffer(wb as ExcelJS.Workbook));

    expect(res.status).toBe(422);
    expect(res.text).toContain('berstatus Diajukan sehingga terkunci');
    expect(dbSnapshot(ctx.db)).toEqual(before);
  });

  it.each([
    ['a workbook that is not the questionnaire', 'lain.xlsx', 'bukan kuesioner luring dari aplikasi ini'],
    ['a file that is not .xlsx', 'kuesioner.csv', 'Pilih berkas kuesioner Excel (.xlsx)'],
    ['bytes that are not a workbook', 'kuesioner.xlsx', 'Pilih berkas kuesioner Excel (.xlsx)'],
  ])('refuses %s with 422 and changes nothing', async (what, name, message) => {
    const ExcelJSLib = (await import('exceljs')).default;
    const plain = new ExcelJSLib.Workbook();
    plain.addWorksheet('Kuesioner').getCell(1, 1).value = 'Kode';
    const data = what.startsWith('bytes') ? Buffer.from('bukan berkas excel') : what.startsWith('a file') ? Buffer.from('kode,level\nA1,3\n') : await toBuffer(plain);
    const before = dbSnapshot(ctx.db);

    const res = await send(data, name);

    expect(res.status).toBe(422);
    expect(res.text).toContain(message);
    expect(dbSnapshot(ctx.db)).toEqual(before);
  });

  it('refuses an upload without the CSRF token (403) and changes nothing', async () => {
    const { wb } = await download(nara.agent, ctx.periodId, busang);
    fill(wb as ExcelJS.Workbook, { A1: { level: 4 } });
    const data = await toBuffer(wb as ExcelJS.Workbook);
    const before = dbSnapshot(ctx.db);

    const none = await send(data, 'kuesioner.xlsx', null);
    const wrong = await send(data, 'kuesioner.xlsx', 'bukan-token');

    expect(none.status).toBe(403);
    expect(wrong.status).toBe(403);
    expect(dbSnapshot(ctx.db)).toEqual(before);
  });

  it("forbids another unit's narahubung and the verifikator to download or upload, changing nothing", async () => {
    const { wb } = await download(nara.agent, ctx.periodId, busang);
    fill(wb as ExcelJS.Workbook, { A1: { level: 4 } });
    const data = await toBuffer(wb as ExcelJS.Workbook);
    const other = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'narahubung', unitId: telen })).username);
    const verifier = await loginAs(ctx.app, (await buildUser(ctx.repos, { role: 'verifikator' })).username);
    const before = dbSnapshot(ctx.db);

    const results = [
      (await download(other.agent, ctx.periodId, busang)).status,
      (await other.agent.post(uploadUrl()).field('_csrf', other.csrf).attach('file', data, 'k.xlsx')).status,
      (await download(verifier.agent, ctx.periodId, busang)).status,
      (await verifier.agent.post(uploadUrl()).field('_csrf', verifier.csrf).attach('file', data, 'k.xlsx')).status,
    ];

    expect(results).toEqual([403, 403, 403, 403]);
    expect(dbSnapshot(ctx.db)).toEqual(before);
  });

  it('offers the offline fill from the home page while editable, and no upload form once the assessment is locked', async () => {
    const open = await nara.agent.get('/');
    const openPage = await nara.agent.get(uploadUrl());
    buildAssessment(ctx, { unitId: busang, fill: 2, status: 'diajukan', userId: admin.id });
    const locked = await nara.agent.get(uploadUrl());
    const lockedHome = await nara.agent.get('/');

    expect(open.text).toContain(`href="${uploadUrl()}">Isi tanpa koneksi (Excel)</a>`);
    expect(openPage.text).toContain('enctype="multipart/form-data"');
    expect(locked.text).toContain('sehingga terkunci; berkas yang diunggah tidak akan diterapkan');
    expect(locked.text).not.toContain('enctype="multipart/form-data"');
    expect(lockedHome.text).not.toContain('Isi tanpa koneksi (Excel)');
  });

  it('lets the admin fill a unit offline', async () => {
    const adminSession = await loginAs(ctx.app, admin.username);
    const { wb } = await download(adminSession.agent, ctx.periodId, telen);
    fill(wb as ExcelJS.Workbook, { C1: { level: 1, note: 'Diisi admin dari berkas unit.' } });

    const res = await adminSession.agent.post(uploadUrl(ctx.periodId, telen)).field('_csrf', adminSession.csrf).attach('file', await toBuffer(wb as ExcelJS.Workbook), 'telen.xlsx');

    expect(res.status).toBe(302);
    expect(ctx.db.prepare('SELECT an.level, an.note FROM answers an JOIN assessments a ON a.id = an.assessment_id WHERE a.unit_id = ?').all(telen)).toEqual([{ level: 1, note: 'Diisi admin dari berkas unit.' }]);
  });
});
