import { badInput, conflict } from '../errors/app-error';
import type { User } from '../shared/identity';
import { RENAKSI_TEXT_FIELDS, type RenaksiEditableField } from './renaksi-draft';
import type { RenaksiRow, RowChanges } from './renaksi.repo';
import { assertDraft, ensurePlan, requireRow, type RenaksiDeps } from './renaksi.service';

/** Splitting and merging Lampiran I rows: the team shapes the matrix beyond one row per indicator. */

const STALE = 'Baris ini sudah diubah orang lain sejak halaman dimuat. Periksa isinya lalu ulangi.';

/** "indikator A2" or "tambahan tim" for notes that name a row without its (changing) number. */
function rowName(row: RenaksiRow): string {
  return row.indicatorCode ? `baris indikator ${row.indicatorCode}` : 'baris tambahan tim';
}

/**
 * Splits a row in two: a copy (a row of the team, which regeneration leaves alone) is placed right after it with the
 * same texts, targets and counts, to be edited apart. Only if the row still has `version`. Returns the copy's id.
 */
export function splitRow(deps: RenaksiDeps, user: User, periodId: number, rowId: number, version: number): number {
  return deps.db.transaction(() => {
    const plan = ensurePlan(deps, periodId);
    assertDraft(plan);
    const row = requireRow(deps, plan, rowId);
    if (row.version !== version) throw conflict(STALE);
    deps.renaksi.shiftOrderAfter(plan.id, row.sortOrder);
    const texts = Object.fromEntries(RENAKSI_TEXT_FIELDS.map((f) => [f, row[f]])) as Pick<RenaksiRow, (typeof RENAKSI_TEXT_FIELDS)[number]>;
    const note = `Dipecah dari ${rowName(row)}.`;
    const id = deps.renaksi.insertManualRow(
      plan.id,
      {
        ...texts, aspectCode: row.aspectCode, indicatorCode: row.indicatorCode, targets: row.targets, outputTargets: row.outputTargets,
        counts: row.counts, notes: row.notes ? `${note}\n${row.notes}` : note, isPriority: row.isPriority,
      },
      row.sortOrder + 1,
      user.id,
    );
    deps.audit.record({ userId: user.id, action: 'renaksi.row.split', entity: 'renaksi_row', entityId: row.id, newValue: { copy: id } });
    return id;
  })();
}

/** Texts merged into the kept row: its own first, the merged row's after, each once. */
const MERGED_TEXTS = ['activity', 'outputIndicator', 'unitScope', 'dpa', 'support', 'verification'] as const;

function joined(a: string, b: string): string {
  if (b.trim() === '' || a.includes(b)) return a;
  return a.trim() === '' ? b : `${a}\n${b}`;
}

/** What the kept row takes from the merged one, as repository changes (only what differs). */
export function mergedChanges(into: RenaksiRow, from: RenaksiRow): RowChanges {
  const changes: RowChanges = {};
  for (const f of MERGED_TEXTS) {
    const v = joined(into[f], from[f]);
    if (v !== into[f]) changes[f] = v;
  }
  const years = new Set([...Object.keys(into.outputTargets), ...Object.keys(from.outputTargets)]);
  const outputs = Object.fromEntries([...years].map((y) => [y, joined(into.outputTargets[y] ?? '', from.outputTargets[y] ?? '')]));
  if (JSON.stringify(outputs) !== JSON.stringify(into.outputTargets)) changes.outputTargets = outputs;
  const note = `Digabung dengan ${rowName(from)}: kegiatan, indikator keberhasilan dan target outputnya ditambahkan ke baris ini; target jumlah unit tetap milik baris ini.`;
  changes.notes = joined(into.notes, note);
  return changes;
}

/**
 * Merges a row into another of the plan: the kept row takes its activities, outputs, DPA, dukungan and bukti (marked
 * as edited so regeneration keeps them) and a note; the merged row is deleted (restorable). Both must still have the
 * versions shown. Returns the kept row.
 */
export function mergeRow(deps: RenaksiDeps, user: User, periodId: number, rowId: number, version: number, intoId: number): RenaksiRow {
  return deps.db.transaction(() => {
    const plan = ensurePlan(deps, periodId);
    assertDraft(plan);
    const from = requireRow(deps, plan, rowId);
    if (intoId === rowId) throw badInput({ into: 'Pilih baris lain untuk digabungkan.' });
    const into = requireRow(deps, plan, intoId);
    if (from.version !== version) throw conflict(STALE);
    const changes = mergedChanges(into, from);
    const edited = (Object.keys(changes) as RenaksiEditableField[]).filter((f) => f !== ('notes' as string));
    deps.renaksi.updateRow(into.id, { ...changes, editedFields: [...new Set([...into.editedFields, ...edited])] }, { userId: user.id, expectedVersion: into.version });
    if (!deps.renaksi.softDelete(from.id, version, user.id)) throw conflict(STALE);
    deps.audit.record({ userId: user.id, action: 'renaksi.row.merge', entity: 'renaksi_row', entityId: from.id, newValue: { into: into.id } });
    return into;
  })();
}
