import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/db/database';
import { migrate } from '../../src/db/migrate';
import { createModules } from '../../src/app';
import { testConfig } from '../../src/config/config';
import { TEMPLATES_DIR } from '../../src/shared/paths';
import { seedInstruments, seedUnits, DEFAULT_PERIOD_NAME } from '../../src/seed';

/** Where jest's global setup leaves the template image for this run (see jest.config.js). */
export const TEMPLATE_ENV = 'SP4N_TEST_TEMPLATE_DB';

/**
 * The starting state of every test database, as a `db.serialize()` image: migrated, with the real templates
 * (instrument versions, Kutai Timur units) and the default 2022 period.
 */
export function buildTemplateImage(templatesDir: string = TEMPLATES_DIR): Buffer {
  const db = openDatabase(':memory:');
  migrate(db);
  const m = createModules({ db, config: testConfig({ templatesDir }) });
  const instrumentId = seedInstruments(m.instrument.service, templatesDir);
  seedUnits(m.units.service, templatesDir);
  m.periods.service.insert({ name: DEFAULT_PERIOD_NAME, year: 2022, instrumentId, deadline: null });
  const image = db.serialize();
  db.close();
  return image;
}

/** Builds the image and writes it to a temp file named in the environment, for every worker of the run. */
export function writeTemplateForRun(): void {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sp4n-test-')), 'template.sqlite');
  fs.writeFileSync(file, buildTemplateImage());
  process.env[TEMPLATE_ENV] = file;
}

export function removeTemplateOfRun(): void {
  const file = process.env[TEMPLATE_ENV];
  if (file) fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

let image: Buffer | undefined;

/**
 * The template image: read once per test file from the run's file, or built here when jest's global setup did not
 * run (e.g. a script importing the helpers).
 */
export function templateImage(): Buffer {
  const file = process.env[TEMPLATE_ENV];
  image ??= file && fs.existsSync(file) ? fs.readFileSync(file) : buildTemplateImage();
  return image;
}
