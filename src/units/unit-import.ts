import type { UnitGroup } from './units.repo';
import { formatInt, GROUP_LABELS } from '../shared/format';
import type { Unit } from './units.repo';
import { ASSESSED_FROM_MAX, ASSESSED_FROM_MIN, assessedInYear } from '../db/period-units';
import { parseAssessedFrom, UNIT_ABBREVIATION_MAX, UNIT_CODE_PATTERN, UNIT_NAME_MAX } from './units.schemas';

/**
 * One data line of an imported unit list, validated on its own (the file's row number is kept for the report).
 * The optional columns are null when the file has no such column: the stored value is then left as it is.
 */
export interface ImportLine {
  line: number;
  code: string;
  name: string;
  groupText: string;
  group: UnitGroup | null;
  /** Column "singkatan". */
  abbreviation: string | null;
  /** Column "urutan": the unit's position in the official list. */
  order: number | null;
  /** Column "perlu dikonfirmasi". */
  needsConfirmation: boolean | null;
  /**
   * Column "dinilai mulai tahun": the year; null for a blank cell or no such column, which keeps the stored year (a
   * new unit: assessed in every period). Clearing a stored year is done on the unit form, so a cell left blank in a
   * spreadsheet never erases one. NOTE: lines staged before this rule may hold undefined; read it with `?? null`.
   */
  assessedFrom: number | null;
  error: string | null;
}

export type PlanAction = 'baru' | 'diubah' | 'tidak berubah' | 'ditolak';

export interface PlanLine extends ImportLine {
  action: PlanAction;
  /** "Dinilai mulai tahun" once applied (the stored year when the line keeps it); null: every period. */
  assessedFromAfter: number | null;
  /** What changes (diubah) or why the line is refused (ditolak), in Bahasa Indonesia. */
  details: string[];
  unitId: number | null;
}

export const IMPORT_MAX_LINES = 2000;
const ORDER_MAX = 100_000;

const HEADERS = {
  code: ['kode', 'kode unit'],
  name: ['nama', 'nama unit'],
  group: ['kelompok', 'jenis'],
  abbreviation: ['singkatan', 'nama singkat'],
  order: ['urutan', 'no', 'no.', 'nomor urut'],
  needsConfirmation: ['perlu dikonfirmasi', 'konfirmasi'],
  assessedFrom: ['dinilai mulai tahun', 'dinilai mulai', 'tahun mulai dinilai'],
} as const;

const normalize = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** "perangkat daerah" / "PD" / "OPD" → pd, "kecamatan" / "kec" → kecamatan; anything else null. */
export function parseGroup(text: string): UnitGroup | null {
  const t = normalize(text).replace(/\.$/, '');
  if (t === 'perangkat daerah' || t === 'pd' || t === 'opd') return 'pd';
  if (t === 'kecamatan' || t === 'kec') return 'kecamatan';
  return null;
}

/** "ya" / "perlu dikonfirmasi" → true; empty, "tidak", "terkonfirmasi" → false; anything else null. */
export function parseConfirmation(text: string): boolean | null {
  const t = normalize(text);
  if (['ya', 'y', 'perlu dikonfirmasi', 'perlu'].includes(t)) return true;
  if (['', 'tidak', 't', '-', '–', 'terkonfirmasi', 'sudah dikonfirmasi'].includes(t)) return false;
  return null;
}

type Columns = Record<keyof typeof HEADERS, number>;

/** Values of the optional columns of one row, or the reason the row is refused. */
function optionalCells(cells: string[], col: Columns, seenOrder: Map<number, number>): Pick<ImportLine, 'abbreviation' | 'order' | 'needsConfirmation' | 'assessedFrom'> & { error: string | null } {
  const cell = (i: number) => (i < 0 ? null : (cells[i] ?? '').trim().replace(/\s+/g, ' '));
  const abbreviation = cell(col.abbreviation);
  const orderText = cell(col.order);
  const confirmText = cell(col.needsConfirmation);
  const needsConfirmation = confirmText === null ? null : parseConfirmation(confirmText);
  const fromText = cell(col.assessedFrom);
  const from = fromText === null || fromText === '' ? null : parseAssessedFrom(fromText);
  const order = orderText === null ? null : /^\d{1,6}$/.test(orderText) ? Number(orderText) : NaN;
  let error: string | null = null;
  if (abbreviation !== null && abbreviation.length > UNIT_ABBREVIATION_MAX) error = `singkatan lebih dari ${formatInt(UNIT_ABBREVIATION_MAX)} karakter`;
  else if (orderText === '') error = 'urutan kosong (isi nomor urut 1, 2, 3, …)';
  else if (order !== null && (Number.isNaN(order) || order < 1 || order > ORDER_MAX)) error = `urutan "${orderText}" bukan nomor urut (bilangan bulat 1–${ORDER_MAX})`;
  else if (order !== null && seenOrder.has(order)) error = `urutan ${order} ganda (sudah ada di baris ${seenOrder.get(order)})`;
  else if (confirmText !== null && needsConfirmation === null) error = `perlu dikonfirmasi "${confirmText}" tidak dikenal (isi "ya" atau kosongkan)`;
  else if (from && 'error' in from) error = `dinilai mulai tahun "${fromText}" bukan tahun 4 angka ${ASSESSED_FROM_MIN}–${ASSESSED_FROM_MAX} (atau kosongkan agar tidak berubah)`;
  const assessedFrom = from && 'value' in from ? from.value : null;
  return { abbreviation, order: Number.isNaN(order) ? null : order, needsConfirmation, assessedFrom, error };
}

