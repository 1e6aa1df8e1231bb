import {
  aspectMeans,
  compareCodes,
  countUnits,
  heatmapMatrix,
  indexMeans,
  levelDistributions,
  rankUnits,
  sortHeatmap,
  unitAliases,
  unitGaps,
  unitRadar,
  weakestIndicators,
} from '../../src/dashboard/aggregates';
import { aggregateScores, scoreUnit } from '../../src/scoring/scoring';
import type { UnitGroup } from '../../src/units/units.repo';
import type { UnitResult } from '../../src/scoring/scores.service';
import { buildAnswers, buildInstrument, type AnswerSpec } from './factories';

// A 40 % (A1, A2 with target 3), B 60 % (B1, B2 may be N/A; B3).
const instrument = buildInstrument({
  aspects: [
    { code: 'A', weight: 40, indicators: [{}, { target: 3 }] },
    { code: 'B', weight: 60, indicators: [{ allowNa: true }, { allowNa: true }, {}] },
  ],
});

function unit(unitId: number, name: string, group: UnitGroup, status: UnitResult['status'], spec: Record<string, AnswerSpec>): UnitResult {
  return {
    unitId,
    code: `U${unitId}`,
    name,
    group,
    status,
    included: status === 'diajukan' || status === 'diverifikasi',
    score: scoreUnit(instrument, buildAnswers(spec)),
  };
}

// Dinas A: A = (100 + 50)/2 = 75; B = (100 + 100 + 50)/3 = 83,33…; index = (40×75 + 60×83,33…)/100 = 80.
const dinasA = unit(30, 'Dinas A', 'pd', 'diajukan', { A1: 4, A2: 2, B1: 4, B2: 4, B3: 2 });
// Dinas B: A = 50; B = 100 (B1, B2 N/A); index = 20 + 60 = 80 — tied with Dinas A.
const dinasB = unit(10, 'Dinas B', 'pd', 'diverifikasi', { A1: 2, A2: 2, B1: 'na', B2: 'na', B3: 4 });
// Kecamatan C: A = (25 + 75)/2 = 50; B wholly N/A → its weight goes pro rata → index 50.
const kecC = unit(20, 'Kecamatan C', 'kecamatan', 'diajukan', { A1: 1, A2: 3, B1: 'na', B2: 'na', B3: 'na' });
// Excluded: submitted but only 1 of 5 answered (20 %); complete but still a draft; not started.
const kecD = unit(5, 'Kecamatan D', 'kecamatan', 'diajukan', { A1: 4 });
const kecE = unit(40, 'Kecamatan E', 'kecamatan', 'draf', { A1: 4, A2: 4, B1: 4, B2: 4, B3: 4 });
const kecF = unit(1, 'Kecamatan F', 'kecamatan', 'belum_mulai', {});
const units = [dinasA, dinasB, kecC, kecD, kecE, kecF];

describe('countUnits', () => {
  it('counts submitted and verified complete units and says why the others are left out', () => {
    const counts = countUnits(units);

    expect(counts).toEqual({
      total: 6,
      counted: 3,
      countedSubmitted: 2,
      countedVerified: 1,
      incompleteIncluded: 1,
      notSubmitted: 2,
      byGroup: { pd: { total: 2, counted: 2 }, kecamatan: { total: 4, counted: 1 } },
    });
  });
});

describe('indexMeans', () => {
  it('averages the counted units kabupaten-wide and per group, leaving out incomplete and unsubmitted units', () => {
    const means = indexMeans(instrument, units);

    // (80 + 80 + 50) / 3 = 70
    expect(means.kabupaten.mean).toBeCloseTo(70, 10);
    expect(means.kabupaten.category).toBe('Baik');
    expect(means.kabupaten.terms.map((t) => t.name)).toEqual(['Dinas A', 'Dinas B', 'Kecamatan C']);
    expect(means.pd.mean).toBeCloseTo(80, 10);
    expect(means.kecamatan.mean).toBeCloseTo(50, 10);
    expect(means.kecamatan.category).toBe('Sedang');
  });

  it('agrees exactly with the scoring module’s kabupaten aggregate', () => {
    const means = indexMeans(instrument, units);
    const agg = aggregateScores(instrument, units);

    expect(means.kabupaten.mean).toBe(agg.index);
    expect(means.pd.mean).toBe(agg.byGroup.pd.index);
    expect(means.kecamatan.mean).toBe(agg.byGroup.kecamatan.index);
  });

  it('gives no mean when no unit is counted yet', () => {
    const means = indexMeans(instrument, [kecD, kecE, kecF]);

    expect(means.kabupaten).toEqual({ mean: null, category: null, terms: [] });
  });
});

