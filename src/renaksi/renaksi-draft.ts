import type { Instrument } from '../instrument';
import { SCORE_EPSILON } from '../scoring';
import { draftMatrixRows, formatSchedule, scheduleFor, type IndicatorCounts, type MatrixUnit } from './renaksi-matrix';
import {
  activitiesFor, conditionText, outputTargetsFor, sasaranText, supportText, unitScopeText, type PlanIndicatorSource,
} from './renaksi-row-text';

/**
 * Text columns of a Lampiran I row that drafting fills and the team may edit; regeneration never overwrites an
 * edited one. In the document's column order.
 */
export const RENAKSI_TEXT_FIELDS = [
  'goal',
  'problem',
  'activity',
  'outputIndicator',
  'schedule',
  'responsible',
  'unitScope',
  'dpa',
  'budget',
  'support',
  'verification',
] as const;
export type RenaksiTextField = (typeof RENAKSI_TEXT_FIELDS)[number];
/** Every drafted column the team may edit: the texts, the yearly unit counts and the yearly output targets. */
export type RenaksiEditableField = RenaksiTextField | 'targets' | 'outputTargets';

/** The SPEC.md column names of the editable fields, as the team reads them (forms, reports, upload errors). */
export const RENAKSI_FIELD_LABELS: Record<RenaksiEditableField, string> = {
  goal: 'Sasaran',
  problem: 'Permasalahan / kondisi awal',
  activity: 'Kegiatan',
  outputIndicator: 'Indikator keberhasilan (output, satuan)',
  targets: 'Target per tahun (jumlah unit yang mencapai tingkat target)',
  outputTargets: 'Target output per tahun',
  schedule: 'Waktu (triwulan)',
  responsible: 'Penanggung jawab',
  unitScope: 'Unit sasaran',
  dpa: 'Program / Kegiatan / Sub Kegiatan (DPA)',
  budget: 'Anggaran dan sumber dana',
  support: 'Dukungan kebijakan, kelembagaan, sumber daya',
  verification: 'Bukti dukung / cara verifikasi',
};

/** The team's own note on a row: never drafted, never printed in Lampiran I. */
export const NOTES_LABEL = 'Catatan tim';

/** Longest text a Renaksi cell may hold: keeps a printed row on one page. */
export const RENAKSI_TEXT_MAX = 2000;

/** What a row's anggaran says until the team types one. */
export const DEFAULT_BUDGET = 'Sesuai DPA masing-masing PD';

/** The unit counts a row was drafted from (see renaksi-matrix): stored with the row. */
export type PlanCounts = IndicatorCounts;

export interface DraftRow extends Record<RenaksiTextField, string> {
  sourceKey: string;
  scope: 'kabupaten';
  aspectCode: string;
  indicatorCode: string;
  /** Units at or above the target level by the end of each plan year (counts, never levels). */
  targets: Record<string, number>;
  /** The activity's own output per plan year, as text ("9 dokumen"). */
  outputTargets: Record<string, string>;
  counts: PlanCounts;
  priority: number;
}

/** The plan years from first to last, inclusive. */
export function planYears(startYear: number, endYear: number): number[] {
  return Array.from({ length: endYear - startYear + 1 }, (_, i) => startYear + i);
}

/** A unit's target level in plan year k (1-based) = min(T, L + k); T for k = 0 (a year outside the plan). */
export function yearTarget(level: number, target: number, k: number): number {
  return k === 0 ? target : Math.min(target, level + k);
}

/** yearTarget for every plan year, keyed by year (Lampiran II, a unit's own plan). */
export function yearlyTargets(level: number, target: number, years: number[]): Record<string, number> {
  return Object.fromEntries(years.map((y, i) => [String(y), yearTarget(level, target, i + 1)]));
}

/** What drafting reads of the instrument: aspects with their weight and indicators (revision 1 or 2). */
export interface PlanInstrumentSource {
  aspects: { code: string; name: string; weight: number; indicators: PlanIndicatorSource[] }[];
}

/** Rank of each row by priority across the whole plan (0 = highest; equal priorities by indicator code). */
function priorityRanks(rows: { code: string; priority: number }[]): Map<string, number> {
  const sorted = [...rows].sort(
    (a, b) => (Math.abs(b.priority - a.priority) > SCORE_EPSILON ? b.priority - a.priority : 0) || a.code.localeCompare(b.code, 'en', { numeric: true }),
  );
  return new Map(sorted.map((r, i) => [r.code, i]));
}

/**
 * Drafts Lampiran I (SPEC.md "Renaksi: the plan the Bupati signs"): one row per indicator where some active unit of
 * the period is below target (a unit that did not submit counts from level 0), in instrument order of aspects and by
 * priority inside an aspect. Targets are counts of units at the target level by the end of each year; waktu follows
 * the row's priority across the plan; the texts come from the instrument (revision 2's sasaran, dukungan and
 * activities per starting level, or sentences built from a revision 1 indicator).
 */
export function draftPlan(instrument: PlanInstrumentSource | Instrument, units: MatrixUnit[], years: number[]): DraftRow[] {
  const source = instrument as PlanInstrumentSource;
  const byCode = new Map(source.aspects.flatMap((a) => a.indicators.map((i) => [i.code, i] as const)));
  const matrix = draftMatrixRows(
    source.aspects.flatMap((a) => a.indicators.map((i) => ({ code: i.code, aspectCode: a.code, aspectWeight: a.weight, target: i.target }))),
    units,
    years,
  );
  const ranks = priorityRanks(matrix.map((m) => ({ code: m.indicator.code, priority: m.counts.priority })));
  return matrix.map(({ indicator, counts }) => {
    const ind = byCode.get(indicator.code) as PlanIndicatorSource;
    const chosen = activitiesFor(ind, counts);
    return {
      sourceKey: `kab:${ind.code}`,
      scope: 'kabupaten',
      aspectCode: indicator.aspectCode,
      indicatorCode: ind.code,
      goal: sasaranText(ind),
      problem: conditionText(ind, counts),
      activity: chosen.activity,
      outputIndicator: chosen.output,
      schedule: formatSchedule(scheduleFor(ranks.get(ind.code) ?? 0, matrix.length, counts.yearly, years)),
      responsible: ind.coordinator,
      unitScope: unitScopeText(counts),
      dpa: '',
      budget: DEFAULT_BUDGET,
      support: supportText(ind),
      verification: ind.evidence,
      targets: counts.yearly,
      outputTargets: outputTargetsFor(chosen.items, counts, years),
      counts,
      priority: counts.priority,
    };
  });
}
