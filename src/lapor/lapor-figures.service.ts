import type { Instrument } from '../instrument';
import { computeFigures, figuresOf, mergeTallies, tallyReports, type LaporFigures, type Tally } from './lapor-figures';
import { nationalHolidays } from './holidays';
import { checkClaims, deadlineLookup, deriveLevels, type ClaimCheck, type DerivedLevel } from './lapor-levels';
import { createWorkdayCalendar } from './workdays';
import type { StoredReport } from './lapor.repo';
import type { FiguresCache, LaporContext, LaporPeriod, LaporUnit } from './lapor-context';

/**
 * A period's SP4N-LAPOR! figures per unit, per group and for the kabupaten, with the levels they reach on the
 * instrument's thresholded indicators. Computed from the stored reports and kept until anything they depend on changes.
 */

export interface UnitLapor {
  unit: LaporUnit;
  figures: LaporFigures;
  /** The number of reports agreed with the unit (E3), or null. */
  target: number | null;
  levels: DerivedLevel[];
}

export interface PeriodLapor {
  period: LaporPeriod;
  /** The export date the statuses are true on: the latest import's. */
  asOf: string;
  importCount: number;
  kabupaten: LaporFigures;
  groups: Record<'pd' | 'kecamatan', LaporFigures>;
  /** Every active unit, in order, those without reports included. */
  units: UnitLapor[];
  /** Codes of the indicators the data bears on in the period's instrument. */
  indicatorCodes: string[];
}

/** The hari kerja calendar for reports of `year` judged on `asOf`: national holidays plus the admin's days off. */
function calendarFor(ctx: LaporContext, year: number, asOf: string) {
  const years = [];
  for (let y = year; y <= Math.max(year, Number(asOf.slice(0, 4))); y++) years.push(y);
  return createWorkdayCalendar([...nationalHolidays(years), ...ctx.repo.daysOff().map((d) => d.day)]);
}

function compute(ctx: LaporContext, period: LaporPeriod, instrument: Instrument, asOf: string, importCount: number, units: LaporUnit[]): PeriodLapor {
  const byUnit = new Map<number, StoredReport[]>(units.map((u) => [u.id, []]));
  for (const r of ctx.repo.reports(period.id)) byUnit.get(r.unitId)?.push(r);
  const fctx = { calendar: calendarFor(ctx, period.year, asOf), asOf, year: period.year, deadlineOf: deadlineLookup(instrument) };
  const targets = ctx.repo.targets(period.id);
  const tallies = new Map<number, Tally>(units.map((u) => [u.id, tallyReports(byUnit.get(u.id) ?? [], fctx)]));
  const inGroup = (g: 'pd' | 'kecamatan') => units.filter((u) => u.group === g).map((u) => tallies.get(u.id) as Tally);
  return {
    period,
    asOf,
    importCount,
    kabupaten: figuresOf(mergeTallies([...tallies.values()], period.year)),
    groups: { pd: figuresOf(mergeTallies(inGroup('pd'), period.year)), kecamatan: figuresOf(mergeTallies(inGroup('kecamatan'), period.year)) },
    units: units.map((unit) => {
      const figures = figuresOf(tallies.get(unit.id) as Tally);
      const target = targets.get(unit.id) ?? null;
      return { unit, figures, target, levels: deriveLevels(instrument, figures, target) };
    }),
    indicatorCodes: deriveLevels(instrument, computeFigures([], fctx), null).map((l) => l.code),
  };
}

export function createFiguresCache(): FiguresCache {
  return new Map();
}

/**
 * The period's figures, or null when no export was imported for it. 404 for an unknown period.
 * NOTE: kept per period under a key of the imports, days off and targets (one small query), so an import from the
 * CLI process is seen by the server at the next request.
 */
export function periodLapor(ctx: LaporContext, periodId: number): PeriodLapor | null {
  const { period, instrument } = ctx.loadPeriod(periodId);
  const units = ctx.periodUnits(periodId);
  const key = `${ctx.repo.versionKey(periodId)}|${units.map((u) => `${u.id}${u.group}${u.code}`).join(',')}|${instrument.version}`;
  const hit = ctx.cache.get(periodId);
  if (hit && hit.key === key) return hit.value as PeriodLapor | null;
  const stamp = ctx.repo.stamp(periodId);
  const value = stamp.asOf === null ? null : compute(ctx, period, instrument, stamp.asOf, stamp.imports, units);
  ctx.cache.set(periodId, { key, value });
  return value;
}

/** One unit's figures (null without data for the period or for an inactive unit). */
export function unitLapor(ctx: LaporContext, periodId: number, unitId: number): UnitLapor | null {
  return periodLapor(ctx, periodId)?.units.find((u) => u.unit.id === unitId) ?? null;
}

/** One unit's derived levels beside its answers (the verification page and the questionnaire). */
export function unitClaims(ctx: LaporContext, periodId: number, unitId: number): { lapor: PeriodLapor; unit: UnitLapor; claims: ClaimCheck[] } | null {
  const lapor = periodLapor(ctx, periodId);
  const unit = lapor?.units.find((u) => u.unit.id === unitId);
  if (!lapor || !unit) return null;
  return { lapor, unit, claims: checkClaims(unit.levels, ctx.answers(periodId, unitId)) };
}
