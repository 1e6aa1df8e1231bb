import { buildRenaksiWorkbook, type RenaksiDocument } from './renaksi-workbook';
import { deflateStoredZip } from '../shared/xlsx-stream/deflate-stored';
import { lowerWorkerThreadPriority } from '../shared/worker-thread';

lowerWorkerThreadPriority();

/**
 * Runs in the worker pool: the Renaksi workbook's bytes from its document (plain data). exceljs writes the ZIP
 * uncompressed and Node's native deflate packs it (see deflateStoredZip).
 */
export async function buildRenaksiXlsx(doc: RenaksiDocument): Promise<Uint8Array> {
  const wb = buildRenaksiWorkbook(doc);
  return deflateStoredZip(Buffer.from(await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } })));
}
