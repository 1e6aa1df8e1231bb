import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createModules } from '../../src/app';
import { seedDepsOf } from '../../src/bootstrap';
import { testConfig } from '../../src/config/config';
import { openDatabase } from '../../src/db/database';
import { migrate } from '../../src/db/migrate';
import { DEFAULT_PERIOD_NAME, seedDemo, seedInstruments, seedUnits } from '../../src/seed';
import { TEMPLATES_DIR } from '../../src/shared/paths';
import { createRepos, type Repos } from '../helpers/repos';

/** A migrated, empty database: its repositories for arranging and asserting, its modules for seeding. */
function freshRepos(): Repos & { modules: ReturnType<typeof createModules> } {
  const db = openDatabase(':memory:');
  migrate(db);
  return { ...createRepos(db), modules: createModules({ db, config: testConfig() }) };
}

const versionOf = (repos: Repos, id: number) => repos.instruments.findById(id)?.version;

describe('instrument versions in the seed', () => {
  it('gives a new database revision 2 as the newest instrument, for its default period and for the new-period form', () => {
    const repos = freshRepos();

    const newest = seedInstruments(repos.modules.instrument.service, TEMPLATES_DIR);

    expect(versionOf(repos, newest)).toBe('2022.2');
    expect(repos.instruments.latest()?.version).toBe('2022.2');
    expect(repos.periodSetup.listInstruments().map((i) => i.version)).toEqual(['2022.2', '2022.1']);
  });

  it('keeps a database made on revision 1 on it: its period still reads revision 1, revision 2 is added beside it', () => {
    const repos = freshRepos();
    const onlyRevision1 = fs.mkdtempSync(path.join(os.tmpdir(), 'templat-revisi-1-'));
    fs.copyFileSync(path.join(TEMPLATES_DIR, 'instrument-2022.1.json'), path.join(onlyRevision1, 'instrument-2022.1.json'));
    const oldId = seedInstruments(repos.modules.instrument.service, onlyRevision1);
    const periodId = repos.periods.insert({ name: DEFAULT_PERIOD_NAME, year: 2022, instrumentId: oldId, deadline: null });
    fs.rmSync(onlyRevision1, { recursive: true, force: true });

    const newest = seedInstruments(repos.modules.instrument.service, TEMPLATES_DIR);

    expect(versionOf(repos, repos.periods.findById(periodId)!.instrumentId)).toBe('2022.1');
    expect(versionOf(repos, newest)).toBe('2022.2');
    expect(newest).not.toBe(oldId);
    expect(seedInstruments(repos.modules.instrument.service, TEMPLATES_DIR)).toBe(newest);
  });

  it('fills demo data on revision 2 with N/A where each unit may answer it: F4 for Inspektorat, aspect D for kecamatan without reports', () => {
    const repos = freshRepos();
    const instrumentId = seedInstruments(repos.modules.instrument.service, TEMPLATES_DIR);
    seedUnits(repos.modules.units.service, TEMPLATES_DIR);
    const periodId = repos.periods.insert({ name: DEFAULT_PERIOD_NAME, year: 2022, instrumentId, deadline: null });
    repos.users.insert({ username: 'admin', displayName: 'Admin', passwordHash: '!uji', role: 'admin', unitId: null });

    seedDemo(seedDepsOf(repos.db, repos.modules));

    const na = repos.db
      .prepare<[number], { code: string; group_kind: string; codes: string }>(
        `SELECT u.code, u.group_kind, GROUP_CONCAT(an.indicator_code, ' ') AS codes FROM answers an
         JOIN assessments a ON a.id = an.assessment_id JOIN units u ON u.id = a.unit_id
         WHERE a.period_id = ? AND an.is_na = 1 GROUP BY u.id ORDER BY u.id`,
      )
      .all(periodId);
    const inspektorat = na.find((r) => r.code === 'PD-INSPEKTORAT');
    const kecamatan = na.filter((r) => r.group_kind === 'kecamatan').map((r) => r.codes.split(' ').sort().join(' '));
    expect(inspektorat?.codes).toBe('F4');
    expect(na.filter((r) => r.group_kind === 'pd' && r.code !== 'PD-INSPEKTORAT')).toEqual([]);
    // A kecamatan without reports answers N/A on all nine (a draft only on those it has answered so far).
    expect(kecamatan).toContain('D1 D2 D3 D4 D5 D6 E5 F2 F3');
    expect(kecamatan.flatMap((c) => c.split(' ')).every((c) => /^(D[1-6]|E5|F2|F3)$/.test(c))).toBe(true);
  });
});
