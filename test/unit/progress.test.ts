import { aggregateScores, scoreUnit, type PeriodScores, type UnitResult } from '../../src/scoring';
import type { Instrument } from '../../src/instrument';
import { comparePeriods, compareCodes } from '../../src/progress/progress-compare';
import { planYearProgress, tallyAtTarget, unitYearProgress, type PlanInput } from '../../src/progress/progress-plan';
import { unitTrajectoryOf } from '../../src/progress/progress-trajectory';
import { achievedText, movementText, progressChart, progressUnitRows, signedScore } from '../../src/dashboard/progress-view';
import { buildAnswers, buildInstrument, type AnswerSpec } from './factories';
import { buildDashboard } from '../../src/dashboard/dashboard-model';
import { buildPresentationData, presentationSlides } from '../../src/dashboard/presentation';
import type { Progress } from '../../src/progress';

/**
 * Hand-computed scenario (all weights 50/50, scale 0–4):
 * 2022 (instrument uji.1: A1 T4, A2 T3 | B1 T4 N/A allowed): U1 pd, U2 pd, U3 kecamatan (not submitted), U4 kecamatan.
 * 2023 (instrument uji.2: A1 T4 | B1 T4, B2 T4): U1, U2, U3, U5 kecamatan (added); U4 deactivated (removed).
 * The signed plan 2022–2024 has rows A1, A2, B1 with the counts drafting gives (see each test).
 */
const THEN_INSTRUMENT = { ...buildInstrument({ aspects: [
  { code: 'A', weight: 50, indicators: [{ code: 'A1', target: 4 }, { code: 'A2', target: 3 }] },
  { code: 'B', weight: 50, indicators: [{ code: 'B1', target: 4, allowNa: true }] },
] }), version: 'uji.1' };
const NOW_INSTRUMENT = { ...buildInstrument({ aspects: [
  { code: 'A', weight: 50, indicators: [{ code: 'A1', target: 4 }] },
  { code: 'B', weight: 50, indicators: [{ code: 'B1', target: 4, allowNa: true }, { code: 'B2', target: 4 }] },
] }), version: 'uji.2' };

type UnitSpec = { id: number; group: 'pd' | 'kecamatan'; answers?: Record<string, AnswerSpec> };

function unitOf(instrument: Instrument, u: UnitSpec): UnitResult {
  return {
    unitId: u.id, code: `U${u.id}`, name: `Unit ${u.id}`, group: u.group,
    status: u.answers ? 'diverifikasi' : 'belum_mulai', included: u.answers !== undefined,
    score: scoreUnit(instrument, buildAnswers(u.answers ?? {})),
  };
}

function periodScores(id: number, year: number, instrument: Instrument, specs: UnitSpec[]): PeriodScores {
  const units = specs.map((s) => unitOf(instrument, s));
  return {
    period: { id, name: `Periode ${year}`, year, instrumentId: id, deadline: null, isDemo: false },
    instrument, basis: 'verified', units, aggregate: aggregateScores(instrument, units),
  };
}

const THEN = periodScores(1, 2022, THEN_INSTRUMENT, [
  { id: 1, group: 'pd', answers: { A1: 2, A2: 3, B1: 1 } },
  { id: 2, group: 'pd', answers: { A1: 4, A2: 1, B1: 'na' } },
  { id: 3, group: 'kecamatan' },
  { id: 4, group: 'kecamatan', answers: { A1: 1, A2: 2, B1: 3 } },
]);
const NOW = periodScores(2, 2023, NOW_INSTRUMENT, [
  { id: 1, group: 'pd', answers: { A1: 4, B1: 'na', B2: 2 } },
  { id: 2, group: 'pd', answers: { A1: 4, B1: 'na', B2: 1 } },
  { id: 3, group: 'kecamatan', answers: { A1: 2, B1: 1, B2: 1 } },
  { id: 5, group: 'kecamatan', answers: { A1: 4, B1: 4, B2: 4 } },
]);
// Drafted counts: A1 gaps U1 2, U2 0, U3 4, U4 3 → 1, 2, 3; A2 (T3) U1 0, U2 2, U3 3, U4 1 → 2, 3, 4; B1 U1 3, U2 N/A, U3 4, U4 1 → 1, 1, 2.
const PLAN: PlanInput = {
  years: [2022, 2023, 2024],
  rows: [
    { id: 11, aspectCode: 'A', indicatorCode: 'A1', targets: { 2022: 1, 2023: 2, 2024: 3 } },
    { id: 12, aspectCode: 'A', indicatorCode: 'A2', targets: { 2022: 2, 2023: 3, 2024: 4 } },
    { id: 13, aspectCode: 'B', indicatorCode: 'B1', targets: { 2022: 1, 2023: 1, 2024: 2 } },
    { id: 14, aspectCode: 'B', indicatorCode: null, targets: {} },
  ],
};

