import { formatDate, formatDateTime, formatPercent, formatPercentFigure, formatScore, formatTime } from '../../src/shared/format';

describe('id-ID formatting (WITA)', () => {
  it('formats date and time in Kutai Timur time, minute by minute, whatever came before', () => {
    expect(formatDateTime('2026-11-27T10:05:59.999Z')).toBe('27 November 2026 pukul 18.05');
    expect(formatDateTime('2026-11-27T10:05:00.000Z')).toBe('27 November 2026 pukul 18.05');
    expect(formatDateTime('2026-11-27T10:06:00.000Z')).toBe('27 November 2026 pukul 18.06');
    expect(formatDateTime('2025-01-02T16:06:10.000Z')).toBe('3 Januari 2025 pukul 00.06');
    expect(formatTime('2026-11-27T10:05:30.000Z')).toBe('18.05');
    expect(formatTime('2026-11-27T15:59:00.000Z')).toBe('23.59');
    expect(formatTime('2026-11-27T16:00:00.000Z')).toBe('00.00');
    expect(formatTime(null)).toBe('–');
    expect(formatDate('2026-11-27T16:00:00.000Z')).toBe('28 November 2026');
    expect(formatScore(72.5)).toBe('72,50');
  });

  it.each([
    ['just under Sangat Baik (85) reads under it', 84.996, '84,99'],
    ['a computed hair under 50 is 50', 50 - 1e-12, '50,00'],
    ['just over a threshold rounds as usual', 85.004, '85,00'],
    ['any other score rounds half up', 72.505, '72,51'],
    ['a score a little further under', 84.994, '84,99'],
    ['a hundred', 100, '100,00'],
  ])('formats a score %s', (_name, value, text) => {
    expect(formatScore(value)).toBe(text);
  });

  it.each([
    ['a share of two of three', 200 / 3, {}, '66,7 %'],
    ['a whole share keeps its decimal', 50, {}, '50,0 %'],
    ['over a hundred', 145, {}, '145,0 %'],
    ['a thousand and more', 1234.56, {}, '1.234,6 %'],
    ['a set weight', 15, { exact: true }, '15 %'],
    ['a set fraction', 12.5, { exact: true }, '12,5 %'],
    ['a share just under a whole threshold stays under it', 79.96, {}, '79,9 %'],
    ['a share just over a whole threshold stays over it', 10.04, {}, '10,1 %'],
    ['half a tenth under a whole threshold stays under it', 79.95, {}, '79,9 %'],
    ['a share that is not nothing never reads as nothing', 0.04, {}, '0,1 %'],
    ['an unfinished whole never reads as complete', 99.96, {}, '99,9 %'],
    ['a computed whole within rounding noise stays whole', (29 / 58) * 100, {}, '50,0 %'],
    ['a share near a half-tenth rounds to nearest', 80.06, {}, '80,1 %'],
  ])('writes a percentage one way: %s', (_name, value, opts, text) => {
    expect(formatPercent(value, opts)).toBe(text);
  });

  it('writes a missing percentage as a dash, and a share without its sign for a "(%)" column', () => {
    expect(formatPercent(null)).toBe('–');
    expect(formatPercent(undefined, { exact: true })).toBe('–');
    expect(formatPercentFigure(200 / 3)).toBe('66,7');
    expect(formatPercentFigure(79.96)).toBe('79,9');
    expect(formatPercentFigure(null)).toBe('–');
  });
});
