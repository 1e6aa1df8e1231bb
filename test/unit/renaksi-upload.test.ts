import type ExcelJS from 'exceljs';
import type { RenaksiDocRow, RenaksiDocument } from '../../src/renaksi/renaksi-workbook';
import { buildRenaksiXlsx } from '../../src/renaksi/renaksi-workbook.task';
import { readWorkbook } from '../helpers/workbook';
import { readPlanUpload, type UploadRowState } from '../../src/renaksi/renaksi-upload';
import { readSpreadsheet } from '../../src/shared/spreadsheet/read-spreadsheet';
import type { SpreadsheetData } from '../../src/shared/spreadsheet/sheet-limits';

const YEARS = [2022, 2023, 2024];

function stored(id: number, overrides: Partial<UploadRowState> = {}): UploadRowState {
  return {
    id, version: 1, deleted: false, problem: `Masalah ${id}`, goal: `Sasaran ${id}`, activity: `Kegiatan ${id}`,
    outputIndicator: `Keluaran ${id}`, schedule: 'TW I–IV', responsible: `PJ ${id}`, budget: '', support: '',
    verification: `Bukti ${id}`, unitScope: '', dpa: '', targets: { 2022: 2, 2023: 3, 2024: 4 }, outputTargets: {}, targetMax: 57, ...overrides,
  };
}

function docRow(s: UploadRowState): RenaksiDocRow {
  return { ...s, baseline: '21 dari 57 unit', rowKey: `R${s.id}-V${s.version}` };
}

/** The workbook the app exports for these rows (two aspects; built as the worker builds it), read back as a fresh workbook. */
async function exported(rows: UploadRowState[]): Promise<ExcelJS.Workbook> {
  const doc: RenaksiDocument = {
    regionName: 'Kabupaten Kutai Timur', periodName: 'Penilaian 2022', years: YEARS, paper: 'folio',
    decree: { nomor: '', tanggal: '' },
    closing: { office: 'BUPATI KUTAI TIMUR', name: 'Nama', place: 'Sangatta', date: '1 Juli 2022' },
    targetMap: { indicators: [], groups: [] },
    aspects: [
      { code: 'A', name: 'Kebijakan', rows: rows.slice(0, 2).map(docRow) },
      { code: 'B', name: 'Kelembagaan', rows: rows.slice(2).map(docRow) },
    ],
    recap: { periodName: 'P', basisLabel: 'b', index: null, category: null, includedCount: 0, unitTotal: 0, uncounted: [], aspects: [], units: [], indicators: [], unitLevels: [] },
  };
  return readWorkbook(await buildRenaksiXlsx(doc));
}

/** The workbook as the upload reads it back. */
async function uploaded(wb: ExcelJS.Workbook): Promise<SpreadsheetData> {
  const data = Buffer.from(await wb.xlsx.writeBuffer());
  return readSpreadsheet({ originalName: 'renaksi.xlsx', data }, { formats: ['xlsx'], sheets: ['Lampiran I', 'Lampiran II'], maxDataRows: 5000 });
}