describe('comparing a period with the previous one', () => {
  it('sorts indicator codes into both, only the earlier and only the later instrument', () => {
    expect(compareCodes(THEN_INSTRUMENT, NOW_INSTRUMENT)).toEqual({ both: ['A1', 'B1'], onlyThen: ['A2'], onlyNow: ['B2'] });
  });

  it('gives the kabupaten index, group indexes and aspect scores then and now', () => {
    const c = comparePeriods(THEN, NOW);

    // Then: U1 (62,5·50 + 25·50)/100 = 43,75; U2 62,5 (B wholly N/A); U4 (37,5 + 75)/2 = 56,25 → 162,5/3.
    // Now: U1 (100 + 50)/2 = 75; U2 (100 + 25)/2 = 62,5; U3 (50 + 25)/2 = 37,5; U5 100 → 275/4 = 68,75.
    expect(c.instrumentChanged).toBe(true);
    expect(c.kabupaten.then).toBeCloseTo(162.5 / 3, 9);
    expect(c.kabupaten.now).toBeCloseTo(68.75, 9);
    expect(c.kabupaten.change).toBeCloseTo(68.75 - 162.5 / 3, 9);
    expect(c.kabupaten.groups.pd).toEqual({ then: 53.125, now: 68.75, change: 15.625 });
    expect(c.kabupaten.groups.kecamatan).toEqual({ then: 56.25, now: 68.75, change: 12.5 });
    expect(c.aspects.map((a) => [a.code, a.then, a.now, a.change])).toEqual([
      ['A', 162.5 / 3, 87.5, 87.5 - 162.5 / 3],
      ['B', 50, 50, 0],
    ]);
  });

  it('matches units by id: kept, added and removed, with their index movement', () => {
    const c = comparePeriods(THEN, NOW);

    expect(c.units.map((u) => [u.code, u.presence, u.then?.index ?? null, u.now?.index ?? null, u.indexChange])).toEqual([
      ['U1', 'both', 43.75, 75, 31.25],
      ['U2', 'both', 62.5, 62.5, 0],
      ['U3', 'both', null, 37.5, null],
      ['U5', 'added', null, 100, null],
      ['U4', 'removed', 56.25, null, null],
    ]);
    expect(c.movement).toEqual({ up: 1, same: 1, down: 0, comparable: 2, added: 1, removed: 1 });
  });

  it('compares a unit’s levels by indicator code, N/A and codes of one instrument kept apart', () => {
    const u1 = comparePeriods(THEN, NOW).units[0];

    expect(u1?.indicators).toEqual([
      { code: 'A1', then: 2, now: 4, change: 2, inThen: true, inNow: true },
      { code: 'B1', then: 1, now: 'na', change: null, inThen: true, inNow: true },
      { code: 'B2', then: null, now: 2, change: null, inThen: false, inNow: true },
      { code: 'A2', then: 3, now: null, change: null, inThen: true, inNow: false },
    ]);
  });
});

