import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import { writeAssessmentRecap, type RecapSource } from '../../src/exports/recap-workbook';
import { estimateRowHeight, HEADER_FILL } from '../../src/shared/workbook-style';
import { readWorkbook } from '../helpers/workbook';
import { HAS_UNZIP, unzipTest } from '../helpers/zip';
import { buildInstrument } from './factories';

// A (40 %): A1, A2; B (60 %): B1
const instrument = buildInstrument({ aspects: [{ code: 'A', weight: 40, indicators: 2 }, { code: 'B', weight: 60, indicators: 1 }] });

async function writtenBytes(src: Partial<RecapSource>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeAssessmentRecap(out, {
    periodName: 'Penilaian 2022', regionName: 'Kabupaten Kutai Timur', generatedAt: new Date('2022-06-27T02:30:00Z'), paper: 'a4', instrument,
    units: [
      { assessmentId: 1, code: 'KEC-01', name: 'Telen', groupLabel: 'Kecamatan', statusLabel: 'Diajukan', included: true },
      { assessmentId: null, code: 'KEC-02', name: 'Busang', groupLabel: 'Kecamatan', statusLabel: 'Belum mulai', included: false },
    ],
    answersOf: () => ({
      A1: { level: 2, isNa: false, note: 'SK konsep', verifiedLevel: 1, verifierNote: 'Belum ditandatangani' },
      A2: { level: 4, isNa: false, note: '', verifiedLevel: null, verifierNote: '' },
      B1: { level: null, isNa: true, note: '', verifiedLevel: null, verifierNote: '' },
    }),
    evidenceOf: () => ({ A1: [{ kind: 'link', text: 'https://telen.go.id/sk.pdf' }, { kind: 'file', text: 'SK.pdf' }] }),
    ...src,
  });
  return Buffer.concat(chunks);
}

const written = async (src: Partial<RecapSource>): Promise<ExcelJS.Workbook> => readWorkbook(await writtenBytes(src));

const values = (ws: ExcelJS.Worksheet | undefined, r: number, n: number) => Array.from({ length: n }, (_, i) => ws?.getCell(r, i + 1).value ?? null);

