import { computeFigures, median, type FigureReport } from '../../src/lapor/lapor-figures';
import { nationalHolidays } from '../../src/lapor/holidays';
import { createWorkdayCalendar } from '../../src/lapor/workdays';

const report = (over: Partial<FigureReport> & { receivedOn: string }): FigureReport => ({
  firstResponseOn: null, finishedOn: null, status: 'proses', classification: null, ...over,
});

/**
 * Eight reports of one unit, exported on Friday 30 December 2022 (hari kerja by hand, 17 August a holiday):
 * R1 5 Aug → first 12 Aug (5 HK, in time) → finished 19 Aug (9 HK);  R2 15 Aug → first 22 Aug (4 HK), still open (≈ 95 HK);
 * R3 5 Aug → first 15 Aug (6 HK, late) → finished 26 Aug (14 HK);  R4 27 Dec, unanswered (3 HK, not yet due);
 * R5 1 Dec, unanswered (21 HK: late; past the 5 HK of its class); R6 bukan wewenang; R7 archived;
 * R8 finished without any date (counts as finished, not judged on time, not in the median).
 */
const REPORTS: FigureReport[] = [
  report({ receivedOn: '2022-08-05', firstResponseOn: '2022-08-12', finishedOn: '2022-08-19', status: 'selesai' }),
  report({ receivedOn: '2022-08-15', firstResponseOn: '2022-08-22' }),
  report({ receivedOn: '2022-08-05', firstResponseOn: '2022-08-15', finishedOn: '2022-08-26', status: 'selesai' }),
  report({ receivedOn: '2022-12-27', status: 'belum' }),
  report({ receivedOn: '2022-12-01', classification: 'Pengaduan sederhana' }),
  report({ receivedOn: '2022-09-01', status: 'bukan_wewenang' }),
  report({ receivedOn: '2022-09-02', status: 'arsip' }),
  report({ receivedOn: '2022-06-01', status: 'selesai' }),
];

const calendar = createWorkdayCalendar(nationalHolidays([2022]));
const ctx = {
  calendar,
  asOf: '2022-12-30',
  year: 2022,
  deadlineOf: (c: string | null) => (c === 'Pengaduan sederhana' ? 5 : 60),
};

describe('computeFigures', () => {
  const f = computeFigures(REPORTS, ctx);

  it('counts received, handled (without bukan wewenang and archived) and the bukan wewenang share', () => {
    expect([f.received, f.handled, f.notAuthority]).toEqual([8, 6, 1]);
    expect(f.notAuthorityPct).toBe(12.5);
  });

  it('takes the first follow-up within 5 hari kerja over the reports answered or already due', () => {
    expect([f.firstResponseDue, f.firstResponseWithin5]).toEqual([4, 2]);
    expect(f.firstResponseWithin5Pct).toBe(50);
  });

  it('gives the finished share and the median hari kerja to finish', () => {
    expect([f.finished, f.finishedDated]).toEqual([3, 2]);
    expect(f.finishedPct).toBe(50);
    expect(f.medianWorkdaysToFinish).toBe(11.5);
  });

  it('counts the backlog past each report\'s deadline on the export date', () => {
    expect(f.backlogCount).toBe(2);
    expect(f.backlogPct).toBeCloseTo(100 / 3, 10);
    expect(computeFigures(REPORTS, { ...ctx, deadlineOf: () => 60 }).backlogCount).toBe(1);
  });

  it('gives twelve months of the period year', () => {
    expect(f.monthly).toHaveLength(12);
    expect(f.monthly.filter((m) => m.received > 0)).toEqual([
      { month: '2022-06', received: 1, finished: 1 },
      { month: '2022-08', received: 3, finished: 2 },
      { month: '2022-09', received: 2, finished: 0 },
      { month: '2022-12', received: 2, finished: 0 },
    ]);
  });

  it('has no shares for a unit without reports', () => {
    const none = computeFigures([], ctx);

    expect(none).toMatchObject({ received: 0, firstResponseWithin5Pct: null, finishedPct: null, medianWorkdaysToFinish: null, backlogPct: null, notAuthorityPct: null });
  });

  it('judges a report answered exactly on the fifth hari kerja in time and one on the sixth late', () => {
    const g = computeFigures([
      report({ receivedOn: '2022-08-15', firstResponseOn: '2022-08-22' }),
      report({ receivedOn: '2022-08-15', firstResponseOn: '2022-08-23' }),
      report({ receivedOn: '2022-08-15', firstResponseOn: '2022-08-24' }),
    ], ctx);

    expect(g.firstResponseWithin5).toBe(2);
  });
});

describe('median', () => {
  it.each([[[], null], [[7], 7], [[3, 1, 2], 2], [[4, 1, 3, 2], 2.5]])('of %p is %p', (values, m) => {
    expect(median(values)).toBe(m);
  });
});
