import { formatInt } from '../shared/format';
import { cellText, sheetNamed } from '../shared/spreadsheet/read-spreadsheet';
import { cellAddress, type SheetData, type SpreadsheetData } from '../shared/spreadsheet/sheet-limits';
import {
  FIRST_BODY_ROW, HEADER_ROW, LEADING_FIELDS, LEADING_HEADERS, OUTPUT_TARGETS_HEADER, RENAKSI_SHEET, ROW_KEY_HEADER, TAIL_FIELDS, TAIL_HEADERS,
  UNIT_TARGETS_HEADER, planLayout,
} from './renaksi-workbook';
import { RENAKSI_FIELD_LABELS, RENAKSI_TEXT_MAX, type RenaksiEditableField, type RenaksiTextField } from './renaksi-draft';
import { checkTargets, compactTargets, parseTarget, sameTargets } from './renaksi-targets';
import { normalizeText, REQUIRED_TEXT_FIELDS } from './renaksi.schemas';

/** A stored row as the upload compares against it. */
export interface UploadRowState extends Record<RenaksiTextField, string> {
  id: number;
  version: number;
  deleted: boolean;
  targets: Record<string, number>;
  outputTargets: Record<string, string>;
  /** Targets are counts of units from 0 to this (the units the row's indicator applies to). */
  targetMax: number;
}

export interface UploadIssue {
  /** Sheet row number as the spreadsheet shows it; null for problems with the whole file. */
  sheetRow: number | null;
  column: string | null;
  message: string;
}

export interface FieldChange {
  field: RenaksiEditableField;
  label: string;
  old: string;
  new: string;
}

export interface UploadChange {
  rowId: number;
  version: number;
  no: string;
  sheetRow: number;
  fields: FieldChange[];
  texts: Partial<Record<RenaksiTextField, string>>;
  targets: Record<string, number> | null;
  outputTargets: Record<string, string> | null;
}

export interface UploadResult {
  changes: UploadChange[];
  issues: UploadIssue[];
  /** Rows of the file that carry a known row id. */
  rowsInFile: number;
}

const ROW_KEY = /^R(\d+)-V(\d+)$/;

type CellRead = { text: string } | { error: string };

/** A cell's text as a person sees it, or why the file carries no usable value for it (an error, a formula without result). */
function readCell(ws: SheetData, r: number, c: number): CellRead {
  const problem = ws.unreadable[cellAddress(r, c)];
  return problem === undefined ? { text: cellText(ws, r, c) } : { error: problem };
}

const normalizeHeader = (ws: SheetData, r: number, c: number): string => {
  const read = readCell(ws, r, c);
  return 'text' in read ? read.text.replace(/\s+/g, ' ').trim() : '';
};

/** Checks the header rows match the layout this app writes for these plan years; returns the problems. */
function checkLayout(ws: SheetData, years: number[]): UploadIssue[] {
  const issue = (column: string | null, message: string): UploadIssue => ({ sheetRow: HEADER_ROW, column, message });
  const issues: UploadIssue[] = [];
  LEADING_HEADERS.forEach((h, i) => {
    const found = normalizeHeader(ws, HEADER_ROW, i + 1);
    if (found !== h) issues.push(issue(h, `judul kolom ${i + 1} seharusnya "${h}", di berkas "${found}"`));
  });
  const layout = planLayout(years.length);
  for (const [start, header] of [[layout.yearCol, UNIT_TARGETS_HEADER], [layout.outputCol, OUTPUT_TARGETS_HEADER]] as const) {
    // The group's years run from its merged header to the next header (or the first cell that holds no year).
    const fileYears: string[] = [];
    for (let c = start; c === start || normalizeHeader(ws, HEADER_ROW, c) === ''; c++) {
      const y = normalizeHeader(ws, HEADER_ROW + 1, c);
      if (!/^\d{4}$/.test(y)) break;
      fileYears.push(y);
    }
    if (fileYears.join(',') !== years.join(',') || normalizeHeader(ws, HEADER_ROW, start) !== header) {
      issues.push({ sheetRow: HEADER_ROW + 1, column: header, message: `tahun rencana di berkas (${fileYears.join(', ') || 'tidak ada'}) berbeda dengan tahun rencana saat ini (${years.join(', ')}); unduh ulang berkas` });
      return issues;
    }
  }
  TAIL_HEADERS.forEach((h, i) => {
    const found = normalizeHeader(ws, HEADER_ROW, layout.tailStart + i);
    if (found !== h) issues.push(issue(h, `judul kolom ${layout.tailStart + i} seharusnya "${h}", di berkas "${found}"`));
  });
  if (normalizeHeader(ws, HEADER_ROW, layout.keyCol) !== ROW_KEY_HEADER) {
    issues.push(issue(ROW_KEY_HEADER, 'kolom tersembunyi berisi ID baris tidak ditemukan; unggah berkas yang diunduh dari aplikasi ini'));
  }
  return issues;
}