// Sheet rows: 11 group I, 12 row 1, 13 row 2, 14 group II, 15 row 3; closing from row 17 (O…S).
// Columns: B sasaran, C permasalahan, D kegiatan, E indikator, G–I units, J–L outputs, M waktu … Q anggaran, T row id.
describe('readPlanUpload', () => {
  const rows = [stored(1), stored(2), stored(3)];

  it('finds no change in the file exactly as exported (group rows and the signature block are not rows)', async () => {
    const result = readPlanUpload(await uploaded(await exported(rows)), { years: YEARS, rows });

    expect(result).toEqual({ changes: [], issues: [], rowsInFile: 3 });
  });

  it('returns only the changed fields with old and new values, reading numbers, rich text and formula results', async () => {
    const wb = await exported(rows);
    const ws = wb.getWorksheet('Lampiran I') as ExcelJS.Worksheet;
    ws.getCell('Q12').value = 50000000;
    ws.getCell('D15').value = { richText: [{ text: 'Kegiatan ' }, { font: { bold: true }, text: 'baru' }] };
    ws.getCell('I15').value = { formula: '2+2', result: 4 };
    ws.getCell('H15').value = '3';
    ws.getCell('C13').value = 'Masalah 2\r\n';

    const result = readPlanUpload(await uploaded(wb), { years: YEARS, rows });

    expect(result.issues).toEqual([]);
    expect(result.changes.map((c) => [c.rowId, c.no, c.sheetRow, c.fields.map((f) => [f.field, f.old, f.new])])).toEqual([
      [1, 'I.1', 12, [['budget', '', '50000000']]],
      [3, 'II.1', 15, [['activity', 'Kegiatan 3', 'Kegiatan baru']]],
    ]);
    expect(result.changes[0]?.texts).toEqual({ budget: '50000000' });
    expect(result.changes[0]?.targets).toBeNull();
  });

  it('reads a changed target set and shows it year by year', async () => {
    const wb = await exported(rows);
    (wb.getWorksheet('Lampiran I') as ExcelJS.Worksheet).getCell('G13').value = null;

    const [change] = readPlanUpload(await uploaded(wb), { years: YEARS, rows }).changes;

    expect(change?.targets).toEqual({ 2023: 3, 2024: 4 });
    expect(change?.fields).toEqual([{ field: 'targets', label: 'Target per tahun (jumlah unit yang mencapai tingkat target)', old: '2022: 2, 2023: 3, 2024: 4', new: '2022: –, 2023: 3, 2024: 4' }]);
  });

  it('reports a duplicated row, a deleted row and a formula without a result, each on its sheet row', async () => {
    const wb = await exported(rows);
    const ws = wb.getWorksheet('Lampiran I') as ExcelJS.Worksheet;
    ws.getCell('T15').value = 'R1-V1';
    ws.getCell('B13').value = { formula: 'B2', result: undefined } as ExcelJS.CellFormulaValue;

    const result = readPlanUpload(await uploaded(wb), { years: YEARS, rows: [stored(1), stored(2, { deleted: true }), stored(3)] });

    expect(result.changes).toEqual([]);
    expect(result.issues).toEqual([
      { sheetRow: 13, column: null, message: 'baris R2 sudah dihapus di aplikasi; pulihkan dulu atau hapus baris ini dari berkas' },
      { sheetRow: 15, column: null, message: 'baris R1 muncul dua kali (juga di baris 12)' },
    ]);
    const formula = readPlanUpload(await uploaded(wb), { years: YEARS, rows: [stored(1), stored(2), stored(3)] }).issues;
    expect(formula).toContainEqual({ sheetRow: 13, column: 'Sasaran', message: 'berisi rumus tanpa hasil; ketik nilainya langsung' });
  });

  it('reads changed output targets year by year', async () => {
    const wb = await exported(rows);
    (wb.getWorksheet('Lampiran I') as ExcelJS.Worksheet).getCell('K12').value = '15 SOP';

    const [change] = readPlanUpload(await uploaded(wb), { years: YEARS, rows }).changes;

    expect(change?.outputTargets).toEqual({ 2023: '15 SOP' });
    expect(change?.fields).toEqual([{ field: 'outputTargets', label: 'Target output per tahun', old: '2022: –, 2023: –, 2024: –', new: '2022: –, 2023: 15 SOP, 2024: –' }]);
  });

  it('refuses a file made for other plan years', async () => {
    const wb = await exported(rows);

    const result = readPlanUpload(await uploaded(wb), { years: [2022, 2023, 2024, 2025], rows });

    expect(result.issues[0]?.message).toContain('tahun rencana di berkas (2022, 2023, 2024) berbeda dengan tahun rencana saat ini (2022, 2023, 2024, 2025)');
  });

  it('refuses a count above the units the row counts, naming the year', async () => {
    const wb = await exported(rows);
    (wb.getWorksheet('Lampiran I') as ExcelJS.Worksheet).getCell('I12').value = 58;

    const result = readPlanUpload(await uploaded(wb), { years: YEARS, rows });

    expect(result.issues).toEqual([{ sheetRow: 12, column: 'Target 2024', message: 'Target 2024 (58) melebihi jumlah unit yang dinilai pada indikator ini (57).' }]);
  });

  it('still reads rows that follow an accidental blank row, and ignores id-less text after the table', async () => {
    const wb = await exported(rows);
    const ws = wb.getWorksheet('Lampiran I') as ExcelJS.Worksheet;
    ws.spliceRows(14, 0, []);
    ws.getCell('Q16').value = 'APBD';

    const result = readPlanUpload(await uploaded(wb), { years: YEARS, rows });

    expect(result.issues).toEqual([]);
    expect(result.changes.map((c) => [c.rowId, c.sheetRow])).toEqual([[3, 16]]);
  });
});
