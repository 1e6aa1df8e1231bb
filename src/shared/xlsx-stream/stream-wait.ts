import type { EventEmitter } from 'node:events';
import type { Writable } from 'node:stream';

/**
 * Resolves when `emitter` emits `event`; rejects if it or the destination `out` fails, or if `out` closes first
 * (the client went away), so a writer waiting for room never hangs on a dead connection. Listeners are removed
 * either way.
 */
export function waitFor(emitter: EventEmitter, event: string, out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    if (out.destroyed) {
      reject(new Error('the destination stream is closed'));
      return;
    }
    const cleanup = (): void => {
      emitter.off(event, onEvent);
      emitter.off('error', onError);
      out.off('error', onError);
      out.off('close', onClose);
    };
    const onEvent = (): void => {
      cleanup();
      resolve();
    };
    const onError = (err: Error): void => {
      cleanup();
      reject(err);
    };
    const onClose = (): void => {
      cleanup();
      reject(new Error('the destination stream closed before the workbook was written'));
    };
    emitter.on(event, onEvent);
    emitter.on('error', onError);
    if (emitter !== out) out.on('error', onError);
    out.on('close', onClose);
  });
}
