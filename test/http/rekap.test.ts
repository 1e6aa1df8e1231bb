import type ExcelJS from 'exceljs';
import { readWorkbook } from '../helpers/workbook';
import { buildAssessment, buildUser, createTestContext, loginAs, unitId, REVISION_1, type TestContext } from '../helpers/test-app';

describe('the assessment recap workbook for the FGD (GET /periods/:periodId/rekap.xlsx)', () => {
  let ctx: TestContext;
  let busang: number;

  beforeEach(async () => {
    ctx = createTestContext({}, { instrumentVersion: REVISION_1 });
    const adminId = (await buildUser(ctx.repos, { role: 'admin' })).id;
    busang = unitId(ctx.repos, 'KEC-BUSANG');
    const a = buildAssessment(ctx, { unitId: busang, fill: 4, levels: { A1: 1, D1: 'na' }, status: 'diverifikasi', userId: adminId });
    ctx.repos.assessments.upsertAnswer({ assessmentId: a, code: 'A1', level: 2, isNa: false, note: 'SK Camat masih konsep', userId: adminId });
    ctx.repos.assessments.setVerifiedLevel({ assessmentId: a, code: 'A1', level: 1, note: 'SK belum ditandatangani' });
    ctx.repos.evidence.insertLink(a, 'A1', 'https://busang.kutaitimurkab.go.id/sk.pdf', adminId);
    ctx.db.prepare("INSERT INTO evidence (assessment_id, indicator_code, kind, file_name, created_at) VALUES (?, 'A1', 'file', 'Konsep SK Tim Pengelola.pdf', '2022-05-01')").run(a);
    ctx.db.prepare("INSERT INTO evidence (assessment_id, indicator_code, kind, url, created_at, deleted_at) VALUES (?, 'A1', 'link', 'https://dihapus.example', '2022-05-01', '2022-05-02')").run(a);
  });

  const get = async (role: 'fasilitator' | 'verifikator' | 'tim_renaksi' | 'admin' | 'narahubung') => {
    const user = await buildUser(ctx.repos, { role, unitId: role === 'narahubung' ? busang : null });
    const { agent } = await loginAs(ctx.app, user.username);
    return agent.get(`/periods/${ctx.periodId}/rekap.xlsx`).buffer(true).responseType('blob');
  };

  const rowOf = (ws: ExcelJS.Worksheet, unitCode: string, indicator: string): ExcelJS.CellValue[] => {
    for (let r = 4; r <= ws.rowCount; r++) {
      if (ws.getCell(r, 1).value === unitCode && ws.getCell(r, 6).value === indicator) return Array.from({ length: 15 }, (_, i) => ws.getCell(r, i + 1).value);
    }
    throw new Error(`no row ${unitCode} ${indicator}`);
  };

  it('lists every unit and every indicator with self and verified levels, notes and evidence', async () => {
    const res = await get('fasilitator');

    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain('rekap-penilaian-mandiri');
    const wb = await readWorkbook(res.body as Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Unit', 'Jawaban']);
    const units = wb.getWorksheet('Unit') as ExcelJS.Worksheet;
    const answers = wb.getWorksheet('Jawaban') as ExcelJS.Worksheet;
    const unitCount = ctx.repos.units.listActive().length;
    // title, subtitle and header above the rows
    expect(units.rowCount).toBe(3 + unitCount);
    expect(answers.rowCount).toBe(3 + unitCount * 30);
    expect(rowOf(answers, 'KEC-BUSANG', 'A1')).toEqual([
      'KEC-BUSANG', 'Kecamatan Busang', 'Kecamatan', 'Diverifikasi', 'A. Kebijakan dan Komitmen Pimpinan', 'A1',
      'Penetapan Tim Pengelola Pengaduan SP4N-LAPOR!', 2, null, 'SK Camat masih konsep', 1, 'SK belum ditandatangani', 1, 2,
      'https://busang.kutaitimurkab.go.id/sk.pdf\nBerkas: Konsep SK Tim Pengelola.pdf',
    ]);
    expect(rowOf(answers, 'KEC-BUSANG', 'D1').slice(7, 13)).toEqual([null, 'Ya', null, null, null, 'Tidak berlaku']);
    expect(rowOf(answers, 'KEC-TELEN', 'A1').slice(3, 14)).toEqual(['Belum mulai', 'A. Kebijakan dan Komitmen Pimpinan', 'A1', 'Penetapan Tim Pengelola Pengaduan SP4N-LAPOR!', null, null, null, null, null, null, 0]);
    // Busang: A (15 %) = (1 + 4 + 4 + 4 + 4)/5 levels → (25 + 400)/5 = 85; every other aspect 100 (D1 N/A left out)
    // index = (15 × 85 + 85 × 100)/100 = 97,75
    let busangRow = 0;
    for (let r = 4; r <= units.rowCount; r++) if (units.getCell(r, 2).value === 'KEC-BUSANG') busangRow = r;
    expect([6, 7, 8].map((c) => units.getCell(busangRow, c).value)).toEqual([100, 97.75, 'Sangat Baik']);
    expect(ctx.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'export.rekap'").get()).toEqual({ n: 1 });
  });

  it('is a handout: titled with the period and date, the units in the official order, printed on the chosen paper', async () => {
    ctx.repos.settings.set('renaksi.paper', 'a4');

    const res = await get('fasilitator');

    const wb = await readWorkbook(res.body as Buffer);
    const units = wb.getWorksheet('Unit') as ExcelJS.Worksheet;
    const codes = Array.from({ length: units.rowCount - 3 }, (_, i) => units.getCell(4 + i, 2).value);
    expect(units.getCell('A1').value).toBe(`Rekap Penilaian per Unit – ${ctx.repos.periods.findById(ctx.periodId)?.name}`);
    // Busang verified and complete: 1 of the 57 units counted, 56 not submitted
    expect(String(units.getCell('A2').value)).toMatch(
      /^Kabupaten Kutai Timur · keadaan \d{1,2} [A-Z][a-z]+ \d{4} pukul \d{2}\.\d{2} WITA · 1 dari 57 unit dihitung dalam indeks kabupaten \(diajukan atau diverifikasi dan lengkap\); tidak dihitung: 56 belum mengajukan penilaian$/,
    );
    expect(codes).toEqual(ctx.repos.units.listActive().map((u) => u.code));
    expect(codes.slice(0, 2)).toEqual(['PD-SETKAB', 'PD-SETWAN']);
    expect(units.getCell(4, 1).value).toBe(1);
    expect(units.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, printTitlesRow: '3:3' });
    expect(units.headerFooter.oddFooter).toMatch(/Halaman &P$/);
    expect(units.pageSetup.firstPageNumber).toBe(1);
  });

  it.each(['admin', 'verifikator', 'tim_renaksi'] as const)('is available to a %s', async (role) => {
    const res = await get(role);

    expect(res.status).toBe(200);
  });

  it('is forbidden to a narahubung', async () => {
    const res = await get('narahubung');

    expect(res.status).toBe(403);
  });
});
