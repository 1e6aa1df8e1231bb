import { formatInt, formatPercent } from '../shared/format';
import { outputIncrements, shareOf, type IndicatorCounts } from './renaksi-matrix';

/**
 * The texts of a drafted Lampiran I row, from the indicator and the unit counts. Pure. Revision 2 of the instrument
 * gives a sasaran sentence, dukungan and activities per starting level; a revision 1 indicator gets sentences built
 * from its title and coordinator (never a level criterion such as "Seperti tingkat 3, dan …").
 */

export interface PlanActivitySource {
  activity: string;
  output: string;
  unit: string;
  /** Starting levels the activity suits (revision 2); absent: every level below the target. */
  forLevels?: number[];
  /** How many output units one unit produces in a plan year, where the output has a number. */
  outputPerYear?: number;
}

/** What drafting reads of an indicator (revision 1 has no sasaran, dukungan, forLevels or outputPerYear). */
export interface PlanIndicatorSource {
  code: string;
  title: string;
  target: number;
  coordinator: string;
  evidence: string;
  sasaran?: string;
  dukungan?: { kebijakan: string; kelembagaan: string; sumberDaya: string };
  activities: PlanActivitySource[];
}

/** The indicator's sasaran sentence, or one built from its title. */
export function sasaranText(ind: Pick<PlanIndicatorSource, 'code' | 'title' | 'target' | 'sasaran'>): string {
  if (ind.sasaran) return ind.sasaran;
  const title = ind.title.trim();
  return `Setiap unit mencapai tingkat ${ind.target} pada indikator ${ind.code} – ${title}${/[.!?]$/.test(title) ? '' : '.'}`;
}

/** Levels of the units below target now, lowest first, with how many units are at each. */
function levelsBelow(counts: IndicatorCounts, target: number): { level: number; units: number }[] {
  const out: { level: number; units: number }[] = [];
  for (let level = 0; level < target; level++) {
    const units = counts.byGap[target - level] ?? 0;
    if (units > 0) out.push({ level, units });
  }
  return out;
}

/**
 * Kondisi awal: "Indikator A2 – SOP …. 21 dari 57 unit (36,8 %) telah mencapai tingkat 4; 36 unit belum, 9 di
 * antaranya belum mengajukan penilaian (dihitung dari tingkat 0). Sebaran unit di bawah target: tingkat 0: 12 unit; …"
 */
export function conditionText(ind: PlanIndicatorSource, counts: IndicatorCounts): string {
  const share = formatPercent(shareOf(counts.atTarget, counts.applicable));
  const parts = [`Indikator ${ind.code} – ${ind.title.trim().replace(/[.]$/, '')}.`];
  let baseline = `${formatInt(counts.atTarget)} dari ${formatInt(counts.applicable)} unit (${share}) telah mencapai tingkat ${ind.target}; ${formatInt(counts.below)} unit belum`;
  if (counts.notSubmitted > 0) baseline += `, ${formatInt(counts.notSubmitted)} di antaranya belum mengajukan penilaian (dihitung dari tingkat 0)`;
  parts.push(`${baseline}.`);
  if (counts.notApplicable > 0) parts.push(`${formatInt(counts.notApplicable)} dari ${formatInt(counts.total)} unit tidak berlaku untuk indikator ini.`);
  const spread = levelsBelow(counts, ind.target).map((l) => `tingkat ${l.level}: ${formatInt(l.units)} unit`);
  if (spread.length > 0) parts.push(`Sebaran unit di bawah target: ${spread.join('; ')}.`);
  return parts.join(' ');
}

/**
 * Baseline of Lampiran I: "21 dari 57 unit (36,8 %) pada tingkat target; 9 belum mengajukan; 3 tidak berlaku". The
 * denominator is every active unit the indicator applies to.
 */
export function baselineText(counts: IndicatorCounts): string {
  const share = formatPercent(shareOf(counts.atTarget, counts.applicable));
  const parts = [`${formatInt(counts.atTarget)} dari ${formatInt(counts.applicable)} unit (${share}) pada tingkat target`];
  if (counts.notSubmitted > 0) parts.push(`${formatInt(counts.notSubmitted)} belum mengajukan penilaian`);
  if (counts.notApplicable > 0) parts.push(`${formatInt(counts.notApplicable)} tidak berlaku`);
  return parts.join('; ');
}