describe('aspectMeans', () => {
  it('averages each aspect over the counted units where it applies', () => {
    const [a, b] = aspectMeans(instrument, units);

    // A: (75 + 50 + 50) / 3 = 58,33…; PD (75 + 50) / 2 = 62,5; kecamatan 50
    expect(a?.means.kabupaten.mean).toBeCloseTo(175 / 3, 10);
    expect(a?.means.pd.mean).toBeCloseTo(62.5, 10);
    expect(a?.means.kecamatan.mean).toBeCloseTo(50, 10);
    // B: Kecamatan C is wholly N/A → (83,33… + 100) / 2 = 91,66…; kecamatan has no B score
    expect(b?.means.kabupaten.mean).toBeCloseTo(275 / 3, 10);
    expect(b?.means.kabupaten.terms).toHaveLength(2);
    expect(b?.means.kecamatan).toEqual({ mean: null, category: null, terms: [] });
    expect(b?.weight).toBe(60);
  });
});

describe('rankUnits', () => {
  it('gives tied indexes the same rank, skips the next, and lists the rest after by completeness', () => {
    const { ranked, unranked } = rankUnits(units);

    expect(ranked.map((u) => [u.rank, u.name, u.index])).toEqual([
      [1, 'Dinas A', 80],
      [1, 'Dinas B', 80],
      [3, 'Kecamatan C', 50],
    ]);
    expect(unranked.map((u) => [u.name, u.completeness, u.reason])).toEqual([
      ['Kecamatan E', 100, 'belum-diajukan'],
      ['Kecamatan D', 20, 'belum-lengkap'],
      ['Kecamatan F', 0, 'belum-diajukan'],
    ]);
  });

  it('treats indexes a rounding hair apart as equal', () => {
    const near = { ...kecC, unitId: 99, name: 'Kecamatan Z', score: { ...kecC.score, index: 50 + 1e-12 } };

    const { ranked } = rankUnits([kecC, near]);

    expect(ranked.map((u) => [u.rank, u.name])).toEqual([
      [1, 'Kecamatan C'],
      [1, 'Kecamatan Z'],
    ]);
  });
});

describe('heatmapMatrix and sortHeatmap', () => {
  it('has one row per counted unit with every aspect cell and its category', () => {
    const rows = heatmapMatrix(instrument, units);

    expect(rows.map((r) => r.name)).toEqual(['Dinas A', 'Dinas B', 'Kecamatan C']);
    expect(rows[0]?.cells.map((c) => [c.aspectCode, c.category])).toEqual([
      ['A', 'Baik'],
      ['B', 'Baik'],
    ]);
    expect(rows[0]?.cells[1]?.score).toBeCloseTo(250 / 3, 10);
    expect(rows[2]?.cells[1]).toEqual({ aspectCode: 'B', score: null, category: null });
    expect(rows[2]).toMatchObject({ index: 50, category: 'Sedang' });
  });

  it('numbers every unit of the period by id so the aliases never move', () => {
    const aliases = unitAliases(units);
    const rows = heatmapMatrix(instrument, units);

    expect([...aliases.entries()]).toEqual([[1, 1], [5, 2], [10, 3], [20, 4], [30, 5], [40, 6]]);
    expect(rows.map((r) => r.alias)).toEqual([5, 3, 4]);
  });

  it.each([
    ['B', 'asc', ['Dinas A', 'Dinas B', 'Kecamatan C']],
    ['B', 'desc', ['Dinas B', 'Dinas A', 'Kecamatan C']],
    ['index', 'desc', ['Dinas A', 'Dinas B', 'Kecamatan C']],
    ['index', 'asc', ['Kecamatan C', 'Dinas A', 'Dinas B']],
    ['name', 'desc', ['Kecamatan C', 'Dinas B', 'Dinas A']],
    ['alias', 'asc', ['Dinas B', 'Kecamatan C', 'Dinas A']],
  ] as const)('sorts by %s %s, cells without a score last and ties by name', (key, dir, expected) => {
    const rows = sortHeatmap(heatmapMatrix(instrument, units), key, dir);

    expect(rows.map((r) => r.name)).toEqual(expected);
  });
});

