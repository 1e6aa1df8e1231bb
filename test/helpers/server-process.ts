import { spawnSync } from 'node:child_process';
import { TEST_PASSWORD_ENV } from '../../src/config/config';
import { CLI_JS, startServer as startServerProcess, type ServerProcess } from '../../src/bench/server-process';

export { CLI_JS, SERVER_JS, exited, freePort, type ServerProcess } from '../../src/bench/server-process';

/** The production server as a child process, hashing passwords at the test cost (env may override). */
export function startServer(env: NodeJS.ProcessEnv, timeoutMs?: number): Promise<ServerProcess> {
  return startServerProcess({ ...TEST_PASSWORD_ENV, ...env }, timeoutMs);
}

/** The compiled CLI as a child process, hashing passwords at the test cost (env may override). */
export function runCliProcess(args: string[], env: NodeJS.ProcessEnv): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI_JS, ...args], { env: { ...process.env, ...TEST_PASSWORD_ENV, ...env }, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
