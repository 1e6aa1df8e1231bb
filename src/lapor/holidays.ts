import Holidays from 'date-holidays';

/** NOTE: building the country's rules takes tens of milliseconds, so they and each year's dates are kept once made. */
let indonesia: Holidays | undefined;
const byYear = new Map<number, string[]>();

function holidaysOf(year: number): string[] {
  let days = byYear.get(year);
  if (!days) {
    indonesia ??= new Holidays('ID');
    days = indonesia.getHolidays(year).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10));
    byYear.set(year, days);
  }
  return days;
}

/**
 * Indonesia's national public holidays of the given years (date-holidays, country ID, type "public"), as ISO dates.
 * NOTE: the Islamic holidays are computed from the calendar and may differ by a day from the SKB Tiga Menteri of
 * that year; the admin enters such days (and every cuti bersama) as extra days off per year.
 */
export function nationalHolidays(years: Iterable<number>): string[] {
  const out = new Set<string>();
  for (const year of new Set(years)) for (const d of holidaysOf(year)) out.add(d);
  return [...out].sort();
}
