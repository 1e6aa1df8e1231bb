import { AppError, conflict } from '../errors/app-error';
import type { User } from '../shared/identity';
import { RENAKSI_TEXT_FIELDS, type RenaksiEditableField } from './renaksi-draft';
import { sameTargets } from './renaksi-targets';
import type { RowFormValues } from './renaksi.schemas';
import type { RenaksiRow, RowChanges } from './renaksi.repo';
import { assertDraft, ensurePlan, requireRow, type RenaksiDeps } from './renaksi.service';

/** A stale edit: the row changed since the form was loaded. Carries the stored row so both values can be shown. */
export class RowConflictError extends AppError {
  constructor(readonly current: RenaksiRow) {
    super(409, 'row-conflict', 'Baris ini sudah diubah orang lain sejak Anda membukanya. Perubahan Anda belum disimpan: bandingkan isian Anda dengan nilai tersimpan, lalu simpan lagi bila tetap ingin mengganti.');
  }
}

const sortedEntries = (o: Record<string, string>) => Object.entries(o).sort(([a], [b]) => a.localeCompare(b));

/** The form's values that differ from the stored row, as repository changes. */
export function rowDiff(row: RenaksiRow, v: RowFormValues): RowChanges {
  const changes: RowChanges = {};
  for (const f of RENAKSI_TEXT_FIELDS) if (v.texts[f] !== row[f]) changes[f] = v.texts[f];
  if (!sameTargets(v.targets, row.targets)) changes.targets = v.targets;
  if (JSON.stringify(sortedEntries(v.outputTargets)) !== JSON.stringify(sortedEntries(row.outputTargets))) changes.outputTargets = v.outputTargets;
  if (v.notes !== row.notes) changes.notes = v.notes;
  if (v.isPriority !== row.isPriority) changes.isPriority = v.isPriority;
  if (row.scope === 'manual') {
    if (v.aspectCode !== null && v.aspectCode !== row.aspectCode) changes.aspectCode = v.aspectCode;
    if (v.indicatorCode !== row.indicatorCode) changes.indicatorCode = v.indicatorCode;
  }
  return changes;
}

/** Draft fields among the changes: these join edited_fields so regeneration keeps them. */
function editedOf(changes: RowChanges): RenaksiEditableField[] {
  return [...RENAKSI_TEXT_FIELDS, 'targets' as const, 'outputTargets' as const].filter((f) => changes[f] !== undefined);
}

/**
 * Saves the team's edit of a row when `version` is still the stored one (optimistic locking); otherwise throws
 * RowConflictError and changes nothing. Returns the names of the changed fields (empty: nothing to save).
 */
export function editRow(deps: RenaksiDeps, user: User, periodId: number, rowId: number, version: number, values: RowFormValues): string[] {
  return deps.db.transaction(() => {
    const plan = ensurePlan(deps, periodId);
    assertDraft(plan);
    const row = requireRow(deps, plan, rowId);
    if (row.version !== version) throw new RowConflictError(row);
    const changes = rowDiff(row, values);
    const names = Object.keys(changes);
    if (names.length === 0) return [];
    const editedFields = [...new Set([...row.editedFields, ...editedOf(changes)])];
    if (!deps.renaksi.updateRow(row.id, { ...changes, editedFields }, { userId: user.id, expectedVersion: version })) throw new RowConflictError(row);
    const old = Object.fromEntries(names.map((n) => [n, row[n as keyof RenaksiRow]]));
    deps.audit.record({ userId: user.id, action: 'renaksi.row.update', entity: 'renaksi_row', entityId: row.id, oldValue: old, newValue: changes });
    return names;
  })();
}

