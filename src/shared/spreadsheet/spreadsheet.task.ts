import { readCsv } from './csv-read';
import { SheetRefusal, type ReadLimits, type Refusal, type SpreadsheetData, type SpreadsheetFormat } from './sheet-limits';
import { readXlsx } from './xlsx-read';
import { lowerWorkerThreadPriority } from '../worker-thread';

lowerWorkerThreadPriority();

/** What the request side hands the worker: the bytes and how to read them. */
export interface SpreadsheetTaskInput {
  format: SpreadsheetFormat;
  data: Uint8Array;
  sheets?: readonly string[];
  limits: ReadLimits;
}

export type SpreadsheetTaskResult = { ok: true; data: SpreadsheetData } | { ok: false; refusal: Refusal };

/**
 * Runs in the worker pool (see readSpreadsheet): reads the file and returns its sheets or the refusal as plain data,
 * since an error's own fields do not survive the trip back to the request thread.
 */
export async function readSpreadsheetTask(input: SpreadsheetTaskInput): Promise<SpreadsheetTaskResult> {
  const data = Buffer.from(input.data.buffer, input.data.byteOffset, input.data.byteLength);
  try {
    const read = input.format === 'csv' ? readCsv(data, input.limits) : await readXlsx(data, input.sheets, input.limits);
    return { ok: true, data: read };
  } catch (err) {
    if (err instanceof SheetRefusal) return { ok: false, refusal: err.refusal };
    throw err;
  }
}
