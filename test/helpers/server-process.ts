import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { TEST_PASSWORD_ENV } from '../../src/config/config';
import { startServer as startServerProcess, type ServerProcess } from '../../src/bench/server-process';
import { PROJECT_ROOT } from '../../src/shared/paths';

export { exited, freePort, type ServerProcess } from '../../src/bench/server-process';

/**
 * The server and the CLI run in child processes from the TypeScript sources, compiled on load by swc as under jest
 * (src/shared/worker-ts-hook.cjs): what the tests exercise is the code as it is now, with no build step before them.
 */
const FROM_SOURCES = ['--require', path.join(PROJECT_ROOT, 'src', 'shared', 'worker-ts-hook.cjs')];
const SERVER_TS = path.join(PROJECT_ROOT, 'src', 'server.ts');
const CLI_TS = path.join(PROJECT_ROOT, 'src', 'cli.ts');

/** The production server as a child process, hashing passwords at the test cost (env may override). */
export function startServer(env: NodeJS.ProcessEnv, timeoutMs?: number): Promise<ServerProcess> {
  return startServerProcess({ ...TEST_PASSWORD_ENV, ...env }, timeoutMs, [...FROM_SOURCES, SERVER_TS]);
}

/** The CLI as a child process, hashing passwords at the test cost (env may override). */
export function runCliProcess(args: string[], env: NodeJS.ProcessEnv): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [...FROM_SOURCES, CLI_TS, ...args], { env: { ...process.env, ...TEST_PASSWORD_ENV, ...env }, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
