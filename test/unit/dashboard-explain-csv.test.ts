import { levelDistributions } from '../../src/dashboard/aggregates';
import { categoryTone } from '../../src/dashboard/chart-data';
import { toCsv } from '../../src/shared/csv';
import { aspectExpression, indicatorMeanExpression, meanExpression, unitIndexExpression } from '../../src/dashboard/explain';
import { scoreUnit } from '../../src/scoring/scoring';
import type { UnitResult } from '../../src/scoring/scores.service';
import { buildAnswers, buildInstrument, DEFAULT_CATEGORIES, type AnswerSpec } from './factories';

const instrument = buildInstrument({
  aspects: [
    { code: 'A', weight: 40, indicators: 2 },
    { code: 'B', weight: 60, indicators: [{ allowNa: true }, { allowNa: true }, {}] },
  ],
});

describe('the "Cara menghitung" expressions', () => {
  it('writes a mean with its terms in id-ID form', () => {
    expect(meanExpression([80, 80, 50], 70)).toBe('(80,00 + 80,00 + 50,00) ÷ 3 = 70,00');
    expect(meanExpression([], null)).toBe('belum ada unit yang dihitung');
  });

  it('writes a unit index as weighted aspect scores over the applicable weights', () => {
    const score = scoreUnit(instrument, buildAnswers({ A1: 4, A2: 2, B1: 4, B2: 4, B3: 2 }));

    expect(unitIndexExpression(instrument, score)).toBe('(40 × 75,00 + 60 × 83,33) ÷ 100 = 80,00');
  });

  it('names a wholly N/A aspect whose weight goes to the others', () => {
    const score = scoreUnit(instrument, buildAnswers({ A1: 1, A2: 3, B1: 'na', B2: 'na', B3: 'na' }));

    expect(unitIndexExpression(instrument, score)).toBe('(40 × 50,00) ÷ 40 = 50,00 (aspek B seluruhnya tidak berlaku; bobotnya dibagi ke aspek lain)');
  });

  it('says why an incomplete unit has no index', () => {
    const score = scoreUnit(instrument, buildAnswers({ A1: 4 }));

    expect(unitIndexExpression(instrument, score)).toBe('belum dapat dihitung: baru 1 dari 5 indikator terjawab');
  });

  it('writes an aspect score from its indicator levels, N/A left out', () => {
    const score = scoreUnit(instrument, buildAnswers({ A1: 4, A2: 2, B1: 'na', B2: 3, B3: 1 }));

    expect(aspectExpression(instrument, 'A', score)).toBe('A1 tingkat 4 → 100,00; A2 tingkat 2 → 50,00; (100,00 + 50,00) ÷ 2 = 75,00');
    expect(aspectExpression(instrument, 'B', score)).toBe('B1 tidak berlaku; B2 tingkat 3 → 75,00; B3 tingkat 1 → 25,00; (75,00 + 25,00) ÷ 2 = 50,00');
  });

  it('writes a weighted aspect mean when the template weighs indicators', () => {
    const weighted = buildInstrument({ aspects: [{ code: 'A', weight: 100, indicators: [{ weight: 2 }, { weight: 1 }] }] });
    const score = scoreUnit(weighted, buildAnswers({ A1: 4, A2: 1 }));

    // (2 × 100 + 1 × 25) / 3 = 75
    expect(aspectExpression(weighted, 'A', score)).toBe('A1 tingkat 4 → 100,00; A2 tingkat 1 → 25,00; (2 × 100,00 + 1 × 25,00) ÷ 3 = 75,00');
  });

  it('writes an indicator mean from the level counts', () => {
    const specs: Record<string, AnswerSpec>[] = [
      { A1: 4, A2: 2, B1: 4, B2: 4, B3: 2 },
      { A1: 2, A2: 2, B1: 'na', B2: 'na', B3: 4 },
      { A1: 1, A2: 3, B1: 'na', B2: 'na', B3: 'na' },
    ];
    const units: UnitResult[] = specs.map((spec, i) => ({ unitId: i + 1, code: `U${i}`, name: `U${i}`, group: 'pd', status: 'diajukan', included: true, score: scoreUnit(instrument, buildAnswers(spec)) }));
    const d = Object.fromEntries(levelDistributions(instrument, units).map((x) => [x.code, x]));

    expect(indicatorMeanExpression(d.A1!, 4)).toBe('(1 × 25,00 + 1 × 50,00 + 1 × 100,00) ÷ 3 = 58,33');
    expect(indicatorMeanExpression(d.B1!, 4)).toBe('(1 × 100,00) ÷ 1 = 100,00 (2 unit tidak berlaku, tidak dihitung)');
  });
});

describe('toCsv', () => {
  const cols = [
    { header: 'Unit', kind: 'text' as const, value: (r: { name: string; score: number | null; n: number }) => r.name },
    { header: 'Skor', kind: 'score' as const, value: (r: { score: number | null }) => r.score },
    { header: 'Jumlah', kind: 'int' as const, value: (r: { n: number }) => r.n },
  ];

  it('writes a BOM, semicolons, decimal commas and CRLF line ends', () => {
    const csv = toCsv(cols, [{ name: 'Dinas Kesehatan', score: 72.5, n: 1234 }, { name: 'Kecamatan Telen', score: null, n: 0 }]);

    expect(csv).toBe('\uFEFFUnit;Skor;Jumlah\r\nDinas Kesehatan;72,50;1.234\r\nKecamatan Telen;;0\r\n');
  });

  it('quotes separators and quotes, and keeps a formula-like text as text', () => {
    const csv = toCsv(cols, [{ name: 'Dinas "A"; B', score: 1 / 3, n: 1 }, { name: '=HYPERLINK("x")', score: 100, n: 2 }]);

    expect(csv.split('\r\n')[1]).toBe('"Dinas ""A""; B";0,33;1');
    expect(csv.split('\r\n')[2]).toBe('"\'=HYPERLINK(""x"")";100,00;2');
  });
});

describe('categoryTone', () => {
  it.each([
    ['Kurang', 0],
    ['Sedang', 1],
    ['Baik', 3],
    ['Sangat Baik', 4],
    [null, null],
    ['Tidak ada', null],
  ] as const)('puts %s on tone %s of the five-step palette', (label, tone) => {
    expect(categoryTone(label, DEFAULT_CATEGORIES)).toBe(tone);
  });
});
