import { formatInt, ROLE_LABELS } from '../shared/format';
import type { Unit } from '../units';
import { ROLES, type Role, type User } from '../shared/identity';
import { formatPhone } from '../shared/phone';
import { NEW_ACCOUNT_SCHEMA, OWN_ADMIN_ROLE_MESSAGE, dropsOwnAdminRole } from './users.schemas';

/**
 * Bulk import of accounts from a spreadsheet: reading the rows under the header and planning each against the stored
 * accounts and units. Pure: tables, users and units in, plan lines out. The field rules are NEW_ACCOUNT_SCHEMA's,
 * the same as the single-account form's.
 */

export const USER_IMPORT_SHEET = 'Pengguna';
export const USER_IMPORT_MAX_ROWS = 5000;
/** 5.000 rows of four short columns are about 300 KB as CSV; 2 MB leaves room for formatting in an .xlsx. */
export const USER_IMPORT_MAX_BYTES = 2 * 1024 * 1024;

/** The header of each column, as the template writes it (matched case-insensitively). */
export const USER_IMPORT_COLUMNS = {
  username: 'Nama pengguna',
  displayName: 'Nama lengkap',
  role: 'Peran',
  unitCode: 'Kode unit',
  phone: 'Nomor HP',
} as const;
type Column = keyof typeof USER_IMPORT_COLUMNS;
const COLUMN_ORDER = Object.keys(USER_IMPORT_COLUMNS) as Column[];
/** Columns a file may leave out: without "Nomor HP" the stored numbers stay as they are. */
const OPTIONAL_COLUMNS: ReadonlySet<Column> = new Set(['phone']);

/** One data row of the file as typed; `line` is the row number the spreadsheet shows. */
export interface UserImportRow {
  line: number;
  username: string;
  displayName: string;
  roleText: string;
  unitCode: string;
  /** The "Nomor HP" cell as typed; undefined when the file has no such column (numbers then stay unchanged). */
  phoneText?: string;
}

export type UserPlanAction = 'baru' | 'diubah' | 'tidak berubah' | 'ditolak';

export interface UserPlanLine extends UserImportRow {
  action: UserPlanAction;
  role: Role | null;
  /** The unit the account is bound to after the import (narahubung only). */
  unitId: number | null;
  unitName: string | null;
  /** The number after the import, normalised as 62… (null: none; the stored one when the file has no such column). */
  phone: string | null;
  /** The existing account the row updates. */
  userId: number | null;
  /** "Baris 4, kolom Kode unit: unit "X" tidak ditemukan", one per column in the file's column order. */
  errors: string[];
  /** What changes on an existing account, or notes on a valid row. */
  details: string[];
}

const normalize = (s: string) => s.trim().toLowerCase().replace(/[\s_]+/g, ' ');

/** Role labels as the user form shows them, and the role codes (tim_renaksi = "tim renaksi"). */
const ROLE_NAMES = new Map<string, Role>(ROLES.flatMap((r) => [[normalize(ROLE_LABELS[r]), r], [normalize(r), r]] as [string, Role][]));

/** The role names a file may use, for the page and the error messages. */
export const ROLE_CHOICES = ROLES.map((r) => ROLE_LABELS[r]);

/** "Narahubung", "tim renaksi", "TIM PENYUSUN RENAKSI", "tim_renaksi" → the role; anything else null. */
export function parseRole(text: string): Role | null {
  return ROLE_NAMES.get(normalize(text)) ?? null;
}

/**
 * Finds the header row (in the first ten rows: the one naming "Nama pengguna") and reads every non-empty row under
 * it. A file-level problem (a missing column, no rows, too many rows) is returned as `error`.
 */
export function readUserRows(table: string[][]): { rows: UserImportRow[] } | { error: string } {
  const headerIndex = table.slice(0, 10).findIndex((r) => r.some((c) => normalize(c) === normalize(USER_IMPORT_COLUMNS.username)));
  const header = (table[headerIndex] ?? []).map(normalize);
  const index = Object.fromEntries(COLUMN_ORDER.map((c) => [c, header.indexOf(normalize(USER_IMPORT_COLUMNS[c]))])) as Record<Column, number>;
  const missing = COLUMN_ORDER.filter((c) => index[c] < 0 && !OPTIONAL_COLUMNS.has(c)).map((c) => `"${USER_IMPORT_COLUMNS[c]}"`);
  if (missing.length > 0) {
    return { error: `Baris judul kolom harus memuat "Nama pengguna", "Nama lengkap", "Peran" dan "Kode unit" (tidak ditemukan: ${missing.join(', ')}). Pakai templat dari halaman impor.` };
  }
  const rows: UserImportRow[] = [];
  table.slice(headerIndex + 1).forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    const cell = (c: Column) => (cells[index[c]] ?? '').trim();
    rows.push({
      line: headerIndex + i + 2,
      username: cell('username'),
      displayName: cell('displayName').replace(/\s+/g, ' '),
      roleText: cell('role'),
      unitCode: cell('unitCode').toUpperCase(),
      ...(index.phone >= 0 ? { phoneText: cell('phone') } : {}),
    });
  });
  if (rows.length === 0) return { error: 'Berkas tidak berisi baris pengguna di bawah baris judul kolom.' };
  if (rows.length > USER_IMPORT_MAX_ROWS) {
    return { error: `Berkas berisi ${formatInt(rows.length)} baris pengguna; maksimal ${formatInt(USER_IMPORT_MAX_ROWS)} baris dalam satu berkas. Bagi menjadi beberapa berkas.` };
  }
  return { rows };
}

/** A schema message as a clause after "kolom X: " (first letter lower case unless it is "Anda"; no final period). */
const clause = (message: string) => (/^Anda\b/.test(message) ? message : message.charAt(0).toLowerCase() + message.slice(1)).replace(/\.$/, '');

