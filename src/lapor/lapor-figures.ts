import type { LaporStatus } from './lapor-status';
import { dayNumber, type WorkdayCalendar } from './workdays';

/**
 * The SP4N-LAPOR! figures of a set of reports (a unit, a group, the kabupaten), as the README defines them. Pure: the
 * caller gives the reports, the hari kerja calendar, the export date the statuses are true on, and the settlement
 * deadline per classification.
 */

/** LAPOR!'s service level for the first follow-up. */
export const FIRST_RESPONSE_WORKDAYS = 5;
/** The longest settlement deadline, used for a report whose classification names no shorter one. */
export const DEFAULT_DEADLINE_WORKDAYS = 60;

export interface FigureReport {
  receivedOn: string;
  firstResponseOn: string | null;
  finishedOn: string | null;
  status: LaporStatus;
  classification: string | null;
}

export interface MonthFigure {
  /** "2022-06" */
  month: string;
  received: number;
  finished: number;
}

export interface LaporFigures {
  received: number;
  /** Received minus "bukan wewenang" and archived: the reports the unit itself had to handle (base of the shares). */
  handled: number;
  notAuthority: number;
  /** Handled reports whose first follow-up is dated, or still unanswered after 5 hari kerja. */
  firstResponseDue: number;
  firstResponseWithin5: number;
  firstResponseWithin5Pct: number | null;
  finished: number;
  finishedPct: number | null;
  /** Finished reports with a finish date (those the median is taken over). */
  finishedDated: number;
  medianWorkdaysToFinish: number | null;
  backlogCount: number;
  backlogPct: number | null;
  notAuthorityPct: number | null;
  monthly: MonthFigure[];
}

export interface FigureContext {
  calendar: WorkdayCalendar;
  /** ISO date of the export: unfinished reports are judged on this day. */
  asOf: string;
  /** The period's year: the monthly series runs January to December of it. */
  year: number;
  /** Settlement deadline in hari kerja for a report's classification. */
  deadlineOf: (classification: string | null) => number;
}

const pct = (part: number, whole: number): number | null => (whole === 0 ? null : (part / whole) * 100);

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** The counts figures are made from; tallies of units merge into those of a group or the kabupaten. */
export interface Tally {
  received: number;
  handled: number;
  notAuthority: number;
  due: number;
  within: number;
  finished: number;
  toFinish: number[];
  backlog: number;
  months: Map<string, MonthFigure>;
}

function monthsOf(year: number): Map<string, MonthFigure> {
  const m = new Map<string, MonthFigure>();
  for (let i = 1; i <= 12; i++) {
    const month = `${year}-${String(i).padStart(2, '0')}`;
    m.set(month, { month, received: 0, finished: 0 });
  }
  return m;
}

/** Whether the first follow-up counts, and whether it came within 5 hari kerja (see README "Data SP4N-LAPOR!"). */
function firstResponse(r: FigureReport, received: number, asOf: number, cal: WorkdayCalendar, day: (iso: string) => number): { due: boolean; within: boolean } {
  const answered = r.firstResponseOn ?? r.finishedOn;
  if (answered !== null) {
    return { due: true, within: cal.workdaysBetweenDays(received, day(answered)) <= FIRST_RESPONSE_WORKDAYS };
  }
  if (r.status === 'selesai') return { due: false, within: false };
  return { due: cal.workdaysBetweenDays(received, asOf) > FIRST_RESPONSE_WORKDAYS, within: false };
}

function count(t: Tally, r: FigureReport, ctx: FigureContext, asOf: number, day: (iso: string) => number): void {
  t.received++;
  const month = t.months.get(r.receivedOn.slice(0, 7));
  if (month) month.received++;
  if (r.status === 'bukan_wewenang') t.notAuthority++;
  if (r.status === 'bukan_wewenang' || r.status === 'arsip') return;
  t.handled++;
  const received = day(r.receivedOn);
  const first = firstResponse(r, received, asOf, ctx.calendar, day);
  if (first.due) t.due++;
  if (first.within) t.within++;
  if (r.status === 'selesai') {
    t.finished++;
    if (month) month.finished++;
    if (r.finishedOn !== null) t.toFinish.push(ctx.calendar.workdaysBetweenDays(received, day(r.finishedOn)));
  } else if (ctx.calendar.workdaysBetweenDays(received, asOf) > ctx.deadlineOf(r.classification)) {
    t.backlog++;
  }
}

const emptyTally = (year: number): Tally => ({ received: 0, handled: 0, notAuthority: 0, due: 0, within: 0, finished: 0, toFinish: [], backlog: 0, months: monthsOf(year) });

/** Counts these reports. NOTE: a year has 365 dates, so each date text is parsed once per tally, not once per report. */
export function tallyReports(reports: Iterable<FigureReport>, ctx: FigureContext): Tally {
  const t = emptyTally(ctx.year);
  const days = new Map<string, number>();
  const day = (iso: string): number => {
    let n = days.get(iso);
    if (n === undefined) days.set(iso, (n = dayNumber(iso)));
    return n;
  };
  const asOf = dayNumber(ctx.asOf);
  for (const r of reports) count(t, r, ctx, asOf, day);
  return t;
}

/** The tally of several sets of reports together (a group's units, the kabupaten's). */
export function mergeTallies(tallies: readonly Tally[], year: number): Tally {
  const t = emptyTally(year);
  for (const x of tallies) {
    t.received += x.received;
    t.handled += x.handled;
    t.notAuthority += x.notAuthority;
    t.due += x.due;
    t.within += x.within;
    t.finished += x.finished;
    t.backlog += x.backlog;
    for (const v of x.toFinish) t.toFinish.push(v);
    for (const [k, m] of x.months) {
      const into = t.months.get(k);
      if (into) {
        into.received += m.received;
        into.finished += m.finished;
      }
    }
  }
  return t;
}

/** The figures of a tally. */
export function figuresOf(t: Tally): LaporFigures {
  return {
    received: t.received,
    handled: t.handled,
    notAuthority: t.notAuthority,
    firstResponseDue: t.due,
    firstResponseWithin5: t.within,
    firstResponseWithin5Pct: pct(t.within, t.due),
    finished: t.finished,
    finishedPct: pct(t.finished, t.handled),
    finishedDated: t.toFinish.length,
    medianWorkdaysToFinish: median(t.toFinish),
    backlogCount: t.backlog,
    backlogPct: pct(t.backlog, t.handled),
    notAuthorityPct: pct(t.notAuthority, t.received),
    monthly: [...t.months.values()],
  };
}

/** The figures of these reports. */
export function computeFigures(reports: Iterable<FigureReport>, ctx: FigureContext): LaporFigures {
  return figuresOf(tallyReports(reports, ctx));
}
