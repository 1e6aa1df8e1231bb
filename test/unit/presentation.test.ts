import { buildDashboard } from '../../src/dashboard/dashboard-model';
import { balancedPages, buildPresentationData, hideUnitNames, presentationFingerprint, presentationSlides } from '../../src/dashboard/presentation';
import { aggregateScores, scoreUnit } from '../../src/scoring/scoring';
import type { UnitGroup } from '../../src/units/units.repo';
import type { PeriodScores, UnitResult } from '../../src/scoring/scores.service';
import { buildAnswers, buildInstrument } from './factories';

const instrument = buildInstrument({ aspects: [{ code: 'A', weight: 40, indicators: 2 }, { code: 'B', weight: 60, indicators: 2 }] });

function unit(unitId: number, group: UnitGroup, level: number): UnitResult {
  const answers = buildAnswers({ A1: level, A2: level, B1: level, B2: level });
  return { unitId, code: `U${unitId}`, name: `Unit nyata ${unitId}`, group, status: 'diajukan', included: true, score: scoreUnit(instrument, answers) };
}

function periodScores(units: UnitResult[]): PeriodScores {
  return {
    period: { id: 1, name: 'Periode uji', year: 2022, instrumentId: 1, deadline: null, isDemo: false },
    instrument,
    basis: 'verified',
    units,
    aggregate: aggregateScores(instrument, units),
  };
}

const NOW = new Date('2026-11-27T10:05:00Z');

describe('presentationSlides', () => {
  it('splits 15 perangkat daerah into two balanced heatmap slides (8 + 7) and keeps the story order', () => {
    const units = [...Array.from({ length: 15 }, (_, i) => unit(i + 1, 'pd', 2)), unit(100, 'kecamatan', 3)];
    const data = buildPresentationData(buildDashboard(periodScores(units)), NOW);

    const slides = presentationSlides(data);

    expect(slides.map((s) => s.kind)).toEqual(['index', 'aspects', 'groups', 'heatmap', 'heatmap', 'heatmap', 'weakest', 'next-steps']);
    const heat = slides.filter((s) => s.kind === 'heatmap');
    expect(heat.map((s) => (s.kind === 'heatmap' ? [s.group, s.rows.length, s.page, s.pages] : null))).toEqual([
      ['pd', 8, 1, 2],
      ['pd', 7, 2, 2],
      ['kecamatan', 1, 1, 1],
    ]);
  });

  it('still shows one (empty) heatmap slide per group and one next-steps slide before anyone submits', () => {
    const data = buildPresentationData(buildDashboard(periodScores([])), NOW);

    const slides = presentationSlides(data);

    expect(slides.map((s) => s.kind)).toEqual(['index', 'aspects', 'groups', 'heatmap', 'heatmap', 'weakest', 'next-steps']);
    expect(data.index.kabupaten).toEqual({ mean: null, category: null, unitCount: 0 });
  });
});

describe('balancedPages', () => {
  it.each([
    [0, 12, [0]],
    [12, 12, [12]],
    [13, 12, [7, 6]],
    [39, 12, [10, 10, 10, 9]],
    [10, 5, [5, 5]],
  ])('splits %s items by at most %s into pages of %j', (n, max, sizes) => {
    expect(balancedPages(Array.from({ length: n }, (_, i) => i), max).map((p) => p.length)).toEqual(sizes);
  });
});

describe('hideUnitNames and presentationFingerprint', () => {
  const units = [unit(7, 'pd', 4), unit(3, 'kecamatan', 1), unit(5, 'pd', 2)];
  const data = buildPresentationData(buildDashboard(periodScores(units)), NOW);

  it('names units "Unit n" by id order, drops their codes and keeps the numbers', () => {
    const hidden = hideUnitNames(data);

    expect(hidden.heatmap.map((r) => [r.name, r.code, r.index])).toEqual([
      ['Unit 3', '', 100],
      ['Unit 2', '', 50],
      ['Unit 1', '', 25],
    ]);
  });

  it('ignores the computation time but changes with any number', () => {
    const later = buildPresentationData(buildDashboard(periodScores(units)), new Date('2026-11-27T11:00:00Z'));
    const more = buildPresentationData(buildDashboard(periodScores([...units, unit(9, 'kecamatan', 3)])), NOW);

    expect(presentationFingerprint(later)).toBe(presentationFingerprint(data));
    expect(presentationFingerprint(more)).not.toBe(presentationFingerprint(data));
  });

  it('lists the weakest indicators with the instrument’s coordinator and activities for the next steps', () => {
    expect(data.weakest[0]).toMatchObject({ rank: 1, code: 'A1', coordinator: 'Koordinator A1', activities: [{ activity: 'Kegiatan A1', output: 'Keluaran A1', unit: 'dokumen' }] });
    expect(data.weakest.map((w) => w.code)).toEqual(['A1', 'A2', 'B1', 'B2']);
  });
});
