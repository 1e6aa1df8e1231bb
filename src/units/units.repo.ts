import type { Db } from '../db/database';

/** Perangkat daerah or kecamatan: the two groups the kabupaten figures are split by. */
export type UnitGroup = 'pd' | 'kecamatan';

export interface Unit {
  id: number;
  code: string;
  name: string;
  group: UnitGroup;
  provisional: boolean;
  active: boolean;
}

interface UnitRow {
  id: number;
  code: string;
  name: string;
  group_kind: UnitGroup;
  provisional: number;
  active: number;
}

const toUnit = (r: UnitRow): Unit => ({
  id: r.id,
  code: r.code,
  name: r.name,
  group: r.group_kind,
  provisional: r.provisional === 1,
  active: r.active === 1,
});

export function createUnitsRepo(db: Db) {
  const all = db.prepare<[], UnitRow>('SELECT * FROM units ORDER BY group_kind DESC, name');
  const byId = db.prepare<[number], UnitRow>('SELECT * FROM units WHERE id = ?');
  const byCode = db.prepare<[string], UnitRow>('SELECT * FROM units WHERE code = ?');
  const insert = db.prepare(
    `INSERT INTO units (code, name, group_kind, provisional, created_at)
     VALUES (@code, @name, @group, @provisional, @createdAt)`,
  );
  const update = db.prepare('UPDATE units SET code = @code, name = @name, group_kind = @group WHERE id = @id');
  const setActive = db.prepare('UPDATE units SET active = ? WHERE id = ?');
  const setProvisional = db.prepare('UPDATE units SET provisional = ? WHERE id = ?');
  return {
    listAll: (): Unit[] => all.all().map(toUnit),
    listActive: (): Unit[] => all.all().filter((r) => r.active === 1).map(toUnit),
    findById: (id: number): Unit | undefined => {
      const r = byId.get(id);
      return r && toUnit(r);
    },
    findByCode: (code: string): Unit | undefined => {
      const r = byCode.get(code);
      return r && toUnit(r);
    },
    insert: (u: { code: string; name: string; group: UnitGroup; provisional: boolean }): number =>
      Number(
        insert.run({ ...u, provisional: u.provisional ? 1 : 0, createdAt: new Date().toISOString() }).lastInsertRowid,
      ),
    update: (u: { id: number; code: string; name: string; group: UnitGroup }): void => {
      update.run(u);
    },
    /** Soft (de)activation: an inactive unit keeps its history but is left out of new periods' boards. */
    setActive: (id: number, active: boolean): void => {
      setActive.run(active ? 1 : 0, id);
    },
    setProvisional: (id: number, provisional: boolean): void => {
      setProvisional.run(provisional ? 1 : 0, id);
    },
  };
}
export type UnitsRepo = ReturnType<typeof createUnitsRepo>;
