import path from 'node:path';
import { loadInstrumentFile } from '../../src/instrument/instrument.loader';
import { computeFigures, type FigureReport, type LaporFigures } from '../../src/lapor/lapor-figures';
import { checkClaims, deadlineLookup, deriveLevels, laporIndicatorCodes } from '../../src/lapor/lapor-levels';
import { createWorkdayCalendar } from '../../src/lapor/workdays';

const TEMPLATES = path.join(__dirname, '..', '..', 'templates');
const revision2 = loadInstrumentFile(path.join(TEMPLATES, 'instrument-2022.2.json'));
const revision1 = loadInstrumentFile(path.join(TEMPLATES, 'instrument-2022.1.json'));
const ctx = { calendar: createWorkdayCalendar([]), asOf: '2022-12-30', year: 2022, deadlineOf: () => 60 };

/** n reports received Monday 3 October 2022: `inTime` answered on Friday 7 October (4 HK), the rest on Monday 17 October (10 HK). */
function answered(n: number, inTime: number): LaporFigures {
  const reports: FigureReport[] = Array.from({ length: n }, (_, i) => ({
    receivedOn: '2022-10-03', firstResponseOn: i < inTime ? '2022-10-07' : '2022-10-17', finishedOn: null, status: 'proses', classification: null,
  }));
  return computeFigures(reports, { ...ctx, asOf: '2022-10-20' });
}

/** n reports of 3 October, `finished` of them finished, the rest open on `asOf`. */
function finished(n: number, done: number, asOf = '2022-10-20'): LaporFigures {
  const reports: FigureReport[] = Array.from({ length: n }, (_, i) => ({
    receivedOn: '2022-10-03', firstResponseOn: '2022-10-04', finishedOn: i < done ? '2022-10-05' : null, status: i < done ? 'selesai' : 'proses', classification: null,
  }));
  return computeFigures(reports, { ...ctx, asOf });
}

const levelOf = (f: LaporFigures, code: string, target: number | null = null) => deriveLevels(revision2, f, target).find((d) => d.code === code)?.level;

describe('the level SP4N-LAPOR! data gives (revision 2 thresholds)', () => {
  it('bears on D1, D2, D4 and E3 in revision 2, on nothing in revision 1', () => {
    expect(laporIndicatorCodes(revision2)).toEqual(['D1', 'D2', 'D4', 'E3']);
    expect(laporIndicatorCodes(revision1)).toEqual([]);
  });

  it.each([
    [5, 0, 0], [100, 19, 0], [5, 1, 1], [100, 49, 1], [58, 29, 2], [10, 5, 2], [100, 69, 2], [10, 7, 3], [100, 89, 3], [10, 9, 4], [4, 4, 4],
  ])('D1: %p reports, %p answered within 5 hari kerja → tingkat %p', (n, inTime, level) => {
    expect(levelOf(answered(n, inTime), 'D1')).toBe(level);
  });

  it.each([
    [10, 3, 0], [5, 2, 1], [5, 3, 2], [5, 4, 3], [20, 19, 4], [100, 94, 3], [1, 1, 4],
  ])('D2: %p reports, %p finished → tingkat %p', (n, done, level) => {
    expect(levelOf(finished(n, done), 'D2')).toBe(level);
  });

  it.each([
    [10, 10, 4], [10, 9, 3], [10, 8, 2], [5, 4, 2], [10, 6, 1], [10, 5, 0],
  ])('D4: %p reports, %p finished, the rest open past 60 hari kerja → tingkat %p', (n, done, level) => {
    expect(levelOf(finished(n, done, '2022-12-30'), 'D4')).toBe(level);
  });

  it('D4: open reports still within 60 hari kerja are no backlog', () => {
    expect(levelOf(finished(10, 0, '2022-12-26'), 'D4')).toBe(4);
    expect(levelOf(finished(10, 0, '2022-12-27'), 'D4')).toBe(0);
  });

  it.each([
    [2, null, 0], [2, 10, 1], [2, 5, 1], [2, 4, 2], [2, 3, 2], [4, 5, 3], [9, 10, 3], [2, 2, 4], [3, 2, 4],
  ])('E3: %p reports against a target of %p → tingkat %p', (received, target, level) => {
    expect(levelOf(answered(received, received), 'E3', target)).toBe(level);
  });

  it('gives "tidak berlaku" on D1, D2, D4 to a unit without reports, and tingkat 0 on E3 without a target', () => {
    const none = computeFigures([], ctx);

    expect(deriveLevels(revision2, none, null).map((d) => [d.code, d.level])).toEqual([['D1', 'na'], ['D2', 'na'], ['D4', 'na'], ['E3', 0]]);
  });

  it('writes the figure with its counts', () => {
    expect(deriveLevels(revision2, answered(58, 29), 40).map((d) => d.text)).toEqual([
      '50,0 % laporan mendapat tindak lanjut pertama paling lambat 5 hari kerja (29 dari 58 laporan)',
      '0,0 % laporan selesai (0 dari 58 laporan yang ditangani unit)',
      '0,0 % laporan belum selesai dan melewati batas waktu penyelesaian (0 dari 58 laporan)',
      '58 laporan diterima dari target 40 laporan (145,0 %)',
    ]);
  });

  it('never writes a figure on the threshold its level missed, whichever way the threshold points', () => {
    const d2 = deriveLevels(revision2, finished(2500, 1999), null).find((d) => d.code === 'D2');
    const d4 = deriveLevels(revision2, finished(2500, 2499, '2022-12-30'), null).find((d) => d.code === 'D4');

    expect([d2?.level, d2?.text]).toEqual([2, '79,9 % laporan selesai (1.999 dari 2.500 laporan yang ditangani unit)']);
    expect([d4?.level, d4?.text]).toEqual([3, '0,1 % laporan belum selesai dan melewati batas waktu penyelesaian (1 dari 2.500 laporan)']);
  });
});

