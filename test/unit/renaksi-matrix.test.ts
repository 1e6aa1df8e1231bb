import {
  cellText,
  draftMatrixRows,
  formatSchedule,
  indicatorCounts,
  outputIncrements,
  scheduleFor,
  shareOf,
  startingLevel,
  targetCell,
  yearlyFromGaps,
  type MatrixIndicator,
  type MatrixUnit,
} from '../../src/renaksi/renaksi-matrix';
import type { EffectiveLevel } from '../../src/scoring/scoring';
import type { UnitGroup } from '../../src/units/units.repo';

const YEARS = [2022, 2023, 2024];

let nextId = 1;
function unit(group: UnitGroup, submitted: boolean, levels: Record<string, EffectiveLevel>): MatrixUnit {
  const id = nextId++;
  return { unitId: id, name: `Unit ${id}`, group, submitted, levels };
}

const X: MatrixIndicator = { code: 'B1', aspectCode: 'B', aspectWeight: 20, target: 4 };

/**
 * Six units on B1 (target 4): U1 pd at 4, U2 pd at 3, U3 pd at 1, U4 kecamatan N/A, U5 kecamatan that did not
 * submit (its draft says 4, but it starts from 0), U6 kecamatan at 2.
 */
function sixUnits(): MatrixUnit[] {
  return [
    unit('pd', true, { B1: 4 }),
    unit('pd', true, { B1: 3 }),
    unit('pd', true, { B1: 1 }),
    unit('kecamatan', true, { B1: 'na' }),
    unit('kecamatan', false, { B1: 4 }),
    unit('kecamatan', true, { B1: 2 }),
  ];
}

describe('startingLevel', () => {
  it('starts a unit that did not submit from 0, whatever its draft says', () => {
    expect(startingLevel(unit('pd', false, { B1: 4 }), 'B1')).toBe(0);
  });

  it('keeps N/A and treats an unanswered indicator of a submitted unit as 0', () => {
    expect(startingLevel(unit('pd', true, { B1: 'na' }), 'B1')).toBe('na');
    expect(startingLevel(unit('pd', true, { B1: null }), 'B1')).toBe(0);
    expect(startingLevel(unit('pd', true, {}), 'B1')).toBe(0);
  });
});

describe('indicatorCounts', () => {
  it('counts baseline, units below target and the groups over the applicable units', () => {
    const counts = indicatorCounts(X, sixUnits(), YEARS);

    expect(counts.total).toBe(6);
    expect(counts.applicable).toBe(5);
    expect(counts.notApplicable).toBe(1);
    expect(counts.atTarget).toBe(1);
    expect(counts.below).toBe(4);
    expect(counts.notSubmitted).toBe(1);
    expect(counts.byGroup).toEqual({ pd: { applicable: 3, below: 2 }, kecamatan: { applicable: 2, below: 2 } });
  });

  it('counts units at target by the end of each year from min(T, L + k)', () => {
    const counts = indicatorCounts(X, sixUnits(), YEARS);

    // gaps: U1 0, U2 1, U3 3, U5 4, U6 2 → ≤1: 2, ≤2: 3, ≤3: 4 (U5 needs a fourth year)
    expect(counts.yearly).toEqual({ 2022: 2, 2023: 3, 2024: 4 });
  });

  it('keeps the applicable units per gap, from which the yearly counts follow for any plan years', () => {
    const counts = indicatorCounts(X, sixUnits(), YEARS);

    // gaps 0 (U1), 1 (U2), 3 (U3), 4 (U5), 2 (U6); U4 N/A is left out
    expect(counts.byGap).toEqual([1, 1, 1, 1, 1]);
    expect(yearlyFromGaps(counts.byGap, [2023, 2024, 2025, 2026, 2027])).toEqual({ 2023: 2, 2024: 3, 2025: 4, 2026: 5, 2027: 5 });
    expect(yearlyFromGaps(counts.byGap, YEARS)).toEqual(counts.yearly);
  });

  it('orders by aspect weight × mean gap over the applicable units', () => {
    const counts = indicatorCounts(X, sixUnits(), YEARS);

    // 20 × (0 + 1 + 3 + 4 + 2) / 5
    expect(counts.priority).toBeCloseTo(40, 9);
  });

  it('never decreases and never exceeds the applicable units over a five-year plan', () => {
    const units = [unit('pd', false, {}), unit('pd', true, { B1: 0 }), unit('kecamatan', true, { B1: 3 })];

    const counts = indicatorCounts(X, units, [2022, 2023, 2024, 2025, 2026]);

    expect(counts.yearly).toEqual({ 2022: 1, 2023: 1, 2024: 1, 2025: 3, 2026: 3 });
  });

  it('gives an indicator nobody can judge no applicable unit and no priority', () => {
    const units = [unit('kecamatan', true, { B1: 'na' }), unit('kecamatan', true, { B1: 'na' })];

    const counts = indicatorCounts(X, units, YEARS);

    expect(counts).toMatchObject({ total: 2, applicable: 0, below: 0, atTarget: 0, priority: 0 });
    expect(counts.yearly).toEqual({ 2022: 0, 2023: 0, 2024: 0 });
  });
});

