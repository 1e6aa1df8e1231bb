import { draftRenaksi, planYears, yearlyTargets, type DraftRoster, type DraftUnit } from '../../src/renaksi/renaksi-draft';
import { gapOf, type EffectiveLevel } from '../../src/scoring/scoring';
import type { UnitGroup } from '../../src/units/units.repo';
import { buildInstrument } from './factories';

const YEARS = [2022, 2023, 2024];

/** A roster in which every given unit is counted (submitted and complete), per group. */
function countedRoster(units: DraftUnit[]): DraftRoster {
  const of = (g: UnitGroup) => ({ total: units.filter((u) => u.group === g).length, notSubmitted: 0, incomplete: 0 });
  return { pd: of('pd'), kecamatan: of('kecamatan') };
}

let nextUnitId = 1;
function buildDraftUnit(name: string, group: UnitGroup, levels: Record<string, EffectiveLevel>): DraftUnit {
  return { unitId: nextUnitId++, name, group, levels };
}

describe('planYears', () => {
  it('lists the plan years from first to last inclusive', () => {
    expect(planYears(2022, 2024)).toEqual([2022, 2023, 2024]);
    expect(planYears(2022, 2026)).toEqual([2022, 2023, 2024, 2025, 2026]);
    expect(planYears(2024, 2024)).toEqual([2024]);
  });
});

describe('gapOf', () => {
  it.each([
    [1, 4, 3],
    [0, 4, 4],
    [4, 4, 0],
    [4, 3, 0],
  ])('gives level %p with target %p a gap of %p', (level, target, gap) => {
    expect(gapOf(level, target)).toBe(gap);
  });
});

describe('yearlyTargets', () => {
  it('raises level 1 by one per year to target 4 over 2022–2024', () => {
    const targets = yearlyTargets(1, 4, YEARS);

    // min(4, 1 + k) for k = 1, 2, 3
    expect(targets).toEqual({ 2022: 2, 2023: 3, 2024: 4 });
  });

  it('holds the target once reached (level 3, target 4)', () => {
    const targets = yearlyTargets(3, 4, YEARS);

    // min(4, 4), min(4, 5), min(4, 6)
    expect(targets).toEqual({ 2022: 4, 2023: 4, 2024: 4 });
  });

  it('spreads level 0 over a 2022–2026 plan as 1, 2, 3, 4, 4', () => {
    const targets = yearlyTargets(0, 4, planYears(2022, 2026));

    expect(targets).toEqual({ 2022: 1, 2023: 2, 2024: 3, 2025: 4, 2026: 4 });
  });

  it('stops at a final target below 4', () => {
    const targets = yearlyTargets(0, 2, YEARS);

    // min(2, 1), min(2, 2), min(2, 3)
    expect(targets).toEqual({ 2022: 1, 2023: 2, 2024: 2 });
  });

  it('never decreases from one year to the next and never exceeds the target', () => {
    const years = planYears(2022, 2026);
    const cases = [0, 1, 2, 3, 4].flatMap((level) => [1, 2, 3, 4].map((target) => ({ level, target })));

    const series = cases.map(({ level, target }) => ({ target, values: years.map((y) => yearlyTargets(level, target, years)[String(y)]!) }));

    for (const { target, values } of series) {
      values.forEach((v, i) => {
        expect(v).toBeLessThanOrEqual(target);
        if (i > 0) expect(v).toBeGreaterThanOrEqual(values[i - 1]!);
      });
    }
  });
});

