import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import { writeAssessmentRecap, type RecapSource } from '../../src/exports/recap-workbook';
import { readWorkbook } from '../helpers/workbook';
import { buildInstrument } from './factories';

// A (40 %): A1, A2; B (60 %): B1
const instrument = buildInstrument({ aspects: [{ code: 'A', weight: 40, indicators: 2 }, { code: 'B', weight: 60, indicators: 1 }] });

async function written(src: Partial<RecapSource>): Promise<ExcelJS.Workbook> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeAssessmentRecap(out, {
    periodName: 'Penilaian 2022', instrument,
    units: [
      { assessmentId: 1, code: 'KEC-01', name: 'Telen', groupLabel: 'Kecamatan', statusLabel: 'Diajukan' },
      { assessmentId: null, code: 'KEC-02', name: 'Busang', groupLabel: 'Kecamatan', statusLabel: 'Belum mulai' },
    ],
    answersOf: () => ({
      A1: { level: 2, isNa: false, note: 'SK konsep', verifiedLevel: 1, verifierNote: 'Belum ditandatangani' },
      A2: { level: 4, isNa: false, note: '', verifiedLevel: null, verifierNote: '' },
      B1: { level: null, isNa: true, note: '', verifiedLevel: null, verifierNote: '' },
    }),
    evidenceOf: () => ({ A1: [{ kind: 'link', text: 'https://telen.go.id/sk.pdf' }, { kind: 'file', text: 'SK.pdf' }] }),
    ...src,
  });
  out.end();
  return readWorkbook(Buffer.concat(chunks));
}

const values = (ws: ExcelJS.Worksheet | undefined, r: number, n: number) => Array.from({ length: n }, (_, i) => ws?.getCell(r, i + 1).value ?? null);

describe('writeAssessmentRecap', () => {
  it('writes a unit summary: completeness, index on verified levels and category', async () => {
    const wb = await written({});

    const ws = wb.getWorksheet('Unit');

    // Telen on verified levels: A = (1/4 + 4/4)/2 × 100 = 62,5; B wholly N/A → weight to A → index 62,5 (Sedang)
    expect(values(ws, 1, 7)).toEqual(['Kode unit', 'Unit', 'Kelompok', 'Status penilaian', 'Kelengkapan (%)', 'Indeks', 'Kategori']);
    expect(values(ws, 2, 7)).toEqual(['KEC-01', 'Telen', 'Kecamatan', 'Diajukan', 100, 62.5, 'Sedang']);
    expect(values(ws, 3, 7)).toEqual(['KEC-02', 'Busang', 'Kecamatan', 'Belum mulai', 0, null, 'Belum lengkap']);
    expect(ws?.getCell('F2').numFmt).toBe('0.00');
  });

  it('writes one answer row per unit and indicator with both levels, notes and evidence', async () => {
    const wb = await written({});

    const ws = wb.getWorksheet('Jawaban');

    expect(ws?.rowCount).toBe(1 + 2 * 3);
    expect(values(ws, 2, 15)).toEqual([
      'KEC-01', 'Telen', 'Kecamatan', 'Diajukan', 'A. Aspek A', 'A1', 'Judul A1', 2, null, 'SK konsep', 1, 'Belum ditandatangani', 1, 2,
      'https://telen.go.id/sk.pdf\nBerkas: SK.pdf',
    ]);
    expect(values(ws, 4, 15).slice(7, 14)).toEqual([null, 'Ya', null, null, null, 'Tidak berlaku', 0]);
    expect(values(ws, 5, 15).slice(0, 14)).toEqual(['KEC-02', 'Busang', 'Kecamatan', 'Belum mulai', 'A. Aspek A', 'A1', 'Judul A1', null, null, null, null, null, null, 0]);
  });

  it('continues the answers on a new sheet when a sheet is full', async () => {
    const wb = await written({ maxRowsPerSheet: 4 });

    // 6 answer rows, 3 per sheet under each header
    expect(wb.worksheets.map((w) => [w.name, w.rowCount])).toEqual([['Unit', 3], ['Jawaban', 4], ['Jawaban (2)', 4]]);
    expect(wb.getWorksheet('Jawaban (2)')?.getCell('A2').value).toBe('KEC-02');
  });
});
