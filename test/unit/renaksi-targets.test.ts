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
  it('accepts targets that rise or stay level between 0 and the top level', () => {
    expect(checkTargets({ 2022: 0, 2023: 2, 2024: 2 }, YEARS, 4)).toEqual({});
    expect(checkTargets({ 2022: 4, 2023: 4, 2024: 4 }, YEARS, 4)).toEqual({});
  });

  it('accepts empty years and compares the filled ones across the gap', () => {
    expect(checkTargets({ 2022: 2, 2023: null, 2024: 3 }, YEARS, 4)).toEqual({});
    expect(checkTargets({ 2022: 3, 2023: null, 2024: 2 }, YEARS, 4)).toEqual({
      2024: 'Target 2024 (2) lebih rendah dari target 2022 (3); target tahunan tidak boleh turun.',
    });
  });

  it('names the year that drops below an earlier year', () => {
    const errors = checkTargets({ 2022: 3, 2023: 2, 2024: 4 }, YEARS, 4);

    expect(errors).toEqual({ 2023: 'Target 2023 (2) lebih rendah dari target 2022 (3); target tahunan tidak boleh turun.' });
  });

  it('compares each later year with the highest valid earlier target, not only the year before', () => {
    // 2023 (1) drops below 2022 (3) and so does 2024 (2): both named against 2022
    const errors = checkTargets({ 2022: 3, 2023: 1, 2024: 2 }, YEARS, 4);

    expect(Object.keys(errors)).toEqual(['2023', '2024']);
    expect(errors[2024]).toBe('Target 2024 (2) lebih rendah dari target 2022 (3); target tahunan tidak boleh turun.');
  });

  it('refuses a target above the top level, below 0 or not whole, naming the year', () => {
    const errors = checkTargets({ 2022: -1, 2023: 2.5, 2024: 5 }, YEARS, 4);

    expect(errors).toEqual({
      2022: 'Target 2022 tidak boleh kurang dari 0.',
      2023: 'Target 2023 harus berupa bilangan bulat 0–4.',
      2024: 'Target 2024 (5) melebihi level tertinggi 4.',
    });
  });

  it('uses the instrument’s top level, not a fixed 4', () => {
    expect(checkTargets({ 2022: 3 }, [2022], 3)).toEqual({});
    expect(checkTargets({ 2022: 4 }, [2022], 3)).toEqual({ 2022: 'Target 2022 (4) melebihi level tertinggi 3.' });
  });

  it('does not compare later years with a refused value (5, 4, 4 reports only the 5)', () => {
    expect(checkTargets({ 2022: 5, 2023: 4, 2024: 4 }, YEARS, 4)).toEqual({ 2022: 'Target 2022 (5) melebihi level tertinggi 4.' });
  });

  it('reports a value that could not be read', () => {
    expect(checkTargets({ 2022: 'invalid' }, [2022], 4)).toEqual({ 2022: 'Target 2022 harus berupa bilangan bulat 0–4.' });
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
  it('recomputes drafted targets nobody edited for a longer plan: level 1 → 2, 3, 4, 4, 4', () => {
    const row = { targets: { 2022: 2, 2023: 3, 2024: 4 }, baseLevel: 1, finalTarget: 4, keepTyped: false };

    expect(retargetForYears(row, planYears(2022, 2026))).toEqual({ 2022: 2, 2023: 3, 2024: 4, 2025: 4, 2026: 4 });
  });

  it('recomputes for a later start: level 0 over 2023–2024 → 1, 2', () => {
    const row = { targets: { 2022: 1, 2023: 2, 2024: 3 }, baseLevel: 0, finalTarget: 4, keepTyped: false };

    expect(retargetForYears(row, [2023, 2024])).toEqual({ 2023: 1, 2024: 2 });
  });

  it('keeps typed targets and carries the last one into new later years', () => {
    const row = { targets: { 2022: 1, 2023: 1, 2024: 3 }, baseLevel: 0, finalTarget: 4, keepTyped: true };

    expect(retargetForYears(row, planYears(2022, 2026))).toEqual({ 2022: 1, 2023: 1, 2024: 3, 2025: 3, 2026: 3 });
  });

  it('fills a new earlier year with the drafted value capped by the first typed one, so nothing decreases', () => {
    // drafted from level 2 for 2021–2024: 3, 4, 4, 4; typed 2022 = 2 caps 2021 at 2
    const row = { targets: { 2022: 2, 2023: 3, 2024: 4 }, baseLevel: 2, finalTarget: 4, keepTyped: true };

    expect(retargetForYears(row, planYears(2021, 2024))).toEqual({ 2021: 2, 2022: 2, 2023: 3, 2024: 4 });
  });

  it('leaves a manual row without a basis empty where nothing was typed yet', () => {
    const row = { targets: { 2023: 2 }, baseLevel: null, finalTarget: null, keepTyped: true };

    expect(retargetForYears(row, planYears(2022, 2025))).toEqual({ 2023: 2, 2024: 2, 2025: 2 });
  });

  it('never decreases and never exceeds the final target, for any level and plan length', () => {
    for (let level = 0; level <= 4; level++) {
      for (let end = 2022; end <= 2031; end++) {
        const years = planYears(2022, end);
        const t = retargetForYears({ targets: {}, baseLevel: level, finalTarget: 4, keepTyped: false }, years);
        const values = years.map((y) => t[y] as number);
        values.forEach((v, i) => {
          expect(v).toBeLessThanOrEqual(4);
          if (i > 0) expect(v).toBeGreaterThanOrEqual(values[i - 1] as number);
        });
        expect(checkTargets(t, years, 4)).toEqual({});
      }
    }
  });
});
