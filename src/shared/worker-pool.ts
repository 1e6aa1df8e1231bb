import os from 'node:os';
import path from 'node:path';
import Piscina from 'piscina';
import { AppError } from '../errors/app-error';

/**
 * One pool of worker threads for work that would otherwise hold the request thread for long: reading uploaded
 * spreadsheets and building workbooks. Each worker has a memory ceiling (resourceLimits) and each task a time limit,
 * so a hostile file can exhaust neither the server's memory nor other people's patience; past either the worker is
 * replaced and the task fails with WorkerLimitError. Tasks are plain functions of plain data in their own modules.
 */

/** A task: the export `name` of the module at `filename` (without extension), taking I and resolving to O. */
export interface WorkerTask<I, O> {
  readonly filename: string;
  readonly name: string;
  /** Carries the input and output types only. */
  readonly types?: (input: I) => O;
}

type TaskModule<K extends string> = Record<K, (input: never) => unknown>;

/**
 * Names a task function exported by a module, checked against the module's type:
 * `workerTask<typeof TaskModule, 'readSpreadsheetTask'>(path.join(__dirname, 'spreadsheet.task'), 'readSpreadsheetTask')`.
 */
export function workerTask<M extends TaskModule<K>, K extends keyof M & string>(file: string, name: K): WorkerTask<Parameters<M[K]>[0], Awaited<ReturnType<M[K]>>> {
  return { filename: file.replace(/\.[cm]?[jt]s$/, ''), name };
}

/** The task ran past its time or its worker past its memory ceiling; the worker has been replaced. */
export class WorkerLimitError extends Error {
  constructor(readonly limit: 'time' | 'memory') {
    super(`worker task exceeded its ${limit} limit`);
  }
}

/**
 * Memory ceiling of each worker's heap: room for building a province-sized workbook with exceljs (Kutai Timur's
 * Renaksi peaks near 65 MB); a spreadsheet being read holds far less (its unpacked bytes are capped first).
 * NOTE: the server's resident memory includes every worker's heap.
 */
const WORKER_HEAP_MB = 256;
/** Tasks waiting beyond these are refused (503) rather than queued without end. */
const MAX_QUEUE = 64;
const IDLE_MS = 60_000;
const FROM_SOURCES = __filename.endsWith('.ts');

let pool: Piscina | null = null;

function workerPool(): Piscina {
  pool ??= new Piscina({
    minThreads: 1,
    maxThreads: Math.max(1, Math.min(4, os.availableParallelism())),
    idleTimeout: IDLE_MS,
    maxQueue: MAX_QUEUE,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 16 },
    execArgv: FROM_SOURCES ? ['--require', path.join(__dirname, 'worker-ts-hook.cjs')] : [],
  });
  return pool;
}

const codeOf = (err: unknown) => (err as { code?: unknown } | null)?.code;

/**
 * Runs a task in the pool. Rejects with WorkerLimitError past `timeoutMs` or the worker's memory ceiling, with a 503
 * when too many tasks already wait, and with the task's own error otherwise.
 */
export async function runInWorker<I, O>(task: WorkerTask<I, O>, input: I, opts: { timeoutMs: number }): Promise<O> {
  try {
    return (await workerPool().run(input, { filename: task.filename, name: task.name, signal: AbortSignal.timeout(opts.timeoutMs) })) as O;
  } catch (err) {
    if (err instanceof Error && err.name === 'AbortError') throw new WorkerLimitError('time');
    if (codeOf(err) === 'ERR_WORKER_OUT_OF_MEMORY') throw new WorkerLimitError('memory');
    if (err instanceof Error && err.message === 'Task queue is at limit') {
      throw new AppError(503, 'server-busy', 'Server sedang memproses banyak berkas sekaligus. Coba lagi beberapa saat lagi.');
    }
    throw err;
  }
}