/** The reason a row's required cells are refused, or null. */
function requiredError(code: string, name: string, group: UnitGroup | null, groupText: string, seen: Map<string, number>): string | null {
  if (code === '') return 'kode kosong';
  if (!UNIT_CODE_PATTERN.test(code)) return `kode "${code}" tidak valid (2–40 karakter: huruf, angka, titik, garis bawah atau tanda hubung)`;
  if (seen.has(code)) return `kode "${code}" ganda (sudah ada di baris ${seen.get(code)})`;
  if (name === '') return 'nama kosong';
  if (name.length > UNIT_NAME_MAX) return `nama lebih dari ${formatInt(UNIT_NAME_MAX)} karakter`;
  if (!group) return `kelompok "${groupText}" tidak dikenal (isi "perangkat daerah" atau "kecamatan")`;
  return null;
}

function findColumns(table: string[][]): { headerIndex: number; col: Columns } {
  const headerIndex = table.findIndex((r) => r.some((c) => (HEADERS.code as readonly string[]).includes(normalize(c))));
  const header = (table[headerIndex] ?? []).map(normalize);
  const col = Object.fromEntries(
    Object.entries(HEADERS).map(([k, names]) => [k, header.findIndex((h) => (names as readonly string[]).includes(h))]),
  ) as Columns;
  return { headerIndex, col };
}

/**
 * Reads the unit lines of a table (from .xlsx or .csv): the header row names the columns kode, nama, kelompok and,
 * optionally, singkatan, urutan, perlu dikonfirmasi and dinilai mulai tahun, in any order. Returns a file-level error when the header is
 * missing or the file holds no or too many lines.
 */
export function readImportLines(table: string[][]): { lines: ImportLine[] } | { error: string } {
  const { headerIndex, col } = findColumns(table);
  if (headerIndex < 0 || col.name < 0 || col.group < 0) return { error: 'Baris judul kolom harus memuat "kode", "nama" dan "kelompok".' };
  const seen = new Map<string, number>();
  const seenOrder = new Map<number, number>();
  const lines: ImportLine[] = [];
  table.slice(headerIndex + 1).forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    const code = (cells[col.code] ?? '').trim().toUpperCase();
    const name = (cells[col.name] ?? '').trim().replace(/\s+/g, ' ');
    const groupText = (cells[col.group] ?? '').trim();
    const group = parseGroup(groupText);
    const line = headerIndex + i + 2;
    const optional = optionalCells(cells, col, seenOrder);
    const error = requiredError(code, name, group, groupText, seen) ?? optional.error;
    if (code !== '' && !seen.has(code)) seen.set(code, line);
    if (optional.order !== null && !seenOrder.has(optional.order)) seenOrder.set(optional.order, line);
    lines.push({ line, code, name, groupText, group, ...optional, error });
  });
  if (lines.length === 0) return { error: 'Berkas tidak berisi baris unit di bawah baris judul.' };
  if (lines.length > IMPORT_MAX_LINES) return { error: `Berkas berisi ${formatInt(lines.length)} baris; maksimal ${formatInt(IMPORT_MAX_LINES)} baris.` };
  return { lines };
}

const yesNo = (b: boolean) => (b ? 'ya' : 'tidak');

