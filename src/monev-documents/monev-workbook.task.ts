import { deflateStoredZip } from '../shared/xlsx-stream/deflate-stored';
import { lowerWorkerThreadPriority } from '../shared/worker-thread';
import type { MonevDocument } from './monev-document';
import { buildMonevWorkbook } from './monev-workbook';

lowerWorkerThreadPriority();

/** Runs in the worker pool: the monev workbook's bytes from its document (plain data), packed by Node's deflate. */
export async function buildMonevXlsx(doc: MonevDocument): Promise<Uint8Array> {
  const wb = buildMonevWorkbook(doc);
  return deflateStoredZip(Buffer.from(await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } })));
}
