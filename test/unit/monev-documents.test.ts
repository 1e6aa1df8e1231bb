import type { MonevProgress, RowProgress, RowSemesterProgress } from '../../src/monitoring';
import { buktiText, evidenceByReport, kemajuanDoc, monevSheets, statusText, unitReportsDoc } from '../../src/monev-documents/monev-model';
import { semesterStarted } from '../../src/monitoring/monitoring-calc';
import { defaultSemesterKey, rowTitle, semesterReport } from '../../src/monev-documents/monev-report';
import { kemajuanShare } from '../../src/monev-documents/monev-kemajuan-sheet';

const KEYS = ['2022-1', '2022-2', '2023-1', '2023-2'];

function cell(key: string, over: Partial<RowSemesterProgress> = {}): RowSemesterProgress {
  const [year, semester] = key.split('-').map(Number) as [number, 1 | 2];
  return {
    key, year, semester, targetText: '4 dokumen', target: 4, realisasi: null, outputs: [], realisasiText: '', capaian: null, overTarget: false, status: null, reviewState: null,
    reported: false, onSchedule: false, kendala: '', tindakLanjut: '', verifierComment: '', evidenceCount: 0, reportId: null, version: null, ...over,
  };
}

function row(no: string, aspectCode: string, cells: Record<string, Partial<RowSemesterProgress>>): RowProgress {
  return {
    rowId: Number(no.replace(/\D/g, '')) + (aspectCode === 'A' ? 0 : 100), no, aspectCode, aspectName: `Aspek ${aspectCode}`, indicatorCode: `${aspectCode}1`,
    activity: '1) Penyusunan SOP\n2) Publikasi SOP', outputIndicator: 'SOP (dokumen)', schedule: 'TW I 2022 – TW IV 2023', responsible: 'Bagian Organisasi',
    coordinator: { unitId: 1, name: 'Sekretariat Daerah', named: false }, semesters: KEYS.map((k) => cell(k, cells[k])),
  };
}

/**
 * A two-year plan with two rows under sasaran I and one under II. In 2022-1: I.1 reported berjalan 1 of 4 (25 %,
 * behind) and accepted, with one evidence item; I.2 a draft; II.1 submitted selesai 4 of 4 (on schedule). One unit
 * coordinates all rows; another owes only its own part and has it returned.
 */
function plan(): MonevProgress {
  const rows = [
    row('I.1', 'A', { '2022-1': { realisasi: 1, capaian: 25, status: 'berjalan', reviewState: 'diterima', reported: true, kendala: 'Templat belum ada', evidenceCount: 1, reportId: 7 } }),
    row('I.2', 'A', { '2022-1': { realisasi: 3, capaian: 75, status: 'berjalan', reviewState: 'draf', kendala: 'draf' } }),
    row('II.1', 'B', { '2022-1': { realisasi: 5, capaian: 125, overTarget: true, status: 'selesai', reviewState: 'diajukan', reported: true, onSchedule: true } }),
  ];
  const sem = (rowsDue: number, rowsReported: number, ownPartDue: boolean, ownPart: RowSemesterProgress['reviewState']) => KEYS.map((key) => ({
    key, rowsDue, rowsReported: key === '2022-1' ? rowsReported : 0, ownPartDue, ownPart: key === '2022-1' ? ownPart : null, ownEvidenceCount: key === '2022-1' && ownPart ? 1 : 0, reported: false,
  }));
  return {
    period: { id: 1, name: 'Penilaian 2022', year: 2022 },
    plan: { id: 1, status: 'final', startYear: 2022, endYear: 2023 },
    monitored: true,
    semesters: KEYS.map((key) => {
      const [year, semester] = key.split('-').map(Number) as [number, 1 | 2];
      return { key, year, semester, label: `Semester ${semester === 1 ? 'I' : 'II'} ${year}`, window: null, windowState: 'tanpa_jadwal' as const };
    }),
    rows,
    aspects: [
      { aspectCode: 'A', aspectName: 'Aspek A', number: 'I', semesters: KEYS.map((key) => ({ key, rows: 2, reported: key === '2022-1' ? 1 : 0, onSchedule: 0, share: 0 })) },
      { aspectCode: 'B', aspectName: 'Aspek B', number: 'II', semesters: KEYS.map((key) => ({ key, rows: 1, reported: key === '2022-1' ? 1 : 0, onSchedule: key === '2022-1' ? 1 : 0, share: key === '2022-1' ? 100 : 0 })) },
    ],
    units: [
      { unitId: 1, code: 'PD-SETDA', name: 'Sekretariat Daerah', group: 'pd', coordinatedRowIds: [1, 2, 101], indicators: [], semesters: sem(3, 2, false, null) },
      { unitId: 2, code: 'KEC-BUSANG', name: 'Kecamatan Busang', group: 'kecamatan', coordinatedRowIds: [], indicators: ['A1'], semesters: sem(0, 0, true, 'dikembalikan') },
    ],
  };
}

