import type { Response } from 'express';

/** Sends a CSV download (UTF-8 with BOM; see shared/csv.ts) under an Indonesian file name. */
export function sendCsv(res: Response, fileName: string, csv: string): void {
  res.type('text/csv; charset=utf-8');
  res.attachment(`${fileName}.csv`);
  res.send(csv);
}
