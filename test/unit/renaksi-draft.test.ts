import { DEFAULT_BUDGET, draftPlan, planYears, yearlyTargets, yearTarget, type PlanInstrumentSource } from '../../src/renaksi/renaksi-draft';
import type { MatrixUnit } from '../../src/renaksi/renaksi-matrix';
import { sasaranText } from '../../src/renaksi/renaksi-row-text';
import { gapOf, type EffectiveLevel } from '../../src/scoring/scoring';
import type { UnitGroup } from '../../src/units/units.repo';

const YEARS = [2022, 2023, 2024];

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

describe('yearTarget', () => {
  it('gives min(T, L + k) for plan year k, and T for a year outside the plan (k = 0)', () => {
    // level 1, target 4: 2, 3, 4, then held at 4
    expect([1, 2, 3, 4].map((k) => yearTarget(1, 4, k))).toEqual([2, 3, 4, 4]);
    // level 0, target 2: min(2, 1) = 1, then 2
    expect([1, 2].map((k) => yearTarget(0, 2, k))).toEqual([1, 2]);
    expect(yearTarget(1, 4, 0)).toBe(4);
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

/**
 * Aspect A (weight 40): A1 in revision 2's shape (sasaran, dukungan, activities per starting level, outputs per year),
 * A2 in revision 1's (title, coordinator, one activity). Aspect B (weight 60): B1 with target 3, N/A allowed.
 */
const INSTRUMENT: PlanInstrumentSource = {
  aspects: [
    {
      code: 'A', name: 'Kebijakan', weight: 40,
      indicators: [
        {
          code: 'A1', title: 'Judul A1', target: 4, coordinator: 'Bagian Organisasi', evidence: 'SK yang ditetapkan',
          sasaran: 'Setiap unit memiliki SK tim pengelola pengaduan yang berlaku.',
          dukungan: { kebijakan: 'Surat edaran Sekda', kelembagaan: 'Templat SK', sumberDaya: 'Tanpa anggaran khusus' },
          activities: [
            { activity: 'Penetapan SK', output: 'SK ditetapkan', unit: 'dokumen', forLevels: [0, 1], outputPerYear: 1 },
            { activity: 'Pemutakhiran SK', output: 'SK dimutakhirkan', unit: 'dokumen', forLevels: [2], outputPerYear: 1 },
            { activity: 'Sosialisasi SK', output: 'Pegawai tersosialisasi', unit: 'persen', forLevels: [3], outputPerYear: 100 },
            { activity: 'Rapat evaluasi', output: 'Notulen rapat', unit: 'notulen', outputPerYear: 4 },
          ],
        },
        {
          code: 'A2', title: 'Judul A2', target: 4, coordinator: 'Koordinator A2', evidence: 'Bukti A2',
          activities: [{ activity: 'Kegiatan A2', output: 'Keluaran A2', unit: 'dokumen' }],
        },
      ],
    },
    {
      code: 'B', name: 'Kelembagaan', weight: 60,
      indicators: [
        {
          code: 'B1', title: 'Judul B1', target: 3, coordinator: 'Diskominfo Staper', evidence: 'Bukti B1',
          activities: [{ activity: 'Kegiatan B1', output: 'Keluaran B1', unit: 'orang' }],
        },
      ],
    },
  ],
};

let nextUnitId = 1;
function unit(group: UnitGroup, submitted: boolean, levels: Record<string, EffectiveLevel>): MatrixUnit {
  const id = nextUnitId++;
  return { unitId: id, name: `Unit ${id}`, group, submitted, levels };
}

/**
 * U1 pd (A1 4, A2 2, B1 3), U2 pd (A1 1, A2 4, B1 N/A), U3 kecamatan (A1 3, A2 4, B1 1), U4 kecamatan that did not
 * submit (its draft says 4 everywhere: counted from 0), U5 pd (4, 4, 3).
 */
function fiveUnits(): MatrixUnit[] {
  return [
    unit('pd', true, { A1: 4, A2: 2, B1: 3 }),
    unit('pd', true, { A1: 1, A2: 4, B1: 'na' }),
    unit('kecamatan', true, { A1: 3, A2: 4, B1: 1 }),
    unit('kecamatan', false, { A1: 4, A2: 4, B1: 3 }),
    unit('pd', true, { A1: 4, A2: 4, B1: 3 }),
  ];
}

describe('draftPlan', () => {
  it('drafts one row per indicator with a unit below target, by aspect, highest priority first inside an aspect', () => {
    const rows = draftPlan(INSTRUMENT, fiveUnits(), YEARS);

    // A1: gaps 0, 3, 1, 4, 0 → 40 × 8/5 = 64; A2: gaps 2, 0, 0, 4, 0 → 40 × 6/5 = 48; B1: gaps 0, 2, 3, 0 → 60 × 5/4 = 75
    expect(rows.map((r) => [r.sourceKey, r.aspectCode, r.priority])).toEqual([
      ['kab:A1', 'A', 64],
      ['kab:A2', 'A', 48],
      ['kab:B1', 'B', 75],
    ]);
  });

  it('counts units at target by the end of each year, never levels, with the baseline stored on the row', () => {
    const [a1, a2, b1] = draftPlan(INSTRUMENT, fiveUnits(), YEARS);

    // A1 gaps ≤ 1: U1, U3, U5 → 3; ≤ 2: 3; ≤ 3: + U2 → 4 (U4 from 0 needs a fourth year)
    expect(a1?.targets).toEqual({ 2022: 3, 2023: 3, 2024: 4 });
    expect(a1?.counts).toMatchObject({ total: 5, applicable: 5, atTarget: 2, below: 3, notSubmitted: 1, byGap: [2, 1, 0, 1, 1] });
    expect(a2?.targets).toEqual({ 2022: 3, 2023: 4, 2024: 4 });
    // B1 (target 3): U2 N/A leaves 4 applicable; U4 not submitted counts from 0 (gap 3)
    expect(b1?.targets).toEqual({ 2022: 2, 2023: 3, 2024: 4 });
    expect(b1?.counts).toMatchObject({ applicable: 4, notApplicable: 1, atTarget: 2, byGroup: { pd: { applicable: 2, below: 0 }, kecamatan: { applicable: 2, below: 2 } } });
  });

  it('writes the kondisi awal with the baseline over the applicable units, who did not submit and the levels below target', () => {
    const [a1, , b1] = draftPlan(INSTRUMENT, fiveUnits(), YEARS);

    expect(a1?.problem).toBe(
      'Indikator A1 – Judul A1. 2 dari 5 unit (40,0 %) telah mencapai tingkat 4; 3 unit belum, 1 di antaranya belum mengajukan penilaian ' +
        '(dihitung dari tingkat 0). Sebaran unit di bawah target: tingkat 0: 1 unit; tingkat 1: 1 unit; tingkat 3: 1 unit.',
    );
    expect(b1?.problem).toBe(
      'Indikator B1 – Judul B1. 2 dari 4 unit (50,0 %) telah mencapai tingkat 3; 2 unit belum, 1 di antaranya belum mengajukan penilaian ' +
        '(dihitung dari tingkat 0). 1 dari 5 unit tidak berlaku untuk indikator ini. Sebaran unit di bawah target: tingkat 0: 1 unit; tingkat 1: 1 unit.',
    );
  });

  it('takes the activities for the starting levels present (none at level 2: its activity is left out)', () => {
    const [a1] = draftPlan(INSTRUMENT, fiveUnits(), YEARS);

    expect(a1?.activity).toBe('1) Penetapan SK (2 unit pada tingkat 0 atau 1)\n2) Sosialisasi SK (1 unit pada tingkat 3)\n3) Rapat evaluasi');
    expect(a1?.outputIndicator).toBe('1) SK ditetapkan (dokumen)\n2) Pegawai tersosialisasi (persen)\n3) Notulen rapat (notulen)');
  });

  it('pre-fills output targets: one document per unit newly at target, a share, a recurring number per unit', () => {
    const [a1, a2] = draftPlan(INSTRUMENT, fiveUnits(), YEARS);

    // A1 from 2 at target: 3, 3, 4 → 1, 0, 1 new units
    expect(a1?.outputTargets).toEqual({
      2022: '1) 1 dokumen\n2) 100 %\n3) 4 notulen per unit',
      2023: '1) –\n2) 100 %\n3) 4 notulen per unit',
      2024: '1) 1 dokumen\n2) 100 %\n3) 4 notulen per unit',
    });
    // A2 (no number in revision 1) from 3: 3, 4, 4 → 0, 1, 0 units
    expect(a2?.outputTargets).toEqual({ 2022: '–', 2023: '1 unit', 2024: '–' });
  });

  it('fills waktu by priority across the plan, sasaran, dukungan, penanggung jawab, unit sasaran and anggaran', () => {
    const [a1, a2, b1] = draftPlan(INSTRUMENT, fiveUnits(), YEARS);

    // ranks: B1 (75) first third, A1 (64) second, A2 (48) last; A2's count stops rising in 2023
    expect([b1?.schedule, a1?.schedule, a2?.schedule]).toEqual(['TW I 2022 – TW IV 2024', 'TW III 2022 – TW IV 2024', 'TW I 2023 – TW IV 2023']);
    expect(a1?.goal).toBe('Setiap unit memiliki SK tim pengelola pengaduan yang berlaku.');
    expect(a2?.goal).toBe('Setiap unit mencapai tingkat 4 pada indikator A2 – Judul A2.');
    expect(a1?.support).toBe('Kebijakan: Surat edaran Sekda\nKelembagaan: Templat SK\nSumber daya: Tanpa anggaran khusus');
    expect(a2?.support).toBe('Kelembagaan: koordinasi dan pendampingan oleh Koordinator A2.\nSumber daya: sesuai DPA masing-masing PD.');
    expect(a1?.responsible).toBe('Bagian Organisasi');
    expect(a1?.unitScope).toBe('1 perangkat daerah, 2 kecamatan (lihat Lampiran II)');
    expect(b1?.unitScope).toBe('2 kecamatan (lihat Lampiran II)');
    expect([a1?.budget, a1?.dpa, a1?.verification]).toEqual([DEFAULT_BUDGET, '', 'SK yang ditetapkan']);
  });

  it('drafts nothing when every applicable unit is at target', () => {
    const units = [unit('pd', true, { A1: 4, A2: 4, B1: 'na' }), unit('kecamatan', true, { A1: 4, A2: 4, B1: 3 })];

    expect(draftPlan(INSTRUMENT, units, YEARS)).toEqual([]);
  });
});

describe('sasaranText', () => {
  it('never doubles the final punctuation of a revision 1 title', () => {
    const ind = { code: 'B1', title: 'Keaktifan Akun SP4N-LAPOR!', target: 4, coordinator: 'K', evidence: 'E', activities: [] };

    expect(sasaranText(ind)).toBe('Setiap unit mencapai tingkat 4 pada indikator B1 – Keaktifan Akun SP4N-LAPOR!');
  });
});
