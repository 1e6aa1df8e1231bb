import type { Db } from '../db/database';

export interface Period {
  id: number;
  name: string;
  year: number;
  instrumentId: number;
  deadline: string | null;
  isDemo: boolean;
}

interface PeriodRow {
  id: number;
  name: string;
  year: number;
  instrument_id: number;
  deadline: string | null;
  is_demo: number;
}

const toPeriod = (r: PeriodRow): Period => ({
  id: r.id,
  name: r.name,
  year: r.year,
  instrumentId: r.instrument_id,
  deadline: r.deadline,
  isDemo: r.is_demo === 1,
});

export function createPeriodsRepo(db: Db) {
  const all = db.prepare<[], PeriodRow>('SELECT * FROM periods ORDER BY year DESC, id DESC');
  const byId = db.prepare<[number], PeriodRow>('SELECT * FROM periods WHERE id = ?');
  const byName = db.prepare<[string], PeriodRow>('SELECT * FROM periods WHERE name = ?');
  const insert = db.prepare(
    `INSERT INTO periods (name, year, instrument_id, deadline, is_demo, created_at)
     VALUES (@name, @year, @instrumentId, @deadline, @isDemo, @createdAt)`,
  );
  const markDemo = db.prepare('UPDATE periods SET is_demo = 1 WHERE id = ?');
  return {
    listAll: (): Period[] => all.all().map(toPeriod),
    findById: (id: number): Period | undefined => {
      const r = byId.get(id);
      return r && toPeriod(r);
    },
    findByName: (name: string): Period | undefined => {
      const r = byName.get(name);
      return r && toPeriod(r);
    },
    insert: (p: Omit<Period, 'id' | 'isDemo'>): number =>
      Number(insert.run({ ...p, isDemo: 0, createdAt: new Date().toISOString() }).lastInsertRowid),
    markDemo: (id: number): void => {
      markDemo.run(id);
    },
  };
}
export type PeriodsRepo = ReturnType<typeof createPeriodsRepo>;
