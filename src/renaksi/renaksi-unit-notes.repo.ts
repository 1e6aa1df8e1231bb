import type { Db } from '../db/database';

/** A note of the team on one unit (optionally on one indicator of it) for Lampiran II. */
export interface UnitNote {
  id: number;
  planId: number;
  unitId: number;
  indicatorCode: string | null;
  note: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedByName: string | null;
}

interface NoteRecord {
  id: number;
  plan_id: number;
  unit_id: number;
  indicator_code: string | null;
  note: string;
  version: number;
  created_at: string;
  updated_at: string;
  updated_by_name: string | null;
}

const toNote = (r: NoteRecord): UnitNote => ({
  id: r.id, planId: r.plan_id, unitId: r.unit_id, indicatorCode: r.indicator_code, note: r.note, version: r.version,
  createdAt: r.created_at, updatedAt: r.updated_at, updatedByName: r.updated_by_name,
});

const NOTE_SELECT = 'SELECT n.*, u.display_name AS updated_by_name FROM renaksi_unit_notes n LEFT JOIN users u ON u.id = n.updated_by';

/** The unit notes of Lampiran II and the people a unit's own plan names. */
export function createRenaksiUnitNotesRepo(db: Db) {
  const byPlan = db.prepare<[number], NoteRecord>(`${NOTE_SELECT} WHERE n.plan_id = ? ORDER BY n.unit_id, n.id`);
  const byId = db.prepare<[number], NoteRecord>(`${NOTE_SELECT} WHERE n.id = ?`);
  const insert = db.prepare(
    `INSERT INTO renaksi_unit_notes (plan_id, unit_id, indicator_code, note, created_at, updated_at, updated_by)
     VALUES (@planId, @unitId, @indicatorCode, @note, @now, @now, @userId)`,
  );
  const update = db.prepare('UPDATE renaksi_unit_notes SET note = @note, version = version + 1, updated_at = @now, updated_by = @userId WHERE id = @id AND version = @version');
  const remove = db.prepare('DELETE FROM renaksi_unit_notes WHERE id = ? AND version = ?');
  const narahubung = db.prepare<[number], { display_name: string }>(
    "SELECT display_name FROM users WHERE unit_id = ? AND role = 'narahubung' AND active = 1 ORDER BY display_name",
  );
  return {
    listNotes: (planId: number): UnitNote[] => byPlan.all(planId).map(toNote),
    findNote: (id: number): UnitNote | undefined => {
      const r = byId.get(id);
      return r && toNote(r);
    },
    insertNote: (n: { planId: number; unitId: number; indicatorCode: string | null; note: string; userId: number }): number =>
      Number(insert.run({ ...n, now: new Date().toISOString() }).lastInsertRowid),
    /** Only if the note still has `version`; returns whether it changed. */
    updateNote: (id: number, version: number, note: string, userId: number): boolean =>
      update.run({ id, version, note, userId, now: new Date().toISOString() }).changes === 1,
    deleteNote: (id: number, version: number): boolean => remove.run(id, version).changes === 1,
    /** The active narahubung accounts of a unit, by name. */
    narahubungNames: (unitId: number): string[] => narahubung.all(unitId).map((r) => r.display_name),
  };
}
export type RenaksiUnitNotesRepo = ReturnType<typeof createRenaksiUnitNotesRepo>;
