import ExcelJS from 'exceljs';
import { shareStyles, styleCategory, styleCell } from '../../src/shared/workbook-style';
import { readWorkbook } from '../helpers/workbook';

describe('shareStyles', () => {
  it('gives cells with equal styles one style object and keeps every style as it was', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Uji');
    styleCell(ws.getCell('A1'), { bold: true });
    ws.getCell('A2').font = { name: 'Arial', size: 10, bold: true };
    ws.getCell('A2').border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
    ws.getCell('A2').alignment = { wrapText: true, vertical: 'top', horizontal: 'left' };
    styleCell(ws.getCell('A3'), { numFmt: '0.00' });
    styleCell(ws.getCell('A4'));
    styleCategory(ws.getCell('A4'), 'Kurang');
    for (const a of ['A1', 'A2', 'A3', 'A4']) ws.getCell(a).value = a;

    shareStyles(wb);
    const read = (await readWorkbook(Buffer.from(await wb.xlsx.writeBuffer()))).getWorksheet('Uji');

    expect(ws.getCell('A2').style).toBe(ws.getCell('A1').style);
    expect(ws.getCell('A3').style).not.toBe(ws.getCell('A1').style);
    expect(read?.getCell('A2').font).toMatchObject({ bold: true, size: 10 });
    expect(read?.getCell('A3').numFmt).toBe('0.00');
    expect(read?.getCell('A3').font?.bold).toBeFalsy();
    expect(read?.getCell('A4').fill).toMatchObject({ fgColor: { argb: 'FF440154' } });
    expect(read?.getCell('A4').font?.color?.argb).toBe('FFFFFFFF');
    expect(read?.getCell('A1').fill).not.toMatchObject({ pattern: 'solid' });
  });
});