interface RowContext {
  years: number[];
  rows: Map<number, UploadRowState>;
}

/** Reads one data row; pushes its problems and returns its change (or null when it changes nothing). */
function readDataRow(ws: SheetData, r: number, id: number, version: number, ctx: RowContext, issues: UploadIssue[]): UploadChange | null {
  const stored = ctx.rows.get(id);
  const at = (column: string | null, message: string) => issues.push({ sheetRow: r, column, message });
  if (!stored) return at(null, `ID baris R${id} tidak ada pada Renaksi periode ini`), null;
  if (stored.deleted) return at(null, `baris R${id} sudah dihapus di aplikasi; pulihkan dulu atau hapus baris ini dari berkas`), null;
  const before = issues.length;
  const texts: Partial<Record<RenaksiTextField, string>> = {};
  const { yearCol, outputCol, columnOf } = planLayout(ctx.years.length);
  for (const field of [...LEADING_FIELDS, ...TAIL_FIELDS] as RenaksiTextField[]) {
    const label = RENAKSI_FIELD_LABELS[field];
    const read = readCell(ws, r, columnOf(field));
    if ('error' in read) { at(label, read.error); continue; }
    const text = normalizeText(read.text);
    if (text.length > RENAKSI_TEXT_MAX) at(label, `teks terlalu panjang (${formatInt(text.length)} karakter; maksimal ${formatInt(RENAKSI_TEXT_MAX)})`);
    else if (text === '' && REQUIRED_TEXT_FIELDS.has(field)) at(label, 'wajib diisi');
    else texts[field] = text;
  }
  const typed: Record<string, number | null | 'invalid'> = {};
  ctx.years.forEach((y, i) => {
    const read = readCell(ws, r, yearCol + i);
    typed[y] = 'error' in read ? 'invalid' : parseTarget(read.text);
  });
  for (const [year, message] of Object.entries(checkTargets(typed, ctx.years, stored.targetMax))) at(`Target ${year}`, message);
  const outputs: Record<string, string> = {};
  ctx.years.forEach((y, i) => {
    const read = readCell(ws, r, outputCol + i);
    if ('error' in read) at(`Target output ${y}`, read.error);
    else if (normalizeText(read.text) !== '') outputs[y] = normalizeText(read.text);
  });
  if (issues.length > before) return null;
  const fields: FieldChange[] = [];
  for (const [field, value] of Object.entries(texts) as [RenaksiTextField, string][]) {
    if (value !== normalizeText(stored[field])) fields.push({ field, label: RENAKSI_FIELD_LABELS[field], old: stored[field], new: value });
  }
  const targets = compactTargets(typed as Record<string, number | null>);
  const show = (t: Record<string, number>) => ctx.years.map((y) => `${y}: ${t[y] ?? '–'}`).join(', ');
  const targetsChanged = !sameTargets(targets, Object.fromEntries(ctx.years.filter((y) => stored.targets[y] !== undefined).map((y) => [String(y), stored.targets[y] as number])));
  if (targetsChanged) fields.push({ field: 'targets', label: RENAKSI_FIELD_LABELS.targets, old: show(stored.targets), new: show(targets) });
  const showOut = (t: Record<string, string>) => ctx.years.map((y) => `${y}: ${t[y] || '–'}`).join(', ');
  const outputsChanged = showOut(outputs) !== showOut(stored.outputTargets);
  if (outputsChanged) fields.push({ field: 'outputTargets', label: RENAKSI_FIELD_LABELS.outputTargets, old: showOut(stored.outputTargets), new: showOut(outputs) });
  if (fields.length === 0) return null;
  if (version !== stored.version) {
    at(null, `baris R${id} sudah diubah di aplikasi setelah berkas diunduh (versi berkas ${version}, versi sekarang ${stored.version}); unduh ulang berkas lalu ulangi suntingan baris ini`);
    return null;
  }
  const changedTexts = Object.fromEntries(fields.filter((f) => f.field !== 'targets' && f.field !== 'outputTargets').map((f) => [f.field, f.new]));
  return {
    rowId: id, version, no: normalizeHeader(ws, r, 1), sheetRow: r, fields, texts: changedTexts,
    targets: targetsChanged ? targets : null, outputTargets: outputsChanged ? outputs : null,
  };
}