describe('writeAssessmentRecap', () => {
  it('writes a unit summary in the order given: number, completeness, index on verified levels and category', async () => {
    const wb = await written({});

    const ws = wb.getWorksheet('Unit');

    // Telen on verified levels: A = (1/4 + 4/4)/2 × 100 = 62,5; B wholly N/A → weight to A → index 62,5 (Sedang)
    expect(values(ws, 3, 8)).toEqual(['No.', 'Kode unit', 'Unit', 'Kelompok', 'Status penilaian', 'Kelengkapan (%)', 'Indeks', 'Kategori']);
    expect(values(ws, 4, 8)).toEqual([1, 'KEC-01', 'Telen', 'Kecamatan', 'Diajukan', 100, 62.5, 'Sedang']);
    expect(values(ws, 5, 8)).toEqual([2, 'KEC-02', 'Busang', 'Kecamatan', 'Belum mulai', 0, null, 'Belum diajukan']);
    expect(ws?.getCell('G4').numFmt).toBe('0.00');
  });

  it('titles each sheet with the period, the region, the date (WITA, id-ID) and how many units are counted', async () => {
    const wb = await written({});

    const units = wb.getWorksheet('Unit');
    const answers = wb.getWorksheet('Jawaban');

    // 2022-06-27 02.30 UTC = 10.30 WITA; Telen counted, Busang not started
    expect(values(units, 1, 1)).toEqual(['Rekap Penilaian per Unit – Penilaian 2022']);
    expect(values(units, 2, 1)).toEqual([
      'Kabupaten Kutai Timur · keadaan 27 Juni 2022 pukul 10.30 WITA · 1 dari 2 unit dihitung dalam indeks kabupaten '
        + '(diajukan atau diverifikasi dan lengkap); tidak dihitung: 1 belum mengajukan penilaian',
    ]);
    expect(units?.getCell('A1').font).toMatchObject({ name: 'Arial', size: 14, bold: true });
    expect(values(answers, 1, 1)).toEqual(['Jawaban per Indikator – Penilaian 2022']);
    expect(String(answers?.getCell('A2').value)).toContain('Kabupaten Kutai Timur · keadaan 27 Juni 2022 pukul 10.30 WITA');
  });

  it('prints landscape on the chosen paper with the header row repeated and page numbers in the footer', async () => {
    const wb = await written({ paper: 'folio', periodName: 'Penilaian 2022 & FGD' });

    for (const name of ['Unit', 'Jawaban']) {
      const ws = wb.getWorksheet(name) as ExcelJS.Worksheet;
      expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 14, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:3' });
      // each sheet numbered from its own page 1 (LibreOffice counts &N over the whole workbook)
      expect(ws.pageSetup.firstPageNumber).toBe(1);
      // '&' in the period name is doubled: a single one would start a footer code
      expect(ws.headerFooter.oddFooter).toBe('&L&"Arial"&8Penilaian 2022 && FGD – &A&R&"Arial"&8Halaman &P');
    }
  });

  it('writes one answer row per unit and indicator with both levels, notes and evidence', async () => {
    const wb = await written({});

    const ws = wb.getWorksheet('Jawaban');

    expect(ws?.rowCount).toBe(3 + 2 * 3);
    expect(values(ws, 3, 2)).toEqual(['Kode unit', 'Unit']);
    expect(values(ws, 4, 15)).toEqual([
      'KEC-01', 'Telen', 'Kecamatan', 'Diajukan', 'A. Aspek A', 'A1', 'Judul A1', 2, null, 'SK konsep', 1, 'Belum ditandatangani', 1, 2,
      'https://telen.go.id/sk.pdf\nBerkas: SK.pdf',
    ]);
    expect(values(ws, 6, 15).slice(7, 14)).toEqual([null, 'Ya', null, null, null, 'Tidak berlaku', 0]);
    expect(values(ws, 7, 15).slice(0, 14)).toEqual(['KEC-02', 'Busang', 'Kecamatan', 'Belum mulai', 'A. Aspek A', 'A1', 'Judul A1', null, null, null, null, null, null, 0]);
  });

  it('continues the answers on a new sheet, under the same title and header, when a sheet is full', async () => {
    const wb = await written({ maxRowsPerSheet: 6 });

    // 6 answer rows, 3 per sheet under the title and header rows
    expect(wb.worksheets.map((w) => [w.name, w.rowCount])).toEqual([['Unit', 5], ['Jawaban', 6], ['Jawaban (2)', 6]]);
    expect(wb.getWorksheet('Jawaban (2)')?.getCell('A1').value).toBe('Jawaban per Indikator – Penilaian 2022');
    expect(wb.getWorksheet('Jawaban (2)')?.getCell('A4').value).toBe('KEC-02');
  });

  it('keeps the look: bold shaded bordered header, frozen and filtered under the title, fit to width, column widths', async () => {
    const wb = await written({ maxRowsPerSheet: 6 });

    for (const [name, lastColumn] of [['Unit', 'H'], ['Jawaban', 'O'], ['Jawaban (2)', 'O']] as const) {
      const ws = wb.getWorksheet(name) as ExcelJS.Worksheet;
      const head = ws.getCell('A3');
      expect(head.font).toMatchObject({ name: 'Arial', size: 10, bold: true });
      expect(head.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } });
      expect(head.border).toMatchObject({ top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } });
      expect(head.alignment).toMatchObject({ horizontal: 'center', vertical: 'middle', wrapText: true });
      expect(ws.getRow(3).height).toBe(30);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
      expect(ws.autoFilter).toBe(`A3:${lastColumn}3`);
      expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(ws.getCell('A4').font?.bold).toBeFalsy();
    }
    const units = wb.getWorksheet('Unit') as ExcelJS.Worksheet;
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((c) => units.getColumn(c).width)).toEqual([6, 22, 56, 17, 16, 14, 10, 15]);
    expect([units.getCell('F4').numFmt, units.getCell('G4').numFmt, units.getCell('H4').numFmt]).toEqual(['0.0', '0.00', undefined]);
    expect(wb.getWorksheet('Jawaban')?.getColumn(15).width).toBe(60);
  });

  it('wraps the note, verifier note and evidence columns of a tall row and sets its height', async () => {
    const note = 'Tim pengelola pengaduan sudah dibentuk dengan SK Camat, namun belum ada anggaran operasional dan pelatihan.';
    const wb = await written({
      answersOf: () => ({ A1: { level: 2, isNa: false, note, verifiedLevel: null, verifierNote: '' }, A2: { level: 4, isNa: false, note: 'Ada', verifiedLevel: null, verifierNote: '' } }),
      evidenceOf: () => ({}),
    });

    const ws = wb.getWorksheet('Jawaban') as ExcelJS.Worksheet;

    // column J is 44 wide: 44 × 7 − 4 = 304 px ÷ 7,33 px per character (11 pt) = 41 characters per line → 3 lines
    expect(ws.getRow(4).height).toBe(estimateRowHeight([{ text: note, width: 44 }], 11));
    expect(ws.getRow(4).height).toBe(3 * 13.75 + 4);
    for (const c of ['J4', 'L4', 'O4']) expect(ws.getCell(c).alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(ws.getCell('G4').alignment).toBeUndefined();
    expect(ws.getRow(5).height).toBeUndefined();
    expect(ws.getCell('J5').alignment).toBeUndefined();
  });

  it('keeps markup characters and drops control characters pasted into notes and evidence', async () => {
    const wb = await written({
      answersOf: () => ({ A1: { level: 1, isNa: false, note: 'SK\u0007 <konsep> & "final"\u0000', verifiedLevel: 1, verifierNote: 'Cek\u001b lagi\nbesok' } }),
      evidenceOf: () => ({ A1: [{ kind: 'link', text: 'https://x.go.id/?a=1&b=<2>' }, { kind: 'file', text: 'SK\u000c.pdf' }] }),
    });

    const ws = wb.getWorksheet('Jawaban') as ExcelJS.Worksheet;

    expect([ws.getCell('J4').value, ws.getCell('L4').value, ws.getCell('O4').value]).toEqual([
      'SK <konsep> & "final"', 'Cek lagi\nbesok', 'https://x.go.id/?a=1&b=<2>\nBerkas: SK.pdf',
    ]);
  });

  (HAS_UNZIP ? it : it.skip)('is a zip that unzip tests without error', async () => {
    const r = unzipTest(await writtenBytes({ maxRowsPerSheet: 6 }));

    expect(r.status).toBe(0);
  });
});
