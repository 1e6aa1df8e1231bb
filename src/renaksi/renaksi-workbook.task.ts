import { buildRenaksiWorkbook, type RenaksiDocument } from './renaksi-workbook';
import { streamedWorkbookBytes } from '../shared/xlsx-stream/streamed-workbook';
import { lowerWorkerThreadPriority } from '../shared/worker-thread';

lowerWorkerThreadPriority();

/**
 * Runs in the worker pool: the Renaksi workbook's bytes from its document (plain data). Written through exceljs's
 * streaming WorkbookWriter (streamedWorkbookBytes), so the sheets that grow with the units (Lampiran II, Skor per
 * Unit, Kesenjangan: one row per unit or per unit × indicator gap) are written out and deflated row by row instead of
 * held whole: in memory, a province's 2.166 units passed the worker's memory ceiling.
 */
export async function buildRenaksiXlsx(doc: RenaksiDocument): Promise<Uint8Array> {
  return streamedWorkbookBytes((wb) => buildRenaksiWorkbook(doc, wb));
}
