import { createModules, type Modules } from './app';
import type { AppConfig } from './config/config';
import { openDatabase, type Db } from './db/database';
import { migrate } from './db/migrate';
import { seedBase, seedDemo, seedDemoContacts, seedDemoMonev, seedDemoPlan, seedDemoProgress, type SeedResult } from './seed';

/** What the seed stores its data through: the modules' services on the database. */
export function seedDepsOf(db: Db, m: Modules) {
  return {
    db, instruments: m.instrument.service, units: m.units.service, periods: m.periods.service, users: m.users.service, assessments: m.assessments.service,
    kabupaten: m.kabupaten.service,
    lapor: m.lapor.service, scoring: m.scoring.service,
  };
}

/**
 * The demo data (DEMO=1, `npm run cli -- demo:seed`): sample answers, the kabupaten's conditions and an SP4N-LAPOR!
 * export for the 2022 period, then its Renaksi drafted and signed with three semesters of realisasi, narahubung with
 * sample numbers for some units late in reporting, then a 2023 period measured against that plan.
 * Each part does nothing when already there.
 */
export async function seedDemoData(db: Db, m: Modules): Promise<void> {
  const deps = seedDepsOf(db, m);
  seedDemo(deps);
  await seedDemoPlan({ periods: m.periods.service, users: m.users.service, renaksi: m.renaksi.service });
  await seedDemoMonev({ periods: m.periods.service, users: m.users.service, monitoring: m.monitoring.service });
  seedDemoContacts({ periods: m.periods.service, users: m.users.service, monitoring: m.monitoring.service });
  seedDemoProgress(deps);
}

/**
 * Opens the data file, applies migrations and the idempotent seed (plus the demo data with DEMO=1).
 * Shared by the server and the CLI so both see the same database state.
 */
export async function prepareDatabase(config: AppConfig): Promise<{ db: Db; seed: SeedResult }> {
  const db = openDatabase(config.dbFile);
  try {
    migrate(db);
    const modules = createModules({ db, config });
    const deps = seedDepsOf(db, modules);
    const seed = await seedBase(deps, { templatesDir: config.templatesDir, adminPassword: config.adminPassword, passwordCost: config.passwordCost });
    if (config.demo) await seedDemoData(db, modules);
    return { db, seed };
  } catch (err) {
    db.close();
    throw err;
  }
}
