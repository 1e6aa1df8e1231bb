import type { AppConfig } from './config/config';
import { openDatabase, type Db } from './db/database';
import { migrate } from './db/migrate';
import { createRepos } from './db/repos';
import { seedBase, type SeedResult } from './seed/seed.service';
import { seedDemo } from './seed/demo.service';

/**
 * Opens the data file, applies migrations and the idempotent seed (plus demo answers with DEMO=1).
 * Shared by the server and the CLI so both see the same database state.
 */
export async function prepareDatabase(config: AppConfig): Promise<{ db: Db; seed: SeedResult }> {
  const db = openDatabase(config.dbFile);
  try {
    migrate(db);
    const repos = createRepos(db);
    const seed = await seedBase(repos, { templatesDir: config.templatesDir, adminPassword: config.adminPassword, passwordCost: config.passwordCost });
    if (config.demo) seedDemo(repos);
    return { db, seed };
  } catch (err) {
    db.close();
    throw err;
  }
}
