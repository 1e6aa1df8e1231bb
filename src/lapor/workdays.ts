/**
 * Hari kerja as SP4N-LAPOR! counts them: Monday to Friday, minus the national public holidays and the cuti bersama
 * days the admin enters. Pure: dates are ISO calendar dates ("2022-08-17"), never times, so no time zone is involved.
 */

const DAY_MS = 86_400_000;
/** Days from 1970-01-01 (a Thursday) shifted so that index 0 is a Monday (1969-12-29). */
const MONDAY_SHIFT = 3;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2022-08-17" → days since 1970-01-01; NaN for text that is not a real calendar date. */
export function dayNumber(iso: string): number {
  const m = ISO_DATE.exec(iso);
  if (!m) return NaN;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return NaN;
  return ms / DAY_MS;
}

/** Days since 1970-01-01 → "2022-08-17". */
export function isoOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Monday 0 … Sunday 6. */
const weekdayIndex = (day: number): number => (((day + MONDAY_SHIFT) % 7) + 7) % 7;
const isWeekend = (day: number): boolean => weekdayIndex(day) >= 5;

/** Monday-to-Friday days in [MONDAY_SHIFT-shifted 0, k): whole weeks give 5, the rest up to 5. */
function weekdaysBefore(day: number): number {
  const k = day + MONDAY_SHIFT;
  const weeks = Math.floor(k / 7);
  return weeks * 5 + Math.min(k - weeks * 7, 5);
}

/** How many of the sorted values are ≤ x. */
function countAtMost(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface WorkdayCalendar {
  /** Whether the date is a hari kerja. */
  isWorkday(iso: string): boolean;
  /**
   * Hari kerja from `from` to `to`: the working days d with from < d ≤ to, so counting starts on the first working
   * day after the day of receipt (received Friday 5 August 2022, answered Friday 12 August 2022: 5). 0 when `to` is
   * not after `from`.
   */
  workdaysBetween(from: string, to: string): number;
  /** The same for day numbers (see dayNumber), for counting many reports without parsing dates again. */
  workdaysBetweenDays(from: number, to: number): number;
}

/** A calendar whose days off (besides weekends) are the given ISO dates: holidays and cuti bersama together. */
export function createWorkdayCalendar(daysOff: Iterable<string>): WorkdayCalendar {
  const off = [...new Set([...daysOff].map(dayNumber))].filter((d) => Number.isFinite(d) && !isWeekend(d)).sort((a, b) => a - b);
  const offSet = new Set(off);
  const between = (from: number, to: number): number => {
    if (!(to > from)) return 0;
    const weekdays = weekdaysBefore(to + 1) - weekdaysBefore(from + 1);
    return weekdays - (countAtMost(off, to) - countAtMost(off, from));
  };
  return {
    isWorkday: (iso) => {
      const d = dayNumber(iso);
      return Number.isFinite(d) && !isWeekend(d) && !offSet.has(d);
    },
    workdaysBetween: (from, to) => between(dayNumber(from), dayNumber(to)),
    workdaysBetweenDays: between,
  };
}
