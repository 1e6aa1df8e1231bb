import { aggregateScores, categorize, effectiveLevel, scoreUnit, type ScoredUnit } from '../../src/scoring/scoring';
import type { UnitGroup } from '../../src/units/units.repo';
import { buildAnswers, buildInstrument, DEFAULT_CATEGORIES, type AnswerSpec } from './factories';

// Two aspects, weights 40/60, with 2 (A1, A2) and 3 (B1, B2, B3) indicators.
const instrument = buildInstrument({
  aspects: [
    { code: 'A', weight: 40, indicators: 2 },
    { code: 'B', weight: 60, indicators: [{ allowNa: true }, { allowNa: true }, {}] },
  ],
});

describe('effectiveLevel', () => {
  it('returns null when the indicator has no answer', () => {
    const level = effectiveLevel(undefined, 'verified');

    expect(level).toBeNull();
  });

  it('returns null when the answer was saved without a level', () => {
    const answer = { level: null, isNa: false, verifiedLevel: null };

    const level = effectiveLevel(answer, 'self');

    expect(level).toBeNull();
  });

  it('returns the self level when no verified level was set', () => {
    const answer = { level: 2, isNa: false, verifiedLevel: null };

    expect(effectiveLevel(answer, 'verified')).toBe(2);
    expect(effectiveLevel(answer, 'self')).toBe(2);
  });

  it('uses the verified level under the verified basis, even when it is 0', () => {
    const answer = { level: 3, isNa: false, verifiedLevel: 0 };

    const level = effectiveLevel(answer, 'verified');

    expect(level).toBe(0);
  });

  it('keeps the self level under the self basis although a verified level exists', () => {
    const answer = { level: 3, isNa: false, verifiedLevel: 1 };

    const level = effectiveLevel(answer, 'self');

    expect(level).toBe(3);
  });

  it('lets a verified level override an N/A answer under the verified basis only', () => {
    const answer = { level: null, isNa: true, verifiedLevel: 2 };

    expect(effectiveLevel(answer, 'verified')).toBe(2);
    expect(effectiveLevel(answer, 'self')).toBe('na');
  });
});

describe('categorize', () => {
  it.each([
    [100, 'Sangat Baik'],
    [85, 'Sangat Baik'],
    [84.99, 'Baik'],
    [70, 'Baik'],
    [69.99, 'Sedang'],
    [50, 'Sedang'],
    [49.99, 'Kurang'],
    [0, 'Kurang'],
  ])('puts %p in %p', (score, label) => {
    const category = categorize(score, DEFAULT_CATEGORIES);

    expect(category).toBe(label);
  });

  it('reads the thresholds from template data in any order', () => {
    const categories = [
      { label: 'Rendah', min: 0 },
      { label: 'Tinggi', min: 60 },
      { label: 'Menengah', min: 30 },
    ];

    expect(categorize(59.99, categories)).toBe('Menengah');
    expect(categorize(60, categories)).toBe('Tinggi');
    expect(categorize(29.99, categories)).toBe('Rendah');
  });
});

