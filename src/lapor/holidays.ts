import Holidays from 'date-holidays';

/**
 * Indonesia's national public holidays of the given years (date-holidays, country ID, type "public"), as ISO dates.
 * NOTE: the Islamic holidays are computed from the calendar and may differ by a day from the SKB Tiga Menteri of
 * that year; the admin enters such days (and every cuti bersama) as extra days off per year.
 */
export function nationalHolidays(years: Iterable<number>): string[] {
  const hd = new Holidays('ID');
  const out: string[] = [];
  for (const year of new Set(years)) {
    for (const h of hd.getHolidays(year)) if (h.type === 'public') out.push(h.date.slice(0, 10));
  }
  return [...new Set(out)].sort();
}
