import ExcelJS from 'exceljs';

type LoadInput = Parameters<ExcelJS.Workbook['xlsx']['load']>[0];

/** Reads an .xlsx held in memory back into a workbook. NOTE: exceljs' types predate Node's generic Buffer. */
export async function readWorkbook(data: Buffer | ArrayBuffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as LoadInput);
  return wb;
}
