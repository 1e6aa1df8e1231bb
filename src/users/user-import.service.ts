import crypto from 'node:crypto';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { UNSET_PASSWORD_HASH } from './passwords';
import { AppError, badInput, notFound } from '../errors/app-error';
import { readSpreadsheet, requireSheet } from '../shared/spreadsheet/read-spreadsheet';
import type { Role, User } from '../shared/identity';
import { applyAccountEdit, insertAccount, issueLinkToken, type UsersDeps } from './users.service';
import {
  planUserImport, readUserRows, userPlanSummary, USER_IMPORT_MAX_ROWS, USER_IMPORT_SHEET, type UserPlanAction, type UserPlanLine,
} from './user-import';
import { buildUserImportTemplate } from './user-import-template';


/** The template workbook, listing the active units' codes. */
export function userImportTemplate(deps: UsersDeps): ExcelJS.Workbook {
  return buildUserImportTemplate(deps.units.listActive());
}

/**
 * Reads an uploaded .xlsx (sheet "Pengguna") or .csv and keeps its rows server-side under a random token until the
 * admin who sent it applies it. A file-level problem is a 422 on `file` and stores nothing. Returns the token.
 */
export async function stageUserImport(deps: UsersDeps, user: User, fileName: string, data: Buffer): Promise<string> {
  const file = await readSpreadsheet({ originalName: fileName, data }, {
    formats: ['xlsx', 'csv'], sheets: [USER_IMPORT_SHEET], refuseFormulas: true, maxDataRows: USER_IMPORT_MAX_ROWS,
  });
  const read = readUserRows(requireSheet(file, USER_IMPORT_SHEET).rows);
  if ('error' in read) throw badInput({ file: read.error });
  const token = crypto.randomBytes(18).toString('base64url');
  deps.userImports.stage({ token, createdBy: user.id, fileName: path.basename(fileName).slice(0, 200), lines: read.rows });
  return token;
}

export interface UserImportPreview {
  token: string;
  fileName: string;
  plan: UserPlanLine[];
  summary: Record<UserPlanAction, number>;
  /** Every refusal message, in row order (the page lists them above the table). */
  errors: string[];
  valid: boolean;
  /** Fingerprint of the plan shown, so applying refuses a plan that changed since the preview. */
  planHash: string;
  appliedAt: string | null;
}

function loadStaged(deps: UsersDeps, user: User, token: string) {
  const staged = deps.userImports.findOwn(token, user.id);
  if (!staged) throw notFound('Pratinjau impor pengguna');
  return staged;
}

/** The line-by-line plan of the staged file, computed against the accounts and units as they are now. */
export function previewUserImport(deps: UsersDeps, user: User, token: string): UserImportPreview {
  const staged = loadStaged(deps, user, token);
  const plan = planUserImport(staged.lines, { users: deps.users.listAll(), units: deps.units.listUnits(), actorId: user.id });
  const summary = userPlanSummary(plan);
  const fingerprint = plan.map((p) => [p.line, p.username, p.displayName, p.action, p.role, p.unitId, p.phone, p.userId, p.details]);
  return {
    token,
    fileName: staged.fileName,
    plan,
    summary,
    errors: plan.flatMap((p) => p.errors),
    valid: summary.ditolak === 0,
    planHash: crypto.createHash('sha256').update(JSON.stringify(fingerprint)).digest('hex'),
    appliedAt: staged.appliedAt,
  };
}

/** A created account and its one-time set-password token (in clear: shown to the admin once, never stored so). */
export interface CreatedAccount {
  username: string;
  displayName: string;
  role: Role;
  unitName: string | null;
  token: string;
}

export interface UserImportResult {
  fileName: string;
  summary: Record<UserPlanAction, number>;
  created: CreatedAccount[];
}

/**
 * Applies a staged import in one transaction: creates the new accounts without a usable password, each with a
 * one-time set-password link, and updates name, role, unit (and phone, with that column) of the existing ones (ending their sessions when the
 * role or unit changes). Nothing is applied when it was applied already (409), a row is refused (422), or the plan
 * changed since the preview (409). Every account change is audited, plus one summary row for the file.
 */
export function applyUserImport(deps: UsersDeps, actor: User, token: string, planHash: string): UserImportResult {
  return deps.db.transaction(() => {
    const preview = previewUserImport(deps, actor, token);
    if (preview.appliedAt) throw new AppError(409, 'import-applied', 'Impor ini sudah diterapkan. Tautan atur kata sandi hanya ditampilkan sekali; buat tautan baru dari halaman ubah pengguna bila perlu.');
    if (!preview.valid) throw new AppError(422, 'import-invalid', `Impor tidak diterapkan: ${preview.summary.ditolak} baris ditolak. Perbaiki berkas lalu unggah ulang.`);
    if (planHash !== preview.planHash) throw new AppError(409, 'import-stale', 'Data pengguna atau unit berubah sejak pratinjau dibuat. Periksa pratinjau yang diperbarui lalu terapkan lagi.');
    deps.userImports.markApplied(token);
    const source = { berkas: preview.fileName };
    const created: CreatedAccount[] = [];
    for (const line of preview.plan) {
      const role = line.role as Role;
      if (line.action === 'baru') {
        const id = insertAccount(deps, actor.id, { username: line.username, displayName: line.displayName, passwordHash: UNSET_PASSWORD_HASH, role, unitId: line.unitId, phone: line.phone }, source);
        created.push({ username: line.username, displayName: line.displayName, role, unitName: line.unitName, token: issueLinkToken(deps, actor.id, id) });
      } else if (line.action === 'diubah') {
        const existing = deps.users.findById(line.userId as number) as User;
        applyAccountEdit(deps, actor.id, existing, { displayName: line.displayName, role, unitId: line.unitId, phone: line.phone }, source);
      }
    }
    const s = preview.summary;
    deps.audit.record({ userId: actor.id, action: 'user.import', entity: 'user', newValue: { berkas: preview.fileName, baru: s.baru, diubah: s.diubah, tidakBerubah: s['tidak berubah'] } });
    return { fileName: preview.fileName, summary: s, created };
  })();
}
