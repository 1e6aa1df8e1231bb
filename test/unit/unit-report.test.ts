import path from 'node:path';
import { loadInstrumentFile } from '../../src/instrument/instrument.loader';
import { levelDistributions, unitGaps } from '../../src/dashboard/aggregates';
import { buildUnitReport, gapsByPriority } from '../../src/dashboard/unit-report';
import { aggregateScores, gapPriority, scoreUnit } from '../../src/scoring/scoring';
import type { UnitGroup } from '../../src/units/units.repo';
import type { PeriodScores, UnitResult } from '../../src/scoring/scores.service';
import { buildAnswers, buildInstrument, type AnswerSpec } from './factories';

// A 20 % (A1, A2 target 3), B 80 % (B1 may be N/A, B2).
const instrument = buildInstrument({
  aspects: [
    { code: 'A', weight: 20, indicators: [{}, { target: 3 }] },
    { code: 'B', weight: 80, indicators: [{ allowNa: true }, {}] },
  ],
});

function unit(unitId: number, group: UnitGroup, status: UnitResult['status'], spec: Record<string, AnswerSpec>): UnitResult {
  return {
    unitId, code: `U${unitId}`, name: `Unit ${unitId}`, group, status,
    included: status === 'diajukan' || status === 'diverifikasi',
    score: scoreUnit(instrument, buildAnswers(spec)),
  };
}

// Counted: U1 (the one in the rapor), U2, U3; U4 is a draft, U5 has not started.
const u1 = unit(1, 'kecamatan', 'diverifikasi', { A1: 1, A2: 2, B1: 'na', B2: 3 });
const u2 = unit(2, 'kecamatan', 'diajukan', { A1: 4, A2: 1, B1: 2, B2: 4 });
const u3 = unit(3, 'pd', 'diajukan', { A1: 4, A2: 3, B1: 4, B2: 1 });
const u4 = unit(4, 'pd', 'draf', { A1: 0 });
const u5 = unit(5, 'kecamatan', 'belum_mulai', {});
const units = [u1, u2, u3, u4, u5];
const scores = {
  period: { id: 1, name: 'P', year: 2022, instrumentId: 1, deadline: null, isDemo: false, createdAt: '' },
  instrument, basis: 'verified', units, aggregate: aggregateScores(instrument, units),
} as PeriodScores;

describe('gapsByPriority', () => {
  it('orders a unit’s gaps by gap × aspect weight × share of counted units below target, as the Renaksi does', () => {
    const gaps = gapsByPriority(instrument, unitGaps(instrument, u1), levelDistributions(instrument, units));

    // U1's gaps: A1 4 − 1 = 3, A2 3 − 2 = 1, B2 4 − 3 = 1 (B1 N/A).
    // shares over counted U1–U3: A1 1/3 below 4; A2 2/3 below 3 (U1 2, U2 1); B2 2/3 below 4 (U1 3, U3 1)
    // A1 3 × 20 × 1/3 = 20; A2 1 × 20 × 2/3 = 13,33…; B2 1 × 80 × 2/3 = 53,33…
    expect(gaps.map((g) => [g.code, g.gap, g.shareBelow])).toEqual([['B2', 1, 2 / 3], ['A1', 3, 1 / 3], ['A2', 1, 2 / 3]]);
    expect(gaps.map((g) => g.priority)).toEqual([gapPriority(1, 80, 2 / 3), gapPriority(3, 20, 1 / 3), gapPriority(1, 20, 2 / 3)]);
    expect(gaps[0]?.priority).toBeCloseTo(160 / 3, 10);
  });
});

describe('buildUnitReport', () => {
  it('counts the indicators that apply and those that do not, and every unit of the period', () => {
    const r = buildUnitReport(scores, 1);

    expect(r?.indicatorCounts).toEqual({ applicable: 3, na: 1, unanswered: 0 });
    expect(r?.priorityGaps.map((g) => g.code)).toEqual(['B2', 'A1', 'A2']);
    expect(r?.counts).toMatchObject({ total: 5, counted: 3, notSubmitted: 2 });
    expect(r?.kabupaten.terms).toHaveLength(3);
  });

  it('says which indicators a draft has not answered', () => {
    const r = buildUnitReport(scores, 4);

    expect(r?.indicatorCounts).toEqual({ applicable: 1, na: 0, unanswered: 3 });
  });
});

describe('unitGaps on revision 2', () => {
  const revision2 = loadInstrumentFile(path.join(__dirname, '..', '..', 'templates', 'instrument-2022.2.json'));
  const codes = revision2.aspects.flatMap((a) => a.indicators.map((i) => i.code));
  const at = (levels: Record<string, AnswerSpec>): UnitResult => ({
    unitId: 1, code: 'KEC-KAUBUN', name: 'Kecamatan Kaubun', group: 'kecamatan', status: 'diajukan', included: true,
    score: scoreUnit(revision2, buildAnswers({ ...Object.fromEntries(codes.map((c) => [c, 4])), ...levels })),
  });

  it('recommends the activities made for the level the unit starts from: at level 3 on A2 it reviews its SOP instead of drawing one up', () => {
    const a2 = (u: UnitResult) => unitGaps(revision2, u).find((g) => g.code === 'A2');

    expect(a2(at({ A2: 3 }))?.activities.map((a) => a.activity)).toEqual([
      'Sosialisasi internal SOP kepada seluruh pegawai yang terlibat dalam pelayanan dan pengaduan',
      'Peninjauan SOP berdasarkan hasil evaluasi pengelolaan pengaduan',
    ]);
    expect(a2(at({ A2: 0 }))?.activities.map((a) => a.activity)).toEqual(['Penyusunan dan penetapan SOP pengelolaan pengaduan berdasarkan templat Bagian Organisasi']);
  });
});