/** Whether a row has anything typed in columns from…to. */
function hasContent(ws: SheetData, r: number, from: number, to: number): boolean {
  for (let c = from; c <= to; c++) {
    const read = readCell(ws, r, c);
    if (!('text' in read) || read.text.trim() !== '') return true;
  }
  return false;
}

/**
 * Reads an edited copy of the Renaksi workbook back. Rows are matched by the hidden row id ("R12-V3"); every problem
 * is reported with its sheet row and column, and changes are returned only for rows that really differ from what is
 * stored. Rows without an id after the table (the signature block) are ignored.
 */
export function readPlanUpload(file: SpreadsheetData, ctx: { years: number[]; rows: UploadRowState[] }): UploadResult {
  const ws = sheetNamed(file, RENAKSI_SHEET);
  if (!ws) {
    const names = file.sheetNames.join(', ') || 'tidak ada';
    return { changes: [], rowsInFile: 0, issues: [{ sheetRow: null, column: null, message: `lembar "${RENAKSI_SHEET}" tidak ditemukan (lembar di berkas: ${names}); unggah dokumen Renaksi yang diunduh dari aplikasi ini` }] };
  }
  const layout = checkLayout(ws, ctx.years);
  if (layout.length > 0) return { changes: [], issues: layout, rowsInFile: 0 };
  const { lastCol, keyCol } = planLayout(ctx.years.length);
  const rc: RowContext = { years: ctx.years, rows: new Map(ctx.rows.map((r) => [r.id, r])) };
  const issues: UploadIssue[] = [];
  const changes: UploadChange[] = [];
  const seen = new Map<number, number>();
  let ended = false;
  for (let r = FIRST_BODY_ROW; r <= ws.rows.length; r++) {
    const keyRead = readCell(ws, r, keyCol);
    const key = 'text' in keyRead ? keyRead.text.trim() : '';
    if (key === '') {
      const content = hasContent(ws, r, 1, lastCol);
      const groupRow = /^[IVXLC]+$/.test(normalizeHeader(ws, r, 1)) && !hasContent(ws, r, 3, lastCol);
      if (!content) ended = true;
      else if (!ended && !groupRow) issues.push({ sheetRow: r, column: null, message: 'baris tanpa ID baris; baris baru hanya dapat ditambahkan melalui aplikasi (tombol "Tambah baris")' });
      continue;
    }
    const m = ROW_KEY.exec(key);
    if (!m) { issues.push({ sheetRow: r, column: ROW_KEY_HEADER, message: `ID baris "${key}" tidak dikenali` }); continue; }
    const id = Number(m[1]);
    const first = seen.get(id);
    if (first !== undefined) { issues.push({ sheetRow: r, column: null, message: `baris R${id} muncul dua kali (juga di baris ${first})` }); continue; }
    seen.set(id, r);
    const change = readDataRow(ws, r, id, Number(m[2]), rc, issues);
    if (change) changes.push(change);
  }
  return { changes: issues.length > 0 ? [] : changes, issues, rowsInFile: seen.size };
}