describe('scoreUnit', () => {
  const score = (spec: Record<string, AnswerSpec>, basis?: 'self' | 'verified') =>
    scoreUnit(instrument, buildAnswers(spec), basis);

  it('scores an indicator as level/4×100, an aspect as the mean and the index as the weighted aspect mean', () => {
    const answers = { A1: 2, A2: 4, B1: 0, B2: 2, B3: 4 };

    const result = score(answers);

    // A: (2/4*100 + 4/4*100)/2 = (50 + 100)/2 = 75; B: (0 + 50 + 100)/3 = 50; index = (40*75 + 60*50)/100 = 60
    expect(result.aspectScores).toEqual({ A: 75, B: 50 });
    expect(result.index).toBe(60);
    expect(result.category).toBe('Sedang');
    expect(result).toMatchObject({ answered: 5, total: 5, completeness: 100, complete: true });
    expect(result.levels).toEqual({ A1: 2, A2: 4, B1: 0, B2: 2, B3: 4 });
  });

  it('makes the aspect a weighted mean when its indicators carry a weight', () => {
    const weighted = buildInstrument({
      aspects: [
        { code: 'A', weight: 40, indicators: [{ weight: 3 }, { weight: 1 }] },
        { code: 'B', weight: 60, indicators: 3 },
      ],
    });
    const answers = buildAnswers({ A1: 4, A2: 2, B1: 4, B2: 4, B3: 0 });

    const result = scoreUnit(weighted, answers);

    // A: (100*3 + 50*1)/(3+1) = 350/4 = 87.5 (a plain mean would be 75); B: (100 + 100 + 0)/3 = 200/3
    // index = (40*87.5 + 60*200/3)/100 = (3500 + 4000)/100 = 75
    expect(result.aspectScores.A).toBe(87.5);
    expect(result.aspectScores.B).toBeCloseTo(200 / 3, 10);
    expect(result.index).toBeCloseTo(75, 10);
    expect(result.category).toBe('Baik');
  });

  it('leaves N/A indicators out of the aspect mean', () => {
    const answers = { A1: 2, A2: 4, B1: 'na', B2: 4, B3: 2 } as const;

    const result = score(answers);

    // A: (50 + 100)/2 = 75; B without B1: (100 + 50)/2 = 75 (counting N/A as 0 would give 50)
    // index = (40*75 + 60*75)/100 = 75
    expect(result.aspectScores).toEqual({ A: 75, B: 75 });
    expect(result.index).toBe(75);
    expect(result.complete).toBe(true);
  });

  it('gives the weight of a wholly N/A aspect pro rata to the others', () => {
    const naAspect = buildInstrument({
      aspects: [
        { code: 'A', weight: 40, indicators: [{ allowNa: true }, { allowNa: true }] },
        { code: 'B', weight: 60, indicators: 3 },
      ],
    });
    const answers = buildAnswers({ A1: 'na', A2: 'na', B1: 4, B2: 2, B3: 0 });

    const result = scoreUnit(naAspect, answers);

    // A: no applicable indicator → null; B: (100 + 50 + 0)/3 = 50; index = 60*50/60 = 50 (not 60*50/100 = 30)
    expect(result.aspectScores).toEqual({ A: null, B: 50 });
    expect(result.index).toBe(50);
    expect(result.category).toBe('Sedang');
    expect(result).toMatchObject({ answered: 5, total: 5, completeness: 100, complete: true });
  });

  it('shares the weight of a wholly N/A aspect among three aspects in proportion to their weights', () => {
    const three = buildInstrument({
      aspects: [
        { code: 'A', weight: 20, indicators: 1 },
        { code: 'B', weight: 30, indicators: 1 },
        { code: 'C', weight: 50, indicators: [{ allowNa: true }] },
      ],
    });
    const answers = buildAnswers({ A1: 4, B1: 2, C1: 'na' });

    const result = scoreUnit(three, answers);

    // A = 100, B = 50, C N/A; index = (20*100 + 30*50)/(20 + 30) = 3500/50 = 70
    expect(result.index).toBe(70);
    expect(result.category).toBe('Baik');
  });

  it('shows a unit with an unanswered indicator as incomplete with its completeness and no index', () => {
    const answers = { A1: 2, A2: 4, B1: 4, B2: 4 };

    const result = score(answers);

    // 4 of 5 answered = 80 %; A complete: (50 + 100)/2 = 75; B has B3 unanswered → null
    expect(result).toMatchObject({ answered: 4, total: 5, completeness: 80, complete: false, index: null, category: null });
    expect(result.aspectScores).toEqual({ A: 75, B: null });
    expect(result.levels.B3).toBeNull();
  });

  it('treats an answer saved without a level as unanswered, not as level 0', () => {
    const answers = { A1: 2, A2: 4, B1: 4, B2: 4, B3: null };

    const result = score(answers);

    // 4 of 5 = 80 %; a level 0 would instead give B = (100 + 100 + 0)/3 and an index
    expect(result).toMatchObject({ answered: 4, completeness: 80, complete: false, index: null });
    expect(result.aspectScores.B).toBeNull();
  });

  it('counts an N/A indicator as answered for completeness', () => {
    const answers = { A1: 2, B1: 'na', B2: 4, B3: 0 } as const;

    const result = score(answers);

    // answered: A1, B1 (N/A), B2, B3 = 4 of 5 = 80 %; A has A2 unanswered → null; B: (100 + 0)/2 = 50
    expect(result).toMatchObject({ answered: 4, total: 5, completeness: 80, complete: false, index: null });
    expect(result.aspectScores).toEqual({ A: null, B: 50 });
  });

  it('scores the verified level under the verified basis and the self level under the self basis', () => {
    const answers = { A1: { self: 1, verified: 3 }, A2: 4, B1: 4, B2: 2, B3: 0 };

    const verified = score(answers, 'verified');
    const self = score(answers, 'self');

    // verified: A = (75 + 100)/2 = 87.5; B = (100 + 50 + 0)/3 = 50; index = (40*87.5 + 60*50)/100 = 65
    // self:     A = (25 + 100)/2 = 62.5;                            index = (40*62.5 + 60*50)/100 = 55
    expect(verified.aspectScores.A).toBe(87.5);
    expect(verified.index).toBe(65);
    expect(self.aspectScores.A).toBe(62.5);
    expect(self.index).toBe(55);
  });

  it('uses the verified basis by default', () => {
    const answers = buildAnswers({ A1: { self: 1, verified: 3 }, A2: 4, B1: 4, B2: 2, B3: 0 });

    const result = scoreUnit(instrument, answers);

    // as under 'verified': (40*87.5 + 60*50)/100 = 65
    expect(result.index).toBe(65);
  });

  it('lets a verified level override an N/A answer', () => {
    const answers = { A1: 4, A2: 4, B1: { self: 'na', verified: 0 }, B2: 4, B3: 4 } as const;

    const verified = score(answers, 'verified');
    const self = score(answers, 'self');

    // verified: B = (0 + 100 + 100)/3 = 200/3; index = (40*100 + 60*200/3)/100 = (4000 + 4000)/100 = 80
    // self:     B1 N/A → B = 100; index = 100
    expect(verified.levels.B1).toBe(0);
    expect(verified.index).toBeCloseTo(80, 10);
    expect(self.levels.B1).toBe('na');
    expect(self.index).toBe(100);
  });

  it('lets a verified level complete an indicator the unit left unanswered', () => {
    const answers = { A1: 2, A2: 4, B1: 4, B2: 4, B3: { self: null, verified: 2 } };

    const result = score(answers, 'verified');

    // A = 75; B = (100 + 100 + 50)/3 = 250/3; index = (40*75 + 60*250/3)/100 = (3000 + 5000)/100 = 80
    expect(result.complete).toBe(true);
    expect(result.index).toBeCloseTo(80, 10);
  });

  // The exact index below is 50 (Sedang) and 70 (Baik); summing thirds in floating point gives
  // 49.99999999999999 and 69.99999999999999, which must still land in the category of the threshold.
  it.each([
    // A: (100 + 100 + 50)/3 = 250/3; B: (50 + 0 + 0)/3 = 50/3; index = (50*250/3 + 50*50/3)/100 = 15000/300 = 50
    [50, 50, [4, 4, 2], [2, 0, 0], 'Sedang'],
    // A: 250/3; B: (25 + 25 + 0)/3 = 50/3; index = (80*250/3 + 20*50/3)/100 = 21000/300 = 70
    [80, 20, [4, 4, 2], [1, 1, 0], 'Baik'],
  ])('puts an index of exactly a threshold in that category (weights %p/%p)', (wa, wb, la, lb, label) => {
    const thirds = buildInstrument({ aspects: [{ code: 'A', weight: wa, indicators: 3 }, { code: 'B', weight: wb, indicators: 3 }] });
    const answers = buildAnswers({ A1: la[0]!, A2: la[1]!, A3: la[2]!, B1: lb[0]!, B2: lb[1]!, B3: lb[2]! });

    const result = scoreUnit(thirds, answers);

    expect(result.category).toBe(label);
  });
});

