import type { Instrument } from '../instrument';
import { SCORE_EPSILON, type EffectiveLevel, type PeriodScores, type UnitResult } from '../scoring';
import type { AssessmentStatus } from '../shared/assessment-status';
import type { UnitGroup } from '../units';

/**
 * One period against another (SPEC.md, "Monitoring and evaluation"): per unit and indicator the level then and now,
 * per unit the index then and now, per aspect the kabupaten score then and now. Pure: two periods' scores in,
 * plain data out.
 *
 * Rules:
 * - Units are matched by their id (a unit keeps its id through renames). A unit only in the later period is
 *   `added` (not one of the earlier period's units: assessed from a later year, "Dinilai mulai tahun", and not
 *   assessed in it; see src/db/period-units.ts), one only in the earlier period is `removed` (deactivated since, with
 *   no assessment in the later one). Each period's scores list its own units, so no rule about units is needed here.
 * - Indicators and aspects are compared by code where both instruments have the code; a code in one instrument only
 *   is listed on its side with the other side null (`inThen`/`inNow` say which). Revision 2 changed what some codes
 *   measure (D4, E3, D6, F4, C2), so `instrumentChanged` tells a reader the same code may not mean the same thing.
 * - A level counts only for a unit whose assessment is counted in that period (submitted or verified and complete),
 *   the same units every dashboard figure counts; otherwise it is null and the unit's status says why.
 */

/** An indicator's counted level: 0–4, 'na' (tidak berlaku), or null (not counted or not in the instrument). */
export type CountedLevel = EffectiveLevel;

export interface CodeSets {
  /** In both instruments, in the later instrument's order. */
  both: string[];
  onlyThen: string[];
  onlyNow: string[];
}

export interface UnitSide {
  status: AssessmentStatus | 'belum_mulai';
  /** Submitted or verified and complete: its levels and index count. */
  counted: boolean;
  index: number | null;
  category: string | null;
}

export interface IndicatorChange {
  code: string;
  then: CountedLevel;
  now: CountedLevel;
  /** now − then when both are levels; null otherwise. */
  change: number | null;
  inThen: boolean;
  inNow: boolean;
}

export type Presence = 'both' | 'added' | 'removed';

export interface UnitChange {
  unitId: number;
  code: string;
  name: string;
  group: UnitGroup;
  presence: Presence;
  then: UnitSide | null;
  now: UnitSide | null;
  indexChange: number | null;
  indicators: IndicatorChange[];
}

export interface ScoreChange {
  then: number | null;
  now: number | null;
  change: number | null;
}

export interface AspectChange extends ScoreChange {
  code: string;
  name: string;
  inThen: boolean;
  inNow: boolean;
}

export interface PeriodComparison {
  instrumentChanged: boolean;
  indicatorCodes: CodeSets;
  kabupaten: ScoreChange & { groups: Record<UnitGroup, ScoreChange> };
  aspects: AspectChange[];
  units: UnitChange[];
  /** Units counted in both periods, by the direction of their index (a change within ±0,005 is "same"). */
  movement: { up: number; same: number; down: number; comparable: number; added: number; removed: number };
}

const codesOf = (i: Instrument): string[] => i.aspects.flatMap((a) => a.indicators.map((x) => x.code));

/** Indicator codes of two instruments: in both (later order), only in the earlier, only in the later. */
export function compareCodes(then: Instrument, now: Instrument): CodeSets {
  const a = codesOf(then);
  const b = codesOf(now);
  return { both: b.filter((c) => a.includes(c)), onlyThen: a.filter((c) => !b.includes(c)), onlyNow: b.filter((c) => !a.includes(c)) };
}

/** The difference of two scores or levels, null unless both are numbers. */
export function difference(then: number | 'na' | null | undefined, now: number | 'na' | null | undefined): number | null {
  return typeof then === 'number' && typeof now === 'number' ? now - then : null;
}

/** A unit's result counts when it is included (submitted or verified) and complete. */
export function isCounted(u: UnitResult): boolean {
  return u.included && u.score.complete;
}

/** The counted level of a unit on an indicator; null when the unit or the indicator does not count. */
export function countedLevel(u: UnitResult | undefined, code: string): CountedLevel {
  if (!u || !isCounted(u)) return null;
  return u.score.levels[code] ?? null;
}

function side(u: UnitResult | undefined): UnitSide | null {
  if (!u) return null;
  const counted = isCounted(u);
  return { status: u.status, counted, index: counted ? u.score.index : null, category: counted ? u.score.category : null };
}

