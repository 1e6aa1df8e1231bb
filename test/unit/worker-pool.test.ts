import os from 'node:os';
import path from 'node:path';
import { createBuildCache } from '../../src/shared/build-cache';
import { runInWorker, workerTask, WorkerLimitError } from '../../src/shared/worker-pool';
import { WORKER_NICE } from '../../src/shared/worker-thread';
import type * as Tasks from '../helpers/worker-tasks';

const file = path.join(__dirname, '../helpers/worker-tasks');
const exhaustMemory = workerTask<typeof Tasks, 'exhaustMemory'>(file, 'exhaustMemory');
const spin = workerTask<typeof Tasks, 'spin'>(file, 'spin');
const randomBuild = workerTask<typeof Tasks, 'randomBuild'>(file, 'randomBuild');
const threadPriority = workerTask<typeof Tasks, 'threadPriority'>(file, 'threadPriority');
const hugeBuild = workerTask<typeof Tasks, 'hugeBuild'>(file, 'hugeBuild');

/** The longest gap between ticks of a 10 ms timer on this (the request) thread while `run` is pending. */
async function longestStall(run: Promise<unknown>): Promise<number> {
  let last = Date.now();
  let longest = 0;
  const timer = setInterval(() => {
    longest = Math.max(longest, Date.now() - last);
    last = Date.now();
  }, 10);
  await run.catch(() => undefined);
  clearInterval(timer);
  return longest;
}

describe('worker pool', () => {
  it('stops a task past its time limit without holding the request thread, and keeps working afterwards', async () => {
    const started = Date.now();
    const run = runInWorker(spin, 10_000, { timeoutMs: 300 });

    const stall = await longestStall(run);

    await expect(run).rejects.toEqual(new WorkerLimitError('time'));
    expect(Date.now() - started).toBeLessThan(3000);
    expect(stall).toBeLessThan(200);
    await expect(runInWorker(spin, 10, { timeoutMs: 5000 })).resolves.toBeGreaterThan(0);
  });

  it('runs its tasks at a lower scheduling priority than the request thread, which keeps its own', async () => {
    const before = os.getPriority(0);

    const inWorker = await runInWorker(threadPriority, undefined, { timeoutMs: 5000 });

    expect(inWorker).toBe(process.platform === 'linux' ? WORKER_NICE : before);
    expect(os.getPriority(0)).toBe(before);
  });

  it('ends a task that grows past the worker heap ceiling', async () => {
    await expect(runInWorker(exhaustMemory, undefined, { timeoutMs: 30_000 })).rejects.toEqual(new WorkerLimitError('memory'));
    await expect(runInWorker(spin, 10, { timeoutMs: 5000 })).resolves.toBeGreaterThan(0);
  });
});

describe('build cache', () => {
  it('builds an input once: the same input gives the same bytes, another input new ones, concurrent requests one build', async () => {
    const cache = createBuildCache(1024);

    const [a1, a2] = await Promise.all([cache.get(randomBuild, { name: 'a' }), cache.get(randomBuild, { name: 'a' })]);
    const a3 = await cache.get(randomBuild, { name: 'a' });
    const b = await cache.get(randomBuild, { name: 'b' });

    expect(a1.toString('latin1').startsWith('a:')).toBe(true);
    expect(a2.equals(a1)).toBe(true);
    expect(a3.equals(a1)).toBe(true);
    expect(b.equals(a1)).toBe(false);
  });

  it('answers a build past the worker ceiling with a 503 that says so', async () => {
    await expect(createBuildCache(1024).get(hugeBuild, undefined)).rejects.toMatchObject({
      status: 503, message: 'Dokumen tidak dapat dibuat karena melampaui batas memori atau waktu pembuatan di server. Hubungi admin.',
    });
  });

  it('lets the least recently used file go once it holds more than its budget', async () => {
    const cache = createBuildCache(40);
    const a = await cache.get(randomBuild, { name: 'a' });
    await cache.get(randomBuild, { name: 'b' });
    await cache.get(randomBuild, { name: 'c' });

    const again = await cache.get(randomBuild, { name: 'a' });

    expect(again.equals(a)).toBe(false);
  });
});
