import { streamedWorkbookBytes } from '../shared/xlsx-stream/streamed-workbook';
import { lowerWorkerThreadPriority } from '../shared/worker-thread';
import type { MonevDocument } from './monev-document';
import { buildMonevWorkbook } from './monev-workbook';

lowerWorkerThreadPriority();

/**
 * Runs in the worker pool: the monev workbook's bytes from its document (plain data), written through exceljs's
 * streaming WorkbookWriter so Laporan Unit (one row per reporting unit: a country's 30.000) goes out row by row.
 * Texts are shared, as the in-memory writer did, so every cell, the signature block's blank lines too, reads back as
 * text (its distinct texts are few: unit names and report states).
 */
export async function buildMonevXlsx(doc: MonevDocument): Promise<Uint8Array> {
  return streamedWorkbookBytes((wb) => buildMonevWorkbook(doc, wb));
}
