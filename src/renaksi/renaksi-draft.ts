import type { Indicator, Instrument } from '../instrument';
import { gapOf, gapPriority, SCORE_EPSILON, tallyParts, tallyUnits, type EffectiveLevel, type UnitRoster } from '../scoring';
import type { UnitGroup } from '../units';
import { formatInt } from '../shared/format';

/** Columns of a Renaksi row that the team may edit; regeneration never overwrites an edited one. */
export const RENAKSI_TEXT_FIELDS = [
  'problem',
  'goal',
  'activity',
  'outputIndicator',
  'schedule',
  'responsible',
  'budget',
  'support',
  'verification',
  'realization',
] as const;
export type RenaksiTextField = (typeof RENAKSI_TEXT_FIELDS)[number];
export type RenaksiEditableField = RenaksiTextField | 'targets';

/** The SPEC.md column names of the editable fields, as the team reads them (forms, reports, upload errors). */
export const RENAKSI_FIELD_LABELS: Record<RenaksiEditableField, string> = {
  problem: 'Permasalahan / kesenjangan',
  goal: 'Sasaran',
  activity: 'Kegiatan (rencana aksi)',
  outputIndicator: 'Indikator keberhasilan (output, satuan)',
  targets: 'Target per tahun',
  schedule: 'Waktu pelaksanaan (triwulan)',
  responsible: 'Penanggung jawab dan pihak terkait',
  budget: 'Anggaran dan sumber dana',
  support: 'Dukungan yang dibutuhkan (kebijakan, kelembagaan, sumber daya)',
  verification: 'Bukti dukung / cara verifikasi',
  realization: 'Realisasi / status',
};

/** Longest text a Renaksi cell may hold: keeps a printed row on one page. */
export const RENAKSI_TEXT_MAX = 2000;

export type RenaksiScope = 'kabupaten' | 'unit';

export interface DraftUnit {
  unitId: number;
  name: string;
  group: UnitGroup;
  levels: Record<string, EffectiveLevel>;
}

export interface DraftRow extends Record<RenaksiTextField, string> {
  sourceKey: string;
  scope: RenaksiScope;
  unitId: number | null;
  aspectCode: string;
  indicatorCode: string;
  targets: Record<string, number>;
  /** The level the yearly targets start from (the unit's level; for a kabupaten row the lowest below target). */
  baseLevel: number;
  priority: number;
}

const GROUP_LABEL: Record<UnitGroup, string> = { pd: 'perangkat daerah', kecamatan: 'kecamatan' };

/** The plan years from first to last, inclusive. */
export function planYears(startYear: number, endYear: number): number[] {
  return Array.from({ length: endYear - startYear + 1 }, (_, i) => startYear + i);
}

/** Target in plan year k (1-based) = min(T, L + k); keyed by year. */
export function yearlyTargets(level: number, target: number, years: number[]): Record<string, number> {
  return Object.fromEntries(years.map((y, i) => [String(y), Math.min(target, level + i + 1)]));
}

function listActivities(ind: Indicator): { activity: string; output: string } {
  const many = ind.activities.length > 1;
  const item = (s: string, i: number) => (many ? `${i + 1}) ${s}` : s);
  return {
    activity: ind.activities.map((a, i) => item(a.activity, i)).join('\n'),
    output: ind.activities.map((a, i) => item(`${a.output} (${a.unit})`, i)).join('\n'),
  };
}

/** Every unit of the period per group: the denominators of a kabupaten row's problem text. */
export type DraftRoster = Record<UnitGroup, UnitRoster>;

const GROUPS: readonly UnitGroup[] = ['pd', 'kecamatan'];

/**
 * "12 dari 39 perangkat daerah dan 14 dari 18 kecamatan belum mencapai level 3 pada indikator D4 (…). Kecamatan:
 * 2 tidak berlaku, 2 belum mengajukan penilaian." The denominator is every unit of the group in the period; the
 * units without a level are named for why. A group with no applicable unit is left out of the first sentence.
 */
