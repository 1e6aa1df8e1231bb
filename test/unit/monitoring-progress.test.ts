import { buildProgress, type PlanRowSource, type ProgressInput } from '../../src/monitoring/monitoring-progress';
import type { RowReport, UnitReport } from '../../src/monitoring/monitoring.repo';

const row = (id: number, aspectCode: string, target2022: string): PlanRowSource => ({
  id, aspectCode, indicatorCode: `${aspectCode}${id}`, activity: `Kegiatan ${id}`, outputIndicator: 'Dokumen', schedule: 'TW I 2022 – TW IV 2023',
  responsible: 'Diskominfo', outputTargets: { 2022: target2022, 2023: '3 dokumen' },
});

const review = { verifierComment: '', reportedBy: null, filledBy: [], reportedByName: null, submittedAt: null, reviewedByName: null, reviewedAt: null, version: 1, updatedAt: '' };

const rowReport = (id: number, rowId: number, over: Partial<RowReport>): RowReport => ({
  id, rowId, year: 2022, semester: 1, status: 'berjalan', realisasi: null, outputRealisasi: null, kendala: '', tindakLanjut: '', reviewState: 'diajukan', ...review, ...over,
});

const unitReport = (id: number, unitId: number, over: Partial<UnitReport>): UnitReport => ({
  id, planId: 1, unitId, year: 2022, semester: 1, reviewState: 'diajukan', items: [], ...review, ...over,
});

/**
 * Aspect A has rows 1 ("9 dokumen" in 2022) and 2 ("100 %"), both coordinated by unit 10; aspect B has row 3 ("–").
 * Semester I 2022: row 1 berjalan 6 (submitted), row 2 berjalan 40 (only a draft), row 3 selesai (accepted).
 * Unit 11 has its own part (A1) and submitted it for semester I 2022; unit 12 reports nothing.
 */
function input(): ProgressInput {
  return {
    period: { id: 7, name: 'Penilaian 2022', year: 2022 },
    plan: { id: 1, status: 'final', startYear: 2022, endYear: 2023 },
    groups: [
      { aspectCode: 'A', aspectName: 'Kebijakan', number: 'I', rows: [{ no: 'I.1', row: row(1, 'A', '9 dokumen') }, { no: 'I.2', row: row(2, 'A', '100 %') }] },
      { aspectCode: 'B', aspectName: 'Kelembagaan', number: 'II', rows: [{ no: 'II.1', row: row(3, 'B', '–') }] },
    ],
    coordinators: new Map([[1, { unitId: 10, name: 'Diskominfo', named: false }], [2, { unitId: 10, name: 'Diskominfo', named: false }]]),
    rowReports: [
      rowReport(100, 1, { realisasi: 6 }),
      rowReport(101, 2, { realisasi: 40, reviewState: 'draf' }),
      rowReport(102, 3, { status: 'selesai', reviewState: 'diterima' }),
      rowReport(103, 1, { semester: 2, realisasi: 12, reviewState: 'dikembalikan', verifierComment: 'Lampirkan SK.' }),
    ],
    unitReports: [unitReport(200, 11, {})],
    windows: [{ year: 2022, semester: 1, opensOn: '2022-07-01', deadline: '2022-07-15' }],
    evidenceCounts: new Map([['row:100', 2], ['unit:200', 3]]),
    units: [
      { unitId: 10, code: 'PD-KOMINFO', name: 'Diskominfo', group: 'pd', indicators: [] },
      { unitId: 11, code: 'KEC-BUSANG', name: 'Busang', group: 'kecamatan', indicators: ['A1'] },
      { unitId: 12, code: 'KEC-TELEN', name: 'Telen', group: 'kecamatan', indicators: [] },
    ],
    now: new Date('2022-07-10T02:00:00Z'),
  };
}

