import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { AppError } from '../../src/errors/app-error';
import { lyingBomb, xmlBomb } from '../../src/bench/bomb-files';
import { cellText, readSpreadsheet, requireSheet } from '../../src/shared/spreadsheet/read-spreadsheet';
import { type SpreadsheetOptions } from '../../src/shared/spreadsheet/sheet-limits';
import { columnLetter as columnLetters } from '../../src/shared/xlsx-stream/sheet-writer';

const MB = 1024 * 1024;
const opts: SpreadsheetOptions = { formats: ['xlsx', 'csv'], maxDataRows: 100 };

async function xlsx(rows: unknown[][], patchSheetXml?: (xml: string) => string, sheetName = 'Data'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  rows.forEach((r) => ws.addRow(r));
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  if (!patchSheetXml) return bytes;
  // NOTE: jszip is exceljs' own zip library; it rewrites one part of the file as a hostile or unusual writer would.
  const zip = await JSZip.loadAsync(bytes);
  const xml = await (zip.file('xl/worksheets/sheet1.xml') as JSZip.JSZipObject).async('string');
  zip.file('xl/worksheets/sheet1.xml', patchSheetXml(xml));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const read = (name: string, data: Buffer, o: Partial<SpreadsheetOptions> = {}) => readSpreadsheet({ originalName: name, data }, { ...opts, ...o });
const rowsOf = async (name: string, data: Buffer, o: Partial<SpreadsheetOptions> = {}) => (await read(name, data, o)).sheets[0]?.rows;

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

describe('readSpreadsheet: what it reads', () => {
  it('reads the first sheet of an .xlsx and a CSV into the same rows of texts', async () => {
    const fromXlsx = await rowsOf('a.xlsx', await xlsx([['kode', 'nama'], ['A1', 12]]));
    const fromCsv = await rowsOf('a.csv', Buffer.from('\uFEFFkode;nama\r\nA1;12\r\n'));

    expect(fromXlsx).toEqual([['kode', 'nama'], ['A1', '12']]);
    expect(fromCsv).toEqual(fromXlsx);
  });

  it('splits CSV on the delimiter of its header line, with quotes, doubled quotes and line breaks inside quotes', async () => {
    const semicolon = await rowsOf('a.csv', Buffer.from('\uFEFFkode;nama;kelompok\r\nPD-A;"Dinas ""A""; Kutim";pd\r\n'));
    const comma = await rowsOf('a.csv', Buffer.from('kode,nama,kelompok\nKEC-X,"Telen, Kutai Timur",kecamatan\r"B","baris\nkedua",x'));

    expect(semicolon).toEqual([['kode', 'nama', 'kelompok'], ['PD-A', 'Dinas "A"; Kutim', 'pd']]);
    expect(comma).toEqual([['kode', 'nama', 'kelompok'], ['KEC-X', 'Telen, Kutai Timur', 'kecamatan'], ['B', 'baris\nkedua', 'x']]);
  });

  it('reads rich text, booleans, dates, shared and inline strings, and numbers as Excel stores them', async () => {
    const data = await xlsx([
      [{ richText: [{ text: 'Kegiatan ' }, { font: { bold: true }, text: 'baru' }] }, true, new Date(Date.UTC(2022, 6, 1)), 2.5, 50000000],
    ], (xml) => xml.replace('</sheetData>', '<row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve">  sebaris &amp; _x000D_lagi </t></is></c></row></sheetData>'));

    const rows = await rowsOf('a.xlsx', data);

    expect(rows).toEqual([['Kegiatan baru', 'true', '2022-07-01', '2.5', '50000000'], ['sebaris & \rlagi']]);
  });

  it('picks the named sheet case-insensitively and names the sheets present when it is missing', async () => {
    const data = await xlsx([['x']]);

    const found = await read('a.xlsx', data, { sheets: ['data'] });
    const missing = await read('a.xlsx', data, { sheets: ['Pengguna'] });

    expect(requireSheet(found, 'DATA').rows).toEqual([['x']]);
    expect(() => requireSheet(missing, 'Pengguna')).toThrow(expect.objectContaining({
      fields: { file: 'Lembar "Pengguna" tidak ditemukan (lembar di berkas: "Data"). Isi data pada lembar "Pengguna" seperti di templat.' },
    }));
  });

  it('reads formula results unless formulas are refused, then names the cells (five, then a count)', async () => {
    const cells = Array.from({ length: 7 }, (_v, i) => [{ formula: `${i}+1`, result: i + 1 }]);
    const data = await xlsx([['n'], ...cells]);

    expect(await rowsOf('a.xlsx', data)).toEqual([['n'], ['1'], ['2'], ['3'], ['4'], ['5'], ['6'], ['7']]);
    expect(await refusal(read('a.xlsx', data, { refuseFormulas: true }))).toBe(
      'Berkas berisi rumus di sel A2, A3, A4, A5, A6 dan 2 sel lainnya. Ganti rumus dengan nilainya (salin, lalu "Tempel Khusus → Nilai") dan unggah lagi.',
    );
    expect(await refusal(read('a.csv', Buffer.from('n\n=1+1\n'), { refuseFormulas: true }))).toContain('Berkas berisi rumus di sel A2.');
  });

  it('marks a formula without a stored result and an error value as unreadable instead of guessing a text', async () => {
    const data = await xlsx([['a']], (xml) => xml.replace('</sheetData>', '<row r="2"><c r="A2"><f>B9</f></c><c r="B2" t="e"><v>#N/A</v></c></row></sheetData>'));

    const sheet = (await read('a.xlsx', data)).sheets[0];

    expect(sheet?.unreadable).toEqual({ A2: 'berisi rumus tanpa hasil; ketik nilainya langsung', B2: 'berisi galat #N/A' });
    expect(sheet && [cellText(sheet, 2, 1), cellText(sheet, 2, 2)]).toEqual(['', '']);
  });

  it('ignores a whole-sheet merge and data validation, which cost nothing to skip', async () => {
    const data = await xlsx([['kode', 'nama'], ['A1', 'B1']], (xml) => xml.replace('</sheetData>',
      '</sheetData><mergeCells count="1"><mergeCell ref="A3:XFD1048576"/></mergeCells>'
      + '<dataValidations count="1"><dataValidation type="list" sqref="A1:XFD1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations>'));

    expect(await rowsOf('a.xlsx', data)).toEqual([['kode', 'nama'], ['A1', 'B1']]);
  });
});

describe('readSpreadsheet: what it refuses', () => {
  it('refuses a value far below the row limit at that row, in .xlsx and CSV', async () => {
    const data = await xlsx([['kode'], ['A']], (xml) => xml.replace('</sheetData>', '<row r="900000"><c r="A900000" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'));
    const csv = Buffer.from(`kode\n${'x\n'.repeat(200)}`);

    expect(await refusal(read('a.xlsx', data, { maxDataRows: 10 }))).toBe('Berkas berisi data sampai baris 900.000 atau lebih; maksimal 10 baris data dalam satu berkas. Bagi menjadi beberapa berkas.');
    expect(await refusal(read('a.csv', csv, { maxDataRows: 10 }))).toBe('Berkas berisi data sampai baris 21 atau lebih; maksimal 10 baris data dalam satu berkas. Bagi menjadi beberapa berkas.');
  });

  it('refuses a value past the column limit, too many cells and a cell longer than Excel allows', async () => {
    const wide = await xlsx([['a']], (xml) => xml.replace('</sheetData>', '<row r="2"><c r="XFD2" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'));
    const many = await xlsx(Array.from({ length: 30 }, () => Array.from({ length: 10 }, () => 'x')));
    const long = await xlsx([['a'], ['b'.repeat(32_768)]]);

    expect(await refusal(read('a.xlsx', wide))).toBe('Sel XFD2 berisi data di luar 100 kolom pertama; maksimal 100 kolom. Hapus isi kolom yang tidak dipakai lalu unggah lagi.');
    expect(await refusal(read('a.xlsx', many, { maxCells: 250 }))).toBe('Berkas berisi lebih dari 250 sel berisi data; maksimal 250 sel dalam satu berkas. Bagi menjadi beberapa berkas.');
    expect(await refusal(read('a.xlsx', long))).toBe('Satu sel berisi lebih dari 32.767 karakter, batas Excel untuk satu sel.');
    expect(await refusal(read('a.csv', Buffer.from(`a;${'x;'.repeat(120)}`)))).toContain('Sel CW1 berisi data di luar 100 kolom pertama');
  });

  it('refuses a macro workbook, text with an .xlsx name, another kind of file and bytes that are not UTF-8 in a .csv', async () => {
    const macro = await JSZip.loadAsync(await xlsx([['x']]));
    macro.file('xl/vbaProject.bin', 'macro');
    const xlsm = await macro.generateAsync({ type: 'nodebuffer' });

    expect(await refusal(read('a.xlsx', xlsm))).toContain('tidak dapat dibaca sebagai lembar kerja Excel (.xlsx)');
    expect(await refusal(read('a.xlsx', Buffer.from('kode,nama\n')))).toContain('tidak dapat dibaca sebagai lembar kerja Excel (.xlsx)');
    expect(await refusal(read('a.xls', Buffer.from('kode,nama\n')))).toBe('Pilih berkas .xlsx atau .csv.');
    expect(await refusal(read('a.csv', Buffer.from('kode,nama\n'), { formats: ['xlsx'] }))).toBe('Pilih berkas Excel (.xlsx).');
    expect(await refusal(read('a.csv', Buffer.from([0x6b, 0x6f, 0xff, 0x64, 0x65])))).toContain('Berkas .csv harus berupa teks (UTF-8)');
    expect(await refusal(read('a.csv', Buffer.from('a,"b\nc')))).toContain('tanda kutip (") di baris');
  });

  it('uses the caller\'s own words for a file of the wrong kind', async () => {
    const o = { formats: ['xlsx'] as const, wrongFileMessage: 'Pilih berkas kuesioner Excel (.xlsx) yang diunduh dari aplikasi ini.' };

    expect(await refusal(read('a.csv', Buffer.from('x'), o))).toBe(o.wrongFileMessage);
    expect(await refusal(read('a.xlsx', Buffer.from('x'), o))).toBe(o.wrongFileMessage);
  });
});

describe('readSpreadsheet: hostile files', () => {
  it('refuses a 45 KB .xlsx holding 40 MB of rows at the first row past the limit, in well under 2 s', async () => {
    const bomb = await xmlBomb('Data', 40 * MB);
    const started = Date.now();

    const message = await refusal(read('bom.xlsx', bomb));

    expect(bomb.length).toBeLessThan(50 * 1024);
    expect(message).toBe('Berkas berisi data sampai baris 111 atau lebih; maksimal 100 baris data dalam satu berkas. Bagi menjadi beberapa berkas.');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('counts the bytes actually inflated, not the size the archive declares', async () => {
    const lying = await lyingBomb('Data', 24 * MB);
    const padded = await xmlBomb('Data', 24 * MB, true);
    const started = Date.now();

    const rows = await refusal(read('bom.xlsx', lying));
    const blank = await refusal(read('bom.xlsx', padded));

    expect(rows).toContain('Berkas berisi data sampai baris 111 atau lebih');
    expect(blank).toBe('Isi berkas .xlsx terlalu besar setelah dibuka (lebih dari 8 MB); berkas tidak dibaca. Simpan hanya lembar yang diperlukan, tanpa gambar, lalu unggah lagi.');
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('refuses a DOCTYPE (entity expansion) and a malformed sheet as unreadable', async () => {
    const doctype = await xlsx([['a']], (xml) => xml.replace('<worksheet', '<!DOCTYPE lol [<!ENTITY a "aaaa">]><worksheet'));
    const broken = await xlsx([['a']], (xml) => xml.replace('<sheetData>', '<sheetData><row r="1"><c r=A1>'));

    expect(await refusal(read('a.xlsx', doctype))).toContain('tidak dapat dibaca sebagai lembar kerja Excel');
    expect(await refusal(read('a.xlsx', broken))).toContain('tidak dapat dibaca sebagai lembar kerja Excel');
  });
});
