import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { setZipDates } from './zip-dates';

/**
 * The bytes of a workbook written through exceljs's streaming WorkbookWriter by `build` (which commits its long
 * sheets row by row: commitRow, commitSheet), deflated at zlib's default level 6 (archiver's own default, level 1,
 * made files a third larger) and every entry dated with the workbook's own creation time (which `build` sets), so the
 * bytes stay a function of what was written. Texts go to the shared string table (held until the end, once per
 * distinct text), as an in-memory workbook writes them: exceljs's streaming writer writes an empty inline text as no
 * value at all, so a merged cell holding '' (the blank lines of a lampiran's signature block) would read back as a
 * merge of nothing, whose `text` exceljs's reader cannot give.
 */
export async function streamedWorkbookBytes(build: (wb: ExcelJS.Workbook) => Promise<unknown>): Promise<Uint8Array> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    sink.once('end', resolve);
    sink.once('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true, zip: { zlib: { level: 6 } } });
  await build(wb);
  await wb.commit();
  await ended;
  return setZipDates(Buffer.concat(chunks), wb.created);
}