describe('draftRenaksi', () => {
  // A (weight 30): A1 (N/A allowed), A2; B (weight 70): B1 with final target 3
  const instrument = buildInstrument({
    aspects: [
      { code: 'A', weight: 30, indicators: [{ allowNa: true }, {}] },
      { code: 'B', weight: 70, indicators: [{ target: 3 }] },
    ],
  });

  it('drafts a kabupaten row and a unit row for one unit below target', () => {
    const unit = buildDraftUnit('Bengalon', 'kecamatan', { A1: 1, A2: 4, B1: 3 });

    const rows = draftRenaksi(instrument, [unit], YEARS, countedRoster([unit]));

    // A1: gap 4 − 1 = 3, share 1/1 → priority 3 × 30 × 1 = 90 for both rows; the kabupaten row comes first
    expect(rows.map((r) => [r.sourceKey, r.scope, r.unitId, r.priority])).toEqual([
      ['kab:A1', 'kabupaten', null, 90],
      [`unit:${unit.unitId}:A1`, 'unit', unit.unitId, 90],
    ]);
    const [kab, own] = rows;
    expect(kab?.problem).toBe('1 dari 1 kecamatan belum mencapai level 4 pada indikator A1 (Judul A1).');
    expect(kab?.responsible).toBe('Koordinator A1; pihak terkait: 1 unit yang belum mencapai target');
    expect(kab?.goal).toBe('Seluruh unit mencapai level 4: Kriteria A1 level 4');
    expect(own?.problem).toBe('Bengalon: level 1 dari target 4 pada A1 (Judul A1) – Kriteria A1 level 1');
    expect(own?.responsible).toBe('Bengalon');
    expect(own?.goal).toBe('Level 4: Kriteria A1 level 4');
    // min(4, 1 + k)
    expect(own?.targets).toEqual({ 2022: 2, 2023: 3, 2024: 4 });
    expect(own).toMatchObject({ aspectCode: 'A', indicatorCode: 'A1', activity: 'Kegiatan A1', outputIndicator: 'Keluaran A1 (dokumen)' });
    expect(own).toMatchObject({ verification: 'Bukti dukung A1', schedule: 'TW I–IV', budget: '', support: '', realization: '' });
  });

  it('drafts no rows when every unit is at or above its target', () => {
    const units = [
      buildDraftUnit('Telen', 'kecamatan', { A1: 4, A2: 4, B1: 3 }),
      buildDraftUnit('Inspektorat', 'pd', { A1: 'na', A2: 4, B1: 4 }),
    ];

    const rows = draftRenaksi(instrument, units, YEARS, countedRoster(units));

    expect(rows).toEqual([]);
  });

  it('leaves N/A units out of the share of units below target', () => {
    const k1 = buildDraftUnit('Kaubun', 'kecamatan', { A1: 1, A2: 4, B1: 3 });
    const k2 = buildDraftUnit('Karangan', 'kecamatan', { A1: 3, A2: 4, B1: 3 });
    const k3 = buildDraftUnit('Kongbeng', 'kecamatan', { A1: 4, A2: 4, B1: 3 });
    const k4 = buildDraftUnit('Busang', 'kecamatan', { A1: 4, A2: 4, B1: 3 });
    const k5 = buildDraftUnit('Sandaran', 'kecamatan', { A1: 'na', A2: 4, B1: 3 });

    const rows = draftRenaksi(instrument, [k1, k2, k3, k4, k5], YEARS, countedRoster([k1, k2, k3, k4, k5]));

    // A1 applicable: k1..k4 (k5 N/A) → 2 of 4 below target, share 2/4
    // Kaubun: gap 3 × 30 × 2/4 = 45; Karangan: gap 1 × 30 × 2/4 = 15; kabupaten: mean gap (3 + 1)/2 = 2 × 30 × 2/4 = 30
    expect(rows.map((r) => [r.sourceKey, r.priority])).toEqual([
      [`unit:${k1.unitId}:A1`, 45],
      ['kab:A1', 30],
      [`unit:${k2.unitId}:A1`, 15],
    ]);
    // every kecamatan counts in the denominator: 2 below, 2 at target, 1 N/A = 5
    expect(rows[1]?.problem).toBe('2 dari 5 kecamatan belum mencapai level 4 pada indikator A1 (Judul A1). Kecamatan: 1 tidak berlaku.');
    expect(rows[1]?.responsible).toBe('Koordinator A1; pihak terkait: 2 unit yang belum mencapai target');
  });

  it('counts perangkat daerah and kecamatan separately in the kabupaten row text', () => {
    const units = [
      buildDraftUnit('Bappeda', 'pd', { A1: 2, A2: 4, B1: 3 }),
      buildDraftUnit('Inspektorat', 'pd', { A1: 4, A2: 4, B1: 3 }),
      buildDraftUnit('Telen', 'kecamatan', { A1: 0, A2: 4, B1: 3 }),
      buildDraftUnit('Busang', 'kecamatan', { A1: 3, A2: 4, B1: 3 }),
      buildDraftUnit('Kaubun', 'kecamatan', { A1: 4, A2: 4, B1: 3 }),
    ];

    const rows = draftRenaksi(instrument, units, YEARS, countedRoster(units));

    const kab = rows.find((r) => r.sourceKey === 'kab:A1');
    expect(kab?.problem).toBe('1 dari 2 perangkat daerah dan 2 dari 3 kecamatan belum mencapai level 4 pada indikator A1 (Judul A1).');
    // below: gaps 2, 4, 1 → mean 7/3; share 3/5; priority = 7/3 × 30 × 3/5 = 42
    expect(kab?.priority).toBeCloseTo(42, 10);
  });

  it('counts every unit of the period in the denominator and names the units that did not submit', () => {
    // 14 of Kutai Timur's 18 kecamatan submitted (12 below target on A1, 2 N/A); 2 of 3 perangkat daerah submitted
    // (1 below) and 1 more submitted with an unanswered indicator.
    const kecamatan = Array.from({ length: 14 }, (_, i) => buildDraftUnit(`Kec ${i + 1}`, 'kecamatan', { A1: i < 12 ? 1 : 'na', A2: 4, B1: 3 }));
    const pd = [buildDraftUnit('Bappeda', 'pd', { A1: 2, A2: 4, B1: 3 }), buildDraftUnit('Dinkes', 'pd', { A1: 4, A2: 4, B1: 3 })];
    const roster: DraftRoster = { pd: { total: 4, notSubmitted: 1, incomplete: 1 }, kecamatan: { total: 18, notSubmitted: 4, incomplete: 0 } };

    const rows = draftRenaksi(instrument, [...pd, ...kecamatan], YEARS, roster);

    expect(rows.find((r) => r.sourceKey === 'kab:A1')?.problem).toBe(
      '1 dari 4 perangkat daerah dan 12 dari 18 kecamatan belum mencapai level 4 pada indikator A1 (Judul A1). '
        + 'Perangkat daerah: 1 belum mengajukan penilaian, 1 belum lengkap; kecamatan: 2 tidak berlaku, 4 belum mengajukan penilaian.',
    );
  });

  it('names only perangkat daerah when no kecamatan is assessed', () => {
    const units = [
      buildDraftUnit('Bappeda', 'pd', { A1: 2, A2: 4, B1: 3 }),
      buildDraftUnit('Inspektorat', 'pd', { A1: 1, A2: 4, B1: 3 }),
      buildDraftUnit('Dinas Kesehatan', 'pd', { A1: 4, A2: 4, B1: 3 }),
    ];

    const rows = draftRenaksi(instrument, units, YEARS, countedRoster(units));

    expect(rows.find((r) => r.scope === 'kabupaten')?.problem).toBe(
      '2 dari 3 perangkat daerah belum mencapai level 4 pada indikator A1 (Judul A1).',
    );
  });

  it('measures the gap against the indicator’s own final target', () => {
    const units = [
      buildDraftUnit('Telen', 'kecamatan', { A1: 4, A2: 4, B1: 2 }),
      buildDraftUnit('Busang', 'kecamatan', { A1: 4, A2: 4, B1: 3 }),
      buildDraftUnit('Kaubun', 'kecamatan', { A1: 4, A2: 4, B1: 4 }),
    ];

    const rows = draftRenaksi(instrument, units, YEARS, countedRoster(units));

    // B1 target 3: only Telen (level 2) is below; gap 1 × 70 × 1/3 = 70/3 for both rows
    expect(rows.map((r) => r.sourceKey)).toEqual(['kab:B1', `unit:${units[0]!.unitId}:B1`]);
    expect(rows[0]?.priority).toBeCloseTo(70 / 3, 10);
    expect(rows[1]?.priority).toBeCloseTo(70 / 3, 10);
    expect(rows[0]?.problem).toBe('1 dari 3 kecamatan belum mencapai level 3 pada indikator B1 (Judul B1).');
    // min(3, 2 + k)
    expect(rows[1]?.targets).toEqual({ 2022: 3, 2023: 3, 2024: 3 });
  });

  it('starts the kabupaten row targets from the lowest level among the units below target', () => {
    const units = [
      buildDraftUnit('Telen', 'kecamatan', { A1: 3, A2: 0, B1: 3 }),
      buildDraftUnit('Busang', 'kecamatan', { A1: 3, A2: 2, B1: 3 }),
    ];

    const rows = draftRenaksi(instrument, units, planYears(2022, 2026), countedRoster(units));

    // lowest A2 level 0 → min(4, 0 + k) = 1, 2, 3, 4, 4
    expect(rows.find((r) => r.sourceKey === 'kab:A2')?.targets).toEqual({ 2022: 1, 2023: 2, 2024: 3, 2025: 4, 2026: 4 });
  });

  it('numbers several recommended activities and their outputs', () => {
    const many = buildInstrument({
      aspects: [
        {
          code: 'A',
          weight: 100,
          indicators: [
            {
              activities: [
                { activity: 'Menetapkan SK', output: 'SK ditetapkan', unit: 'dokumen' },
                { activity: 'Meninjau SK', output: 'SK ditinjau', unit: 'kali' },
              ],
            },
          ],
        },
      ],
    });

    const telen = [buildDraftUnit('Telen', 'kecamatan', { A1: 2 })];
    const rows = draftRenaksi(many, telen, YEARS, countedRoster(telen));

    expect(rows[0]?.activity).toBe('1) Menetapkan SK\n2) Meninjau SK');
    expect(rows[0]?.outputIndicator).toBe('1) SK ditetapkan (dokumen)\n2) SK ditinjau (kali)');
  });

  it('orders rows by priority, highest first', () => {
    const units = [
      buildDraftUnit('Telen', 'kecamatan', { A1: 3, A2: 4, B1: 2 }),
      buildDraftUnit('Busang', 'kecamatan', { A1: 4, A2: 0, B1: 3 }),
    ];

    const rows = draftRenaksi(instrument, units, YEARS, countedRoster(units));

    // A1: Telen gap 1, share 1/2 → 1 × 30 × 1/2 = 15 (kab and unit)
    // A2: Busang gap 4, share 1/2 → 4 × 30 × 1/2 = 60 (kab and unit)
    // B1: Telen gap 1, share 1/2 → 1 × 70 × 1/2 = 35 (kab and unit)
    expect(rows.map((r) => [r.sourceKey, r.priority])).toEqual([
      ['kab:A2', 60],
      [`unit:${units[1]!.unitId}:A2`, 60],
      ['kab:B1', 35],
      [`unit:${units[0]!.unitId}:B1`, 35],
      ['kab:A1', 15],
      [`unit:${units[0]!.unitId}:A1`, 15],
    ]);
  });

  it('breaks priority ties by aspect, then indicator (A2 before A10), then kabupaten before units, then the units in the order given (official order)', () => {
    // Listed out of order on purpose: aspect B before A, A10 before A2.
    const tied = buildInstrument({
      aspects: [
        { code: 'B', weight: 50, indicators: [{ code: 'B1' }] },
        { code: 'A', weight: 50, indicators: [{ code: 'A10' }, { code: 'A2' }] },
      ],
    });
    const telen = buildDraftUnit('Telen', 'kecamatan', { A2: 2, A10: 2, B1: 2 });
    const busang = buildDraftUnit('Busang', 'kecamatan', { A2: 2, A10: 2, B1: 2 });

    const rows = draftRenaksi(tied, [telen, busang], YEARS, countedRoster([telen, busang]));

    // every row: gap 2 × 50 × share 2/2 = 100
    expect(rows.every((r) => r.priority === 100)).toBe(true);
    expect(rows.map((r) => r.sourceKey)).toEqual([
      'kab:A2',
      `unit:${telen.unitId}:A2`,
      `unit:${busang.unitId}:A2`,
      'kab:A10',
      `unit:${telen.unitId}:A10`,
      `unit:${busang.unitId}:A10`,
      'kab:B1',
      `unit:${telen.unitId}:B1`,
      `unit:${busang.unitId}:B1`,
    ]);
  });
});
