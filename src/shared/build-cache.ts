import crypto from 'node:crypto';
import { AppError } from '../errors/app-error';
import { runInWorker, WorkerLimitError, type WorkerTask } from './worker-pool';

/**
 * Files built in the worker pool from plain data, kept by a fingerprint of that data: the same input gives the bytes
 * already built, without a build and without the request thread doing more than hashing the input. Requests that
 * arrive while the same input is being built wait for that one build. The least recently used files go first once
 * the cache holds more than its byte budget.
 */

export interface BuildCache {
  /** The bytes `task` builds from `input`: from the cache when this input was built before, else built now. */
  get<I>(task: WorkerTask<I, Uint8Array>, input: I): Promise<Buffer>;
}

/** How long one build may take before it is given up (a country's Renaksi workbook, 30.039 units, streams in about 20 s). */
const BUILD_TIMEOUT_MS = 60_000;

/** SHA-256 of the task and its input as JSON: equal inputs, equal fingerprints. */
function buildFingerprint(task: WorkerTask<unknown, unknown>, input: unknown): string {
  return crypto.createHash('sha256').update(`${task.filename}#${task.name}\n`).update(JSON.stringify(input ?? null)).digest('hex');
}

/**
 * Runs a build task in the pool and hands back its bytes as a Buffer (they cross the thread as a Uint8Array). A build
 * past the worker's memory or time ceiling is a 503 that says so, not a generic failure.
 */
export async function buildInWorker<I>(task: WorkerTask<I, Uint8Array>, input: I): Promise<Buffer> {
  try {
    const bytes = await runInWorker(task, input, { timeoutMs: BUILD_TIMEOUT_MS });
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } catch (err) {
    if (err instanceof WorkerLimitError) {
      throw new AppError(503, 'build-limit', 'Dokumen tidak dapat dibuat karena melampaui batas memori atau waktu pembuatan di server. Hubungi admin.');
    }
    throw err;
  }
}

export function createBuildCache(maxBytes: number): BuildCache {
  const built = new Map<string, Buffer>();
  const building = new Map<string, Promise<Buffer>>();
  let held = 0;

  const keep = (key: string, bytes: Buffer) => {
    built.set(key, bytes);
    held += bytes.length;
    for (const [oldest, b] of built) {
      if (held <= maxBytes) break;
      built.delete(oldest);
      held -= b.length;
    }
  };

  return {
    async get(task, input) {
      const key = buildFingerprint(task as WorkerTask<unknown, unknown>, input);
      const hit = built.get(key);
      if (hit) {
        built.delete(key);
        built.set(key, hit);
        return hit;
      }
      const pending = building.get(key) ?? buildInWorker(task, input);
      building.set(key, pending);
      try {
        const bytes = await pending;
        if (!built.has(key)) keep(key, bytes);
        return bytes;
      } finally {
        building.delete(key);
      }
    },
  };
}
