import request from 'supertest';
import type { Express } from 'express';
import { createApp, createModules, type Modules } from '../../src/app';
import { testConfig, type AppConfig } from '../../src/config/config';
import { openDatabase, type Db } from '../../src/db/database';
import { hashPassword } from '../../src/users/passwords';
import { DEFAULT_PERIOD_NAME } from '../../src/seed';
import { TEMPLATES_DIR } from '../../src/shared/paths';
import type { Period } from '../../src/periods';
import { createRepos, type Repos } from './repos';
import type { Role } from '../../src/shared/identity';
import type { Instrument } from '../../src/instrument';
import type { AssessmentStatus } from '../../src/shared/assessment-status';
import { buildTemplateImage, templateImage } from './template-db';

export const TEST_PASSWORD = 'rahasia-uji-123';

export interface TestContext {
  app: Express;
  db: Db;
  /** Every repository, for arrange steps and assertions on what was stored. */
  repos: Repos;
  /** The modules on the same database (services a test calls directly, as the app's routes do). */
  modules: Modules;
  periodId: number;
  instrument: Instrument;
}

/** Revision 1 of the instrument: tests whose hand-computed numbers use its 30 indicators ask for it by name. */
export const REVISION_1 = '2022.1';

/**
 * A fresh in-memory, migrated database with the real templates (instrument, Kutai Timur units) and one period:
 * a copy of the run's template image (test/helpers/template-db.ts), so no test pays for migrations and seeding.
 * The period is on the newest instrument version, or on `instrumentVersion` when given (e.g. REVISION_1).
 * Config overrides (e.g. a temporary dataDir for evidence files) go to testConfig.
 */
export function createTestContext(overrides: Partial<AppConfig> = {}, opts: { instrumentVersion?: string } = {}): TestContext {
  const config = testConfig(overrides);
  const db = openDatabase(config.templatesDir === TEMPLATES_DIR ? templateImage() : buildTemplateImage(config.templatesDir));
  const repos = createRepos(db);
  const period = repos.periods.findByName(DEFAULT_PERIOD_NAME) as Period;
  const wanted = opts.instrumentVersion;
  const instrumentId = wanted === undefined ? period.instrumentId : repos.periodSetup.listInstruments().find((i) => i.version === wanted)?.id;
  if (instrumentId === undefined) throw new Error(`no instrument version ${wanted}`);
  // NOTE: the template's period has no answers yet, so moving it to another version is safe.
  if (instrumentId !== period.instrumentId) db.prepare('UPDATE periods SET instrument_id = ? WHERE id = ?').run(instrumentId, period.id);
  const instrument = repos.instruments.findById(instrumentId) as Instrument;
  const modules = createModules({ db, config });
  return { app: createApp({ db, config }, modules), db, repos, modules, periodId: period.id, instrument };
}

let counter = 0;
let cachedHash: string | null = null;

/** Creates a user (password TEST_PASSWORD); a narahubung needs a unitId. */
export async function buildUser(repos: Repos, overrides: { role: Role; unitId?: number | null; username?: string }): Promise<{ id: number; username: string }> {
  cachedHash ??= await hashPassword(TEST_PASSWORD, testConfig().passwordCost);
  const username = overrides.username ?? `${overrides.role}${++counter}`;
  const id = repos.users.insert({
    username,
    displayName: `Pengguna ${username}`,
    passwordHash: cachedHash,
    role: overrides.role,
    unitId: overrides.unitId ?? null,
  });
  return { id, username };
}

/** Unit id by code (e.g. KEC-BUSANG). */
export function unitId(repos: Repos, code: string): number {
  const u = repos.units.findByCode(code);
  if (!u) throw new Error(`no unit ${code}`);
  return u.id;
}

/**
 * Stores an assessment with answers: `levels` maps indicator code → level or 'na'; unlisted indicators get
 * `fill` (default: left unanswered). A verified one is credited to `verifiedBy` when given.
 */
export function buildAssessment(
  ctx: TestContext,
  opts: { unitId: number; status?: AssessmentStatus; levels?: Record<string, number | 'na'>; fill?: number; userId: number; verifiedBy?: number },
): number {
  const a = ctx.repos.assessments.findOrCreate(ctx.periodId, opts.unitId);
  for (const ind of ctx.instrument.aspects.flatMap((x) => x.indicators)) {
    const v = opts.levels?.[ind.code] ?? opts.fill;
    if (v === undefined) continue;
    ctx.repos.assessments.upsertAnswer({ assessmentId: a.id, code: ind.code, level: v === 'na' ? null : v, isNa: v === 'na', note: '', userId: opts.userId });
  }
  if (opts.status && opts.status !== 'draf') ctx.repos.assessments.setStatus(a.id, opts.status, opts.verifiedBy ?? null);
  return a.id;
}

/** The CSRF token in a rendered page. */
export function csrfFrom(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m?.[1]) throw new Error('no csrf token in page');
  return m[1];
}

/** A supertest agent signed in as the user; returns the agent and a fresh CSRF token. */
export async function loginAs(app: Express, username: string, password = TEST_PASSWORD) {
  const agent = request.agent(app);
  const page = await agent.get('/login');
  const res = await agent.post('/login').type('form').send({ username, password, _csrf: csrfFrom(page.text) });
  if (res.status !== 302) throw new Error(`login failed for ${username}: ${res.status}`);
  const home = await agent.get('/');
  return { agent, csrf: csrfFrom(home.text) };
}

/** A signed-in supertest agent with its CSRF token, as loginAs returns it. */
export type TestSession = Awaited<ReturnType<typeof loginAs>>;
export type Agent = TestSession['agent'];
