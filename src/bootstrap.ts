import { createModules, type Modules } from './app';
import type { AppConfig } from './config/config';
import { openDatabase, type Db } from './db/database';
import { migrate } from './db/migrate';
import { seedBase, seedDemo, type SeedResult } from './seed';

/** What the seed stores its data through: the modules' services on the database. */
export function seedDepsOf(db: Db, m: Modules) {
  return {
    db, instruments: m.instrument.service, units: m.units.service, periods: m.periods.service, users: m.users.service, assessments: m.assessments.service,
    kabupaten: m.kabupaten.service,
    lapor: m.lapor.service,
  };
}

/**
 * Opens the data file, applies migrations and the idempotent seed (plus demo answers with DEMO=1).
 * Shared by the server and the CLI so both see the same database state.
 */
export async function prepareDatabase(config: AppConfig): Promise<{ db: Db; seed: SeedResult }> {
  const db = openDatabase(config.dbFile);
  try {
    migrate(db);
    const deps = seedDepsOf(db, createModules({ db, config }));
    const seed = await seedBase(deps, { templatesDir: config.templatesDir, adminPassword: config.adminPassword, passwordCost: config.passwordCost });
    if (config.demo) seedDemo(deps);
    return { db, seed };
  } catch (err) {
    db.close();
    throw err;
  }
}