describe('shareOf', () => {
  it('is the share of the applicable units', () => {
    expect(shareOf(21, 57)).toBeCloseTo(36.842105, 5);
    expect(shareOf(0, 0)).toBe(0);
  });
});

describe('draftMatrixRows', () => {
  const indicators: MatrixIndicator[] = [
    { code: 'A1', aspectCode: 'A', aspectWeight: 15, target: 4 },
    { code: 'A2', aspectCode: 'A', aspectWeight: 15, target: 4 },
    { code: 'A10', aspectCode: 'A', aspectWeight: 15, target: 4 },
    { code: 'B1', aspectCode: 'B', aspectWeight: 20, target: 4 },
    { code: 'B2', aspectCode: 'B', aspectWeight: 20, target: 3 },
  ];

  it('keeps indicators with a unit below target, aspects in order, highest priority first inside an aspect', () => {
    const units = [
      unit('pd', true, { A1: 3, A2: 1, A10: 3, B1: 4, B2: 3 }),
      unit('kecamatan', true, { A1: 4, A2: 4, A10: 4, B1: 2, B2: 4 }),
    ];

    const rows = draftMatrixRows(indicators, units, YEARS);

    // A2: 15 × 3/2 = 22,5; A1 and A10: 15 × 1/2 = 7,5 (tie: by code, numerically); B1: 20 × 2/2; B2 at target
    expect(rows.map((r) => r.indicator.code)).toEqual(['A2', 'A1', 'A10', 'B1']);
    expect(rows.map((r) => r.counts.priority)).toEqual([22.5, 7.5, 7.5, 20]);
  });

  it('counts a unit that did not submit as below target on every indicator', () => {
    const units = [unit('pd', true, { A1: 4, A2: 4, A10: 4, B1: 4, B2: 3 }), unit('pd', false, {})];

    const rows = draftMatrixRows(indicators, units, YEARS);

    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.counts.notSubmitted === 1 && r.counts.atTarget === 1 && r.counts.applicable === 2)).toBe(true);
  });
});

describe('scheduleFor', () => {
  const rising = { 2022: 2, 2023: 3, 2024: 4 };

  it.each([
    [0, 'TW I 2022 – TW IV 2024'],
    [1, 'TW I 2022 – TW IV 2024'],
    [2, 'TW III 2022 – TW IV 2024'],
    [3, 'TW III 2022 – TW IV 2024'],
    [4, 'TW I 2023 – TW IV 2024'],
    [5, 'TW I 2023 – TW IV 2024'],
  ])('starts row ranked %p of 6 by its priority third: %p', (rank, text) => {
    expect(formatSchedule(scheduleFor(rank, 6, rising, YEARS))).toBe(text);
  });

  it('ends in the last year the count still rises, never before the start', () => {
    const flat = { 2022: 5, 2023: 5, 2024: 5 };

    expect(formatSchedule(scheduleFor(0, 6, flat, YEARS))).toBe('TW I 2022 – TW IV 2022');
    expect(formatSchedule(scheduleFor(5, 6, flat, YEARS))).toBe('TW I 2023 – TW IV 2023');
    expect(formatSchedule(scheduleFor(0, 6, { 2022: 2, 2023: 4, 2024: 4 }, YEARS))).toBe('TW I 2022 – TW IV 2023');
  });

  it('keeps a one-year plan inside its year', () => {
    expect(formatSchedule(scheduleFor(2, 3, { 2024: 3 }, [2024]))).toBe('TW I 2024 – TW IV 2024');
  });
});

describe('outputIncrements', () => {
  it('gives the units newly at target each year (SPEC example: 21 → 30 → 45 → 57)', () => {
    expect(outputIncrements(21, { 2022: 30, 2023: 45, 2024: 57 }, YEARS)).toEqual({ 2022: 9, 2023: 15, 2024: 12 });
  });

  it('gives 0 for a year without progress', () => {
    expect(outputIncrements(1, { 2022: 1, 2023: 3, 2024: 3 }, YEARS)).toEqual({ 2022: 0, 2023: 2, 2024: 0 });
  });
});

describe('targetCell and cellText', () => {
  it('prints the current level and the level in the last plan year, blank at target, – for N/A, * for not submitted', () => {
    const [u1, u2, u3, u4, u5, u6] = sixUnits() as [MatrixUnit, MatrixUnit, MatrixUnit, MatrixUnit, MatrixUnit, MatrixUnit];

    const texts = [u1, u2, u3, u4, u5, u6].map((u) => cellText(targetCell(u, X, YEARS.length)));

    expect(texts).toEqual(['', '3→4', '1→4', '–', '0→3*', '2→4']);
  });

  it('stops the trajectory at a final target below 4', () => {
    const cell = targetCell(unit('pd', true, { B2: 0 }), { code: 'B2', aspectCode: 'B', aspectWeight: 20, target: 2 }, 3);

    expect(cell).toEqual({ kind: 'gap', from: 0, to: 2, notSubmitted: false });
  });
});
