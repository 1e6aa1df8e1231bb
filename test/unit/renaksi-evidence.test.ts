import { evidenceLookup, type DraftUnit } from '../../src/renaksi/renaksi-evidence';
import { groupPlanRows } from '../../src/renaksi/renaksi-layout';
import { buildInstrument } from './factories';

// A (weight 40): A1 (target 4, N/A allowed), A2 (target 3); B (weight 60): B1
const instrument = buildInstrument({
  aspects: [
    { code: 'A', weight: 40, indicators: [{ allowNa: true }, { target: 3 }] },
    { code: 'B', weight: 60, indicators: 1 },
  ],
});

const units: DraftUnit[] = [
  { unitId: 1, name: 'Telen', group: 'kecamatan', levels: { A1: 2, A2: 3, B1: 4 } },
  { unitId: 2, name: 'Busang', group: 'kecamatan', levels: { A1: 0, A2: 1, B1: 4 } },
  { unitId: 3, name: 'Bappeda', group: 'pd', levels: { A1: 'na', A2: 3, B1: 4 } },
  { unitId: 4, name: 'Kaubun', group: 'kecamatan', levels: { A1: 2, A2: 3, B1: 4 } },
];

// The period has 7 units: the 4 above are counted, 2 did not submit and 1 submitted with an unanswered indicator.
const roster = { total: 7, notSubmitted: 2, incomplete: 1 };

describe('evidenceLookup', () => {
  const lookup = evidenceLookup(instrument, units, roster);

  it('lists the units below target of a row, lowest level first then in the order given, N/A units left out', () => {
    const e = lookup({ indicatorCode: 'A1' });

    // A1 applicable: Telen 2, Busang 0, Kaubun 2 (Bappeda N/A) → all 3 below target 4; Telen is listed before Kaubun
    expect(e).toMatchObject({ indicatorCode: 'A1', indicatorTitle: 'Judul A1', target: 4, applicable: 3, belowCount: 3 });
    expect(e?.units.map((u) => [u.name, u.level])).toEqual([['Busang', 0], ['Telen', 2], ['Kaubun', 2]]);
  });

  it('counts every unit of the period: below, met, N/A, not submitted and incomplete add up to 7', () => {
    const a1 = lookup({ indicatorCode: 'A2' });

    // A2: Busang 1 below target 3; Telen, Bappeda, Kaubun at 3
    expect(a1?.tally).toEqual({ total: 7, below: 1, met: 3, na: 0, notSubmitted: 2, incomplete: 1 });
    expect(a1?.summary).toBe('1 dari 7 unit di bawah target (3 sudah mencapai target, 2 belum mengajukan penilaian, 1 belum lengkap)');
    expect(lookup({ indicatorCode: 'A1' })?.summary).toBe(
      '3 dari 7 unit di bawah target (1 tidak berlaku, 2 belum mengajukan penilaian, 1 belum lengkap)',
    );
  });

  it('measures against the indicator’s own target (A2: only level 1 is below 3)', () => {
    const e = lookup({ indicatorCode: 'A2' });

    expect(e?.belowCount).toBe(1);
    expect(e?.units.map((u) => u.name)).toEqual(['Busang']);
  });

  it('has nothing to show for a row without an indicator or with an unknown code', () => {
    expect(lookup({ indicatorCode: null })).toBeNull();
    expect(lookup({ indicatorCode: 'Z9' })).toBeNull();
  });

  it('treats a manual row with an indicator like a drafted row', () => {
    expect(lookup({ indicatorCode: 'B1' })).toMatchObject({ belowCount: 0, applicable: 4, units: [] });
  });
});

describe('groupPlanRows', () => {
  const aspects = [
    { code: 'A', name: 'Kebijakan' },
    { code: 'B', name: 'Kelembagaan' },
    { code: 'C', name: 'Kanal' },
  ];

  it('groups rows under aspects in instrument order, numbers groups and rows, and skips empty aspects', () => {
    const rows = [{ id: 1, aspectCode: 'C' }, { id: 2, aspectCode: 'A' }, { id: 3, aspectCode: 'C' }, { id: 4, aspectCode: 'A' }];

    const groups = groupPlanRows(aspects, rows);

    expect(groups.map((g) => [g.aspectCode, g.number, g.rows.map((r) => [r.row.id, r.no])])).toEqual([
      ['A', 'I', [[2, 'I.1'], [4, 'I.2']]],
      ['C', 'II', [[1, 'II.1'], [3, 'II.2']]],
    ]);
  });

  it('puts rows of an aspect the instrument no longer has at the end', () => {
    const groups = groupPlanRows(aspects, [{ id: 1, aspectCode: 'G' }, { id: 2, aspectCode: 'B' }]);

    expect(groups.map((g) => [g.aspectCode, g.aspectName, g.number])).toEqual([['B', 'Kelembagaan', 'I'], ['G', 'Aspek G', 'II']]);
  });
});
