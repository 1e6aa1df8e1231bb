import type { Db } from '../db/database';
import { periodUnitsSql } from '../db/period-units';
import { UNIT_ORDER_SQL } from '../db/unit-order';

/** Perangkat daerah or kecamatan: the two groups the kabupaten figures are split by. */
export type UnitGroup = 'pd' | 'kecamatan';

export interface Unit {
  id: number;
  code: string;
  name: string;
  group: UnitGroup;
  /** Short name the kabupaten uses ("Setda", "Disdukcapil"); '' when none is known. */
  abbreviation: string;
  /** Position in the official list; every list, export and matrix shows units in this order. */
  sortOrder: number;
  /** On the list as a best guess that an admin still has to confirm ("perlu dikonfirmasi"). */
  needsConfirmation: boolean;
  provisional: boolean;
  active: boolean;
  /** The head's position as printed when it is not the usual one (see unitHeadTitle); '' for the usual one. */
  headTitle: string;
  /** The head's name and NIP ('' until an admin fills them in). */
  headName: string;
  headNip: string;
  /** "Dinilai mulai tahun": the first year the unit is assessed (a unit formed later); null: every period. */
  assessedFrom: number | null;
}

interface UnitRow {
  id: number;
  code: string;
  name: string;
  group_kind: UnitGroup;
  abbreviation: string;
  sort_order: number;
  needs_confirmation: number;
  provisional: number;
  active: number;
  head_title: string;
  head_name: string;
  head_nip: string;
  assessed_from: number | null;
}

const toUnit = (r: UnitRow): Unit => ({
  id: r.id,
  code: r.code,
  name: r.name,
  group: r.group_kind,
  abbreviation: r.abbreviation,
  sortOrder: r.sort_order,
  needsConfirmation: r.needs_confirmation === 1,
  provisional: r.provisional === 1,
  active: r.active === 1,
  headTitle: r.head_title,
  headName: r.head_name,
  headNip: r.head_nip,
  assessedFrom: r.assessed_from,
});


export interface NewUnit {
  code: string;
  name: string;
  group: UnitGroup;
  abbreviation?: string;
  needsConfirmation?: boolean;
  /** Position in the official list; left out: after every unit listed so far. */
  sortOrder?: number;
  provisional: boolean;
  assessedFrom?: number | null;
}

export interface UnitChange {
  id: number;
  code: string;
  name: string;
  group: UnitGroup;
  abbreviation: string;
  needsConfirmation: boolean;
  sortOrder: number;
  headTitle: string;
  headName: string;
  headNip: string;
  assessedFrom: number | null;
}

export function createUnitsRepo(db: Db) {
  const all = db.prepare<[], UnitRow>(`SELECT * FROM units u ORDER BY ${UNIT_ORDER_SQL}`);
  const byId = db.prepare<[number], UnitRow>('SELECT * FROM units WHERE id = ?');
  const byCode = db.prepare<[string], UnitRow>('SELECT * FROM units WHERE code = ?');
  const nextOrder = db.prepare<[], { n: number }>('SELECT COALESCE(MAX(sort_order), 0) + 1 AS n FROM units');
  const insert = db.prepare(
    `INSERT INTO units (code, name, group_kind, abbreviation, needs_confirmation, sort_order, provisional, assessed_from, created_at)
     VALUES (@code, @name, @group, @abbreviation, @needsConfirmation, @sortOrder, @provisional, @assessedFrom, @createdAt)`,
  );
  const update = db.prepare(
    `UPDATE units SET code = @code, name = @name, group_kind = @group, abbreviation = @abbreviation,
       needs_confirmation = @needsConfirmation, sort_order = @sortOrder,
       head_title = @headTitle, head_name = @headName, head_nip = @headNip, assessed_from = @assessedFrom WHERE id = @id`,
  );
  const setActive = db.prepare('UPDATE units SET active = ? WHERE id = ?');
  const setProvisional = db.prepare('UPDATE units SET provisional = ? WHERE id = ?');
  const inPeriod = db.prepare<[number], { id: number }>(`SELECT u.id ${periodUnitsSql()}`);
  const answeredYears = db.prepare<[], { unit_id: number; year: number }>(
    `SELECT DISTINCT a.unit_id, p.year FROM assessments a JOIN periods p ON p.id = a.period_id
     WHERE EXISTS (SELECT 1 FROM answers an WHERE an.assessment_id = a.id) ORDER BY p.year`,
  );
  const oneInPeriod = db.prepare<[number, number], { id: number }>(`SELECT u.id ${periodUnitsSql()} AND u.id = ?`);
  return {
    /** Every unit, active or not, in the official order. */
    listAll: (): Unit[] => all.all().map(toUnit),
    /** Ids of the period's units (periodUnitsSql): active and assessed from its year or earlier, or assessed in it. */
    idsInPeriod: (periodId: number): number[] => inPeriod.all(periodId).map((r) => r.id),
    /** Per unit id, the years of the periods in which it has answers, ascending. */
    answeredYears: (): Map<number, number[]> => {
      const out = new Map<number, number[]>();
      for (const r of answeredYears.all()) out.set(r.unit_id, [...(out.get(r.unit_id) ?? []), r.year]);
      return out;
    },
    /** Whether the unit is one of the period's units (periodUnitsSql). */
    isInPeriod: (periodId: number, unitId: number): boolean => oneInPeriod.get(periodId, unitId) !== undefined,
    listActive: (): Unit[] => all.all().filter((r) => r.active === 1).map(toUnit),
    findById: (id: number): Unit | undefined => {
      const r = byId.get(id);
      return r && toUnit(r);
    },
    findByCode: (code: string): Unit | undefined => {
      const r = byCode.get(code);
      return r && toUnit(r);
    },
    /** The position after every unit so far (a unit added by hand goes to the end of its group). */
    nextSortOrder: (): number => (nextOrder.get() as { n: number }).n,
    insert(u: NewUnit): number {
      return Number(
        insert.run({
          code: u.code,
          name: u.name,
          group: u.group,
          abbreviation: u.abbreviation ?? '',
          needsConfirmation: u.needsConfirmation ? 1 : 0,
          sortOrder: u.sortOrder ?? (nextOrder.get() as { n: number }).n,
          provisional: u.provisional ? 1 : 0,
          assessedFrom: u.assessedFrom ?? null,
          createdAt: new Date().toISOString(),
        }).lastInsertRowid,
      );
    },
    update: (u: UnitChange): void => {
      update.run({
        id: u.id, code: u.code, name: u.name, group: u.group, abbreviation: u.abbreviation, needsConfirmation: u.needsConfirmation ? 1 : 0,
        sortOrder: u.sortOrder, headTitle: u.headTitle, headName: u.headName, headNip: u.headNip, assessedFrom: u.assessedFrom,
      });
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
