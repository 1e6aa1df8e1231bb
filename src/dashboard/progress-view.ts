import type { AspectProgress, CountedLevel, PeriodComparison, Progress, UnitChange, UnitProgress, UnitTrajectory } from '../progress';
import { tallyParts, type UnitTally } from '../scoring';
import { formatInt, formatScore } from '../shared/format';
import type { UnitGroup } from '../units';
import type { ChartModel } from './chart-model';

/**
 * What the dashboard's progress section, the kemajuan slide and the rapor need beyond the progress figures: the
 * target-vs-achieved chart, one row per unit, and the sentences. Pure.
 */

/** "+3,25", "−1,20", "0,00"; "–" when there is no change to show. */
export function signedScore(change: number | null): string {
  if (change === null) return '–';
  const text = formatScore(Math.abs(change));
  if (text === '0,00') return text;
  return `${change > 0 ? '+' : '−'}${text}`;
}

/** A level as printed: "3", "t.b." (tidak berlaku), "–" (not counted). */
export function levelText(level: CountedLevel): string {
  return level === 'na' ? 't.b.' : level === null ? '–' : String(level);
}

/** Per aspect, the plan's units at target against the units that reached it, in the year (grouped bars). */
export function progressChart(aspects: Pick<AspectProgress, 'code' | 'name' | 'expected' | 'achieved'>[], year: number): ChartModel {
  // A tenth of headroom keeps the number above the tallest bar clear of the legend.
  const max = Math.ceil(Math.max(1, ...aspects.flatMap((a) => [a.expected, a.achieved])) * 1.1);
  return {
    type: 'bar',
    horizontal: false,
    stacked: false,
    labels: aspects.map((a) => `${a.code}. ${a.name}`),
    max,
    axisTitle: 'Unit pada target',
    series: [
      { key: 'target', label: `Target ${year}`, data: aspects.map((a) => a.expected), text: aspects.map((a) => formatInt(a.expected)), colour: 'target' },
      { key: 'achieved', label: `Tercapai ${year}`, data: aspects.map((a) => a.achieved), text: aspects.map((a) => formatInt(a.achieved)), colour: 'achieved' },
    ],
  };
}

/** Each aspect's kabupaten score in the earlier and the later period (grouped bars, 0–100). */
export function periodsAspectChart(aspects: { code: string; name: string; then: number | null; now: number | null }[], thenYear: number, nowYear: number): ChartModel {
  return {
    type: 'bar',
    horizontal: false,
    stacked: false,
    labels: aspects.map((a) => `${a.code}. ${a.name}`),
    max: 100,
    axisTitle: 'Skor (0–100)',
    series: [
      { key: 'then', label: String(thenYear), data: aspects.map((a) => a.then), text: aspects.map((a) => formatScore(a.then)), colour: 'target' },
      { key: 'now', label: String(nowYear), data: aspects.map((a) => a.now), text: aspects.map((a) => formatScore(a.now)), colour: 'achieved' },
    ],
  };
}

/** "32 unit naik, 8 tetap, 2 turun (dari 42 unit yang dihitung di kedua periode); 1 unit baru, 1 unit tidak aktif lagi". */
export function movementText(m: PeriodComparison['movement']): string {
  const extra = [m.added > 0 ? `${formatInt(m.added)} unit baru` : '', m.removed > 0 ? `${formatInt(m.removed)} unit tidak aktif lagi` : ''].filter(Boolean);
  return `${formatInt(m.up)} unit naik, ${formatInt(m.same)} tetap, ${formatInt(m.down)} turun (dari ${formatInt(m.comparable)} unit yang dihitung di kedua periode)${extra.length > 0 ? `; ${extra.join(', ')}` : ''}`;
}

export interface ProgressUnitRow {
  unitId: number;
  name: string;
  group: UnitGroup;
  thenIndex: number | null;
  nowIndex: number | null;
  change: string;
  /** "3 dari 5" indicators of the unit's plan at the year's target level; '' without a plan or plan indicators. */
  planText: string;
  note: string;
  /** Still a unit of the later period (its rapor can be opened). */
  inPeriod: boolean;
}

const STATUS_NOTE: Record<string, string> = {
  'not-submitted': 'belum mengajukan penilaian', incomplete: 'penilaian belum lengkap',
};

const notSubmitted = (status: string) => status === 'belum_mulai' || status === 'draf' || status === 'dikembalikan';

/** Why a unit's row lacks a figure (the later period first, then the earlier one, whose year is named). */
function noteOf(c: UnitChange | undefined, p: UnitProgress | undefined, thenYear: number | null): string {
  if (c?.presence === 'added' || p?.presence === 'added') return 'unit baru (tidak ada di Renaksi)';
  if (c?.presence === 'removed' || p?.presence === 'removed') return 'tidak aktif lagi';
  if (p && STATUS_NOTE[p.measured]) return STATUS_NOTE[p.measured] as string;
  if (c?.now && !c.now.counted) return notSubmitted(c.now.status) ? 'belum mengajukan penilaian' : 'penilaian belum lengkap';
  const year = thenYear === null ? '' : ` ${thenYear}`;
  if (c?.then && !c.then.counted) return notSubmitted(c.then.status) ? `tidak mengajukan penilaian${year}` : `penilaian${year} belum lengkap`;
  if (p && p.items.length === 0) return 'sudah di target pada indikator Renaksi';
  return '';
}

