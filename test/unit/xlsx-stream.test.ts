import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import { cellXml, columnLetter, sheetRef, MAX_CELL_TEXT } from '../../src/shared/xlsx-stream/sheet-writer';
import { createStyleSheet } from '../../src/shared/xlsx-stream/style-sheet';
import { startWorkbook, type WorkbookSpec } from '../../src/shared/xlsx-stream/workbook-writer';
import { escapeXml } from '../../src/shared/xlsx-stream/xml-text';
import { readWorkbook } from '../helpers/workbook';
import { HAS_UNZIP, readZip, unzipTest } from '../helpers/zip';

describe('escapeXml', () => {
  it.each<[string, string, string]>([
    ['plain text unchanged', 'Kecamatan Busang', 'Kecamatan Busang'],
    ['markup characters as entities', 'A & B <b> "kutip"', 'A &amp; B &lt;b&gt; &quot;kutip&quot;'],
    ['an entity-looking text escaped again', '&amp;', '&amp;amp;'],
    ['tab, line feed and carriage return kept', 'a\tb\nc\rd', 'a\tb\nc\rd'],
    ['C0 control characters dropped', 'SK\u0000\u0001\u0008\u000B\u000C\u000E\u001F\u0007 Camat', 'SK Camat'],
    ['U+FFFE and U+FFFF dropped', 'a\uFFFEb\uFFFFc', 'abc'],
    ['an unpaired surrogate dropped, a pair kept', 'x\uD83Dy\uDE00z 😀', 'xyz 😀'],
    ['DEL and non-Latin text kept', 'a\u007Fb – é 中', 'a\u007Fb – é 中'],
  ])('%s', (_, text, xml) => {
    expect(escapeXml(text)).toBe(xml);
  });
});

describe('cellXml', () => {
  it.each<[string, Parameters<typeof cellXml>[1], number | undefined, string]>([
    ['a number as a value', 62.5, undefined, '<c r="B2"><v>62.5</v></c>'],
    ['a styled number', 0, 3, '<c r="B2" s="3"><v>0</v></c>'],
    ['text as an inline string', 'R&D', undefined, '<c r="B2" t="inlineStr"><is><t>R&amp;D</t></is></c>'],
    ['text keeping its spaces and line breaks', ' a\nb', 2, '<c r="B2" s="2" t="inlineStr"><is><t xml:space="preserve"> a\nb</t></is></c>'],
    ['a shared string by index', { sst: 7 }, undefined, '<c r="B2" t="s"><v>7</v></c>'],
    ['nothing for an empty cell', null, undefined, ''],
    ['nothing for empty text', '', undefined, ''],
    ['nothing for a number that is not finite', Number.NaN, undefined, ''],
    ['a styled empty cell', null, 4, '<c r="B2" s="4"/>'],
  ])('writes %s', (_, value, style, xml) => {
    expect(cellXml('B2', value, style)).toBe(xml);
  });

  it("cuts text at Excel's 32 767 characters", () => {
    const xml = cellXml('A1', 'x'.repeat(MAX_CELL_TEXT + 10), undefined);

    expect(xml).toBe(`<c r="A1" t="inlineStr"><is><t>${'x'.repeat(MAX_CELL_TEXT)}</t></is></c>`);
  });
});

describe('columnLetter and sheetRef', () => {
  it.each([[1, 'A'], [15, 'O'], [26, 'Z'], [27, 'AA'], [52, 'AZ'], [702, 'ZZ'], [703, 'AAA'], [16384, 'XFD']])('column %p is %p', (n, letters) => {
    expect(columnLetter(n)).toBe(letters);
  });

  it.each([['Unit', 'Unit'], ['Jawaban (2)', "'Jawaban (2)'"], ["Unit's", "'Unit''s'"]])('sheet %p is referenced as %p', (name, ref) => {
    expect(sheetRef(name)).toBe(ref);
  });
});

describe('createStyleSheet', () => {
  it('lists each look once and uses built-in number formats where Excel has them', () => {
    const styles = createStyleSheet();

    const header = styles.add({ font: { name: 'Arial', size: 10, bold: true }, fill: 'FFD9E1F2', border: 'thin' });
    const again = styles.add({ font: { name: 'Arial', size: 10, bold: true }, fill: 'FFD9E1F2', border: 'thin' });
    const score = styles.add({ numFmt: '0.00' });
    const custom = styles.add({ numFmt: '0.000' });
    const xml = styles.xml();

    expect([header, again, score, custom]).toEqual([1, 1, 2, 3]);
    expect(xml).toContain('<numFmts count="1"><numFmt numFmtId="164" formatCode="0.000"/></numFmts>');
    expect(xml).toContain('<cellXfs count="4">');
    expect(xml).toContain('<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>');
  });
});