describe('the signed plan against the next assessment', () => {
  it('counts, per row, the units the plan expected at target against the units that reached it', () => {
    const p = planYearProgress(PLAN, THEN, NOW, 2023);

    expect(p.rows.map((r) => [r.indicatorCode, r.targetLevel, r.expected, r.achieved, r.metByAddedUnits, r.removedUnits])).toEqual([
      ['A1', 4, 2, 3, 1, 1],
      ['A2', 3, 3, null, 0, 1],
      ['B1', 4, 1, 1, 1, 1],
    ]);
    // A1: U1 4, U2 4, U5 4 met; U3 2 below. B1: U1 and U2 N/A, U3 1 below, U5 4 met.
    expect(p.rows[0]?.tally).toEqual({ total: 4, met: 3, below: 1, na: 0, notSubmitted: 0, incomplete: 0 });
    expect(p.rows[2]?.tally).toEqual({ total: 4, met: 1, below: 1, na: 2, notSubmitted: 0, incomplete: 0 });
    expect(p.rowsWithoutIndicator).toBe(1);
  });

  it('sums expected and achieved per aspect (units × indicators)', () => {
    const p = planYearProgress(PLAN, THEN, NOW, 2023);

    expect(p.aspects).toEqual([
      { code: 'A', name: 'Aspek A', rows: 2, expected: 5, achieved: 3 },
      { code: 'B', name: 'Aspek B', rows: 1, expected: 1, achieved: 1 },
    ]);
  });

  it('gives each unit its target level of the year, min(T, L + 2) in 2023, against the level reached', () => {
    const units = planYearProgress(PLAN, THEN, NOW, 2023).units;
    const view = units.map((u) => [u.code, u.presence, u.measured, u.items.map((i) => `${i.code} ${i.from}→${i.targetLevel}: ${i.reached ?? '-'} ${i.status}`), u.met, u.below]);

    expect(view).toEqual([
      ['U1', 'both', 'counted', ['A1 2→4: 4 met', 'B1 1→3: na na'], 1, 0],
      ['U2', 'both', 'counted', ['A2 1→3: - not-measured'], 0, 0],
      ['U3', 'both', 'counted', ['A1 0→2: 2 met', 'A2 0→2: - not-measured', 'B1 0→2: 1 below'], 1, 1],
      ['U4', 'removed', 'removed', ['A1 1→3: - not-measured', 'A2 2→3: - not-measured', 'B1 3→4: - not-measured'], 0, 0],
      ['U5', 'added', 'counted', [], 0, 0],
    ]);
  });

  it.each([[2023, NOW], [2024, null]] as const)('gives one unit in %i exactly what the whole plan year lists for it, and nothing for a unit in neither period', (year, measured) => {
    const whole = planYearProgress(PLAN, THEN, measured, year).units;

    const one = [1, 2, 3, 4, 5].map((id) => unitYearProgress(PLAN, THEN, measured, year, id));

    expect(one).toEqual([1, 2, 3, 4, 5].map((id) => whole.find((u) => u.unitId === id)));
    expect(unitYearProgress(PLAN, THEN, measured, year, 99)).toBeUndefined();
  });

  it('gives the targets alone before the year’s assessment exists', () => {
    const p = planYearProgress(PLAN, THEN, null, 2024);

    expect(p.rows.map((r) => [r.expected, r.achieved, r.tally])).toEqual([[3, null, null], [4, null, null], [2, null, null]]);
    expect(p.aspects.map((a) => [a.expected, a.achieved])).toEqual([[7, 0], [2, 0]]);
    expect(p.units[0]?.measured).toBe('not-measured');
  });

  it('puts every unit of the measured period in one bucket, not submitted and incomplete apart', () => {
    const units = periodScores(3, 2023, NOW_INSTRUMENT, [
      { id: 1, group: 'pd', answers: { A1: 4, B1: 'na', B2: 2 } },
      { id: 2, group: 'pd' },
      { id: 3, group: 'kecamatan', answers: { A1: 4 } },
    ]).units;

    expect(tallyAtTarget(units, 'A1', 4)).toEqual({ total: 3, met: 1, below: 0, na: 0, notSubmitted: 1, incomplete: 1 });
  });

  it('lines a unit’s trajectory up year by year', () => {
    const perYear = PLAN.years.map((year) => ({ year, measuredPeriod: null, progress: planYearProgress(PLAN, THEN, year === 2023 ? NOW : null, year) }));
    const ref = { id: 1, name: 'Periode 2022', year: 2022, isDemo: false, instrumentVersion: 'uji.1' };

    const t = unitTrajectoryOf(3, ref, PLAN.years, perYear);

    expect(t?.items.map((i) => [i.code, i.from, i.cells.map((c) => `${c.targetLevel}:${c.reached ?? '-'}:${c.status}`)])).toEqual([
      ['A1', 0, ['1:-:not-measured', '2:2:met', '3:-:not-measured']],
      ['A2', 0, ['1:-:not-measured', '2:-:not-measured', '3:-:not-measured']],
      ['B1', 0, ['1:-:not-measured', '2:1:below', '3:-:not-measured']],
    ]);
    expect(t?.metByYear).toEqual({ 2022: { met: 0, measured: 0 }, 2023: { met: 1, measured: 2 }, 2024: { met: 0, measured: 0 } });
    expect(unitTrajectoryOf(5, ref, PLAN.years, perYear)).toBeNull();
  });
});

