import { lowerWorkerThreadPriority } from '../shared/worker-thread';
import { buildNarrativeDocx } from './narrative-docx';
import type { NarrativeDocument } from './narrative-model';

lowerWorkerThreadPriority();

/** Runs in the worker pool: the narrative .docx (its chart drawn here too) from its document (plain data). */
export async function buildNarrativeDocxBytes(doc: NarrativeDocument): Promise<Uint8Array> {
  return buildNarrativeDocx(doc);
}