/** One row per unit: the comparison's units (later period's order, then removed ones) joined with the plan's by id. */
export function progressUnitRows(p: Progress): ProgressUnitRow[] {
  const plan = new Map((p.plan?.progress.units ?? []).map((u) => [u.unitId, u]));
  const base: { unitId: number; name: string; group: UnitGroup }[] = p.comparison?.units ?? p.plan?.progress.units ?? [];
  const changes = new Map((p.comparison?.units ?? []).map((u) => [u.unitId, u]));
  return base.map((u) => {
    const c = changes.get(u.unitId);
    const pu = plan.get(u.unitId);
    const measured = pu ? pu.met + pu.below : 0;
    return {
      unitId: u.unitId, name: u.name, group: u.group,
      thenIndex: c?.then?.index ?? null, nowIndex: c?.now?.index ?? null, change: signedScore(c?.indexChange ?? null),
      planText: pu && pu.items.length > 0 ? `${formatInt(pu.met)} dari ${formatInt(pu.items.length)}${measured < pu.items.length ? ` (${formatInt(pu.items.length - measured)} tidak terukur)` : ''}` : '',
      note: noteOf(c, pu, p.compare?.year ?? null),
      inPeriod: c ? c.now !== null : pu?.presence !== 'removed',
    };
  });
}

/** "55 dari 57 unit (1 di bawah target, 1 belum mengajukan penilaian)": every unit of the measured period in one part. */
export function achievedText(t: UnitTally): string {
  const parts = [t.below > 0 ? `${formatInt(t.below)} di bawah target` : '', ...tallyParts(t, { met: false })].filter(Boolean);
  return `${formatInt(t.met)} dari ${formatInt(t.total)} unit${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
}

export interface ProgressView {
  chart: ChartModel | null;
  rows: ProgressUnitRow[];
  movement: string;
  signed: (change: number | null) => string;
  tally: (t: UnitTally | null) => string;
}

/** Everything the dashboard's progress section shows beyond the figures. */
export function progressView(p: Progress): ProgressView {
  return {
    chart: p.plan ? progressChart(p.plan.progress.aspects, p.plan.progress.year) : null,
    rows: progressUnitRows(p),
    movement: p.comparison ? movementText(p.comparison.movement) : '',
    signed: signedScore,
    tally: (t) => (t === null ? '–' : achievedText(t)),
  };
}

export interface TrajectoryLine {
  year: number;
  /** The assessment that measured the year; null for a year still ahead. */
  periodName: string | null;
  /** Measured: "31 dari 33 indikator mencapai target tingkat tahun ini"; ahead: "tingkat 4: 30 indikator; tingkat 3: A1, B2". */
  summary: string;
  /** Measured years only: the indicators not at the year's target level, "A1 3/2" (target / reached). */
  behind: string[];
}

/** Codes by the year's target level, highest first: "tingkat 4: 30 indikator; tingkat 3: A1, B2" (a long list as a count). */
function targetsByLevel(items: { code: string; level: number }[]): string {
  const levels = [...new Set(items.map((i) => i.level))].sort((a, b) => b - a);
  return levels.map((l) => {
    const codes = items.filter((i) => i.level === l).map((i) => i.code);
    return `tingkat ${l}: ${codes.length > 6 ? `${formatInt(codes.length)} indikator` : codes.join(', ')}`;
  }).join('; ');
}

/**
 * A unit's Renaksi trajectory, short enough for the one-page rapor: per measured year how many indicators reached
 * that year's target level and which did not ("A1 3/2"), per year still ahead (after `periodYear`) its target levels.
 * A year before or at `periodYear` without an assessment (the plan's own year) is left out: nothing measured it.
 */
export function trajectoryLines(t: UnitTrajectory, periodYear: number): TrajectoryLine[] {
  return t.years.flatMap((year, i): TrajectoryLine[] => {
    const period = t.measured[i]?.period ?? null;
    const cells = t.items.map((it) => ({ code: it.code, cell: it.cells[i] }));
    if (!period) {
      if (year <= periodYear) return [];
      return [{ year, periodName: null, summary: targetsByLevel(cells.map(({ code, cell }) => ({ code, level: cell?.targetLevel ?? 0 }))), behind: [] }];
    }
    const m = t.metByYear[String(year)] ?? { met: 0, measured: 0 };
    const unmeasured = t.items.length - m.measured;
    return [{
      year, periodName: period.name,
      summary: `${formatInt(m.met)} dari ${formatInt(t.items.length)} indikator mencapai target tingkat tahun ini${unmeasured > 0 ? ` (${formatInt(unmeasured)} tidak terukur)` : ''}`,
      behind: cells.filter(({ cell }) => cell && cell.status !== 'met').map(({ code, cell }) => `${code} ${cell?.targetLevel}/${levelText(cell?.reached ?? null)}`),
    }];
  });
}
