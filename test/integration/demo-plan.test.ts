import { createModules } from '../../src/app';
import { seedDemoData } from '../../src/bootstrap';
import { testConfig } from '../../src/config/config';
import { openDatabase } from '../../src/db/database';
import { migrate } from '../../src/db/migrate';
import { DEFAULT_PERIOD_NAME, seedInstruments, seedUnits } from '../../src/seed';
import { TEMPLATES_DIR } from '../../src/shared/paths';
import { createRepos } from '../helpers/repos';

/** A database as `npm run cli -- demo:seed` finds it after the base seed: instruments, units, the period, admin. */
function seededBase() {
  const db = openDatabase(':memory:');
  migrate(db);
  const repos = createRepos(db);
  const modules = createModules({ db, config: testConfig() });
  const instrumentId = seedInstruments(modules.instrument.service, TEMPLATES_DIR);
  seedUnits(modules.units.service, TEMPLATES_DIR);
  const periodId = repos.periods.insert({ name: DEFAULT_PERIOD_NAME, year: 2022, instrumentId, deadline: null });
  repos.users.insert({ username: 'admin', displayName: 'Admin', passwordHash: '!uji', role: 'admin', unitId: null });
  return { db, modules, periodId };
}

const planState = (db: ReturnType<typeof openDatabase>, periodId: number) => db
  .prepare<[number], { status: string; rows: number; versions: number; finalizedAt: string | null }>(
    `SELECT p.status,
            (SELECT COUNT(*) FROM renaksi_rows r WHERE r.plan_id = p.id AND r.deleted_at IS NULL) AS rows,
            (SELECT COUNT(*) FROM renaksi_versions v WHERE v.plan_id = p.id) AS versions,
            (SELECT MAX(v.finalized_at) FROM renaksi_versions v WHERE v.plan_id = p.id) AS finalizedAt
       FROM renaksi_plans p WHERE p.period_id = ?`,
  )
  .get(periodId);

describe('the demo data signs its Renaksi', () => {
  it('drafts the 2022 plan from the demo answers, numbers the decree and finalises it on 30 November 2022, once', async () => {
    const { db, modules, periodId } = seededBase();

    await seedDemoData(db, modules);

    const state = planState(db, periodId);
    expect(state?.status).toBe('final');
    expect(state?.rows).toBeGreaterThan(0);
    expect(state?.versions).toBe(1);
    expect(state?.finalizedAt).toBe('2022-11-30T02:00:00.000Z');
    const settings = modules.renaksi.service.documentSettings();
    expect(settings['renaksi.decreeNumber']).toBe('100.3.3.2/K.512/HK/XI/2022');
    expect(settings['renaksi.decreeDate']).toBe('30 November 2022');

    await seedDemoData(db, modules);

    expect(planState(db, periodId)).toEqual(state);
  });
});