/** "0", "0 atau 1", "0, 1 atau 2". */
function levelList(levels: number[]): string {
  const sorted = [...levels].sort((a, b) => a - b).map(String);
  return sorted.length <= 1 ? sorted.join('') : `${sorted.slice(0, -1).join(', ')} atau ${sorted[sorted.length - 1] as string}`;
}

export interface ChosenActivity extends PlanActivitySource {
  /** Units below target whose starting level the activity suits. */
  units: number;
  /** The starting levels present among them when the activity is limited to some levels; null: every level. */
  levels: number[] | null;
}

/**
 * The recommended activities for the starting levels present among the units below target (an activity for units
 * at level 3 is left out when no unit is at level 3), numbered when there are several, each naming how many units
 * it concerns when it suits only some levels.
 */
export function activitiesFor(ind: PlanIndicatorSource, counts: IndicatorCounts): { activity: string; output: string; items: ChosenActivity[] } {
  const present = levelsBelow(counts, ind.target);
  let items: ChosenActivity[] = ind.activities.flatMap((a) => {
    const mine = a.forLevels ? present.filter((p) => (a.forLevels as number[]).includes(p.level)) : present;
    if (mine.length === 0) return [];
    return [{ ...a, units: mine.reduce((s, p) => s + p.units, 0), levels: a.forLevels ? mine.map((p) => p.level) : null }];
  });
  if (items.length === 0) items = ind.activities.map((a) => ({ ...a, units: counts.below, levels: null }));
  const many = items.length > 1;
  const numbered = (s: string, i: number) => (many ? `${i + 1}) ${s}` : s);
  return {
    activity: items
      .map((a, i) => numbered(a.levels ? `${a.activity} (${formatInt(a.units)} unit pada tingkat ${levelList(a.levels)})` : a.activity, i))
      .join('\n'),
    output: items.map((a, i) => numbered(`${a.output} (${a.unit})`, i)).join('\n'),
    items,
  };
}

/** One activity's output in one year: "100 %", "4 notulen per unit", "9 dokumen", or "–" for nothing that year. */
function outputOf(a: PlanActivitySource, increment: number): string {
  if (a.outputPerYear !== undefined && a.unit === 'persen') return formatPercent(a.outputPerYear, { exact: true });
  if (a.outputPerYear !== undefined && a.outputPerYear !== 1) return `${formatInt(a.outputPerYear)} ${a.unit} per unit`;
  if (increment === 0) return '–';
  return a.outputPerYear === 1 ? `${formatInt(increment)} ${a.unit}` : `${formatInt(increment)} unit`;
}

/**
 * Target output per plan year, pre-filled: a share ("100 %") or a recurring number per unit ("4 notulen per unit")
 * as the instrument gives it; an output each unit makes once (outputPerYear 1, e.g. an SOP) as the units newly at
 * target that year ("9 dokumen", from outputIncrements); an output without a number as those units ("9 unit").
 */
export function outputTargetsFor(items: PlanActivitySource[], counts: IndicatorCounts, years: number[]): Record<string, string> {
  const increments = outputIncrements(counts.atTarget, counts.yearly, years);
  const many = items.length > 1;
  return Object.fromEntries(
    years.map((y) => {
      const inc = increments[String(y)] ?? 0;
      return [String(y), items.map((a, i) => `${many ? `${i + 1}) ` : ''}${outputOf(a, inc)}`).join('\n')];
    }),
  );
}

/** Dukungan kebijakan, kelembagaan, sumber daya: the instrument's, or the coordinating PD's support. */
export function supportText(ind: PlanIndicatorSource): string {
  const d = ind.dukungan;
  if (d) return `Kebijakan: ${d.kebijakan}\nKelembagaan: ${d.kelembagaan}\nSumber daya: ${d.sumberDaya}`;
  return `Kelembagaan: koordinasi dan pendampingan oleh ${ind.coordinator}.\nSumber daya: sesuai DPA masing-masing PD.`;
}

/** Unit sasaran: the units below target by group, with the reference to Lampiran II. */
export function unitScopeText(counts: IndicatorCounts): string {
  const parts = [
    counts.byGroup.pd.below > 0 ? `${formatInt(counts.byGroup.pd.below)} perangkat daerah` : '',
    counts.byGroup.kecamatan.below > 0 ? `${formatInt(counts.byGroup.kecamatan.below)} kecamatan` : '',
  ].filter(Boolean);
  return `${parts.join(', ') || 'Tidak ada unit di bawah target'} (lihat Lampiran II)`;
}
