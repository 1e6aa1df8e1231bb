import { spawnSync } from 'node:child_process';
import { CLI_JS } from '../../src/bench/server-process';

export { CLI_JS, SERVER_JS, exited, freePort, startServer, type ServerProcess } from '../../src/bench/server-process';

export function runCliProcess(args: string[], env: NodeJS.ProcessEnv): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI_JS, ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
