import { planYears } from '../../src/renaksi/renaksi-draft';
import { checkTargets, compactTargets, parseTarget, retargetForYears, sameTargets } from '../../src/renaksi/renaksi-targets';

const YEARS = [2022, 2023, 2024];

describe('parseTarget', () => {
  it.each<[unknown, number | null | 'invalid']>([
    ['', null],
    ['  ', null],
    [null, null],
    [undefined, null],
    ['3', 3],
    [' 4 ', 4],
    [2, 2],
    ['-1', -1],
    ['2,5', 2.5],
    ['2.5', 2.5],
    ['dua', 'invalid'],
    ['3a', 'invalid'],
    [Number.NaN, 'invalid'],
    [{ richText: [] }, 'invalid'],
  ])('reads %p as %p', (raw, expected) => {
    expect(parseTarget(raw)).toBe(expected);
  });
});

describe('checkTargets', () => {
  it('accepts unit counts that rise or stay level between 0 and the applicable units', () => {
    expect(checkTargets({ 2022: 0, 2023: 30, 2024: 30 }, YEARS, 57)).toEqual({});
    expect(checkTargets({ 2022: 57, 2023: 57, 2024: 57 }, YEARS, 57)).toEqual({});
  });

  it('accepts empty years and compares the filled ones across the gap', () => {
    expect(checkTargets({ 2022: 2, 2023: null, 2024: 3 }, YEARS, 4)).toEqual({});
    expect(checkTargets({ 2022: 3, 2023: null, 2024: 2 }, YEARS, 4)).toEqual({
      2024: 'Target 2024 (2) lebih kecil dari target 2022 (3); jumlah unit yang mencapai target tidak boleh turun.',
    });
  });

  it('names the year that drops below an earlier year', () => {
    const errors = checkTargets({ 2022: 3, 2023: 2, 2024: 4 }, YEARS, 4);

    expect(errors).toEqual({ 2023: 'Target 2023 (2) lebih kecil dari target 2022 (3); jumlah unit yang mencapai target tidak boleh turun.' });
  });

  it('compares each later year with the highest valid earlier target, not only the year before', () => {
    // 2023 (1) drops below 2022 (3) and so does 2024 (2): both named against 2022
    const errors = checkTargets({ 2022: 3, 2023: 1, 2024: 2 }, YEARS, 4);

    expect(Object.keys(errors)).toEqual(['2023', '2024']);
    expect(errors[2024]).toBe('Target 2024 (2) lebih kecil dari target 2022 (3); jumlah unit yang mencapai target tidak boleh turun.');
  });

  it('refuses a count above the applicable units, below 0 or not whole, naming the year', () => {
    const errors = checkTargets({ 2022: -1, 2023: 2.5, 2024: 58 }, YEARS, 57);

    expect(errors).toEqual({
      2022: 'Target 2022 tidak boleh kurang dari 0.',
      2023: 'Target 2023 harus berupa bilangan bulat 0–57 (jumlah unit).',
      2024: 'Target 2024 (58) melebihi jumlah unit yang dinilai pada indikator ini (57).',
    });
  });

  it('uses the row’s own number of applicable units', () => {
    expect(checkTargets({ 2022: 52 }, [2022], 52)).toEqual({});
    expect(checkTargets({ 2022: 53 }, [2022], 52)).toEqual({ 2022: 'Target 2022 (53) melebihi jumlah unit yang dinilai pada indikator ini (52).' });
  });

  it('does not compare later years with a refused value (60, 50, 50 reports only the 60)', () => {
    expect(checkTargets({ 2022: 60, 2023: 50, 2024: 50 }, YEARS, 57)).toEqual({ 2022: 'Target 2022 (60) melebihi jumlah unit yang dinilai pada indikator ini (57).' });
  });

  it('reports a value that could not be read', () => {
    expect(checkTargets({ 2022: 'invalid' }, [2022], 4)).toEqual({ 2022: 'Target 2022 harus berupa bilangan bulat 0–4 (jumlah unit).' });
  });
});

describe('compactTargets and sameTargets', () => {
  it('drops the empty years', () => {
    expect(compactTargets({ 2022: null, 2023: 2, 2024: 0 })).toEqual({ 2023: 2, 2024: 0 });
  });

  it('treats a missing year and a different level as different, key order as irrelevant', () => {
    expect(sameTargets({ 2022: 1, 2023: 2 }, { 2023: 2, 2022: 1 })).toBe(true);
    expect(sameTargets({ 2022: 1 }, { 2022: 1, 2023: 2 })).toBe(false);
    expect(sameTargets({ 2022: 1 }, { 2022: 2 })).toBe(false);
  });
});

describe('retargetForYears', () => {
  it('takes the values computed for the new years where nobody typed', () => {
    const drafted = { 2022: 30, 2023: 45, 2024: 57, 2025: 57, 2026: 57 };

    expect(retargetForYears({ values: { 2022: 30, 2023: 45, 2024: 57 }, keepTyped: false }, drafted, planYears(2022, 2026))).toEqual(drafted);
  });

  it('keeps typed counts and carries the last one into new later years', () => {
    const row = { values: { 2022: 10, 2023: 10, 2024: 30 }, keepTyped: true };

    expect(retargetForYears(row, { 2022: 20, 2023: 40, 2024: 50, 2025: 57, 2026: 57 }, planYears(2022, 2026))).toEqual({ 2022: 10, 2023: 10, 2024: 30, 2025: 30, 2026: 30 });
  });

  it('fills a new earlier year with the computed count capped by the first typed one, so nothing decreases', () => {
    const row = { values: { 2022: 12, 2023: 20, 2024: 30 }, keepTyped: true };

    expect(retargetForYears(row, { 2021: 25, 2022: 40, 2023: 50, 2024: 57 }, planYears(2021, 2024))).toEqual({ 2021: 12, 2022: 12, 2023: 20, 2024: 30 });
  });

  it('keeps typed texts (output targets) the same way, without capping', () => {
    const row = { values: { 2023: '2 SOP' }, keepTyped: true };

    expect(retargetForYears(row, { 2022: '9 SOP', 2023: '15 SOP', 2024: '12 SOP' }, YEARS)).toEqual({ 2022: '9 SOP', 2023: '2 SOP', 2024: '2 SOP' });
  });

  it('leaves a row without computed values empty where nothing was typed yet', () => {
    expect(retargetForYears({ values: { 2023: 2 }, keepTyped: true }, null, planYears(2022, 2025))).toEqual({ 2023: 2, 2024: 2, 2025: 2 });
  });
});
