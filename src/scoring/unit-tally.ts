import { formatInt } from '../shared/format';

/**
 * Where every unit of a period stands on one indicator: each unit of the period (active, or with an assessment in
 * it) is in exactly one bucket, so `total` is the denominator a reader expects ("12 dari 57 unit"), never only the
 * units that happened to submit.
 */
export interface UnitTally {
  total: number;
  /** Counted (submitted or verified and complete), level below the target. */
  below: number;
  /** Counted, level at or above the target. */
  met: number;
  /** Counted, indicator not applicable (tidak berlaku). */
  na: number;
  /** Not started, draft or returned. */
  notSubmitted: number;
  /** Submitted or verified but with an unanswered indicator. */
  incomplete: number;
}

/** The period's units in a scope (kabupaten or one group) and why the uncounted ones are left out. */
export interface UnitRoster {
  total: number;
  notSubmitted: number;
  incomplete: number;
}

/**
 * Completes an indicator's figures over the counted units (how many have a level, how many of those are below
 * target) with the units the figures leave out. The counted units are total − notSubmitted − incomplete; a counted
 * unit without a level is N/A (counted units answered every indicator).
 */
export function tallyUnits(roster: UnitRoster, applicable: number, below: number): UnitTally {
  const counted = roster.total - roster.notSubmitted - roster.incomplete;
  return {
    total: roster.total,
    below,
    met: applicable - below,
    na: counted - applicable,
    notSubmitted: roster.notSubmitted,
    incomplete: roster.incomplete,
  };
}

/**
 * The units a figure leaves out or that do not apply, as a list ("1 sudah mencapai target, 54 belum mengajukan
 * penilaian"); zero parts are left out, and `met` only when asked.
 */
export function tallyParts(t: UnitTally, opts: { met?: boolean } = {}): string[] {
  const parts: [number, string][] = [
    [opts.met === false ? 0 : t.met, 'sudah mencapai target'],
    [t.na, 'tidak berlaku'],
    [t.notSubmitted, 'belum mengajukan penilaian'],
    [t.incomplete, 'belum lengkap'],
  ];
  return parts.filter(([n]) => n > 0).map(([n, text]) => `${formatInt(n)} ${text}`);
}

/** The units a roster's figures leave out, e.g. ["35 belum mengajukan penilaian", "1 belum lengkap"]; [] when none. */
export function uncountedParts(r: UnitRoster): string[] {
  return tallyParts({ total: r.total, below: 0, met: 0, na: 0, notSubmitted: r.notSubmitted, incomplete: r.incomplete });
}

/**
 * "12 dari 57 unit di bawah target (7 sudah mencapai target, 2 tidak berlaku, 36 belum mengajukan penilaian)": the
 * denominator is every unit of the scope, and the units without a level are named for why.
 */
export function describeBelowTarget(t: UnitTally, noun = 'unit'): string {
  const parts = tallyParts(t);
  return `${formatInt(t.below)} dari ${formatInt(t.total)} ${noun} di bawah target${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
}
