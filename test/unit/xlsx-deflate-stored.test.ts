import ExcelJS from 'exceljs';
import { deflateStoredZip, storedEntries } from '../../src/shared/xlsx-stream/deflate-stored';
import { readWorkbook } from '../helpers/workbook';

async function sampleWorkbook(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Renaksi');
  ws.mergeCells('A1:C1');
  ws.getCell('A1').value = 'RENCANA AKSI SP4N-LAPOR! KABUPATEN KUTAI TIMUR';
  for (let r = 2; r < 300; r++) ws.addRow([`Baris ${r}`, r * 1.5, 'Dinas Komunikasi dan Informatika – catatan yang berulang']);
  ws.getCell('B2').numFmt = '0.00';
  return wb;
}

describe('deflateStoredZip', () => {
  it('re-packs an uncompressed workbook with the same entries, smaller, and readable back cell by cell', async () => {
    const stored = Buffer.from(await (await sampleWorkbook()).xlsx.writeBuffer({ zip: { compression: 'STORE' } }));

    const packed = await deflateStoredZip(stored);
    const back = (await readWorkbook(packed)).getWorksheet('Renaksi');

    expect(packed.length).toBeLessThan(stored.length / 3);
    expect(back?.getCell('A1').value).toBe('RENCANA AKSI SP4N-LAPOR! KABUPATEN KUTAI TIMUR');
    expect(back?.getCell('A1').isMerged).toBe(true);
    expect(back?.getCell('B299').value).toBe(448.5);
    expect(back?.getCell('B2').numFmt).toBe('0.00');
    expect(storedEntries(stored).map((e) => e.name)).toContain('xl/worksheets/sheet1.xml');
  });

  it('refuses a ZIP that is already compressed instead of writing a broken file', async () => {
    const deflated = Buffer.from(await (await sampleWorkbook()).xlsx.writeBuffer());

    expect(() => storedEntries(deflated)).toThrow('tanpa kompresi');
  });
});