describe('aggregateScores', () => {
  const unit = (group: UnitGroup, included: boolean, spec: Record<string, AnswerSpec>): ScoredUnit => ({
    group,
    included,
    score: scoreUnit(instrument, buildAnswers(spec)),
  });

  // pd1: A = 100, B = 100, index 100
  const pd1 = unit('pd', true, { A1: 4, A2: 4, B1: 4, B2: 4, B3: 4 });
  // pd2: A = (50 + 0)/2 = 25, B = 50, index = (40*25 + 60*50)/100 = 40
  const pd2 = unit('pd', true, { A1: 2, A2: 0, B1: 2, B2: 2, B3: 2 });
  // kec1: A = (100 + 50)/2 = 75, B without B2 (N/A) = (100 + 50)/2 = 75, index 75
  const kec1 = unit('kecamatan', true, { A1: 4, A2: 2, B1: 4, B2: 'na', B3: 2 });
  // kec2: incomplete (B unanswered) although aspect A is complete at 0 → must count nowhere
  const kec2 = unit('kecamatan', true, { A1: 0, A2: 0 });
  // kec3: complete (index 0) but not included (e.g. not submitted) → must count nowhere
  const kec3 = unit('kecamatan', false, { A1: 0, A2: 0, B1: 0, B2: 0, B3: 0 });

  it('takes plain means over the included complete units only, overall and per group', () => {
    const units = [pd1, pd2, kec1, kec2, kec3];

    const result = aggregateScores(instrument, units);

    // counted: pd1, pd2, kec1 → index = (100 + 40 + 75)/3 = 215/3 ≈ 71.67 (Baik)
    // A = (100 + 25 + 75)/3 = 200/3 (counting kec2's A = 0 would give 50); B = (100 + 50 + 75)/3 = 75
    expect(result.unitCount).toBe(3);
    expect(result.index).toBeCloseTo(215 / 3, 10);
    expect(result.category).toBe('Baik');
    expect(result.aspectScores.A).toBeCloseTo(200 / 3, 10);
    expect(result.aspectScores.B).toBe(75);
    // pd: index = (100 + 40)/2 = 70; A = (100 + 25)/2 = 62.5; B = (100 + 50)/2 = 75
    expect(result.byGroup.pd).toEqual({ unitCount: 2, index: 70, category: 'Baik', aspectScores: { A: 62.5, B: 75 } });
    // kecamatan: only kec1 counts → 75 everywhere
    expect(result.byGroup.kecamatan).toEqual({ unitCount: 1, index: 75, category: 'Baik', aspectScores: { A: 75, B: 75 } });
  });

  it('skips a unit whose aspect is wholly N/A in that aspect mean but keeps it in the index mean', () => {
    const naAspect = buildInstrument({
      aspects: [
        { code: 'A', weight: 40, indicators: [{ allowNa: true }, { allowNa: true }] },
        { code: 'B', weight: 60, indicators: 3 },
      ],
    });
    const scored = (group: UnitGroup, spec: Record<string, AnswerSpec>): ScoredUnit => ({
      group,
      included: true,
      score: scoreUnit(naAspect, buildAnswers(spec)),
    });
    // u1: A = 100, B = 100, index 100; u2: A = 50, B = 50, index 50
    // u3: A wholly N/A → null; B = (100 + 100 + 50)/3 = 250/3; index = 250/3
    const units = [
      scored('pd', { A1: 4, A2: 4, B1: 4, B2: 4, B3: 4 }),
      scored('pd', { A1: 2, A2: 2, B1: 2, B2: 2, B3: 2 }),
      scored('kecamatan', { A1: 'na', A2: 'na', B1: 4, B2: 4, B3: 2 }),
    ];

    const result = aggregateScores(naAspect, units);

    // index = (100 + 50 + 250/3)/3 = 700/9 ≈ 77.78; A = (100 + 50)/2 = 75 (u3 skipped, not a 0)
    // B = (100 + 50 + 250/3)/3 = 700/9
    expect(result.unitCount).toBe(3);
    expect(result.index).toBeCloseTo(700 / 9, 10);
    expect(result.category).toBe('Baik');
    expect(result.aspectScores.A).toBe(75);
    expect(result.aspectScores.B).toBeCloseTo(700 / 9, 10);
    expect(result.byGroup.kecamatan.aspectScores).toEqual({ A: null, B: expect.closeTo(250 / 3, 10) });
    expect(result.byGroup.kecamatan.index).toBeCloseTo(250 / 3, 10);
  });

  it('gives no index or category when no unit is included and complete', () => {
    const units = [kec2, kec3];

    const result = aggregateScores(instrument, units);

    expect(result).toMatchObject({ unitCount: 0, index: null, category: null, aspectScores: { A: null, B: null } });
    expect(result.byGroup.pd).toEqual({ unitCount: 0, index: null, category: null, aspectScores: { A: null, B: null } });
  });
});
