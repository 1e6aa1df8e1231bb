import path from 'node:path';
import { loadInstrumentFile } from '../../src/instrument/instrument.loader';
import { instrumentForUnit, naAllowedFor } from '../../src/instrument/instrument-rules';
import { scoreUnit } from '../../src/scoring/scoring';
import { buildAnswers, type AnswerSpec } from './factories';

const revision2 = loadInstrumentFile(path.join(__dirname, '..', '..', 'templates', 'instrument-2022.2.json'));

/** Every indicator of revision 2 at `fill`, then the listed ones. */
function answers(fill: AnswerSpec, levels: Record<string, AnswerSpec>) {
  const codes = revision2.aspects.flatMap((a) => a.indicators.map((i) => i.code));
  return buildAnswers({ ...Object.fromEntries(codes.map((c) => [c, fill])), ...levels });
}

describe('scoreUnit on revision 2: the changed N/A cases', () => {
  it('gives a kecamatan without any report a fair index: aspect D wholly N/A and its 30 % shared pro rata', () => {
    // A: 4, 3, 2, 1, 0 → 100, 75, 50, 25, 0 → mean 50. B: all 2 → 50. C: all 3 → 75.
    // D: D1–D6 N/A → no score. E: 4, 4, 2, 2, E5 N/A → (100 + 100 + 50 + 50) / 4 = 75.
    // F: F1 4, F2 N/A, F3 N/A, F4 2, F5 0 → (100 + 50 + 0) / 3 = 50.
    // Index = (15×50 + 20×50 + 10×75 + 10×75 + 15×50) / (15 + 20 + 10 + 10 + 15) = 4000 / 70 = 57,142857…
    const kecamatan = answers(3, {
      A1: 4, A2: 3, A3: 2, A4: 1, A5: 0, B1: 2, B2: 2, B3: 2, B4: 2, B5: 2,
      D1: 'na', D2: 'na', D3: 'na', D4: 'na', D5: 'na', D6: 'na',
      E1: 4, E2: 4, E3: 2, E4: 2, E5: 'na', F1: 4, F2: 'na', F3: 'na', F4: 2, F5: 0,
    });

    const result = scoreUnit(revision2, kecamatan);

    expect(result.aspectScores).toEqual({ A: 50, B: 50, C: 75, D: null, E: 75, F: 50 });
    expect(result.complete).toBe(true);
    expect(result.index).toBeCloseTo(4000 / 70, 10);
    expect(result.index).toBeCloseTo(57.142857, 5);
    expect(result.category).toBe('Sedang');
  });

  it('would have put the same kecamatan in Kurang had aspect D counted as level 0 (the unfairness revision 2 removes)', () => {
    // Same answers, D1–D6 at 0: index = (4000 + 30×0) / 100 = 40.
    const asZero = answers(3, {
      A1: 4, A2: 3, A3: 2, A4: 1, A5: 0, B1: 2, B2: 2, B3: 2, B4: 2, B5: 2,
      D1: 0, D2: 0, D3: 0, D4: 0, D5: 0, D6: 0,
      E1: 4, E2: 4, E3: 2, E4: 2, E5: 'na', F1: 4, F2: 'na', F3: 'na', F4: 2, F5: 0,
    });

    const result = scoreUnit(revision2, asZero);

    expect(result.index).toBeCloseTo(40, 10);
    expect(result.category).toBe('Kurang');
  });

  it('leaves F4 out of aspect F for Inspektorat, who alone may answer it N/A', () => {
    // Every indicator at 2 (50) except F: F1 4, F2 4, F3 3, F4 N/A, F5 3 → (100 + 100 + 75 + 75) / 4 = 87,5.
    // Index = (85 × 50 + 15 × 87,5) / 100 = (4250 + 1312,5) / 100 = 55,625.
    const inspektorat = instrumentForUnit(revision2, 'PD-INSPEKTORAT');
    const ind = inspektorat.aspects.flatMap((a) => a.indicators).find((i) => i.code === 'F4');

    const result = scoreUnit(inspektorat, answers(2, { F1: 4, F2: 4, F3: 3, F4: 'na', F5: 3 }));

    expect(ind?.allowNa).toBe(true);
    expect(result.aspectScores.F).toBe(87.5);
    expect(result.index).toBeCloseTo(55.625, 10);
    expect(result.category).toBe('Sedang');
  });

  it('keeps F4 applicable for every other unit: a dinas with no monev scores 0 there', () => {
    // F: 4, 4, 3, F4 0, 3 → (100 + 100 + 75 + 0 + 75) / 5 = 70. Index = (4250 + 15 × 70) / 100 = 53.
    const result = scoreUnit(revision2, answers(2, { F1: 4, F2: 4, F3: 3, F4: 0, F5: 3 }));

    expect(naAllowedFor(revision2.aspects[5]!.indicators[3]!, 'PD-DINKES')).toBe(false);
    expect(result.aspectScores.F).toBe(70);
    expect(result.index).toBeCloseTo(53, 10);
  });
});
