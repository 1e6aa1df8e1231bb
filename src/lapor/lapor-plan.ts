import type { InstansiDecisions, InstansiMatch, MatchableUnit, UnitMatcher } from './instansi-match';
import type { LaporReport, ReadReport, ReadRows, RowRefusal } from './lapor-rows';

/**
 * What applying an export would do: rows read, refused, outside the period, left out for other instansi, duplicates by
 * tracking ID, and per unit how many reports are new and how many update stored ones. Pure; the preview shows it and
 * applying stores exactly its `apply` list.
 */

export interface InstansiLine {
  key: string;
  /** The name as the file writes it (the first spelling met). */
  name: string;
  rows: number;
  match: InstansiMatch;
}

export interface UnitLine {
  unitId: number;
  code: string;
  name: string;
  rows: number;
  inserted: number;
  updated: number;
}

export interface DuplicateLine {
  trackingId: string;
  /** Every row holding the ID; the last one is kept. */
  rows: number[];
}

export type ApplyReport = LaporReport & { unitId: number };

export interface LaporPlan {
  /** Rows with any text below the header. */
  rowsRead: number;
  refused: RowRefusal[];
  /** Rows received in another year than the period's (left out). */
  outsidePeriod: number;
  instansi: InstansiLine[];
  /** Rows of instansi without a confirmed or exact unit (left out). */
  leftOut: number;
  duplicates: DuplicateLine[];
  units: UnitLine[];
  apply: ApplyReport[];
  inserted: number;
  updated: number;
}

export interface PlanInput {
  read: ReadRows;
  matcher: UnitMatcher;
  decisions: InstansiDecisions;
  units: readonly MatchableUnit[];
  /** Tracking IDs already stored for the period. */
  existing: ReadonlySet<string>;
  periodYear: number;
}

function instansiLines(reports: readonly ReadReport[], p: PlanInput): Map<string, InstansiLine> {
  const lines = new Map<string, InstansiLine>();
  for (const r of reports) {
    const key = p.matcher.key(r.instansi);
    const line = lines.get(key);
    if (line) line.rows++;
    else lines.set(key, { key, name: r.instansi, rows: 1, match: p.matcher.match(r.instansi, p.decisions) });
  }
  return lines;
}

/** The last row per tracking ID, and the IDs that appear more than once. */
function lastPerId(rows: readonly (ReadReport & { unitId: number })[]): { kept: (ReadReport & { unitId: number })[]; duplicates: DuplicateLine[] } {
  const byId = new Map<string, (ReadReport & { unitId: number })[]>();
  for (const r of rows) {
    const list = byId.get(r.trackingId);
    if (list) list.push(r);
    else byId.set(r.trackingId, [r]);
  }
  const kept: (ReadReport & { unitId: number })[] = [];
  const duplicates: DuplicateLine[] = [];
  for (const [trackingId, list] of byId) {
    kept.push(list[list.length - 1] as ReadReport & { unitId: number });
    if (list.length > 1) duplicates.push({ trackingId, rows: list.map((r) => r.row) });
  }
  kept.sort((a, b) => a.row - b.row);
  return { kept, duplicates };
}

export function planLaporImport(p: PlanInput): LaporPlan {
  const year = String(p.periodYear);
  const inPeriod = p.read.reports.filter((r) => r.receivedOn.slice(0, 4) === year);
  const instansi = instansiLines(inPeriod, p);
  const matched = inPeriod.flatMap((r) => {
    const unitId = instansi.get(p.matcher.key(r.instansi))?.match.unitId ?? null;
    return unitId === null ? [] : [{ ...r, unitId }];
  });
  const { kept, duplicates } = lastPerId(matched);
  const unitLines = new Map<number, UnitLine>();
  for (const u of p.units) unitLines.set(u.id, { unitId: u.id, code: u.code, name: u.name, rows: 0, inserted: 0, updated: 0 });
  let inserted = 0;
  for (const r of kept) {
    const line = unitLines.get(r.unitId);
    const isNew = !p.existing.has(r.trackingId);
    if (isNew) inserted++;
    if (line) {
      line.rows++;
      if (isNew) line.inserted++;
      else line.updated++;
    }
  }
  const apply = kept.map(({ row: _row, instansi: _instansi, ...rest }) => rest);
  return {
    rowsRead: p.read.reports.length + p.read.refused.length,
    refused: p.read.refused,
    outsidePeriod: p.read.reports.length - inPeriod.length,
    instansi: [...instansi.values()].sort((a, b) => b.rows - a.rows || a.name.localeCompare(b.name, 'id')),
    leftOut: inPeriod.length - matched.length,
    duplicates,
    units: [...unitLines.values()].filter((u) => u.rows > 0),
    apply,
    inserted,
    updated: kept.length - inserted,
  };
}
