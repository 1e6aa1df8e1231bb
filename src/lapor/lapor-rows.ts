import { formatInt } from '../shared/format';
import { FIELD_LABELS, type LaporField } from './lapor-columns';
import { parseExportDate } from './lapor-dates';
import { parseLaporStatus, type LaporStatus } from './lapor-status';

/**
 * The rows of an export read into reports: only the fields the tool keeps, each checked; a row that cannot be read is
 * refused with its row number and reason, and the others go on. Pure.
 */

/** What is kept of one report: no reporter identity, no report text. */
export interface LaporReport {
  trackingId: string;
  receivedOn: string;
  firstResponseOn: string | null;
  finishedOn: string | null;
  status: LaporStatus;
  classification: string | null;
  channel: string | null;
  category: string | null;
}

/** A report as read from the file, with the row it came from and the instansi it was sent to. */
export interface ReadReport extends LaporReport {
  row: number;
  instansi: string;
}

export interface RowRefusal {
  row: number;
  reason: string;
}

export interface ReadRows {
  reports: ReadReport[];
  refused: RowRefusal[];
  /** Rows with no text at all below the header (skipped, not refused). */
  blank: number;
}

const MAX_ID = 64;
const MAX_TEXT = 120;

type Cells = (field: LaporField) => string;

function dateField(cells: Cells, field: LaporField, refuse: (reason: string) => void): string | null | undefined {
  const text = cells(field);
  if (text === '') return null;
  const iso = parseExportDate(text);
  if (iso === null) refuse(`${FIELD_LABELS[field]} "${text.slice(0, 40)}" tidak terbaca sebagai tanggal`);
  return iso ?? undefined;
}

/** One row, or the reasons it is refused. */
function readRow(cells: Cells, exportDate: string): { report: Omit<ReadReport, 'row'> } | { reasons: string[] } {
  const reasons: string[] = [];
  const refuse = (r: string) => reasons.push(r);
  const trackingId = cells('trackingId');
  if (trackingId === '') refuse('ID Tracking kosong');
  else if (trackingId.length > MAX_ID) refuse(`ID Tracking lebih dari ${formatInt(MAX_ID)} karakter`);
  const instansi = cells('instansi');
  if (instansi === '') refuse('Instansi kosong');
  const receivedText = cells('receivedOn');
  const receivedOn = receivedText === '' ? null : parseExportDate(receivedText);
  if (receivedText === '') refuse('Tanggal Laporan kosong');
  else if (receivedOn === null) refuse(`Tanggal Laporan "${receivedText.slice(0, 40)}" tidak terbaca sebagai tanggal`);
  else if (receivedOn > exportDate) refuse('Tanggal Laporan sesudah tanggal ekspor');
  const statusText = cells('status');
  const status = parseLaporStatus(statusText);
  if (status === null) refuse(statusText === '' ? 'Status kosong' : `Status "${statusText.slice(0, 40)}" tidak dikenal`);
  const firstResponseOn = dateField(cells, 'firstResponseOn', refuse);
  const finishedOn = dateField(cells, 'finishedOn', refuse);
  for (const [field, d] of [['firstResponseOn', firstResponseOn], ['finishedOn', finishedOn]] as const) {
    if (d && receivedOn && d < receivedOn) refuse(`${FIELD_LABELS[field]} sebelum Tanggal Laporan`);
  }
  if (reasons.length > 0 || receivedOn === null || status === null || firstResponseOn === undefined || finishedOn === undefined) return { reasons };
  const text = (f: LaporField) => cells(f).slice(0, MAX_TEXT) || null;
  return {
    report: {
      trackingId, instansi, receivedOn, status, firstResponseOn, finishedOn,
      classification: text('classification'), channel: text('channel'), category: text('category'),
    },
  };
}

/**
 * Reads the rows below the header (0-based `headerRow`) with the given columns. Row numbers are those the person sees
 * in their spreadsheet (1-based). `exportDate` (ISO) is the day the export was taken: a report cannot be later.
 */
export function readReports(
  table: readonly (readonly string[])[],
  headerRow: number,
  columns: Partial<Record<LaporField, number>>,
  exportDate: string,
): ReadRows {
  const out: ReadRows = { reports: [], refused: [], blank: 0 };
  for (let i = headerRow + 1; i < table.length; i++) {
    const r = table[i] ?? [];
    if (r.every((c) => c === '')) {
      out.blank++;
      continue;
    }
    const cells: Cells = (f) => {
      const c = columns[f];
      return c === undefined ? '' : (r[c] ?? '').trim();
    };
    const read = readRow(cells, exportDate);
    if ('report' in read) out.reports.push({ row: i + 1, ...read.report });
    else out.refused.push({ row: i + 1, reason: read.reasons.join('; ') });
  }
  return out;
}

/** "baris 12: Status "Entah" tidak dikenal" */
export const refusalText = (r: RowRefusal): string => `Baris ${formatInt(r.row)}: ${r.reason}`;