describe('the progress of a final Renaksi', () => {
  it('gives every row its target, realisasi and capaian per semester', () => {
    const p = buildProgress(input());

    expect(p.monitored).toBe(true);
    expect(p.semesters.map((s) => [s.key, s.windowState])).toEqual([['2022-1', 'terbuka'], ['2022-2', 'tanpa_jadwal'], ['2023-1', 'tanpa_jadwal'], ['2023-2', 'tanpa_jadwal']]);
    const [r1, r2, r3] = p.rows;
    expect(r1?.semesters[0]).toMatchObject({ target: 9, realisasi: 6, reported: true, onSchedule: true, evidenceCount: 2, reviewState: 'diajukan' });
    expect(r1?.semesters[0]?.capaian).toBeCloseTo(66.667, 2);
    expect(r1?.semesters[1]).toMatchObject({ target: 9, realisasi: 12, capaian: (12 / 9) * 100, overTarget: true, reported: false, onSchedule: false, verifierComment: 'Lampirkan SK.' });
    expect(r1?.semesters[2]).toMatchObject({ key: '2023-1', target: 3, targetText: '3 dokumen', realisasi: null, capaian: null, status: null, reviewState: null });
    expect(r2?.semesters[0]).toMatchObject({ target: 100, realisasi: 40, capaian: 40, reported: false, onSchedule: false });
    expect(r3?.semesters[0]).toMatchObject({ target: null, capaian: null, status: 'selesai', reported: true, onSchedule: true });
  });

  it('gives each aspect the share of its rows on schedule per semester', () => {
    const p = buildProgress(input());

    expect(p.aspects.map((a) => [a.number, a.semesters[0]])).toEqual([
      ['I', { key: '2022-1', rows: 2, reported: 1, onSchedule: 1, share: 50 }],
      ['II', { key: '2022-1', rows: 1, reported: 1, onSchedule: 1, share: 100 }],
    ]);
    expect(p.aspects[0]?.semesters[1]).toEqual({ key: '2022-2', rows: 2, reported: 0, onSchedule: 0, share: 0 });
  });

  it('tells per semester which units have reported their rows and their own part', () => {
    const p = buildProgress(input());

    expect(p.units.map((u) => u.unitId)).toEqual([10, 11]);
    expect(p.units[0]?.semesters[0]).toEqual({ key: '2022-1', rowsDue: 2, rowsReported: 1, ownPartDue: false, ownPart: null, ownEvidenceCount: 0, reported: false });
    expect(p.units[1]?.semesters[0]).toEqual({ key: '2022-1', rowsDue: 0, rowsReported: 0, ownPartDue: true, ownPart: 'diajukan', ownEvidenceCount: 3, reported: true });
    expect(p.units[1]?.semesters[1]).toMatchObject({ ownPart: null, ownEvidenceCount: 0, reported: false });
  });

  it('counts every output of a target that lists several: 6 of 9 documents and 1 of 4 notulen is (66,67 + 25) ÷ 2 = 45,83 %, behind in semester I', () => {
    const base = input();
    const twoOutputs = row(1, 'A', '1) 9 dokumen\n2) 4 notulen per unit');

    const p = buildProgress({ ...base, groups: [{ ...base.groups[0]!, rows: [{ no: 'I.1', row: twoOutputs }] }], rowReports: [rowReport(100, 1, { realisasi: 6, outputRealisasi: [6, 1] })] });

    const c = p.rows[0]?.semesters[0];
    expect(c?.outputs).toEqual([
      { text: '9 dokumen', target: 9, realisasi: 6, capaian: (6 / 9) * 100 },
      { text: '4 notulen per unit', target: 4, realisasi: 1, capaian: 25 },
    ]);
    expect(c?.capaian).toBeCloseTo(45.833, 2);
    expect(c).toMatchObject({ target: 9, realisasi: 6, realisasiText: '1) 6\n2) 1', overTarget: false, reported: true, onSchedule: false });
    expect(p.aspects[0]?.semesters[0]).toMatchObject({ rows: 1, onSchedule: 0, share: 0 });
  });

  it('reads a report saved with one number against several outputs as the first output only', () => {
    const base = input();
    const twoOutputs = row(1, 'A', '1) 9 dokumen\n2) 4 notulen per unit');

    const p = buildProgress({ ...base, groups: [{ ...base.groups[0]!, rows: [{ no: 'I.1', row: twoOutputs }] }], rowReports: [rowReport(100, 1, { realisasi: 9 })] });

    expect(p.rows[0]?.semesters[0]).toMatchObject({ capaian: 50, realisasiText: '1) 9\n2) –', onSchedule: true });
  });

  it('is not monitored while the plan is a draft, and keeps what was reported', () => {
    const p = buildProgress({ ...input(), plan: { id: 1, status: 'draf', startYear: 2022, endYear: 2023 } });

    expect(p.monitored).toBe(false);
    expect(p.rows[0]?.semesters[0]?.realisasi).toBe(6);
  });

  it('has no semesters and no rows without a plan', () => {
    const p = buildProgress({ ...input(), plan: null, groups: [] });

    expect(p).toMatchObject({ monitored: false, semesters: [], rows: [], aspects: [] });
  });
});
