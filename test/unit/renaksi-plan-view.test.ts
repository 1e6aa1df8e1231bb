import { groupPlanRows } from '../../src/renaksi/renaksi-layout';
import { FILTER_PAGE_ROWS, filterFromBack, filterQuery, planUrl, shownRows } from '../../src/renaksi/renaksi-plan-view';

const ASPECTS = [
  { code: 'A', name: 'Kebijakan' },
  { code: 'B', name: 'Kelembagaan' },
  { code: 'C', name: 'Kanal' },
];

let nextId = 1;
function row(aspectCode: string, marks: { priority?: boolean; open?: boolean; edited?: boolean; manual?: boolean } = {}) {
  return {
    aspectCode,
    row: { id: nextId++, scope: marks.manual ? 'manual' : 'kabupaten', gapOpen: marks.open ?? true, isPriority: marks.priority ?? false, editedFields: marks.edited ? ['activity'] : [] },
    isNew: false,
  };
}

/** A: 2 rows (the second a priority), C: 1 manual row; B has none. */
function plan() {
  const rows = [row('A'), row('A', { priority: true }), row('C', { manual: true, priority: true })];
  return groupPlanRows(ASPECTS, rows).map((g) => ({ ...g, rows: g.rows.map(({ row: r, no }) => ({ row: r, no })) }));
}

describe('shownRows', () => {
  it('shows the first aspect with rows when nothing is asked, with a tab per aspect that has rows', () => {
    const shown = shownRows(plan(), {});

    expect(shown.tabs.map((t) => [t.code, t.number, t.rows])).toEqual([['A', 'I', 2], ['C', 'II', 1]]);
    expect(shown.aspect).toBe('A');
    expect(shown.groups.flatMap((g) => g.rows.map((r) => r.no))).toEqual(['I.1', 'I.2']);
  });

  it('shows the aspect asked for, keeping the numbers of the whole document', () => {
    const shown = shownRows(plan(), { aspek: 'C' });

    expect(shown.groups.flatMap((g) => g.rows.map((r) => r.no))).toEqual(['II.1']);
  });

  it('shows a filter across every aspect when no aspect is asked, and within the aspect when one is', () => {
    expect(shownRows(plan(), { tampil: 'prioritas' }).groups.flatMap((g) => g.rows.map((r) => r.no))).toEqual(['I.2', 'II.1']);
    expect(shownRows(plan(), { tampil: 'prioritas', aspek: 'A' }).groups.flatMap((g) => g.rows.map((r) => r.no))).toEqual(['I.2']);
    expect(shownRows(plan(), { cakupan: 'manual' }).aspect).toBeNull();
  });

  it('pages a filter across the aspects, FILTER_PAGE_ROWS rows at a time, keeping the page within range', () => {
    const rows = Array.from({ length: 30 }, (_, i) => row(['A', 'B', 'C'][i % 3] as string));
    const groups = groupPlanRows(ASPECTS, rows);

    const second = shownRows(groups, { tampil: 'terbuka', hal: 2 });
    const beyond = shownRows(groups, { tampil: 'terbuka', hal: 9 });

    expect(FILTER_PAGE_ROWS).toBe(12);
    // A: I.1–I.10, B: II.1–II.10, C: III.1–III.10 → page 2 holds rows 13–24: I.… none, II.3–II.10, III.1–III.4
    expect(second).toMatchObject({ matchCount: 30, page: 2, pages: 3, shownCount: 12 });
    expect(second.groups.map((g) => [g.number, g.rows.length])).toEqual([['II', 8], ['III', 4]]);
    expect(beyond).toMatchObject({ page: 3, shownCount: 6 });
  });
});

describe('the filter carried by forms', () => {
  it('reads back only the known filters and builds the plan URL from them', () => {
    expect(filterFromBack('aspek=B&tampil=prioritas&x=1')).toEqual({ aspek: 'B', tampil: 'prioritas' });
    expect(filterFromBack('//contoh.example/?aspek=<b>')).toEqual({});
    expect(filterFromBack(undefined)).toEqual({});
    expect(planUrl(7, { aspek: 'B' }, 12)).toBe('/periods/7/renaksi?aspek=B#row-12');
    expect(planUrl(7, {})).toBe('/periods/7/renaksi');
  });

  it('keeps a page number only for a filter across the aspects', () => {
    expect(filterQuery({ tampil: 'terbuka', hal: 2 })).toBe('tampil=terbuka&hal=2');
    expect(filterQuery({ aspek: 'A', hal: 2 })).toBe('aspek=A');
    expect(filterQuery({ tampil: 'terbuka', hal: 1 })).toBe('tampil=terbuka');
  });
});
