import { arrangeBoard, boardQueryString, countByStatus, officialNumbers } from '../../src/board/board-view';
import type { BoardRow } from '../../src/board/board.repo';
import { parseBoardQuery } from '../../src/board/board.schemas';

let nextId = 1;
const row = (over: Partial<BoardRow> & { name: string }): BoardRow => ({
  unitId: nextId++, code: over.name.toUpperCase(), group: 'kecamatan', active: true, assessmentId: null, status: 'belum_mulai',
  answered: 0, evidenceCount: 0, lastActivity: null, narahubung: [], copyPending: false, ...over,
});

const rows = [
  row({ name: 'Telen', status: 'draf', answered: 12, evidenceCount: 3, lastActivity: '2026-11-02T01:00:00.000Z', narahubung: ['Yusuf'] }),
  row({ name: 'Busang', status: 'diajukan', answered: 30, evidenceCount: 9, lastActivity: '2026-11-20T01:00:00.000Z', narahubung: ['Andi', 'Siti'] }),
  row({ name: 'Dinas Kesehatan', group: 'pd', status: 'diverifikasi', answered: 30, evidenceCount: 1, lastActivity: '2026-10-01T01:00:00.000Z' }),
  row({ name: 'Kaubun' }),
];
const names = (list: BoardRow[]) => list.map((r) => r.name);

describe('arrangeBoard', () => {
  it.each([
    // the rows come in the official order (here: as listed above); the default keeps it
    [{}, ['Telen', 'Busang', 'Dinas Kesehatan', 'Kaubun']],
    [{ urut: 'urutan', arah: 'desc' }, ['Kaubun', 'Dinas Kesehatan', 'Busang', 'Telen']],
    [{ urut: 'unit' }, ['Busang', 'Dinas Kesehatan', 'Kaubun', 'Telen']],
    [{ urut: 'terjawab', arah: 'desc' }, ['Busang', 'Dinas Kesehatan', 'Telen', 'Kaubun']],
    [{ urut: 'bukti' }, ['Kaubun', 'Dinas Kesehatan', 'Telen', 'Busang']],
    [{ urut: 'status' }, ['Kaubun', 'Telen', 'Busang', 'Dinas Kesehatan']],
    [{ urut: 'aktivitas', arah: 'desc' }, ['Busang', 'Telen', 'Dinas Kesehatan', 'Kaubun']],
    [{ urut: 'narahubung' }, ['Dinas Kesehatan', 'Kaubun', 'Busang', 'Telen']],
    // ties (the three kecamatan) keep the official order
    [{ urut: 'kelompok' }, ['Telen', 'Busang', 'Kaubun', 'Dinas Kesehatan']],
    [{ kelompok: 'kecamatan', urut: 'unit', arah: 'desc' }, ['Telen', 'Kaubun', 'Busang']],
    [{ status: 'belum_mulai' }, ['Kaubun']],
  ])('arranges %p as %p', (query, expected) => {
    expect(names(arrangeBoard(rows, parseBoardQuery(query)))).toEqual(expected);
  });

  it('does not reorder the input', () => {
    arrangeBoard(rows, parseBoardQuery({ urut: 'terjawab' }));

    expect(names(rows)).toEqual(['Telen', 'Busang', 'Dinas Kesehatan', 'Kaubun']);
  });
});

describe('officialNumbers', () => {
  it('numbers each unit by its place in the unfiltered board, whatever order a filtered view shows', () => {
    const no = officialNumbers(rows);

    expect(arrangeBoard(rows, parseBoardQuery({ urut: 'unit' })).map((r) => [r.name, no(r.unitId)])).toEqual([
      ['Busang', 2], ['Dinas Kesehatan', 3], ['Kaubun', 4], ['Telen', 1],
    ]);
  });
});

describe('board query', () => {
  it('falls back to defaults for unknown values and builds links that keep the filter', () => {
    const q = parseBoardQuery({ kelompok: 'kecamatan', status: ['draf', 'diajukan'], urut: 'x', arah: 'naik' });

    expect(q).toEqual({ kelompok: 'kecamatan', status: undefined, urut: 'urutan', arah: 'asc' });
    expect(boardQueryString(q, { urut: 'bukti', arah: 'desc' })).toBe('kelompok=kecamatan&urut=bukti&arah=desc');
  });

  it('counts units per status', () => {
    expect(countByStatus(rows)).toEqual({ belum_mulai: 1, draf: 1, dikembalikan: 0, diajukan: 1, diverifikasi: 1 });
  });
});