const SCHEMA_COLUMN: Record<string, Column> = { username: 'username', displayName: 'displayName', role: 'role', unitId: 'unitCode', phone: 'phone' };

interface PlanContext {
  users: User[];
  units: Unit[];
  /** The admin importing: they may not take their own admin role away. */
  actorId: number;
}

/** Validates one row against the shared account rules and the stored units; returns the errors per column. */
function checkRow(row: UserImportRow, unitsByCode: Map<string, Unit>) {
  const errors: Partial<Record<Column, string>> = {};
  const notes: string[] = [];
  const role = parseRole(row.roleText);
  if (row.roleText === '') errors.role = `wajib diisi (isi salah satu: ${ROLE_CHOICES.join(', ')})`;
  else if (!role) errors.role = `peran "${row.roleText}" tidak dikenal (isi salah satu: ${ROLE_CHOICES.join(', ')})`;
  let unit: Unit | undefined;
  if (role === 'narahubung' && row.unitCode !== '') {
    unit = unitsByCode.get(row.unitCode);
    if (!unit) errors.unitCode = `unit "${row.unitCode}" tidak ditemukan`;
    else if (!unit.active) errors.unitCode = `unit "${row.unitCode}" (${unit.name}) sudah nonaktif`;
  } else if (role && row.unitCode !== '') {
    notes.push(`kode unit "${row.unitCode}" diabaikan: hanya narahubung yang terikat pada unit`);
  }
  const parsed = NEW_ACCOUNT_SCHEMA.safeParse({
    username: row.username, displayName: row.displayName, role: role ?? row.roleText, unitId: unit?.active ? unit.id : '', phone: row.phoneText ?? '',
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const column = SCHEMA_COLUMN[String(issue.path[0])] ?? 'username';
      errors[column] ??= clause(issue.message);
    }
  }
  return { errors, notes, input: parsed.success ? parsed.data : null, unit };
}

function describeChanges(user: User, input: { displayName: string; role: Role; unitId: number | null; phone: string | null }, unitName: string | null): string[] {
  const out: string[] = [];
  if (user.displayName !== input.displayName) out.push(`nama: ${user.displayName} → ${input.displayName}`);
  if (user.phone !== input.phone) out.push(`nomor HP: ${formatPhone(user.phone) || '–'} → ${formatPhone(input.phone) || '–'}`);
  if (user.role !== input.role) out.push(`peran: ${ROLE_LABELS[user.role]} → ${ROLE_LABELS[input.role]}`);
  if (user.unitId !== input.unitId) out.push(`unit: ${user.unitName ?? '–'} → ${unitName ?? '–'}`);
  if (user.role !== input.role || user.unitId !== input.unitId) out.push('sesi akun ini diakhiri agar hak barunya langsung berlaku');
  return out;
}

/**
 * Plans each row: a new account (baru), an update of the existing account with that user name (diubah: name, role,
 * unit, and phone when the file has a "Nomor HP" column: a blank cell there clears it), nothing to do (tidak berubah), or refused (ditolak) with every error naming its row and column. User names
 * are matched case-insensitively, as the database does; a name twice in the file is refused on its later rows, and
 * so is a deactivated account or the importing admin losing their own admin role.
 */
export function planUserImport(rows: UserImportRow[], ctx: PlanContext): UserPlanLine[] {
  const unitsByCode = new Map(ctx.units.map((u) => [u.code, u]));
  const usersByName = new Map(ctx.users.map((u) => [u.username.toLowerCase(), u]));
  const firstLine = new Map<string, number>();
  return rows.map((row): UserPlanLine => {
    const { errors, notes, input, unit } = checkRow(row, unitsByCode);
    const key = row.username.toLowerCase();
    const earlier = firstLine.get(key);
    if (row.username !== '' && earlier !== undefined) errors.username ??= `"${row.username}" sudah ada di baris ${earlier} berkas ini`;
    if (row.username !== '' && earlier === undefined) firstLine.set(key, row.line);
    const existing = usersByName.get(key);
    if (existing && !existing.active) errors.username ??= `akun "${existing.username}" sudah ada dan nonaktif; aktifkan kembali di halaman Pengguna atau hapus baris ini`;
    if (existing && input && dropsOwnAdminRole(ctx.actorId, existing.id, input.role)) errors.role ??= clause(OWN_ADMIN_ROLE_MESSAGE);
    // Without a "Nomor HP" column the stored number stays.
    const phone = row.phoneText === undefined ? (existing?.phone ?? null) : (input?.phone ?? null);
    const base = { ...row, role: input?.role ?? null, unitId: input?.unitId ?? null, unitName: input?.unitId ? (unit?.name ?? null) : null, phone, userId: existing?.id ?? null };
    const messages = COLUMN_ORDER.flatMap((c) => (errors[c] ? [`Baris ${row.line}, kolom ${USER_IMPORT_COLUMNS[c]}: ${errors[c]}`] : []));
    if (messages.length > 0 || !input) return { ...base, action: 'ditolak', errors: messages, details: [] };
    if (!existing) return { ...base, action: 'baru', errors: [], details: notes };
    const changes = describeChanges(existing, { ...input, phone }, base.unitName);
    return { ...base, action: changes.length > 0 ? 'diubah' : 'tidak berubah', errors: [], details: [...changes, ...notes] };
  });
}

/** Counts per action, for the summary line. */
export function userPlanSummary(plan: UserPlanLine[]): Record<UserPlanAction, number> {
  const out: Record<UserPlanAction, number> = { baru: 0, diubah: 0, 'tidak berubah': 0, ditolak: 0 };
  for (const p of plan) out[p.action]++;
  return out;
}
