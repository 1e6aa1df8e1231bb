import { yearlyTargets } from './renaksi-draft';

/** Yearly targets as typed: a level per plan year, or null where the year is left empty. */
export type TargetEntries = Record<string, number | null>;

/**
 * Reads one typed target: '' → null (no target that year), a whole number → that number, anything else → 'invalid'.
 * Accepts what a form or a spreadsheet cell gives (string, number, null).
 */
export function parseTarget(raw: unknown): number | null | 'invalid' {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : 'invalid';
  if (typeof raw !== 'string') return 'invalid';
  const text = raw.trim();
  if (text === '') return null;
  if (!/^-?\d+([.,]\d+)?$/.test(text)) return 'invalid';
  return Number(text.replace(',', '.'));
}

/**
 * Checks yearly targets against SPEC.md: each a whole level from 0 to `max` (the instrument's top level), never lower
 * than an earlier year's. Returns one message per bad year, keyed by the year, each naming the year.
 */
export function checkTargets(targets: Record<string, number | null | 'invalid' | undefined>, years: number[], max: number): Record<string, string> {
  const errors: Record<string, string> = {};
  let previous: { year: number; value: number } | null = null;
  for (const year of years) {
    const value = targets[String(year)];
    if (value === null || value === undefined) continue;
    if (value === 'invalid' || !Number.isInteger(value)) {
      errors[year] = `Target ${year} harus berupa bilangan bulat 0–${max}.`;
      continue;
    }
    if (value < 0) errors[year] = `Target ${year} tidak boleh kurang dari 0.`;
    else if (value > max) errors[year] = `Target ${year} (${value}) melebihi level tertinggi ${max}.`;
    else if (previous && value < previous.value) {
      errors[year] = `Target ${year} (${value}) lebih rendah dari target ${previous.year} (${previous.value}); target tahunan tidak boleh turun.`;
    }
    if (!errors[year]) previous = { year, value };
  }
  return errors;
}

/** Drops the empty years: what is stored for a row (a plan year without a target is absent). */
export function compactTargets(targets: TargetEntries): Record<string, number> {
  return Object.fromEntries(Object.entries(targets).filter((e): e is [string, number] => typeof e[1] === 'number'));
}

/** Two target sets are the same when every year in either has the same level. */
export function sameTargets(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if (a[k] !== b[k]) return false;
  return true;
}

export interface RetargetInput {
  targets: Record<string, number>;
  /** Level the draft computed the targets from; null for manual rows and rows drafted before it was stored. */
  baseLevel: number | null;
  /** The indicator's final target; null when the row has no indicator. */
  finalTarget: number | null;
  /** True when the team set the targets by hand (or the row is manual): those values are kept. */
  keepTyped: boolean;
}

/**
 * The targets of a row for new plan years. Drafted targets nobody edited are recomputed by the SPEC.md rule
 * min(T, L + k). Typed targets are kept for the years that remain; a new later year carries the previous year's
 * value forward and a new earlier year takes the drafted value capped by the first typed one, so targets still
 * never decrease. Years outside the plan are dropped.
 */
export function retargetForYears(row: RetargetInput, years: number[]): Record<string, number> {
  const drafted = row.baseLevel !== null && row.finalTarget !== null ? yearlyTargets(row.baseLevel, row.finalTarget, years) : null;
  if (!row.keepTyped && drafted) return drafted;
  const out: Record<string, number> = {};
  let carry: number | null = null;
  for (const year of years) {
    const typed = row.targets[String(year)];
    if (typeof typed === 'number') carry = typed;
    if (carry !== null) out[year] = carry;
  }
  const firstTyped = years.map((y) => out[y]).find((v): v is number => typeof v === 'number');
  if (drafted) {
    for (const year of years) {
      if (out[year] !== undefined) break;
      const d = drafted[String(year)] as number;
      out[year] = firstTyped === undefined ? d : Math.min(d, firstTyped);
    }
  }
  return out;
}
