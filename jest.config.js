/**
 * Two projects, one run:
 * - "unit+http": pure functions and supertest against createApp, each file on its own in-memory database, so they
 *   run in parallel workers.
 * - "browser+integration": real Chromium, child server processes, temp folders and SIGKILL; they are heavy and
 *   time-sensitive, so they run one file at a time (test/serial-runner.js) after the parallel ones.
 * TypeScript is compiled once, by swc (no type check here: `npm test` runs `tsc --noEmit` first).
 * @type {import('jest').Config}
 */
const common = {
  testEnvironment: 'node',
  testMatch: ['**/*.test.ts'],
  transform: {
    // NOTE: the same options as src/shared/worker-ts-hook.cjs, which compiles the sources for worker threads and
    // for the server and CLI processes the integration tests start.
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
};

module.exports = {
  testTimeout: 60000,
  // NOTE: jest's default is one worker fewer than the cores, a single worker on a 2-core machine; the main process
  // only collects results while the workers run.
  maxWorkers: '100%',
  // Builds the migrated and seeded template database once per run; every test context starts from a copy.
  globalSetup: '<rootDir>/test/helpers/global-setup.ts',
  globalTeardown: '<rootDir>/test/helpers/global-teardown.ts',
  projects: [
    { ...common, displayName: 'unit+http', roots: ['<rootDir>/test/unit', '<rootDir>/test/http'] },
    { ...common, displayName: 'browser+integration', roots: ['<rootDir>/test/browser', '<rootDir>/test/integration'], runner: '<rootDir>/test/serial-runner.js' },
  ],
};
