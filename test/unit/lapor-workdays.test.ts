import { createWorkdayCalendar, dayNumber } from '../../src/lapor/workdays';
import { nationalHolidays } from '../../src/lapor/holidays';

describe('hari kerja', () => {
  const calendar2022 = createWorkdayCalendar(nationalHolidays([2022]));

  it('counts from the first working day after receipt: Friday 5 to Friday 12 August 2022 is 5', () => {
    expect(calendar2022.workdaysBetween('2022-08-05', '2022-08-12')).toBe(5);
  });

  it('skips 17 August: Monday 15 to Monday 22 August 2022 is 4', () => {
    expect(calendar2022.workdaysBetween('2022-08-15', '2022-08-22')).toBe(4);
  });

  it.each([
    ['same day', '2022-08-10', '2022-08-10', 0],
    ['Saturday to Monday', '2022-08-06', '2022-08-08', 1],
    ['Friday to the Monday after', '2022-08-05', '2022-08-08', 1],
    ['Friday to Sunday', '2022-08-05', '2022-08-07', 0],
    ['two full weeks', '2022-08-01', '2022-08-15', 10],
    ['an answer dated before receipt', '2022-08-10', '2022-08-09', 0],
    ['across a year end with 1 January on a Saturday (2021-12-31 to 2022-01-03)', '2021-12-31', '2022-01-03', 1],
  ])('%s', (_name, from, to, expected) => {
    expect(calendar2022.workdaysBetween(from, to)).toBe(expected);
  });

  it('knows Indonesia\'s national holidays from date-holidays, 17 August and 1 June among them', () => {
    const days = nationalHolidays([2022, 2023]);

    expect(days).toEqual(expect.arrayContaining(['2022-08-17', '2022-06-01', '2022-12-25', '2023-08-17', '2023-01-01']));
    expect(calendar2022.isWorkday('2022-08-17')).toBe(false);
    expect(calendar2022.isWorkday('2022-08-16')).toBe(true);
  });

  it('leaves out a cuti bersama day the admin entered (Friday 30 December 2022)', () => {
    const withCuti = createWorkdayCalendar([...nationalHolidays([2022]), '2022-12-30']);

    expect(calendar2022.workdaysBetween('2022-12-26', '2022-12-30')).toBe(4);
    expect(withCuti.workdaysBetween('2022-12-26', '2022-12-30')).toBe(3);
    expect(withCuti.isWorkday('2022-12-30')).toBe(false);
  });

  it('counts a holiday on a weekend only once (as the weekend it is)', () => {
    const cal = createWorkdayCalendar(['2022-08-20']);

    expect(cal.workdaysBetween('2022-08-19', '2022-08-22')).toBe(1);
  });

  it('reads only real calendar dates', () => {
    expect(dayNumber('2022-02-29')).toBeNaN();
    expect(dayNumber('2024-02-29')).toBe(19782);
    expect(dayNumber('27/06/2022')).toBeNaN();
  });

  it('matches a day-by-day count over a whole year', () => {
    const cal = createWorkdayCalendar(['2022-03-03', '2022-08-17', '2022-12-30']);
    const off = new Set(['2022-03-03', '2022-08-17', '2022-12-30']);
    let naive = 0;
    for (let d = dayNumber('2022-01-01') + 1; d <= dayNumber('2022-12-31'); d++) {
      const iso = new Date(d * 86_400_000).toISOString().slice(0, 10);
      const dow = new Date(d * 86_400_000).getUTCDay();
      if (dow !== 0 && dow !== 6 && !off.has(iso)) naive++;
    }

    expect(cal.workdaysBetween('2022-01-01', '2022-12-31')).toBe(naive);
    expect(naive).toBe(257);
  });
});
