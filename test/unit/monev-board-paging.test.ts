import { buildMonevBoard, UNIT_PAGE_SIZE } from '../../src/monitoring/monev-board';
import type { MonevProgress, UnitProgress } from '../../src/monitoring/monitoring-progress';
import { pageOf } from '../../src/shared/paging';

/** A closed semester with `n` units that each owe their own part; every third has submitted it. */
function progressOf(n: number): MonevProgress {
  const units: UnitProgress[] = Array.from({ length: n }, (_, i) => ({
    unitId: i + 1, code: `U-${i + 1}`, name: `${i % 2 === 0 ? 'Dinas' : 'Kecamatan'} ${i + 1}`, group: i % 2 === 0 ? 'pd' : 'kecamatan',
    coordinatedRowIds: [], indicators: ['A1'],
    semesters: [{ key: '2022-2', rowsDue: 0, rowsReported: 0, ownPartDue: true, ownPart: i % 3 === 0 ? 'diajukan' : null, ownEvidenceCount: 0, reported: i % 3 === 0 }],
  }));
  return {
    period: { id: 7, name: 'Penilaian 2022', year: 2022 }, plan: { id: 1, status: 'final', startYear: 2022, endYear: 2022 }, monitored: true,
    semesters: [{ key: '2022-2', year: 2022, semester: 2, label: 'Semester II 2022', months: 'Juli–Desember', window: { opensOn: '2022-07-01', deadline: '2023-01-31' }, windowState: 'ditutup' } as MonevProgress['semesters'][number]],
    rows: [], aspects: [], units,
  };
}

describe('one page of a long list', () => {
  it.each([
    [undefined, 1, [1, 2]], [2, 2, [3, 4]], [3, 3, [5]], [9, 3, [5]], [0, 1, [1, 2]],
  ])('asked page %p of five items two a page gives page %p: %p', (asked, page, items) => {
    expect(pageOf([1, 2, 3, 4, 5], asked, 2)).toEqual({ items, page, pages: 3, total: 5 });
  });

  it('gives an empty list one empty page', () => {
    expect(pageOf([], 4, 100)).toEqual({ items: [], page: 1, pages: 1, total: 0 });
  });
});

describe('the monev board of a country', () => {
  const p = progressOf(30_039);

  it(`shows ${UNIT_PAGE_SIZE} units a page in official order, counts over all 30.039, reminders only for those shown`, () => {
    const board = buildMonevBoard(p, 0, [], 'https://sp4n.example', { hal: 301 });

    expect(UNIT_PAGE_SIZE).toBe(100);
    expect(board.pages).toBe(301);
    expect(board.page).toBe(301);
    expect(board.units.map((u) => u.no)).toEqual(Array.from({ length: 39 }, (_, i) => 30_001 + i));
    // Every third unit (i % 3 === 0) submitted: 10.013 of 30.039; the rest owe it after the deadline.
    expect(board.counts).toMatchObject({ total: 30_039, diajukan: 10_013, belum: 20_026, terlambat: 20_026 });
    expect(board.units.find((u) => u.no === 30_002)?.reminder?.text).toContain('dari Kecamatan 30002 belum kami terima');
    expect(board.units.find((u) => u.no === 30_001)?.reminder).toBeNull();
  });

  it('filters by state, lateness, group and name before paging', () => {
    const late = buildMonevBoard(p, 0, [], 'https://sp4n.example', { status: 'terlambat', kelompok: 'pd' });
    const named = buildMonevBoard(p, 0, [], 'https://sp4n.example', { cari: 'kecamatan 3000' });

    // pd units are the odd-numbered (i even); late when i % 3 !== 0: i even and not a multiple of 3, i < 30.039.
    expect(late.matchCount).toBe(10_013);
    expect(late.units.slice(0, 4).map((u) => u.no)).toEqual([3, 5, 9, 11]);
    expect(late.pages).toBe(101);
    // Kecamatan are the even numbers; "3000" is in 3000 and 30000–30009: 3000, 30000, 30002, …, 30008.
    expect(named.units.map((u) => u.no)).toEqual([3000, ...Array.from({ length: 5 }, (_, k) => 30_000 + 2 * k)]);
  });
});
