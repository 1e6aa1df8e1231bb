import fs from 'node:fs';
import os from 'node:os';
import { isMainThread } from 'node:worker_threads';

/** How much less the pool's threads weigh with the scheduler than the thread that serves requests (nice +10). */
export const WORKER_NICE = 10;

/**
 * Lowers the scheduling priority of the calling worker thread, so that while a long parse or build runs, the thread
 * that serves requests gets a processor first the moment a request arrives. Each task module calls it when it loads
 * in a worker. Linux: setpriority(2) on the thread's own id (read from /proc/thread-self) affects that thread only;
 * elsewhere, or where it is not allowed, nothing changes. Never touches the request thread.
 */
export function lowerWorkerThreadPriority(): void {
  if (isMainThread) return;
  try {
    const tid = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isSafeInteger(tid) && os.getPriority(tid) < WORKER_NICE) os.setPriority(tid, WORKER_NICE);
  } catch {
    // Not Linux, or not permitted: the thread keeps the process's priority.
  }
}
