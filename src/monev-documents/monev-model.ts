import type { MonevEvidence, MonevProgress, RowProgress, RowSemesterProgress, UnitSemester } from '../monitoring';
import { MONEV_STATUS_LABELS, SEMESTER_MONTHS, SEMESTER_NAMES, semesterStarted } from '../monitoring';
import type { PlanProgress } from '../progress';
import type { KemajuanDoc, MonevDocCell, MonevDocEvidence, MonevUnitReportsDoc, MonevYearSheet } from './monev-document';

/**
 * The monev documents' content from the monitoring progress, as plain data. Pure.
 */

/**
 * What the matrix says of a row's status in a semester: the reported status (marked while the verifikator has not
 * accepted it), "Belum dilaporkan" once the semester has begun without a submitted report, '' before it begins.
 * A draft or a returned report is not reported: its content is not the kabupaten's word yet.
 */
export function statusText(c: Pick<RowSemesterProgress, 'reported' | 'status' | 'reviewState'>, started: boolean): string {
  if (c.reported) {
    const label = c.status ? MONEV_STATUS_LABELS[c.status] : 'Tanpa status';
    return c.reviewState === 'diajukan' ? `${label} (belum diverifikasi)` : label;
  }
  return started ? 'Belum dilaporkan' : '';
}

/**
 * Each row report's evidence in a few words for the matrix's narrow column, by report id: files by name, links
 * counted ("SK Tim.pdf; 2 tautan"); the Bukti Dukung sheet carries every link whole.
 */
export function evidenceByReport(evidence: Pick<MonevEvidence, 'rowReportId' | 'kind' | 'fileName'>[]): Map<number, string[]> {
  const files = new Map<number, string[]>();
  const links = new Map<number, number>();
  for (const e of evidence) {
    if (e.rowReportId === null) continue;
    if (e.kind === 'file') files.set(e.rowReportId, [...(files.get(e.rowReportId) ?? []), e.fileName ?? 'berkas']);
    else links.set(e.rowReportId, (links.get(e.rowReportId) ?? 0) + 1);
  }
  const out = new Map<number, string[]>();
  for (const id of new Set([...files.keys(), ...links.keys()])) {
    const n = links.get(id) ?? 0;
    out.set(id, [...(files.get(id) ?? []), ...(n > 0 ? [`${n} tautan`] : [])]);
  }
  return out;
}

/** Every evidence item of a submitted row report, in plan order and semester order, for the Bukti Dukung sheet. */
export function evidenceList(p: MonevProgress, evidence: MonevEvidence[]): MonevDocEvidence[] {
  return p.rows.flatMap((r) => r.semesters.filter((c) => c.reported && c.reportId !== null).flatMap((c) =>
    evidence.filter((e) => e.rowReportId === c.reportId).map((e): MonevDocEvidence => ({
      year: c.year, semester: SEMESTER_NAMES[c.semester], no: r.no, kind: e.kind === 'file' ? 'berkas' : 'tautan',
      name: e.kind === 'file' ? e.fileName ?? 'berkas' : e.url ?? '', url: e.kind === 'link' ? e.url : null,
    }))));
}

/** The evidence as the matrix prints it: the labels given (at most four), or the count when they are not known. */
export function buktiText(labels: string[] | undefined, count: number): string {
  if (labels && labels.length > 0) {
    const shown = labels.slice(0, 4);
    return `${shown.join('; ')}${labels.length > shown.length ? `; dan ${labels.length - shown.length} lainnya` : ''}`;
  }
  return count > 0 ? `${count} bukti` : '';
}

function docCell(c: RowSemesterProgress, started: boolean, evidence: Map<number, string[]>): MonevDocCell {
  if (!c.reported) {
    return { realisasi: null, capaian: null, overTarget: false, status: statusText(c, started), kendala: '', tindakLanjut: '', bukti: '' };
  }
  return {
    realisasi: c.outputs.length > 1 ? c.realisasiText : c.realisasi, capaian: c.capaian, overTarget: c.overTarget, status: statusText(c, started),
    kendala: c.kendala, tindakLanjut: c.tindakLanjut, bukti: buktiText(c.reportId === null ? undefined : evidence.get(c.reportId), c.evidenceCount),
  };
}

const responsibleOf = (r: RowProgress) => r.responsible || r.coordinator?.name || '';

