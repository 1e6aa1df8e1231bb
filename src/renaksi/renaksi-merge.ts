import { RENAKSI_TEXT_FIELDS, type DraftRow, type RenaksiEditableField } from './renaksi-draft';

/** The part of a stored row that regeneration looks at. */
export interface StoredRowState {
  id: number;
  sourceKey: string | null;
  editedFields: RenaksiEditableField[];
  gapOpen: boolean;
}

export interface RowUpdate {
  id: number;
  /** Draft values for the fields nobody edited by hand. */
  fields: Partial<DraftRow>;
}

export interface MergePlan {
  insert: DraftRow[];
  update: RowUpdate[];
  /** Rows whose gap closed: kept and marked, never deleted. */
  closeGap: number[];
}

/**
 * Regeneration plan: new gaps are inserted, existing generated rows take the new draft values except in the fields
 * edited by hand (priority and the base level always follow the latest scores), generated rows without a gap any
 * more are marked closed; manual rows are left alone.
 */
export function mergeDraft(existing: StoredRowState[], draft: DraftRow[]): MergePlan {
  const byKey = new Map(existing.filter((r) => r.sourceKey !== null).map((r) => [r.sourceKey as string, r]));
  const draftKeys = new Set(draft.map((d) => d.sourceKey));
  const plan: MergePlan = { insert: [], update: [], closeGap: [] };
  for (const d of draft) {
    const row = byKey.get(d.sourceKey);
    if (!row) {
      plan.insert.push(d);
      continue;
    }
    const edited = new Set(row.editedFields);
    const fields: Partial<DraftRow> = { priority: d.priority, counts: d.counts };
    for (const f of RENAKSI_TEXT_FIELDS) if (!edited.has(f)) fields[f] = d[f];
    if (!edited.has('targets')) fields.targets = d.targets;
    if (!edited.has('outputTargets')) fields.outputTargets = d.outputTargets;
    plan.update.push({ id: row.id, fields });
  }
  for (const row of byKey.values()) {
    if (!draftKeys.has(row.sourceKey as string) && row.gapOpen) plan.closeGap.push(row.id);
  }
  return plan;
}