/** What a new start year does to the unit's stored answers: the years that stop or start counting (kept either way). */
export function answeredYearsNote(years: number[], from: number | null, to: number | null): string[] {
  const dropped = years.filter((y) => assessedInYear(from, y) && !assessedInYear(to, y));
  const back = years.filter((y) => !assessedInYear(from, y) && assessedInYear(to, y));
  return [
    ...(dropped.length > 0 ? [`penilaian tahun ${dropped.join(', ')} tidak lagi dihitung (jawabannya tetap tersimpan)`] : []),
    ...(back.length > 0 ? [`penilaian tahun ${back.join(', ')} kembali dihitung`] : []),
  ];
}

/** What applying the line changes on a stored unit, in Bahasa Indonesia (empty: nothing). */
function changesOf(l: ImportLine & { group: UnitGroup }, u: Unit, answeredYears: number[]): string[] {
  const details: string[] = [];
  // NOTE: lines staged before the optional columns existed have them undefined; `?? null` reads them as absent.
  const abbreviation = l.abbreviation ?? null;
  const order = l.order ?? null;
  const confirm = l.needsConfirmation ?? null;
  const from = l.assessedFrom ?? null;
  if (u.name !== l.name) details.push(`nama: ${u.name} → ${l.name}`);
  if (u.group !== l.group) details.push(`kelompok: ${GROUP_LABELS[u.group]} → ${GROUP_LABELS[l.group]}`);
  if (abbreviation !== null && abbreviation !== u.abbreviation) details.push(`singkatan: ${u.abbreviation || '–'} → ${abbreviation || '–'}`);
  if (order !== null && order !== u.sortOrder) details.push(`urutan: ${u.sortOrder} → ${order}`);
  if (confirm !== null && confirm !== u.needsConfirmation) details.push(`perlu dikonfirmasi: ${yesNo(u.needsConfirmation)} → ${yesNo(confirm)}`);
  if (from !== null && from !== u.assessedFrom) {
    details.push(`dinilai mulai tahun: ${u.assessedFrom ?? 'setiap periode'} → ${from}`, ...answeredYearsNote(answeredYears, u.assessedFrom, from));
  }
  if (!u.active) details.push('diaktifkan kembali');
  if (u.provisional) details.push('daftar sementara → daftar resmi');
  return details;
}

/**
 * Compares each line with the stored units (by code): baru, diubah (with what changes), tidak berubah, ditolak.
 * `answeredYears` (per unit id, the years it has answers) names the periods a new start year stops or starts counting.
 */
export function planImport(lines: ImportLine[], units: Unit[], answeredYears: ReadonlyMap<number, number[]> = new Map()): PlanLine[] {
  const byCode = new Map(units.map((u) => [u.code, u]));
  return lines.map((l) => {
    const typedFrom = l.assessedFrom ?? null;
    if (l.error || !l.group) return { ...l, action: 'ditolak', details: [l.error ?? 'baris tidak valid'], unitId: null, assessedFromAfter: typedFrom };
    const u = byCode.get(l.code);
    if (!u) return { ...l, action: 'baru', details: [], unitId: null, assessedFromAfter: typedFrom };
    const details = changesOf({ ...l, group: l.group }, u, answeredYears.get(u.id) ?? []);
    return { ...l, action: details.length > 0 ? 'diubah' : 'tidak berubah', details, unitId: u.id, assessedFromAfter: typedFrom ?? u.assessedFrom };
  });
}

/** Counts per action, for the summary line. */
export function planSummary(plan: PlanLine[]): Record<PlanAction, number> {
  const out: Record<PlanAction, number> = { baru: 0, diubah: 0, 'tidak berubah': 0, ditolak: 0 };
  for (const p of plan) out[p.action]++;
  return out;
}

/** The columns of the unit-list file, in the order the app writes them (the import reads them in any order). */
export const UNIT_LIST_HEADERS = ['Urutan', 'Kode', 'Nama', 'Singkatan', 'Kelompok', 'Perlu dikonfirmasi', 'Dinilai mulai tahun'] as const;

/** What a row of the unit-list file shows of a unit. */
export interface UnitListUnit {
  code: string;
  name: string;
  group: UnitGroup;
  abbreviation: string;
  needsConfirmation: boolean;
  assessedFrom?: number | null;
  /** The stored official order; a unit without one (the Kutai Timur template) takes its position in the list. */
  sortOrder?: number;
}

/** A unit as one row of the unit-list file (UNIT_LIST_HEADERS), readable back by readImportLines. */
export function unitListRow(u: UnitListUnit, order: number): (string | number)[] {
  return [order, u.code, u.name, u.abbreviation, GROUP_LABELS[u.group], u.needsConfirmation ? 'ya' : '', u.assessedFrom ?? ''];
}
