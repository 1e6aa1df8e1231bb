import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { AppError } from '../../src/errors/app-error';
import { columnLetters, readTableFile } from '../../src/shared/table-file';

async function xlsx(rows: unknown[][], patchSheetXml?: (xml: string) => string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data');
  rows.forEach((r) => ws.addRow(r));
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  if (!patchSheetXml) return bytes;
  // NOTE: jszip is exceljs' own zip library; it rewrites one part of the file as a hostile or unusual writer would.
  const zip = await JSZip.loadAsync(bytes);
  const xml = await (zip.file('xl/worksheets/sheet1.xml') as JSZip.JSZipObject).async('string');
  zip.file('xl/worksheets/sheet1.xml', patchSheetXml(xml));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function refusal(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (err) {
    if (err instanceof AppError && err.status === 422) return err.fields.file ?? '';
    throw err;
  }
  return 'not refused';
}

describe('columnLetters', () => {
  it.each([[1, 'A'], [4, 'D'], [26, 'Z'], [27, 'AA'], [28, 'AB'], [702, 'ZZ'], [703, 'AAA']])('%p → %p', (n, letters) => {
    expect(columnLetters(n)).toBe(letters);
  });
});

describe('readTableFile', () => {
  const opts = { maxDataRows: 100 };

  it('reads the first sheet of an .xlsx and a CSV into the same rows of texts', async () => {
    const fromXlsx = await readTableFile('a.xlsx', await xlsx([['kode', 'nama'], ['A1', 12]]), opts);
    const fromCsv = await readTableFile('a.csv', Buffer.from('\uFEFFkode;nama\r\nA1;12\r\n'), opts);

    expect(fromXlsx).toEqual([['kode', 'nama'], ['A1', '12']]);
    expect(fromCsv).toEqual(fromXlsx);
  });

  it('picks the named sheet case-insensitively and names the sheets present when it is missing', async () => {
    const data = await xlsx([['x']]);

    await expect(readTableFile('a.xlsx', data, { ...opts, sheetName: 'data' })).resolves.toEqual([['x']]);
    expect(await refusal(readTableFile('a.xlsx', data, { ...opts, sheetName: 'Pengguna' }))).toBe(
      'Lembar "Pengguna" tidak ditemukan (lembar di berkas: "Data"). Isi data pada lembar "Pengguna" seperti di templat.',
    );
  });

  it('reads formula results unless formulas are refused, then names the cells (five, then a count)', async () => {
    const cells = Array.from({ length: 7 }, (_v, i) => [{ formula: `${i}+1`, result: i + 1 }]);
    const data = await xlsx([['n'], ...cells]);

    await expect(readTableFile('a.xlsx', data, opts)).resolves.toEqual([['n'], ['1'], ['2'], ['3'], ['4'], ['5'], ['6'], ['7']]);
    expect(await refusal(readTableFile('a.xlsx', data, { ...opts, refuseFormulas: true }))).toBe(
      'Berkas berisi rumus di sel A2, A3, A4, A5, A6 dan 2 sel lainnya. Ganti rumus dengan nilainya (salin, lalu "Tempel Khusus → Nilai") dan unggah lagi.',
    );
  });

  it('ignores a whole-sheet merge and data validation that exceljs would expand cell by cell', async () => {
    const data = await xlsx([['kode', 'nama'], ['A1', 'B1']], (xml) => xml.replace('</sheetData>',
      '</sheetData><mergeCells count="1"><mergeCell ref="A3:XFD1048576"/></mergeCells>'
      + '<dataValidations count="1"><dataValidation type="list" sqref="A1:XFD1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations>'));
    const started = Date.now();

    const rows = await readTableFile('a.xlsx', data, opts);

    expect(rows).toEqual([['kode', 'nama'], ['A1', 'B1']]);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses a sheet with data far below the row limit before reading it', async () => {
    const data = await xlsx([['kode'], ['A']], (xml) => xml.replace('</sheetData>', '<row r="900000"><c r="A900000" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'));

    expect(await refusal(readTableFile('a.xlsx', data, { maxDataRows: 10 }))).toBe('Berkas berisi data sampai baris 900.000; maksimal 10 baris data dalam satu berkas.');
  });

  it('refuses a macro workbook, text with an .xlsx name and bytes that are not UTF-8 in a .csv', async () => {
    const macro = await JSZip.loadAsync(await xlsx([['x']]));
    macro.file('xl/vbaProject.bin', 'macro');
    const xlsm = await macro.generateAsync({ type: 'nodebuffer' });

    expect(await refusal(readTableFile('a.xlsx', xlsm, opts))).toContain('tidak dapat dibaca sebagai lembar kerja Excel (.xlsx)');
    expect(await refusal(readTableFile('a.xlsx', Buffer.from('kode,nama\n'), opts))).toContain('tidak dapat dibaca sebagai lembar kerja Excel (.xlsx)');
    expect(await refusal(readTableFile('a.csv', Buffer.from([0x6b, 0x6f, 0xff, 0x64, 0x65]), opts))).toContain('Berkas .csv harus berupa teks (UTF-8)');
  });
});
