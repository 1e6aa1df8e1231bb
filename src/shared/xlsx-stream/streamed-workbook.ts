import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { setZipDates } from './zip-dates';

/**
 * The bytes of a workbook written through exceljs's streaming WorkbookWriter by `build` (which commits its long
 * sheets row by row: commitRow, commitSheet), deflated at zlib's default level and every entry dated with the
 * workbook's own creation time (which `build` sets), so the bytes stay a function of what was written.
 */
export async function streamedWorkbookBytes(build: (wb: ExcelJS.Workbook) => Promise<unknown>): Promise<Uint8Array> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    sink.once('end', resolve);
    sink.once('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 6 } } });
  await build(wb);
  await wb.commit();
  await ended;
  return setZipDates(Buffer.concat(chunks), wb.created);
}