describe('checkClaims', () => {
  it('marks "tidak berlaku" that the data contradicts: reports handled on D1, D2, D4, a target agreed on E3', () => {
    const na = { level: null, isNa: true, verifiedLevel: null };
    const all = { D1: na, D2: na, D4: na, E3: na };

    const withReports = checkClaims(deriveLevels(revision2, answered(10, 5), 12), all);
    const noTarget = checkClaims(deriveLevels(revision2, answered(10, 5), null), all);
    const noReports = checkClaims(deriveLevels(revision2, answered(0, 0), 4), all);

    expect(withReports.map((c) => [c.code, c.naContradicted, c.claimHigher])).toEqual([['D1', true, false], ['D2', true, false], ['D4', true, false], ['E3', true, false]]);
    expect(noTarget.find((c) => c.code === 'E3')?.naContradicted).toBe(false);
    expect(noReports.map((c) => [c.code, c.level, c.naContradicted])).toEqual([['D1', 'na', false], ['D2', 'na', false], ['D4', 'na', false], ['E3', 1, true]]);
  });

  it('flags a claim above the data, not one at or below it, nor "tidak berlaku" or an unanswered one', () => {
    const levels = deriveLevels(revision2, answered(10, 5), null);

    const checks = checkClaims(levels, {
      D1: { level: 3, isNa: false, verifiedLevel: null },
      D2: { level: 0, isNa: false, verifiedLevel: 1 },
      D4: { level: null, isNa: true, verifiedLevel: null },
    });

    expect(checks.map((c) => [c.code, c.claim, c.level, c.claimHigher, c.verified])).toEqual([
      ['D1', 3, 2, true, null], ['D2', 0, 0, false, 1], ['D4', 'na', 4, false, null], ['E3', null, 0, false, null],
    ]);
  });
});

describe('deadlineLookup', () => {
  it('reads SP4N-LAPOR!\'s own "Permintaan Informasi" (and "Pengaduan Sederhana") as the 5-day class', () => {
    const deadline = deadlineLookup(revision2);

    expect(deadline('Permintaan Informasi')).toBe(5);
    expect(deadline('PERMINTAAN  INFORMASI')).toBe(5);
    expect(deadline('Pengaduan sederhana')).toBe(5);
    expect(deadlineLookup(revision1)('Permintaan Informasi')).toBe(60);
  });

  it('takes the instrument\'s D4 deadline where the classification names its class, else 60 hari kerja', () => {
    const deadline = deadlineLookup(revision2);

    expect(deadline('permintaan informasi dan pengaduan sederhana')).toBe(5);
    expect(deadline('Pengaduan yang tidak memerlukan pemeriksaan lapangan')).toBe(14);
    expect(deadline('Pengaduan')).toBe(60);
    expect(deadline('Aspirasi')).toBe(60);
    expect(deadline(null)).toBe(60);
    expect(deadlineLookup(revision1)('permintaan informasi dan pengaduan sederhana')).toBe(60);
  });
});
