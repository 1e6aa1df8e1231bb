import { createWorkdayCalendar, nationalHolidays } from '../lapor';

/**
 * The days the demo's monev reports carry: a kabupaten reports in office hours on working days (hari kerja, as
 * SP4N-LAPOR! counts them: no weekend, no national holiday) inside the semester's reporting window and the
 * verifikator reviews a few working days later, before the window closes. Deterministic, so every demo database
 * shows the same dates.
 */

export interface DemoReportDates {
  /** When it was saved (and its evidence added); a submitted report was saved and submitted at once. */
  savedAt: string;
  submittedAt: string | null;
  reviewedAt: string | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** WITA is UTC+8: 08:00 WITA is 00:00 UTC. */
const WITA_OFFSET_MINUTES = 8 * 60;

/** The working days (Monday to Friday, national holidays left out) from opensOn to deadline, both YYYY-MM-DD, inclusive. */
export function workingDays(opensOn: string, deadline: string): string[] {
  const calendar = createWorkdayCalendar(nationalHolidays([Number(opensOn.slice(0, 4)), Number(deadline.slice(0, 4))]));
  const out: string[] = [];
  for (let t = Date.parse(`${opensOn}T00:00:00Z`); t <= Date.parse(`${deadline}T00:00:00Z`); t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    if (calendar.isWorkday(day)) out.push(day);
  }
  return out;
}

/** A time of day in WITA (minutes after midnight) on a calendar day, as an ISO timestamp in UTC. */
const witaTime = (day: string, minutes: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + (minutes - WITA_OFFSET_MINUTES) * 60 * 1000).toISOString();

/**
 * The dates of report `n` (any whole number; consecutive reports spread over the window): saved and, when
 * `submitted`, submitted on one working day between 08:00 and 15:59 WITA, at least three working days before the
 * deadline; reviewed, when `reviewed`, one to three working days later between 09:00 and 14:59 WITA. A window with
 * fewer than four working days puts everything on its first and last working days.
 */
export function demoReportDates(window: { opensOn: string; deadline: string }, n: number, state: { submitted: boolean; reviewed: boolean }): DemoReportDates {
  const days = workingDays(window.opensOn, window.deadline);
  if (days.length === 0) throw new Error(`Jadwal pelaporan ${window.opensOn}–${window.deadline} tanpa hari kerja`);
  const last = days.length - 1;
  const submitIndex = last < 3 ? 0 : (n * 7) % (last - 2);
  const reviewIndex = Math.min(last, submitIndex + 1 + (n % 3));
  const savedAt = witaTime(days[submitIndex] as string, 8 * 60 + ((n * 37) % 480));
  return {
    savedAt,
    submittedAt: state.submitted ? savedAt : null,
    reviewedAt: state.reviewed ? witaTime(days[reviewIndex] as string, 9 * 60 + ((n * 53) % 360)) : null,
  };
}
