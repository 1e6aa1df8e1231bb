import { readSpreadsheet } from '../shared/spreadsheet/read-spreadsheet';
import type { SpreadsheetData, SpreadsheetOptions } from '../shared/spreadsheet/sheet-limits';
import { AppError, conflict, notFound } from '../errors/app-error';
import type { User } from '../shared/identity';
import { RENAKSI_SHEET } from './renaksi-workbook';
import { planYears, RENAKSI_TEXT_FIELDS, type RenaksiEditableField } from './renaksi-draft';
import { readPlanUpload, type UploadChange, type UploadIssue } from './renaksi-upload';
import type { RenaksiRow, RowChanges } from './renaksi.repo';
import { assertDraft, ensurePlan, rowTargetMax, type RenaksiDeps } from './renaksi.service';

/** The file could not be applied: every problem, line by line (422, nothing stored). */
export class UploadRejectedError extends AppError {
  constructor(readonly issues: UploadIssue[]) {
    super(422, 'upload-invalid', 'Berkas tidak diterapkan karena ada isian yang perlu diperbaiki. Tidak ada perubahan yang disimpan.');
  }
}

/** How an uploaded plan is read: the Renaksi sheet, a plan of thousands of rows with room to spare. */
const PLAN_READ = {
  formats: ['xlsx'], sheets: [RENAKSI_SHEET], maxDataRows: 5000, maxCells: 200_000, maxUnpackedBytes: 16 * 1024 * 1024,
  wrongFileMessage: 'berkas bukan spreadsheet Excel (.xlsx) yang dapat dibaca; simpan sebagai "Excel 2007-365 (.xlsx)" lalu unggah lagi',
} as const satisfies SpreadsheetOptions;

/** The uploaded workbook's Renaksi sheet; a file refused by the reader becomes the report's one line. */
async function readWorkbook(file: { bytes: Buffer; name: string }): Promise<SpreadsheetData> {
  try {
    return await readSpreadsheet({ originalName: file.name, data: file.bytes }, PLAN_READ);
  } catch (err) {
    if (err instanceof AppError && err.status === 422) throw new UploadRejectedError([{ sheetRow: null, column: null, message: err.fields.file ?? err.message }]);
    throw err;
  }
}

export interface UploadPreview {
  uploadId: number | null;
  rowsInFile: number;
  changedRows: number;
}

/**
 * Reads an uploaded edited copy of the workbook against the stored plan. Any problem → UploadRejectedError with the
 * full line-by-line report and nothing stored. Valid changes are kept as a pending upload the uploader confirms;
 * a file without changes stores nothing (uploadId null).
 */
export async function previewUpload(deps: RenaksiDeps, user: User, periodId: number, file: { bytes: Buffer; name: string }): Promise<UploadPreview> {
  const unitTotal = deps.scoring.computePeriodScores(periodId).units.length;
  const plan = ensurePlan(deps, periodId);
  assertDraft(plan);
  const wb = await readWorkbook(file);
  const rows = deps.renaksi.listAllRows(plan.id).map((r) => ({ ...r, deleted: r.deletedAt !== null, targetMax: rowTargetMax(r, unitTotal) }));
  const result = readPlanUpload(wb, { years: planYears(plan.startYear, plan.endYear), rows });
  if (result.issues.length > 0) throw new UploadRejectedError(result.issues);
  if (result.changes.length === 0) return { uploadId: null, rowsInFile: result.rowsInFile, changedRows: 0 };
  const uploadId = deps.renaksiVersions.insertUpload(plan.id, user.id, file.name.slice(0, 200), { rowsInFile: result.rowsInFile, changes: result.changes });
  return { uploadId, rowsInFile: result.rowsInFile, changedRows: result.changes.length };
}

export interface PendingUpload {
  id: number;
  fileName: string;
  createdAt: string;
  appliedAt: string | null;
  rowsInFile: number;
  changes: UploadChange[];
}

/** The uploader's own pending (or applied) upload of this period's plan; 404 for anyone else's. */
export function findUpload(deps: RenaksiDeps, user: User, periodId: number, uploadId: number): PendingUpload {
  const plan = ensurePlan(deps, periodId);
  const u = deps.renaksiVersions.findUpload(uploadId);
  if (!u || u.planId !== plan.id || u.userId !== user.id) throw notFound('Unggahan');
  const data = JSON.parse(u.changes) as { rowsInFile: number; changes: UploadChange[] };
  return { id: u.id, fileName: u.fileName, createdAt: u.createdAt, appliedAt: u.appliedAt, rowsInFile: data.rowsInFile, changes: data.changes };
}

function changesOf(c: UploadChange): RowChanges {
  const out: RowChanges = { ...c.texts };
  if (c.targets) out.targets = c.targets;
  if (c.outputTargets) out.outputTargets = c.outputTargets;
  return out;
}

/**
 * Applies a previewed upload in one transaction. If any row changed in the app since the preview (version differs)
 * or was deleted, nothing is applied (409). Every changed field joins the row's edited fields. Returns rows changed.
 */
export function applyUpload(deps: RenaksiDeps, user: User, periodId: number, uploadId: number): number {
  return deps.db.transaction(() => {
    const upload = findUpload(deps, user, periodId, uploadId);
    if (upload.appliedAt) throw conflict('Unggahan ini sudah diterapkan.');
    const plan = ensurePlan(deps, periodId);
    assertDraft(plan);
    const stale: string[] = [];
    const rows = new Map<number, RenaksiRow>();
    for (const c of upload.changes) {
      const row = deps.renaksi.findRow(c.rowId);
      if (!row || row.planId !== plan.id || row.deletedAt !== null || row.version !== c.version) stale.push(c.no || `R${c.rowId}`);
      else rows.set(row.id, row);
    }
    if (stale.length > 0) {
      throw conflict(`Baris ${stale.join(', ')} sudah diubah di aplikasi setelah berkas diunggah. Tidak ada perubahan yang diterapkan; unduh ulang berkas lalu unggah lagi.`);
    }
    for (const c of upload.changes) {
      const row = rows.get(c.rowId) as RenaksiRow;
      const changes = changesOf(c);
      const edited = [...RENAKSI_TEXT_FIELDS, 'targets' as const, 'outputTargets' as const].filter((f) => changes[f] !== undefined) as RenaksiEditableField[];
      deps.renaksi.updateRow(row.id, { ...changes, editedFields: [...new Set([...row.editedFields, ...edited])] }, { userId: user.id, expectedVersion: c.version });
      deps.audit.record({
        userId: user.id, action: 'renaksi.row.update', entity: 'renaksi_row', entityId: row.id,
        oldValue: Object.fromEntries(c.fields.map((f) => [f.field, f.old])), newValue: { ...changes, via: 'unggahan' },
      });
    }
    deps.renaksiVersions.markUploadApplied(upload.id);
    deps.audit.record({ userId: user.id, action: 'renaksi.upload.apply', entity: 'renaksi_plan', entityId: plan.id, newValue: { uploadId, rows: upload.changes.length } });
    return upload.changes.length;
  })();
}