/** Adds a manual row at the end of its aspect; returns its id. */
export function addManualRow(deps: RenaksiDeps, user: User, periodId: number, values: RowFormValues): number {
  return deps.db.transaction(() => {
    const plan = ensurePlan(deps, periodId);
    assertDraft(plan);
    const id = deps.renaksi.insertManualRow(
      plan.id,
      {
        ...values.texts, aspectCode: values.aspectCode as string, indicatorCode: values.indicatorCode, targets: values.targets,
        outputTargets: values.outputTargets, counts: null, notes: values.notes, isPriority: values.isPriority,
      },
      deps.renaksi.nextSortOrder(plan.id),
      user.id,
    );
    deps.audit.record({ userId: user.id, action: 'renaksi.row.create', entity: 'renaksi_row', entityId: id, newValue: values });
    return id;
  })();
}

/** Soft-deletes a row (restorable) if it still has `version`. */
export function deleteRow(deps: RenaksiDeps, user: User, periodId: number, rowId: number, version: number): RenaksiRow {
  return deps.db.transaction(() => {
    const plan = ensurePlan(deps, periodId);
    assertDraft(plan);
    const row = requireRow(deps, plan, rowId);
    if (row.version !== version || !deps.renaksi.softDelete(row.id, version, user.id)) {
      throw conflict('Baris ini sudah diubah orang lain sejak halaman dimuat dan belum dihapus. Periksa isinya lalu hapus lagi bila perlu.');
    }
    deps.audit.record({ userId: user.id, action: 'renaksi.row.delete', entity: 'renaksi_row', entityId: row.id, oldValue: { version } });
    return row;
  })();
}

/** Brings a deleted row back where it was. */
export function restoreRow(deps: RenaksiDeps, user: User, periodId: number, rowId: number): RenaksiRow {
  return deps.db.transaction(() => {
    const plan = ensurePlan(deps, periodId);
    assertDraft(plan);
    const row = requireRow(deps, plan, rowId, { deleted: true });
    deps.renaksi.restore(row.id, user.id);
    deps.audit.record({ userId: user.id, action: 'renaksi.row.restore', entity: 'renaksi_row', entityId: row.id });
    return row;
  })();
}

/**
 * Moves a row one place up or down among the rows of its aspect (the document lists rows per aspect). Moving is not
 * a content change, so versions stay. Returns false when the row is already first/last.
 */
export function moveRow(deps: RenaksiDeps, user: User, periodId: number, rowId: number, direction: 'up' | 'down'): boolean {
  return deps.db.transaction(() => {
    const plan = ensurePlan(deps, periodId);
    assertDraft(plan);
    const row = requireRow(deps, plan, rowId);
    let rows = deps.renaksi.listRows(plan.id);
    if (new Set(rows.map((r) => r.sortOrder)).size !== rows.length) {
      rows.forEach((r, i) => deps.renaksi.setOrder(r.id, i + 1));
      rows = deps.renaksi.listRows(plan.id);
    }
    const sameAspect = rows.filter((r) => r.aspectCode === row.aspectCode);
    const at = sameAspect.findIndex((r) => r.id === row.id);
    const other = sameAspect[direction === 'up' ? at - 1 : at + 1];
    const self = sameAspect[at];
    if (!other || !self) return false;
    deps.renaksi.setOrder(self.id, other.sortOrder);
    deps.renaksi.setOrder(other.id, self.sortOrder);
    deps.audit.record({ userId: user.id, action: 'renaksi.row.move', entity: 'renaksi_row', entityId: row.id, newValue: { direction, swappedWith: other.id } });
    return true;
  })();
}

/** Marks or unmarks a row as a priority of the team. */
export function setRowPriority(deps: RenaksiDeps, user: User, periodId: number, rowId: number, isPriority: boolean): void {
  deps.db.transaction(() => {
    const plan = ensurePlan(deps, periodId);
    assertDraft(plan);
    const row = requireRow(deps, plan, rowId);
    if (row.isPriority === isPriority) return;
    deps.renaksi.updateRow(row.id, { isPriority }, { userId: user.id });
    deps.audit.record({ userId: user.id, action: 'renaksi.row.priority', entity: 'renaksi_row', entityId: row.id, oldValue: row.isPriority, newValue: isPriority });
  })();
}
