import type { MonevProgress, RowProgress, RowSemesterProgress, SemesterProgress } from '../monitoring';
import { semesterStarted, statusText } from './monev-model';

/**
 * The semester report for the Bupati (one A4 page or a few): progress per sasaran, rows behind schedule with their
 * kendala, rows not reported, units that did not report. Pure: from the monitoring progress.
 */

export interface ReportAspect {
  number: string;
  code: string;
  name: string;
  rows: number;
  reported: number;
  onSchedule: number;
  /** onSchedule ÷ rows × 100; null without rows. */
  share: number | null;
}

export interface ReportRow {
  no: string;
  activity: string;
  responsible: string;
  targetText: string;
  status: string;
  realisasi: number | null;
  capaian: number | null;
  kendala: string;
  tindakLanjut: string;
}

export interface ReportUnit {
  name: string;
  group: 'pd' | 'kecamatan';
  /** What is missing, in words: "2 dari 3 baris koordinasi belum dilaporkan; bagian unit: dikembalikan". */
  missing: string;
}

export interface SemesterReport {
  semester: SemesterProgress;
  /** Every semester of the plan, for the links to the others. */
  semesters: { key: string; label: string; current: boolean }[];
  totals: { rows: number; reported: number; onSchedule: number; share: number | null };
  aspects: ReportAspect[];
  /** Reported, but not on schedule (with their kendala and tindak lanjut). */
  behind: ReportRow[];
  /** Not reported (no report, a draft or a returned one) although the semester has begun. */
  unreported: ReportRow[];
  units: ReportUnit[];
  /** Units that report this semester (they coordinate rows or have their own part). */
  reportingUnits: number;
}

/** The semester a report shows by default: the latest one that has begun, else the plan's first. */
export function defaultSemesterKey(p: MonevProgress, today: string): string | null {
  const begun = p.semesters.filter((s) => semesterStarted(s, today));
  return (begun[begun.length - 1] ?? p.semesters[0])?.key ?? null;
}

const share = (n: number, of: number): number | null => (of === 0 ? null : (n / of) * 100);

function reportRow(r: RowProgress, c: RowSemesterProgress, started: boolean): ReportRow {
  return {
    no: r.no, activity: r.activity, responsible: r.coordinator?.name ?? r.responsible, targetText: c.targetText, status: statusText(c, started),
    realisasi: c.reported ? c.realisasi : null, capaian: c.reported ? c.capaian : null,
    kendala: c.reported ? c.kendala : '', tindakLanjut: c.reported ? c.tindakLanjut : '',
  };
}

const OWN_PART_WORDS: Record<string, string> = { draf: 'masih draf', dikembalikan: 'dikembalikan, belum diperbaiki' };

function missingText(u: MonevProgress['units'][number]['semesters'][number]): string {
  const parts: string[] = [];
  if (u.rowsReported < u.rowsDue) parts.push(`${u.rowsDue - u.rowsReported} dari ${u.rowsDue} baris koordinasi belum dilaporkan`);
  if (u.ownPartDue && u.ownPart !== 'diajukan' && u.ownPart !== 'diterima') {
    parts.push(`bagian unit ${u.ownPart ? OWN_PART_WORDS[u.ownPart] ?? u.ownPart : 'belum dilaporkan'}`);
  }
  return parts.join('; ');
}

/**
 * The report of semester `key` of a plan's progress; null when the plan has no such semester. `today` (YYYY-MM-DD,
 * WITA) decides whether the semester has begun, so an unreported row of a later semester is not called late.
 */
export function semesterReport(p: MonevProgress, key: string, today: string): SemesterReport | null {
  const i = p.semesters.findIndex((s) => s.key === key);
  const semester = p.semesters[i];
  if (!semester) return null;
  const started = semesterStarted(semester, today);
  const cells = p.rows.map((r) => ({ r, c: r.semesters[i] as RowSemesterProgress }));
  const aspects = p.aspects.map((a): ReportAspect => {
    const s = a.semesters[i];
    return { number: a.number, code: a.aspectCode, name: a.aspectName, rows: s?.rows ?? 0, reported: s?.reported ?? 0, onSchedule: s?.onSchedule ?? 0, share: s?.share ?? null };
  });
  const onSchedule = cells.filter(({ c }) => c.onSchedule).length;
  const units = p.units.flatMap((u) => {
    const s = u.semesters[i];
    return s && !s.reported ? [{ name: u.name, group: u.group, missing: missingText(s) }] : [];
  });
  return {
    semester,
    semesters: p.semesters.map((s) => ({ key: s.key, label: s.label, current: s.key === key })),
    totals: { rows: cells.length, reported: cells.filter(({ c }) => c.reported).length, onSchedule, share: share(onSchedule, cells.length) },
    aspects,
    behind: cells.filter(({ c }) => c.reported && !c.onSchedule).map(({ r, c }) => reportRow(r, c, started)),
    unreported: started ? cells.filter(({ c }) => !c.reported).map(({ r, c }) => reportRow(r, c, started)) : [],
    units: started ? units : [],
    reportingUnits: p.units.length,
  };
}