describe('the monev documents as data', () => {
  it('says a semester has begun from 1 January and 1 July (WITA dates)', () => {
    expect([semesterStarted({ year: 2023, semester: 1 }, '2022-12-31'), semesterStarted({ year: 2023, semester: 1 }, '2023-01-01')]).toEqual([false, true]);
    expect([semesterStarted({ year: 2023, semester: 2 }, '2023-06-30'), semesterStarted({ year: 2023, semester: 2 }, '2023-07-01')]).toEqual([false, true]);
  });

  it.each([
    [{ reported: true, status: 'selesai', reviewState: 'diterima' }, true, 'Selesai'],
    [{ reported: true, status: 'berjalan', reviewState: 'diajukan' }, true, 'Berjalan (belum diverifikasi)'],
    [{ reported: false, status: 'berjalan', reviewState: 'draf' }, true, 'Belum dilaporkan'],
    [{ reported: false, status: null, reviewState: null }, false, ''],
  ] as const)('prints the status of %o (semester begun: %s) as "%s"', (c, started, text) => {
    expect(statusText(c, started)).toBe(text);
  });

  it("lists the units with their own part and what each semester's report stands at, begun semesters only", () => {
    const doc = unitReportsDoc(plan(), '2023-03-01');

    // Sekretariat Daerah only coordinates rows (no own part); Busang's 2022-1 part was returned (its evidence not counted).
    expect(doc.semesters).toEqual(['Semester I 2022', 'Semester II 2022', 'Semester I 2023', 'Semester II 2023']);
    expect(doc.units).toEqual([{ no: 1, name: 'Kecamatan Busang', indicators: 1, cells: ['Dikembalikan untuk diperbaiki', 'Belum dilaporkan', 'Belum dilaporkan', ''] }]);
  });

  it.each([
    ['diterima', 2, 'Diterima; 2 bukti'], ['diajukan', 0, 'Menunggu verifikasi'], ['draf', 1, 'Belum dilaporkan'], [null, 0, 'Belum dilaporkan'],
  ] as const)('prints a unit part %s with %i evidence as "%s"', (ownPart, ownEvidenceCount, text) => {
    const p = plan();
    const busang = p.units[1];
    if (busang?.semesters[0]) Object.assign(busang.semesters[0], { ownPart, ownEvidenceCount });

    expect(unitReportsDoc(p, '2022-06-30').units[0]?.cells[0]).toBe(text);
  });

  it('lists evidence names up to four, else the count', () => {
    expect(buktiText(['a.pdf', 'b.pdf', 'c', 'd', 'e'], 5)).toBe('a.pdf; b.pdf; c; d; dan 1 lainnya');
    expect([buktiText(undefined, 2), buktiText([], 0)]).toEqual(['2 bukti', '']);
  });

  it("names a report's files and counts its links for the narrow column", () => {
    const byReport = evidenceByReport([
      { rowReportId: 7, kind: 'link', fileName: null }, { rowReportId: 7, kind: 'file', fileName: 'SK Tim.pdf' }, { rowReportId: 7, kind: 'link', fileName: null },
      { rowReportId: 8, kind: 'link', fileName: null }, { rowReportId: null, kind: 'file', fileName: 'unit.pdf' },
    ]);

    expect([...byReport]).toEqual([[7, ['SK Tim.pdf', '2 tautan']], [8, ['1 tautan']]]);
  });

  it('puts each plan year on its own sheet with only submitted reports, the draft left out', () => {
    const sheets = monevSheets(plan(), '2024-01-10');

    expect(sheets.map((s) => [s.year, s.semesters.map((x) => x.label)])).toEqual([[2022, ['Semester I', 'Semester II']], [2023, ['Semester I', 'Semester II']]]);
    expect(sheets[0]?.groups.map((g) => [g.number, g.rows.map((r) => r.no)])).toEqual([['I', ['I.1', 'I.2']], ['II', ['II.1']]]);
    const [i1, i2] = sheets[0]?.groups[0]?.rows ?? [];
    expect(i1?.cells[0]).toEqual({ realisasi: 1, capaian: 25, overTarget: false, status: 'Berjalan', kendala: 'Templat belum ada', tindakLanjut: '', bukti: '1 bukti' });
    expect(i2?.cells[0]).toEqual({ realisasi: null, capaian: null, overTarget: false, status: 'Belum dilaporkan', kendala: '', tindakLanjut: '', bukti: '' });
    expect(sheets[0]?.groups[1]?.rows[0]?.cells[0]).toMatchObject({ realisasi: 5, capaian: 125, overTarget: true, status: 'Selesai (belum diverifikasi)' });
    expect(i1?.responsible).toBe('Bagian Organisasi');
  });

  it('reports a semester: the share on schedule, the row behind, the rows and units not reported', () => {
    const r = semesterReport(plan(), '2022-1', '2022-07-20', new Map([['A1', 'Tim Pengelola Pengaduan']]));

    expect(r?.totals).toMatchObject({ rows: 3, reported: 2, onSchedule: 1 });
    expect(r?.totals.share).toBeCloseTo(33.333, 3);
    expect(r?.behind.map((x) => [x.no, x.title, x.status, x.realisasi, x.target, x.capaian, x.kendala])).toEqual([
      ['I.1', 'A1 Tim Pengelola Pengaduan', 'Berjalan', 1, 4, 25, 'Templat belum ada'],
    ]);
    expect(r?.unreported.map((x) => [x.no, x.status, x.kendala])).toEqual([['I.2', 'Masih draf', '']]);
    expect(r?.units.map((u) => [u.name, u.missing, u.rowsMissing, u.ownPartMissing])).toEqual([
      ['Sekretariat Daerah', '1 dari 3 baris koordinasi belum dilaporkan', 1, null],
      ['Kecamatan Busang', 'bagian unit dikembalikan, belum diperbaiki', 0, 'dikembalikan, belum diperbaiki'],
    ]);
  });

  it('calls nothing late in a semester that has not begun, and defaults to the latest semester begun', () => {
    const r = semesterReport(plan(), '2023-2', '2023-03-01');

    expect([r?.unreported, r?.units]).toEqual([[], []]);
    expect(semesterReport(plan(), '2025-1', '2023-03-01')).toBeNull();
    expect([defaultSemesterKey(plan(), '2023-03-01'), defaultSemesterKey(plan(), '2021-05-01'), defaultSemesterKey(plan(), '2030-01-01')]).toEqual(['2023-1', '2022-1', '2023-2']);
  });

  it('names a row by its indicator, else by its first activity', () => {
    expect(rowTitle({ indicatorCode: null, activity: '1) Rapat koordinasi\n2) Publikasi' }, new Map())).toBe('Rapat koordinasi');
  });

  it('sets the units expected at target against those reached per row and year, the share only where both are known', () => {
    const base = { planPeriod: { id: 1, name: 'P', year: 2022, isDemo: false, instrumentVersion: '2022.2' }, versionNo: 1, finalizedAt: '', years: [2022, 2023] };
    const unit = { unitId: 1, code: 'X', name: 'X', group: 'pd' as const, presence: 'both' as const, measured: 'counted' as const, items: [], met: 0, below: 0 };
    const year = (y: number, achieved: number | null) => ({
      year: y, plan: { ...base, measuredPeriod: achieved === null ? null : { ...base.planPeriod, id: 2, name: 'Penilaian 2023', year: 2023 },
        progress: { year: y, rows: [{ rowId: 1, aspectCode: 'A', indicatorCode: 'A1', targetLevel: 4, expected: 40, achieved, tally: null, metByAddedUnits: 0, removedUnits: 0 }],
          aspects: [], units: [unit, { ...unit, unitId: 2, presence: 'added' as const }], rowsWithoutIndicator: 0 } },
    });

    const k = kemajuanDoc(plan(), [year(2022, null), year(2023, 30)], new Map([['A1', 'Tim']]));

    expect(k?.years).toEqual([{ year: 2022, measuredBy: null }, { year: 2023, measuredBy: 'Penilaian 2023' }]);
    expect(k?.unitTotal).toBe(1);
    expect(k?.groups[0]?.rows[0]).toEqual({ no: 'I.1', indicator: 'A1 Tim', cells: [{ expected: 40, achieved: null }, { expected: 40, achieved: 30 }] });
    expect([kemajuanShare(40, 30), kemajuanShare(40, null), kemajuanShare(0, 3)]).toEqual([75, null, null]);
  });
});