/**
 * One sheet per plan year, rows grouped under their sasaran exactly as Lampiran I numbers them, each with that year's
 * output target and its two semesters. `evidence`: names of each row report's evidence by report id (optional).
 */
export function monevSheets(p: MonevProgress, today: string, evidence: Map<number, string[]> = new Map()): MonevYearSheet[] {
  const years = [...new Set(p.semesters.map((s) => s.year))];
  const groups = p.aspects.map((a) => ({ aspect: a, rows: p.rows.filter((r) => r.aspectCode === a.aspectCode) }));
  return years.map((year) => {
    const semesters = p.semesters.filter((s) => s.year === year);
    const index = semesters.map((s) => p.semesters.indexOf(s));
    return {
      year,
      semesters: semesters.map((s) => ({ semester: s.semester, label: SEMESTER_NAMES[s.semester], months: SEMESTER_MONTHS[s.semester] })),
      groups: groups.map(({ aspect, rows }) => ({
        number: aspect.number, aspectCode: aspect.aspectCode, aspectName: aspect.aspectName,
        rows: rows.map((r) => ({
          no: r.no, activity: r.activity, outputIndicator: r.outputIndicator, responsible: responsibleOf(r),
          targetText: r.semesters[index[0] ?? 0]?.targetText ?? '',
          cells: index.map((i, k) => docCell(r.semesters[i] as RowSemesterProgress, semesterStarted(semesters[k] as { year: number; semester: 1 | 2 }, today), evidence)),
        })),
      })),
    };
  });
}

/**
 * The Kemajuan sheet: per row (as numbered in Lampiran I) and plan year the units expected at target and reached,
 * from the progress module's plan-year figures (one per plan year, null where the plan has no final version).
 */
export function kemajuanDoc(p: MonevProgress, perYear: { year: number; plan: PlanProgress | null }[], titles: Map<string, string>): KemajuanDoc | null {
  const first = perYear.find((y) => y.plan)?.plan;
  if (!first) return null;
  const byYear = perYear.map((y) => new Map((y.plan?.progress.rows ?? []).map((r) => [r.rowId, r])));
  return {
    years: perYear.map((y) => ({ year: y.year, measuredBy: y.plan?.measuredPeriod?.name ?? null })),
    unitTotal: first.progress.units.filter((u) => u.presence !== 'added').length,
    groups: p.aspects.map((a) => ({
      number: a.number, aspectCode: a.aspectCode, aspectName: a.aspectName,
      rows: p.rows.filter((r) => r.aspectCode === a.aspectCode).map((r) => ({
        no: r.no,
        indicator: r.indicatorCode ? `${r.indicatorCode} ${titles.get(r.indicatorCode) ?? ''}`.trim() : '(baris tanpa indikator)',
        cells: byYear.map((m) => ({ expected: m.get(r.rowId)?.expected ?? null, achieved: m.get(r.rowId)?.achieved ?? null })),
      })),
    })),
  };
}

/**
 * What the Laporan Unit sheet says of a unit's own part in a semester: a submitted report as accepted or not yet
 * verified, with its evidence counted; a returned one as such; "Belum dilaporkan" once the semester has begun
 * (a draft is not reported), '' before.
 */
function unitPartText(c: Pick<UnitSemester, 'ownPart' | 'ownEvidenceCount'>, started: boolean): string {
  const bukti = c.ownEvidenceCount > 0 ? `; ${c.ownEvidenceCount} bukti` : '';
  if (c.ownPart === 'diterima') return `Diterima${bukti}`;
  if (c.ownPart === 'diajukan') return `Menunggu verifikasi${bukti}`;
  if (c.ownPart === 'dikembalikan') return 'Dikembalikan untuk diperbaiki';
  return started ? 'Belum dilaporkan' : '';
}

/** The Laporan Unit sheet: every unit with its own part (official order) and its state per semester of the plan. */
export function unitReportsDoc(p: MonevProgress, today: string): MonevUnitReportsDoc {
  const started = p.semesters.map((s) => semesterStarted(s, today));
  return {
    semesters: p.semesters.map((s) => s.label),
    units: p.units.filter((u) => u.indicators.length > 0).map((u, i) => ({
      no: i + 1, name: u.name, indicators: u.indicators.length,
      cells: u.semesters.map((c, k) => unitPartText(c, started[k] ?? false)),
    })),
  };
}
