import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { buildRenaksiWorkbook, type RenaksiDocument } from './renaksi-workbook';
import { setZipDates } from '../shared/xlsx-stream/zip-dates';
import { lowerWorkerThreadPriority } from '../shared/worker-thread';

lowerWorkerThreadPriority();

/**
 * Runs in the worker pool: the Renaksi workbook's bytes from its document (plain data). Written through exceljs's
 * streaming WorkbookWriter, so the sheets that grow with the units (Lampiran II, Skor per Unit, Kesenjangan: one row
 * per unit or per unit × indicator gap) are written out and deflated (archiver, Node's native zlib, at zlib's
 * default level 6 as before: archiver's own default, level 1, made the file a third larger) row by row instead of held
 * whole: in memory, a province's 2.166 units passed the worker's memory ceiling. Every entry is dated with the
 * document's own creation time, so the bytes stay a function of the document alone.
 */
export async function buildRenaksiXlsx(doc: RenaksiDocument): Promise<Uint8Array> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    sink.once('end', resolve);
    sink.once('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 6 } } });
  await buildRenaksiWorkbook(doc, wb);
  await wb.commit();
  await ended;
  return setZipDates(Buffer.concat(chunks), wb.created);
}
