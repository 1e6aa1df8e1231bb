/** Yearly targets as typed: a count of units per plan year, or null where the year is left empty. */
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
 * Checks yearly targets against SPEC.md: each a whole number of units from 0 to `max` (the units the row's indicator
 * applies to), never lower than an earlier year's. Returns one message per bad year, keyed by the year, each naming
 * the year.
 */
export function checkTargets(targets: Record<string, number | null | 'invalid' | undefined>, years: number[], max: number): Record<string, string> {
  const errors: Record<string, string> = {};
  let previous: { year: number; value: number } | null = null;
  for (const year of years) {
    const value = targets[String(year)];
    if (value === null || value === undefined) continue;
    if (value === 'invalid' || !Number.isInteger(value)) {
      errors[year] = `Target ${year} harus berupa bilangan bulat 0–${max} (jumlah unit).`;
      continue;
    }
    if (value < 0) errors[year] = `Target ${year} tidak boleh kurang dari 0.`;
    else if (value > max) errors[year] = `Target ${year} (${value}) melebihi jumlah unit yang dinilai pada indikator ini (${max}).`;
    else if (previous && value < previous.value) {
      errors[year] = `Target ${year} (${value}) lebih kecil dari target ${previous.year} (${previous.value}); jumlah unit yang mencapai target tidak boleh turun.`;
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

/**
 * A row's yearly values for new plan years. `drafted` (the values computed for the new years, or null when nothing is
 * computed for the row) replaces values nobody typed. Typed values are kept for the years that remain; a new later
 * year carries the previous year's value forward and a new earlier year takes the drafted value, capped by the first
 * typed one when the values are numbers (so counts still never decrease). Years outside the plan are dropped.
 */
export function retargetForYears<T extends number | string>(
  row: { values: Record<string, T>; keepTyped: boolean },
  drafted: Record<string, T> | null,
  years: number[],
): Record<string, T> {
  if (!row.keepTyped && drafted) return Object.fromEntries(years.map((y) => [String(y), drafted[String(y)] as T]).filter((e) => e[1] !== undefined));
  const out: Record<string, T> = {};
  let carry: T | null = null;
  for (const year of years) {
    const typed = row.values[String(year)];
    if (typed !== undefined) carry = typed;
    if (carry !== null) out[year] = carry;
  }
  const firstTyped = years.map((y) => out[y]).find((v): v is T => v !== undefined);
  if (drafted) {
    for (const year of years) {
      if (out[year] !== undefined) break;
      const d = drafted[String(year)];
      if (d === undefined) continue;
      out[year] = typeof d === 'number' && typeof firstTyped === 'number' ? (Math.min(d, firstTyped) as T) : d;
    }
  }
  return out;
}