describe('levelDistributions and weakestIndicators', () => {
  it('counts the counted units at each level and N/A, with the mean score and units below target', () => {
    const d = Object.fromEntries(levelDistributions(instrument, units).map((x) => [x.code, x]));

    expect(d.A1).toMatchObject({ counts: { 0: 0, 1: 1, 2: 1, 3: 0, 4: 1, na: 0 }, applicable: 3, belowTarget: 2 });
    // (100 + 50 + 25) / 3
    expect(d.A1?.mean).toBeCloseTo(175 / 3, 10);
    // A2 target 3: levels 2, 2, 3 → two below
    expect(d.A2).toMatchObject({ counts: { 0: 0, 1: 0, 2: 2, 3: 1, 4: 0, na: 0 }, target: 3, belowTarget: 2 });
    expect(d.B1).toMatchObject({ counts: { 0: 0, 1: 0, 2: 0, 3: 0, 4: 1, na: 2 }, applicable: 1, mean: 100, belowTarget: 0 });
    expect(d.B3?.mean).toBeCloseTo(75, 10);
  });

  it('picks the lowest means first and breaks an equal mean by code', () => {
    const weakest = weakestIndicators(levelDistributions(instrument, units), 3);

    // A1 and A2 both 58,33… (sums 175 / 3)
    expect(weakest.map((w) => w.code)).toEqual(['A1', 'A2', 'B3']);
  });

  it('leaves out an indicator that no counted unit answered with a level', () => {
    const onlyC = levelDistributions(instrument, [kecC]);

    const weakest = weakestIndicators(onlyC, 10);

    expect(weakest.map((w) => w.code)).toEqual(['A1', 'A2']);
  });

  it('orders codes naturally', () => {
    expect(['A10', 'A2', 'A1'].sort(compareCodes)).toEqual(['A1', 'A2', 'A10']);
  });
});

describe('unitRadar and unitGaps', () => {
  it('sets each aspect of the unit beside the kabupaten mean with the difference', () => {
    const kab = { A: 175 / 3, B: 275 / 3 };

    const rows = unitRadar(instrument, kecC, kab);

    expect(rows[0]).toMatchObject({ code: 'A', unit: 50, weight: 40 });
    expect(rows[0]?.difference).toBeCloseTo(50 - 175 / 3, 10);
    expect(rows[1]).toMatchObject({ code: 'B', unit: null, difference: null });
  });

  it('takes the target from the instrument and the gap as max(0, T − L), none for N/A', () => {
    const gaps = unitGaps(instrument, dinasB);

    expect(gaps.map((g) => [g.code, g.level, g.target, g.gap])).toEqual([
      ['A1', 2, 4, 2],
      ['A2', 2, 3, 1],
      ['B1', 'na', 4, null],
      ['B2', 'na', 4, null],
      ['B3', 4, 4, 0],
    ]);
    expect(gaps[0]?.activities[0]?.activity).toBe('Kegiatan A1');
  });

  it('never gives a negative gap when the level is above the target', () => {
    const gaps = unitGaps(instrument, kecE);

    expect(gaps.find((g) => g.code === 'A2')).toMatchObject({ level: 4, target: 3, gap: 0 });
  });
});