function belowTargetSummary(ind: Indicator, applicable: (DraftUnit & { level: number })[], roster: DraftRoster): string {
  const tallies = GROUPS.map((g) => {
    const inGroup = applicable.filter((u) => u.group === g);
    return { g, applicable: inGroup.length, t: tallyUnits(roster[g], inGroup.length, inGroup.filter((u) => u.level < ind.target).length) };
  });
  const parts = tallies.filter((x) => x.applicable > 0).map(({ g, t }) => `${formatInt(t.below)} dari ${formatInt(t.total)} ${GROUP_LABEL[g]}`);
  const left = tallies
    .map(({ g, t }) => ({ g, rest: tallyParts(t, { met: false }) }))
    .filter((x) => x.rest.length > 0)
    .map(({ g, rest }, i) => `${i === 0 ? GROUP_LABEL[g].charAt(0).toUpperCase() + GROUP_LABEL[g].slice(1) : GROUP_LABEL[g]}: ${rest.join(', ')}`);
  const head = `${parts.join(' dan ')} belum mencapai level ${ind.target} pada indikator ${ind.code} (${ind.title}).`;
  return left.length > 0 ? `${head} ${left.join('; ')}.` : head;
}

/**
 * Drafts the Renaksi rows from the included units' levels (SPEC.md): per gap indicator one kabupaten-wide row
 * (responsible: the coordinating PD; its problem text counts every unit of the period, from `roster`) and one row
 * per unit below target (responsible: the unit). Priority = gapPriority: gap × aspect weight × share of applicable
 * units below target; for the kabupaten row the gap is the mean gap of the units below target. Rows come ordered by
 * priority, then aspect, indicator, scope and the units' order as given (the official order).
 */
export function draftRenaksi(instrument: Instrument, units: DraftUnit[], years: number[], roster: DraftRoster): DraftRow[] {
  const rows: DraftRow[] = [];
  for (const aspect of instrument.aspects) {
    for (const ind of aspect.indicators) {
      const applicable = units
        .map((u) => ({ ...u, level: u.levels[ind.code] }))
        .filter((u): u is DraftUnit & { level: number } => typeof u.level === 'number');
      const below = applicable.filter((u) => u.level < ind.target);
      if (below.length === 0) continue;
      const share = below.length / applicable.length;
      const { activity, output } = listActivities(ind);
      const common = {
        aspectCode: aspect.code,
        indicatorCode: ind.code,
        activity,
        outputIndicator: output,
        schedule: 'TW I–IV',
        budget: '',
        support: '',
        verification: ind.evidence,
        realization: '',
      };
      const meanGap = below.reduce((s, u) => s + gapOf(u.level, ind.target), 0) / below.length;
      const lowest = Math.min(...below.map((u) => u.level));
      rows.push({
        ...common,
        sourceKey: `kab:${ind.code}`,
        scope: 'kabupaten',
        unitId: null,
        problem: belowTargetSummary(ind, applicable, roster),
        goal: `Seluruh unit mencapai level ${ind.target}: ${ind.levels[ind.target] ?? ''}`,
        targets: yearlyTargets(lowest, ind.target, years),
        baseLevel: lowest,
        responsible: `${ind.coordinator}; pihak terkait: ${below.length} unit yang belum mencapai target`,
        priority: gapPriority(meanGap, aspect.weight, share),
      });
      for (const u of below) {
        rows.push({
          ...common,
          sourceKey: `unit:${u.unitId}:${ind.code}`,
          scope: 'unit',
          unitId: u.unitId,
          problem: `${u.name}: level ${u.level} dari target ${ind.target} pada ${ind.code} (${ind.title}) – ${ind.levels[u.level] ?? ''}`,
          goal: `Level ${ind.target}: ${ind.levels[ind.target] ?? ''}`,
          targets: yearlyTargets(u.level, ind.target, years),
          baseLevel: u.level,
          responsible: u.name,
          priority: gapPriority(gapOf(u.level, ind.target), aspect.weight, share),
        });
      }
    }
  }
  const unitOrder = new Map(units.map((u, i) => [u.unitId, i]));
  return rows.sort(
    (a, b) =>
      (Math.abs(b.priority - a.priority) > SCORE_EPSILON ? b.priority - a.priority : 0) ||
      a.aspectCode.localeCompare(b.aspectCode) ||
      a.indicatorCode.localeCompare(b.indicatorCode, 'en', { numeric: true }) ||
      (a.scope === b.scope ? 0 : a.scope === 'kabupaten' ? -1 : 1) ||
      (unitOrder.get(a.unitId ?? -1) ?? -1) - (unitOrder.get(b.unitId ?? -1) ?? -1),
  );
}
