import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/db/database';
import { migrate } from '../../src/db/migrate';
import { MIGRATIONS_DIR } from '../../src/shared/paths';

describe('the migration recording who filled a monev report', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp4n-mig-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('counts the last saver of every existing report as its filler, and no one for a report nobody saved', () => {
    const files = fs.readdirSync(MIGRATIONS_DIR).sort();
    const own = files.find((f) => f.endsWith('_monev_filled_by.sql')) as string;
    for (const f of files.filter((f) => f < own)) fs.copyFileSync(path.join(MIGRATIONS_DIR, f), path.join(dir, f));
    const db = openDatabase(':memory:');
    migrate(db, dir);
    db.pragma('foreign_keys = OFF');
    const now = '2022-07-01T00:00:00.000Z';
    const row = db.prepare('INSERT INTO monev_row_reports (row_id, year, semester, reported_by, review_state, created_at, updated_at) VALUES (?, 2022, 1, ?, ?, ?, ?)');
    row.run(1, 7, 'diajukan', now, now);
    row.run(2, null, 'draf', now, now);
    db.prepare('INSERT INTO monev_unit_reports (plan_id, unit_id, year, semester, reported_by, created_at, updated_at) VALUES (1, 3, 2022, 2, 9, ?, ?)').run(now, now);

    fs.copyFileSync(path.join(MIGRATIONS_DIR, own), path.join(dir, own));
    expect(migrate(db, dir)).toEqual([own]);

    expect(db.prepare('SELECT row_id, filled_by FROM monev_row_reports ORDER BY row_id').all()).toEqual([
      { row_id: 1, filled_by: '[7]' }, { row_id: 2, filled_by: '[]' },
    ]);
    expect(db.prepare('SELECT filled_by FROM monev_unit_reports').all()).toEqual([{ filled_by: '[9]' }]);
    expect(() => db.prepare("UPDATE monev_row_reports SET filled_by = '{}'").run()).toThrow(/CHECK constraint/);
  });
});
