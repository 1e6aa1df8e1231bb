import path from 'node:path';
import { z } from 'zod';
import { TEMPLATES_DIR } from '../shared/paths';

/** argon2id cost parameters for new password hashes (a stored hash carries its own, so any cost verifies). */
export interface PasswordCost {
  /** KiB of memory per hash. */
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/** What production hashes cost: argon2's own defaults (64 MiB, t=3, p=4), about 150 ms on the server. */
export const PRODUCTION_PASSWORD_COST: PasswordCost = { memoryCost: 65_536, timeCost: 3, parallelism: 4 };

/** NOTE: tests only. A hash in about a millisecond, so a suite that creates hundreds of accounts stays fast. */
export const TEST_PASSWORD_COST: PasswordCost = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

/** The environment that gives a server or CLI process started by a test TEST_PASSWORD_COST. */
export const TEST_PASSWORD_ENV = {
  PASSWORD_MEMORY_KIB: String(TEST_PASSWORD_COST.memoryCost),
  PASSWORD_TIME_COST: String(TEST_PASSWORD_COST.timeCost),
  PASSWORD_PARALLELISM: String(TEST_PASSWORD_COST.parallelism),
} as const;

const booleanFlag = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true');

const ENV_SCHEMA = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  ADMIN_PASSWORD: z.string().min(8, 'minimal 8 karakter').optional(),
  SESSION_SECRET: z.string().min(16, 'minimal 16 karakter').optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(120),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  DEMO: booleanFlag,
  TRUST_PROXY: booleanFlag,
  PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, 'harus alamat lengkap, mis. https://sp4n.kutaitimurkab.go.id')
    .transform((v) => v.replace(/\/+$/, ''))
    .optional(),
  UPLOAD_MAX_MB: z.coerce.number().positive('harus lebih dari 0').max(200, 'maksimal 200').default(10),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  // argon2id cost of new password hashes; the defaults are production's. Lower only on a machine too small for them.
  PASSWORD_MEMORY_KIB: z.coerce.number().int().min(1024, 'minimal 1024').max(1_048_576, 'maksimal 1048576').default(PRODUCTION_PASSWORD_COST.memoryCost),
  PASSWORD_TIME_COST: z.coerce.number().int().min(1, 'minimal 1').max(10, 'maksimal 10').default(PRODUCTION_PASSWORD_COST.timeCost),
  PASSWORD_PARALLELISM: z.coerce.number().int().min(1, 'minimal 1').max(16, 'maksimal 16').default(PRODUCTION_PASSWORD_COST.parallelism),
});

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  dbFile: string;
  adminPassword: string | undefined;
  sessionSecret: string | undefined;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  demo: boolean;
  trustProxy: boolean;
  /**
   * The address people reach the app at (PUBLIC_URL, no trailing slash), for links they pass on: set-password links
   * and WhatsApp reminders. Unset: taken from each request's Host header.
   */
  publicUrl: string | null;
  env: 'development' | 'production' | 'test';
  templatesDir: string;
  /** Largest evidence file accepted, in bytes (UPLOAD_MAX_MB). */
  uploadMaxBytes: number;
  /** Cost of new password hashes (and of the dummy hash an unknown user name is checked against). */
  passwordCost: PasswordCost;
}

export class ConfigError extends Error {}

/**
 * Reads and validates the environment. Throws ConfigError listing every bad variable by name.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = ENV_SCHEMA.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `- ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Konfigurasi tidak valid:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const dataDir = path.resolve(c.DATA_DIR);
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir,
    dbFile: path.join(dataDir, 'sp4n.sqlite'),
    adminPassword: c.ADMIN_PASSWORD,
    sessionSecret: c.SESSION_SECRET,
    sessionIdleMs: c.SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: c.SESSION_ABSOLUTE_HOURS * 3_600_000,
    demo: c.DEMO,
    trustProxy: c.TRUST_PROXY,
    publicUrl: c.PUBLIC_URL ?? null,
    env: c.NODE_ENV,
    templatesDir: TEMPLATES_DIR,
    uploadMaxBytes: Math.round(c.UPLOAD_MAX_MB * 1024 * 1024),
    passwordCost: { memoryCost: c.PASSWORD_MEMORY_KIB, timeCost: c.PASSWORD_TIME_COST, parallelism: c.PASSWORD_PARALLELISM },
  };
}

/** Config for tests: in-memory friendly defaults, cheap password hashing, no environment read. */
export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir: path.resolve('data-test'),
    dbFile: ':memory:',
    adminPassword: undefined,
    sessionSecret: 'test-secret-test-secret',
    sessionIdleMs: 120 * 60_000,
    sessionAbsoluteMs: 12 * 3_600_000,
    demo: false,
    trustProxy: false,
    publicUrl: null,
    env: 'test',
    templatesDir: TEMPLATES_DIR,
    uploadMaxBytes: 10 * 1024 * 1024,
    passwordCost: TEST_PASSWORD_COST,
    ...overrides,
  };
}