async function written(spec: Partial<WorkbookSpec>, fill: (book: Awaited<ReturnType<typeof startWorkbook>>) => Promise<void>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const book = await startWorkbook(out, { creator: 'Uji', title: 'Uji', sheets: [], styles: createStyleSheet(), ...spec });
  await fill(book);
  await book.finish();
  return Buffer.concat(chunks);
}

describe('startWorkbook', () => {
  const sheets = [
    { name: 'Ringkas', columns: [{ width: 12 }, { width: 30 }] },
    { name: "Data (2) & 'x' b", columns: [{ width: 8 }], frozenRows: 1, autoFilter: true },
  ];

  it('writes a workbook exceljs reads back: sheets in order, texts, numbers, shared strings', async () => {
    const buf = await written({ sheets, sharedStrings: ['Berulang', 'Kutai Timur'] }, async (book) => {
      // the second sheet first: sheets are listed by the workbook part, not by their place in the zip
      const data = book.sheet(1);
      await data.addRow(['Nilai']);
      await data.addRow([1.25]);
      await data.end();
      const first = book.sheet(0);
      await first.addRow([{ sst: 1 }, 'Catatan <penting> & "kutip"\u0007 ✓']);
      await first.addRow([{ sst: 0 }, '  spasi di tepi  ']);
      await first.addRow([null, 'baris\nkedua']);
      await first.end();
    });

    const wb = await readWorkbook(buf);

    expect(wb.worksheets.map((w) => w.name)).toEqual(['Ringkas', "Data (2) & 'x' b"]);
    const first = wb.worksheets[0] as ExcelJS.Worksheet;
    expect([1, 2, 3].map((r) => [first.getCell(r, 1).value, first.getCell(r, 2).value])).toEqual([
      ['Kutai Timur', 'Catatan <penting> & "kutip" ✓'],
      ['Berulang', '  spasi di tepi  '],
      [null, 'baris\nkedua'],
    ]);
    expect(first.getColumn(2).width).toBe(30);
    expect(wb.worksheets[1]?.getCell('A2').value).toBe(1.25);
  });

  it('writes frozen rows, the autofilter and its hidden filter range', async () => {
    const buf = await written({ sheets }, async (book) => {
      for (const i of [0, 1]) {
        const s = book.sheet(i);
        await s.addRow(['Judul']);
        await s.end();
      }
    });

    const data = (await readWorkbook(buf)).worksheets[1] as ExcelJS.Worksheet;
    const workbookXml = readZip(buf).entries.find((e) => e.name === 'xl/workbook.xml')?.data.toString('utf8');

    expect(data.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(data.autoFilter).toBe('A1:A1');
    expect(workbookXml).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">'Data (2) &amp; ''x'' b'!$A$1:$A$1</definedName>`);
  });

  (HAS_UNZIP ? it : it.skip)('produces a zip that unzip tests without error', async () => {
    const buf = await written({ sheets }, async (book) => {
      for (const i of [0, 1]) await book.sheet(i).end();
    });

    expect(unzipTest(buf).status).toBe(0);
  });

  it.each([[''], ['a'.repeat(32)], ['Rekap: 2022'], ['a/b'], ["'kutip"]])('refuses the sheet name %p', async (name) => {
    await expect(startWorkbook(new PassThrough(), { creator: '', title: '', sheets: [{ name, columns: [] }], styles: createStyleSheet() })).rejects.toThrow(/sheet name/);
  });

  it('refuses two sheets whose names differ only in case', async () => {
    const twins = [{ name: 'Unit', columns: [] }, { name: 'UNIT', columns: [] }];

    await expect(startWorkbook(new PassThrough(), { creator: '', title: '', sheets: twins, styles: createStyleSheet() })).rejects.toThrow(/duplicate/);
  });

  it('refuses to finish while a sheet is unwritten, and to write a sheet twice', async () => {
    const book = await startWorkbook(new PassThrough(), { creator: '', title: '', sheets, styles: createStyleSheet() });
    await book.sheet(0).end();

    expect(() => book.sheet(0)).toThrow(/already written/);
    await expect(book.finish()).rejects.toThrow(/every sheet/);
  });
});
