import { cellText, type MatrixUnit } from '../../src/renaksi/renaksi-matrix';
import { activitiesForLevel, officialOrder, targetMapRows, unitPlanItems, type MapIndicator } from '../../src/renaksi/renaksi-target-map';
import type { EffectiveLevel } from '../../src/scoring/scoring';
import type { UnitGroup } from '../../src/units/units.repo';

const YEARS = [2022, 2023, 2024];

const A1: MapIndicator = {
  code: 'A1', aspectCode: 'A', title: 'Tim pengelola', target: 4, coordinator: 'Bagian Organisasi', evidence: 'SK',
  sasaran: 'Setiap unit memiliki SK tim pengelola.',
  activities: [
    { activity: 'Penetapan SK', output: 'SK', unit: 'dokumen', forLevels: [0, 1] },
    { activity: 'Pemutakhiran SK', output: 'SK', unit: 'dokumen', forLevels: [2] },
    { activity: 'Rapat evaluasi', output: 'Notulen', unit: 'notulen' },
  ],
};
const B1: MapIndicator = {
  code: 'B1', aspectCode: 'B', title: 'Akun', target: 3, coordinator: 'Diskominfo Staper', evidence: 'Tangkapan layar',
  activities: [{ activity: 'Aktivasi akun', output: 'Akun aktif', unit: 'akun' }],
};

function unit(unitId: number, group: UnitGroup, submitted: boolean, levels: Record<string, EffectiveLevel>): MatrixUnit {
  return { unitId, name: `Unit ${unitId}`, group, submitted, levels };
}

const UNITS = [
  unit(1, 'pd', true, { A1: 4, B1: 3 }),
  unit(2, 'kecamatan', true, { A1: 1, B1: 'na' }),
  unit(3, 'pd', true, { A1: 2, B1: 1 }),
  unit(4, 'kecamatan', false, { A1: 4, B1: 3 }),
];

describe('targetMapRows', () => {
  it('lists perangkat daerah first, then kecamatan, each in the order given', () => {
    expect(officialOrder(UNITS).map((u) => u.unitId)).toEqual([1, 3, 2, 4]);
  });

  it('gives each unit its cell per indicator: blank at target, – for N/A, level → level in the last year, * when not submitted', () => {
    const rows = targetMapRows(UNITS, [A1, B1].map((i) => ({ code: i.code, aspectCode: i.aspectCode, aspectWeight: 0, target: i.target })), 3);

    expect(rows.map((r) => [r.unitId, cellText(r.cells.A1 ?? { kind: 'na' }), cellText(r.cells.B1 ?? { kind: 'na' }), r.gapCount])).toEqual([
      [1, '', '', 0],
      [3, '2→4', '1→3', 2],
      [2, '1→4', '–', 1],
      // did not submit: from 0, three years reach min(T, 3)
      [4, '0→3*', '0→3*', 2],
    ]);
  });
});

describe('unitPlanItems', () => {
  it('lists the unit’s gap indicators with yearly target levels min(T, L + k) and the activities for its level', () => {
    const items = unitPlanItems(UNITS[1] as MatrixUnit, [A1, B1], YEARS);

    // unit 2: A1 at 1 → 2, 3, 4 with the activity for levels 0–1 and the one for every level; B1 N/A left out
    expect(items).toEqual([
      {
        code: 'A1', aspectCode: 'A', title: 'Tim pengelola', sasaran: 'Setiap unit memiliki SK tim pengelola.', level: 1, target: 4,
        yearly: { 2022: 2, 2023: 3, 2024: 4 }, activities: [A1.activities[0], A1.activities[2]],
      },
    ]);
  });

  it('starts a unit that did not submit from 0 on every indicator', () => {
    const items = unitPlanItems(UNITS[3] as MatrixUnit, [A1, B1], YEARS);

    expect(items.map((i) => [i.code, i.level, i.yearly])).toEqual([
      ['A1', 0, { 2022: 1, 2023: 2, 2024: 3 }],
      ['B1', 0, { 2022: 1, 2023: 2, 2024: 3 }],
    ]);
    expect(items[1]?.sasaran).toBeNull();
  });

  it('gives a level no activity names every activity rather than none', () => {
    const only = { ...A1, activities: [{ activity: 'Penetapan SK', output: 'SK', unit: 'dokumen', forLevels: [0] }] };

    expect(activitiesForLevel(only, 3)).toEqual(only.activities);
  });
});
