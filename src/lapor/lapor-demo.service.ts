import { findHeaderRow } from './lapor-columns';
import { applyPlan, planHeld } from './lapor-import.service';
import type { LaporContext } from './lapor-context';

export interface DemoLaporInput {
  periodId: number;
  fileName: string;
  exportDate: string;
  /** The export's rows, header first. */
  table: string[][];
  daysOff: { day: string; note: string }[];
  /** Reports agreed per unit code (E3). */
  targetOf: (unitCode: string) => number;
}

/**
 * Demo data (DEMO=1): imports the export through the same reading, matching and apply as an admin's upload, enters
 * the days off and the targets. Does nothing when the period already has an import. Returns whether it imported.
 */
export function seedLaporDemo(ctx: LaporContext, d: DemoLaporInput): boolean {
  if (ctx.repo.stamp(d.periodId).imports > 0) return false;
  const headerRow = findHeaderRow(d.table);
  const { plan } = planHeld(ctx, { header: d.table[headerRow] ?? [], headerRow, table: d.table, exportDate: d.exportDate, periodId: d.periodId });
  if (!plan) throw new Error('Data demo SP4N-LAPOR! tanpa kolom wajib');
  ctx.db.transaction(() => {
    for (const off of d.daysOff) ctx.repo.addDayOff(off.day, off.note, null);
    for (const u of ctx.periodUnits(d.periodId)) ctx.repo.setTarget(d.periodId, u.id, d.targetOf(u.code));
    applyPlan(ctx, { periodId: d.periodId, fileName: d.fileName, exportDate: d.exportDate, plan, source: 'demo', userId: null });
  })();
  return true;
}
