import type { MonevProgress, RowProgress, RowSemesterProgress, SemesterProgress } from '../monitoring';
import { semesterStarted } from '../monitoring';
import { statusText } from './monev-model';
import { formatNumber } from '../shared/format';

/**
 * The semester report for the Bupati (one A4 page or a few): progress per sasaran, rows behind schedule with their
 * kendala, rows not reported, units that did not report. Pure: from the monitoring progress.
 */

interface ReportAspect {
  number: string;
  code: string;
  name: string;
  rows: number;
  reported: number;
  onSchedule: number;
  /** onSchedule ÷ rows × 100; null without rows. */
  share: number | null;
}

interface ReportRow {
  no: string;
  /** What the row is about in a few words: its indicator ("A5 Integrasi Rencana Aksi …"), else its first activity. */
  title: string;
  activity: string;
  responsible: string;
  targetText: string;
  /** The number of the year's output target that capaian is computed against. */
  target: number | null;
  status: string;
  realisasi: number | null;
  /** Realisasi against target per output when the year's target lists several ("1) 6 / 9\n2) 4 / 4"); '' otherwise. */
  perOutput: string;
  capaian: number | null;
  kendala: string;
  tindakLanjut: string;
}

interface ReportUnit {
  name: string;
  group: 'pd' | 'kecamatan';
  /** What is missing, in words: "2 dari 3 baris koordinasi belum dilaporkan; bagian unit dikembalikan, belum diperbaiki". */
  missing: string;
  /** Rows it coordinates that are not reported. */
  rowsMissing: number;
  /** Its own part when missing: "belum dilaporkan", "masih draf", "dikembalikan, belum diperbaiki"; null when reported or not due. */
  ownPartMissing: string | null;
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

/** "A5 Integrasi Rencana Aksi …" from the indicator's title, else the first line of the activity without its "1) ". */
export function rowTitle(r: Pick<RowProgress, 'indicatorCode' | 'activity'>, titles: Map<string, string>): string {
  const title = r.indicatorCode ? titles.get(r.indicatorCode) : undefined;
  if (r.indicatorCode && title) return `${r.indicatorCode} ${title}`;
  return (r.activity.split('\n')[0] ?? '').replace(/^\s*\d+\)\s*/, '');
}

/** Why a row that has a report is still not reported. */
const UNREPORTED_WORDS: Record<string, string> = { draf: 'Masih draf', dikembalikan: 'Dikembalikan untuk diperbaiki' };

/** "1) 6 / 9\n2) – / 4" for a target with several outputs; '' for one. */
function perOutputText(c: RowSemesterProgress): string {
  if (c.outputs.length <= 1) return '';
  return c.outputs.map((o, k) => `${k + 1}) ${formatNumber(o.realisasi)} / ${formatNumber(o.target)}`).join('\n');
}

function reportRow(r: RowProgress, c: RowSemesterProgress, started: boolean, titles: Map<string, string>): ReportRow {
  return {
    no: r.no, title: rowTitle(r, titles), activity: r.activity, target: c.target, responsible: r.coordinator?.name ?? r.responsible, targetText: c.targetText,
    status: c.reported ? statusText(c, started) : UNREPORTED_WORDS[c.reviewState ?? ''] ?? statusText(c, started),
    realisasi: c.reported ? c.realisasi : null, perOutput: c.reported ? perOutputText(c) : '', capaian: c.reported ? c.capaian : null,
    kendala: c.reported ? c.kendala : '', tindakLanjut: c.reported ? c.tindakLanjut : '',
  };
}

const OWN_PART_WORDS: Record<string, string> = { draf: 'masih draf', dikembalikan: 'dikembalikan, belum diperbaiki' };

type UnitSemester = MonevProgress['units'][number]['semesters'][number];

function ownPartMissing(u: UnitSemester): string | null {
  if (!u.ownPartDue || u.ownPart === 'diajukan' || u.ownPart === 'diterima') return null;
  return u.ownPart ? OWN_PART_WORDS[u.ownPart] ?? u.ownPart : 'belum dilaporkan';
}

function reportUnit(u: { name: string; group: 'pd' | 'kecamatan' }, s: UnitSemester): ReportUnit {
  const rowsMissing = s.rowsDue - s.rowsReported;
  const own = ownPartMissing(s);
  const parts = [rowsMissing > 0 ? `${rowsMissing} dari ${s.rowsDue} baris koordinasi belum dilaporkan` : '', own ? `bagian unit ${own}` : ''];
  return { name: u.name, group: u.group, missing: parts.filter(Boolean).join('; '), rowsMissing, ownPartMissing: own };
}

/**
 * The report of semester `key` of a plan's progress; null when the plan has no such semester. `today` (YYYY-MM-DD,
 * WITA) decides whether the semester has begun, so an unreported row of a later semester is not called late. `titles`:
 * the indicators' titles by code, which name the rows.
 */
export function semesterReport(p: MonevProgress, key: string, today: string, titles: Map<string, string> = new Map()): SemesterReport | null {
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
    return s && !s.reported ? [reportUnit(u, s)] : [];
  });
  return {
    semester,
    semesters: p.semesters.map((s) => ({ key: s.key, label: s.label, current: s.key === key })),
    totals: { rows: cells.length, reported: cells.filter(({ c }) => c.reported).length, onSchedule, share: share(onSchedule, cells.length) },
    aspects,
    behind: cells.filter(({ c }) => c.reported && !c.onSchedule).map(({ r, c }) => reportRow(r, c, started, titles)),
    unreported: started ? cells.filter(({ c }) => !c.reported).map(({ r, c }) => reportRow(r, c, started, titles)) : [],
    units: started ? units : [],
    reportingUnits: p.units.length,
  };
}
