import { firstSheet, readSpreadsheet } from '../shared/spreadsheet/read-spreadsheet';

/** Rows a SP4N-LAPOR! export may hold: a province's year is about 100.000 reports. */
export const LAPOR_MAX_ROWS = 120_000;
/** Bytes of one export file (with its personal columns and report texts, which are dropped on reading). */
export const LAPOR_MAX_BYTES = 60 * 1024 * 1024;
/** What an .xlsx export may unpack into: about 1 KB of sheet XML per report with its texts. */
const LAPOR_MAX_UNPACKED_BYTES = 256 * 1024 * 1024;

export interface ExportFile {
  originalName: string;
  data: Buffer;
}

/**
 * The one place an export file becomes rows of cell texts (row index = spreadsheet row − 1; Excel date cells as ISO
 * dates), through the shared spreadsheet reader: refuses, with a 422 on `file`, anything that is not an .xlsx or UTF-8
 * .csv, holds formulas, or is over the row, cell or unpacked-size limits.
 */
export async function readExportTable(file: ExportFile): Promise<string[][]> {
  const read = await readSpreadsheet(file, {
    formats: ['xlsx', 'csv'], maxDataRows: LAPOR_MAX_ROWS, refuseFormulas: true, maxUnpackedBytes: LAPOR_MAX_UNPACKED_BYTES,
    wrongFileMessage: 'Pilih ekspor laporan SP4N-LAPOR! berupa berkas .xlsx atau .csv.',
  });
  return firstSheet(read).rows;
}
