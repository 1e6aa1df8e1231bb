import { demoReportDates, workingDays } from '../../src/seed/demo-monev-dates';

const DECEMBER = { opensOn: '2022-12-01', deadline: '2022-12-16' };

describe("the demo's report dates", () => {
  it('lists the working days of a window, weekends left out', () => {
    expect(workingDays('2022-12-01', '2022-12-16')).toEqual([
      '2022-12-01', '2022-12-02', '2022-12-05', '2022-12-06', '2022-12-07', '2022-12-08', '2022-12-09',
      '2022-12-12', '2022-12-13', '2022-12-14', '2022-12-15', '2022-12-16',
    ]);
  });

  it('leaves out a national holiday: Tahun Baru Islam, Wednesday 19 July 2023', () => {
    expect(workingDays('2023-07-17', '2023-07-21')).toEqual(['2023-07-17', '2023-07-18', '2023-07-20', '2023-07-21']);
  });

  it.each([
    [0, '2022-12-01T00:00:00.000Z', '2022-12-02T01:00:00.000Z'],
    [5, '2022-12-13T03:05:00.000Z', '2022-12-16T05:25:00.000Z'],
  ])('submits report %i at office hours (WITA) and reviews it one to three working days later, inside the window', (n, submitted, reviewed) => {
    expect(demoReportDates(DECEMBER, n, { submitted: true, reviewed: true })).toEqual({ savedAt: submitted, submittedAt: submitted, reviewedAt: reviewed });
  });

  it('gives a draft only the day it was saved, and is the same on every call', () => {
    const draft = demoReportDates(DECEMBER, 5, { submitted: false, reviewed: false });

    expect(draft).toEqual({ savedAt: '2022-12-13T03:05:00.000Z', submittedAt: null, reviewedAt: null });
    expect(demoReportDates(DECEMBER, 5, { submitted: false, reviewed: false })).toEqual(draft);
  });

  it('keeps a short window on its working days', () => {
    const d = demoReportDates({ opensOn: '2023-07-07', deadline: '2023-07-10' }, 4, { submitted: true, reviewed: true });

    expect(d.submittedAt?.slice(0, 10)).toBe('2023-07-07');
    expect(d.reviewedAt?.slice(0, 10)).toBe('2023-07-10');
  });
});
