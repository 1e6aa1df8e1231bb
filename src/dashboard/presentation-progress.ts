import type { Progress } from '../progress';

/**
 * The kemajuan slide's numbers (progress between periods) as stored in the presentation's JSON and its snapshots:
 * kabupaten figures only, never a unit's name, so hiding names needs nothing here.
 */
export interface PresentedProgress {
  compare: { name: string; year: number } | null;
  year: number;
  index: { then: number | null; now: number | null; change: number | null } | null;
  aspects: { code: string; name: string; then: number | null; now: number | null; change: number | null }[];
  movement: { up: number; same: number; down: number; comparable: number; added: number; removed: number } | null;
  plan: {
    periodName: string;
    years: number[];
    year: number;
    aspects: { code: string; name: string; expected: number; achieved: number }[];
    /** Lampiran I rows measured this year, and of those the ones with at least the expected units at target. */
    rows: number;
    rowsOnTarget: number;
  } | null;
}

/** The slide's numbers from the progress figures; null when there is neither a period to compare with nor a plan. */
export function presentProgress(p: Progress): PresentedProgress | null {
  const c = p.comparison;
  if (!c && !p.plan) return null;
  const measured = p.plan?.progress.rows.filter((r) => r.achieved !== null && r.expected !== null) ?? [];
  return {
    compare: p.compare && { name: p.compare.name, year: p.compare.year },
    year: p.period.year,
    index: c && { then: c.kabupaten.then, now: c.kabupaten.now, change: c.kabupaten.change },
    aspects: (c?.aspects ?? []).map((a) => ({ code: a.code, name: a.name, then: a.then, now: a.now, change: a.change })),
    movement: c && c.movement,
    plan: p.plan && {
      periodName: p.plan.planPeriod.name, years: p.plan.years, year: p.plan.progress.year,
      aspects: p.plan.progress.aspects.map((a) => ({ code: a.code, name: a.name, expected: a.expected, achieved: a.achieved })),
      rows: measured.length,
      rowsOnTarget: measured.filter((r) => (r.achieved as number) >= (r.expected as number)).length,
    },
  };
}
