import { lowerWorkerThreadPriority } from '../shared/worker-thread';
import { buildUnitPlanDocx } from './unit-plan-docx';
import type { UnitPlanDocument } from './unit-plan-model';

lowerWorkerThreadPriority();

/** Runs in the worker pool: a unit's own Renaksi .docx from its document (plain data). */
export async function buildUnitPlanDocxBytes(doc: UnitPlanDocument): Promise<Uint8Array> {
  return buildUnitPlanDocx(doc);
}
