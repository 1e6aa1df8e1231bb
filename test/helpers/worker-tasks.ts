import crypto from 'node:crypto';
import os from 'node:os';
import { lowerWorkerThreadPriority } from '../../src/shared/worker-thread';

/** Tasks for the worker pool tests (run inside a worker thread). */

/** Keeps allocating until the worker's heap ceiling ends it. */
export function exhaustMemory(): number {
  const kept: number[][] = [];
  for (;;) kept.push(Array.from({ length: 1_000_000 }, (_v, i) => i + kept.length));
}

/** A "build" that never finishes growing. */
export function hugeBuild(): Uint8Array {
  exhaustMemory();
  return new Uint8Array();
}

/** Holds its thread for `ms` without yielding. */
export function spin(ms: number): number {
  const end = Date.now() + ms;
  let n = 0;
  while (Date.now() < end) n++;
  return n;
}

/** 16 random bytes: equal inputs built twice would give different bytes, so a cache hit is visible. */
export function randomBuild(input: { name: string }): Uint8Array {
  return new Uint8Array(Buffer.concat([Buffer.from(`${input.name}:`), crypto.randomBytes(16)]));
}

/** The scheduling priority of the worker thread once it has lowered itself as every task module does. */
export function threadPriority(): number {
  lowerWorkerThreadPriority();
  return os.getPriority(0);
}