function unitChange(codes: CodeSets, then: UnitResult | undefined, now: UnitResult | undefined): UnitChange {
  const base = (now ?? then) as UnitResult;
  const t = side(then);
  const n = side(now);
  const all = [...codes.both, ...codes.onlyNow, ...codes.onlyThen];
  const inThen = new Set([...codes.both, ...codes.onlyThen]);
  const inNow = new Set([...codes.both, ...codes.onlyNow]);
  return {
    unitId: base.unitId, code: base.code, name: base.name, group: base.group,
    presence: then && now ? 'both' : now ? 'added' : 'removed',
    then: t, now: n, indexChange: difference(t?.index, n?.index),
    indicators: all.map((code) => {
      const tl = inThen.has(code) ? countedLevel(then, code) : null;
      const nl = inNow.has(code) ? countedLevel(now, code) : null;
      return { code, then: tl, now: nl, change: difference(tl, nl), inThen: inThen.has(code), inNow: inNow.has(code) };
    }),
  };
}

function aspectChanges(then: PeriodScores, now: PeriodScores): AspectChange[] {
  const thenCodes = then.instrument.aspects.map((a) => a.code);
  const nowCodes = now.instrument.aspects.map((a) => a.code);
  const named = [...now.instrument.aspects, ...then.instrument.aspects.filter((a) => !nowCodes.includes(a.code))];
  return named.map((a) => {
    const t = thenCodes.includes(a.code) ? (then.aggregate.aspectScores[a.code] ?? null) : null;
    const n = nowCodes.includes(a.code) ? (now.aggregate.aspectScores[a.code] ?? null) : null;
    return { code: a.code, name: a.name, then: t, now: n, change: difference(t, n), inThen: thenCodes.includes(a.code), inNow: nowCodes.includes(a.code) };
  });
}

const scoreChange = (then: number | null, now: number | null): ScoreChange => ({ then, now, change: difference(then, now) });

/** Counts units whose index went up, stayed within ±0,005 (the shown precision) or went down. */
function movementOf(units: { presence: UnitChange['presence']; indexChange: number | null }[]): PeriodComparison['movement'] {
  const changes = units.map((u) => u.indexChange).filter((c): c is number => c !== null);
  const same = (c: number) => Math.abs(c) < 0.005 - SCORE_EPSILON;
  return {
    up: changes.filter((c) => !same(c) && c > 0).length,
    same: changes.filter(same).length,
    down: changes.filter((c) => !same(c) && c < 0).length,
    comparable: changes.length,
    added: units.filter((u) => u.presence === 'added').length,
    removed: units.filter((u) => u.presence === 'removed').length,
  };
}

/** Each unit's pair: units of the later period in its order, then the units that are no longer in it. */
function unitPairs(then: PeriodScores, now: PeriodScores): [UnitResult | undefined, UnitResult | undefined][] {
  const thenById = new Map(then.units.map((u) => [u.unitId, u]));
  const nowIds = new Set(now.units.map((u) => u.unitId));
  return [
    ...now.units.map((u): [UnitResult | undefined, UnitResult] => [thenById.get(u.unitId), u]),
    ...then.units.filter((u) => !nowIds.has(u.unitId)).map((u): [UnitResult, undefined] => [u, undefined]),
  ];
}

/**
 * Compares a period (`now`) with another (`then`, usually the previous one): units of the later period in its order,
 * then the units that are no longer in it. `keep` (unit codes) lists only those units, each computed only then; the
 * kabupaten, aspects and movement stay over every unit.
 */
export function comparePeriods(then: PeriodScores, now: PeriodScores, keep?: ReadonlySet<string>): PeriodComparison {
  const codes = compareCodes(then.instrument, now.instrument);
  const pairs = unitPairs(then, now);
  const listed = keep ? pairs.filter(([t, n]) => keep.has((n ?? t as UnitResult).code)) : pairs;
  const units = listed.map(([t, n]) => unitChange(codes, t, n));
  const moves = keep
    ? pairs.map(([t, n]) => ({ presence: t && n ? 'both' as const : n ? 'added' as const : 'removed' as const, indexChange: difference(side(t)?.index, side(n)?.index) }))
    : units;
  const t = then.aggregate;
  const n = now.aggregate;
  return {
    instrumentChanged: then.instrument.code !== now.instrument.code || then.instrument.version !== now.instrument.version,
    indicatorCodes: codes,
    kabupaten: {
      ...scoreChange(t.index, n.index),
      groups: { pd: scoreChange(t.byGroup.pd.index, n.byGroup.pd.index), kecamatan: scoreChange(t.byGroup.kecamatan.index, n.byGroup.kecamatan.index) },
    },
    aspects: aspectChanges(then, now),
    units,
    movement: movementOf(moves),
  };
}
