import { describeBelowTarget, tallyParts, tallyUnits, uncountedParts } from '../../src/scoring/unit-tally';

describe('tallyUnits', () => {
  it('puts every unit of the period in exactly one bucket (Kutai Timur: 57 units, 21 counted)', () => {
    // 57 units: 35 not submitted, 1 submitted with a gap; 21 counted: 18 with a level (12 below target), 3 N/A
    const t = tallyUnits({ total: 57, notSubmitted: 35, incomplete: 1 }, 18, 12);

    expect(t).toEqual({ total: 57, below: 12, met: 6, na: 3, notSubmitted: 35, incomplete: 1 });
    expect(t.below + t.met + t.na + t.notSubmitted + t.incomplete).toBe(57);
  });
});

describe('describeBelowTarget', () => {
  it('writes the denominator as every unit and names why the others have no level', () => {
    const t = tallyUnits({ total: 57, notSubmitted: 35, incomplete: 1 }, 18, 12);

    expect(describeBelowTarget(t)).toBe('12 dari 57 unit di bawah target (6 sudah mencapai target, 3 tidak berlaku, 35 belum mengajukan penilaian, 1 belum lengkap)');
  });

  it('leaves out parts that are zero and uses the noun given', () => {
    const t = tallyUnits({ total: 18, notSubmitted: 0, incomplete: 0 }, 18, 18);

    expect(describeBelowTarget(t, 'kecamatan')).toBe('18 dari 18 kecamatan di bawah target');
  });

  it('formats numbers the id-ID way', () => {
    const t = tallyUnits({ total: 30_039, notSubmitted: 1_200, incomplete: 0 }, 28_839, 1_234);

    expect(describeBelowTarget(t)).toBe('1.234 dari 30.039 unit di bawah target (27.605 sudah mencapai target, 1.200 belum mengajukan penilaian)');
  });
});

describe('tallyParts and uncountedParts', () => {
  it('can leave the units at target out', () => {
    const t = tallyUnits({ total: 18, notSubmitted: 4, incomplete: 0 }, 12, 10);

    expect(tallyParts(t, { met: false })).toEqual(['2 tidak berlaku', '4 belum mengajukan penilaian']);
  });

  it('lists only the units a roster leaves out', () => {
    expect(uncountedParts({ total: 57, notSubmitted: 35, incomplete: 1 })).toEqual(['35 belum mengajukan penilaian', '1 belum lengkap']);
    expect(uncountedParts({ total: 57, notSubmitted: 0, incomplete: 0 })).toEqual([]);
  });
});