describe('the progress section’s texts and chart', () => {
  it('writes changes with their sign in id-ID, and the tally of a row over every unit', () => {
    expect([signedScore(3.254), signedScore(-1.2), signedScore(0.001), signedScore(null)]).toEqual(['+3,25', '−1,20', '0,00', '–']);
    expect(achievedText({ total: 57, met: 55, below: 1, na: 0, notSubmitted: 1, incomplete: 0 })).toBe('55 dari 57 unit (1 di bawah target, 1 belum mengajukan penilaian)');
    expect(movementText({ up: 32, same: 8, down: 2, comparable: 42, added: 1, removed: 0 })).toBe('32 unit naik, 8 tetap, 2 turun (dari 42 unit yang dihitung di kedua periode); 1 unit baru');
  });

  it('draws target against achieved per aspect on one scale', () => {
    const chart = progressChart(planYearProgress(PLAN, THEN, NOW, 2023).aspects, 2023);

    expect(chart.labels).toEqual(['A. Aspek A', 'B. Aspek B']);
    expect(chart.max).toBe(6);
    expect(chart.series.map((s) => [s.label, s.data, s.colour])).toEqual([['Target 2023', [5, 1], 'target'], ['Tercapai 2023', [3, 1], 'achieved']]);
  });
});

describe('the kemajuan slide', () => {
  const ref = (s: PeriodScores) => ({ id: s.period.id, name: s.period.name, year: s.period.year, isDemo: false, instrumentVersion: s.instrument.version });
  const progress: Progress = {
    period: ref(NOW), compare: ref(THEN), basis: 'verified', comparison: comparePeriods(THEN, NOW),
    plan: { planPeriod: ref(THEN), versionNo: 1, finalizedAt: '2022-12-01T00:00:00Z', years: PLAN.years, measuredPeriod: ref(NOW), progress: planYearProgress(PLAN, THEN, NOW, 2023) },
  };

  it('follows the groups slide with the kabupaten’s progress and the plan’s rows on target, no unit named', () => {
    const data = buildPresentationData(buildDashboard(NOW), new Date('2026-11-29T10:00:00Z'), null, null, progress);

    expect(presentationSlides(data).map((s) => s.kind).slice(0, 4)).toEqual(['index', 'aspects', 'groups', 'progress']);
    expect(data.progress?.index).toEqual({ then: 162.5 / 3, now: 68.75, change: 68.75 - 162.5 / 3 });
    // Measured rows: A1 (2 expected, 3 reached) and B1 (1, 1); A2 is not in the 2023 instrument.
    expect(data.progress?.plan).toMatchObject({ year: 2023, rows: 2, rowsOnTarget: 2, aspects: [{ code: 'A', expected: 5, achieved: 3 }, { code: 'B', expected: 1, achieved: 1 }] });
    expect(JSON.stringify(data.progress)).not.toContain('Unit 1');
  });

  it('says on the dashboard why a unit has no index for the earlier period, as for the later one', () => {
    const rows = progressUnitRows(progress);

    // U3 did not submit in 2022 (no index then), U5 was formed since, U4 is no longer active.
    expect(rows.map((r) => [r.name, r.thenIndex, r.nowIndex, r.note])).toEqual([
      ['Unit 1', 43.75, 75, ''],
      ['Unit 2', 62.5, 62.5, ''],
      ['Unit 3', null, 37.5, 'tidak mengajukan penilaian 2022'],
      ['Unit 5', null, 100, 'unit baru (tidak ada di Renaksi)'],
      ['Unit 4', 56.25, null, 'tidak aktif lagi'],
    ]);
  });

  it('has no kemajuan slide for a first period', () => {
    const data = buildPresentationData(buildDashboard(NOW), new Date(), null, null, { ...progress, compare: null, comparison: null, plan: null });

    expect(data.progress).toBeUndefined();
    expect(presentationSlides(data).map((s) => s.kind)).not.toContain('progress');
  });
});
