import type { UnitGroup } from './units.repo';
import { GROUP_LABELS } from '../shared/format';
import type { Unit } from './units.repo';
import { UNIT_CODE_PATTERN, UNIT_NAME_MAX } from './units.schemas';

/** One data line of an imported unit list, validated on its own (the file's row number is kept for the report). */
export interface ImportLine {
  line: number;
  code: string;
  name: string;
  groupText: string;
  group: UnitGroup | null;
  error: string | null;
}

export type PlanAction = 'baru' | 'diubah' | 'tidak berubah' | 'ditolak';

export interface PlanLine extends ImportLine {
  action: PlanAction;
  /** What changes (diubah) or why the line is refused (ditolak), in Bahasa Indonesia. */
  details: string[];
  unitId: number | null;
}

export const IMPORT_MAX_LINES = 2000;

const HEADERS = { code: ['kode', 'kode unit'], name: ['nama', 'nama unit'], group: ['kelompok', 'jenis'] } as const;

const normalize = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** "perangkat daerah" / "PD" / "OPD" → pd, "kecamatan" / "kec" → kecamatan; anything else null. */
export function parseGroup(text: string): UnitGroup | null {
  const t = normalize(text).replace(/\.$/, '');
  if (t === 'perangkat daerah' || t === 'pd' || t === 'opd') return 'pd';
  if (t === 'kecamatan' || t === 'kec') return 'kecamatan';
  return null;
}

/**
 * Reads the unit lines of a table (from .xlsx or .csv): the header row names the columns kode, nama, kelompok in
 * any order. Returns a file-level error when the header is missing or the file holds no or too many lines.
 */
export function readImportLines(table: string[][]): { lines: ImportLine[] } | { error: string } {
  const headerIndex = table.findIndex((r) => r.some((c) => (HEADERS.code as readonly string[]).includes(normalize(c))));
  const header = (table[headerIndex] ?? []).map(normalize);
  const col = (names: readonly string[]) => header.findIndex((h) => names.includes(h));
  const [ci, ni, gi] = [col(HEADERS.code), col(HEADERS.name), col(HEADERS.group)];
  if (headerIndex < 0 || ni < 0 || gi < 0) return { error: 'Baris judul kolom harus memuat "kode", "nama" dan "kelompok".' };
  const seen = new Map<string, number>();
  const lines: ImportLine[] = [];
  table.slice(headerIndex + 1).forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    const code = (cells[ci] ?? '').trim().toUpperCase();
    const name = (cells[ni] ?? '').trim().replace(/\s+/g, ' ');
    const groupText = (cells[gi] ?? '').trim();
    const group = parseGroup(groupText);
    const line = headerIndex + i + 2;
    let error: string | null = null;
    if (code === '') error = 'kode kosong';
    else if (!UNIT_CODE_PATTERN.test(code)) error = `kode "${code}" tidak valid (2–40 karakter: huruf, angka, titik, garis bawah atau tanda hubung)`;
    else if (seen.has(code)) error = `kode "${code}" ganda (sudah ada di baris ${seen.get(code)})`;
    else if (name === '') error = 'nama kosong';
    else if (name.length > UNIT_NAME_MAX) error = `nama lebih dari ${UNIT_NAME_MAX} karakter`;
    else if (!group) error = `kelompok "${groupText}" tidak dikenal (isi "perangkat daerah" atau "kecamatan")`;
    if (code !== '' && !seen.has(code)) seen.set(code, line);
    lines.push({ line, code, name, groupText, group, error });
  });
  if (lines.length === 0) return { error: 'Berkas tidak berisi baris unit di bawah baris judul.' };
  if (lines.length > IMPORT_MAX_LINES) return { error: `Berkas berisi ${lines.length} baris; maksimal ${IMPORT_MAX_LINES} baris.` };
  return { lines };
}

/** Compares each line with the stored units (by code): baru, diubah (with what changes), tidak berubah, ditolak. */
export function planImport(lines: ImportLine[], units: Unit[]): PlanLine[] {
  const byCode = new Map(units.map((u) => [u.code, u]));
  return lines.map((l) => {
    if (l.error || !l.group) return { ...l, action: 'ditolak', details: [l.error ?? 'baris tidak valid'], unitId: null };
    const u = byCode.get(l.code);
    if (!u) return { ...l, action: 'baru', details: [], unitId: null };
    const details: string[] = [];
    if (u.name !== l.name) details.push(`nama: ${u.name} → ${l.name}`);
    if (u.group !== l.group) details.push(`kelompok: ${GROUP_LABELS[u.group]} → ${GROUP_LABELS[l.group]}`);
    if (!u.active) details.push('diaktifkan kembali');
    if (u.provisional) details.push('daftar sementara → daftar resmi');
    return { ...l, action: details.length > 0 ? 'diubah' : 'tidak berubah', details, unitId: u.id };
  });
}

/** Counts per action, for the summary line. */
export function planSummary(plan: PlanLine[]): Record<PlanAction, number> {
  const out: Record<PlanAction, number> = { baru: 0, diubah: 0, 'tidak berubah': 0, ditolak: 0 };
  for (const p of plan) out[p.action]++;
  return out;
}
