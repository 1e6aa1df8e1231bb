import { formatDate } from '../shared/format';
import type { ChartBar } from './aspect-chart';
import type { NarrativeTexts } from './narrative-texts';

/**
 * The narrative document as plain data: what the .docx builder prints, gathered by the service from the scores, the
 * plan and the settings, with the pure derivations below (hand-computed in the unit tests).
 */

export type Group = 'pd' | 'kecamatan';

/** An index over a scope: the mean over its counted units, out of all its units. */
export interface IndexFigure {
  label: string;
  index: number | null;
  category: string | null;
  counted: number;
  total: number;
}

export interface AspectFigure {
  code: string;
  name: string;
  weight: number;
  score: number | null;
  category: string | null;
  pd: number | null;
  kecamatan: number | null;
}

/** A unit as the category table counts it. */
export interface UnitStanding {
  name: string;
  group: Group;
  /** Submitted or verified. */
  included: boolean;
  /** Every indicator answered or N/A (its index exists). */
  complete: boolean;
  category: string | null;
}

export interface CategoryRow {
  label: string;
  pd: number;
  kecamatan: number;
}

export interface UnitCategories {
  rows: CategoryRow[];
  total: Record<Group, number>;
  /** Units that have not submitted (not started, draft or returned), by group, in official order. */
  notSubmitted: Record<Group, string[]>;
  /** Submitted but with an unanswered indicator. */
  incomplete: Record<Group, string[]>;
}

export const NOT_SUBMITTED_LABEL = 'Belum mengajukan penilaian';
export const INCOMPLETE_LABEL = 'Diajukan, belum lengkap';

/**
 * Every unit of the period in exactly one row: its category (categories best first), submitted but incomplete, or
 * not submitted. The rows of a group add up to all its units, never only to those that submitted.
 */
export function unitCategories(units: UnitStanding[], categoryLabels: string[]): UnitCategories {
  const rowOf = (u: UnitStanding) => (!u.included ? NOT_SUBMITTED_LABEL : !u.complete || u.category === null ? INCOMPLETE_LABEL : u.category);
  const labels = [...categoryLabels, INCOMPLETE_LABEL, NOT_SUBMITTED_LABEL];
  const rows = labels.map((label) => ({ label, pd: 0, kecamatan: 0 }));
  const names = (pick: (u: UnitStanding) => boolean, group: Group) => units.filter((u) => u.group === group && pick(u)).map((u) => u.name);
  for (const u of units) {
    const row = rows.find((r) => r.label === rowOf(u));
    if (row) row[u.group]++;
  }
  const isIncomplete = (u: UnitStanding) => rowOf(u) === INCOMPLETE_LABEL;
  return {
    rows,
    total: { pd: units.filter((u) => u.group === 'pd').length, kecamatan: units.filter((u) => u.group === 'kecamatan').length },
    notSubmitted: { pd: names((u) => !u.included, 'pd'), kecamatan: names((u) => !u.included, 'kecamatan') },
    incomplete: { pd: names(isIncomplete, 'pd'), kecamatan: names(isIncomplete, 'kecamatan') },
  };
}

/** One condition of the kabupaten checklist as the document prints it. */
export interface ConditionLine {
  code: string;
  title: string;
  /** "Tingkat 3", "Ya"; "Belum diisi" while unanswered. */
  answer: string;
  /** "Terpenuhi", "Terpenuhi sebagian", "Belum terpenuhi"; "–" while unanswered. */
  state: string;
  /** Where it stands with the verifikator. */
  review: string;
}

/** The plan as the narrative reads it: Lampiran I's rows grouped under sasaran and numbered as the workbook does. */
export interface PlanSummary {
  status: 'draf' | 'final' | null;
  years: number[];
  groups: { number: string; aspectCode: string; rows: { no: string; indicatorCode: string | null; responsible: string }[] }[];
}

export interface SasaranLine {
  number: string;
  aspectCode: string;
  aspectName: string;
  score: number | null;
  category: string | null;
  indicators: { code: string; title: string }[];
  rowCount: number;
  /** Coordinating PD of the rows, each once, in row order. */
  responsible: string[];
}

/** The plan's groups with the aspect each stands for: its name and current score, the indicators its rows address. */
export function sasaranLines(plan: PlanSummary, aspects: AspectFigure[], indicatorTitles: Map<string, string>): SasaranLine[] {
  return plan.groups.map((g) => {
    const aspect = aspects.find((a) => a.code === g.aspectCode);
    const codes = [...new Set(g.rows.map((r) => r.indicatorCode).filter((c): c is string => c !== null))];
    return {
      number: g.number,
      aspectCode: g.aspectCode,
      aspectName: aspect?.name ?? `Aspek ${g.aspectCode}`,
      score: aspect?.score ?? null,
      category: aspect?.category ?? null,
      indicators: codes.map((code) => ({ code, title: indicatorTitles.get(code) ?? '' })),
      rowCount: g.rows.length,
      responsible: [...new Set(g.rows.map((r) => r.responsible.trim()).filter((r) => r !== ''))],
    };
  });
}

/**
 * The place-and-date line above the signature: only when the team has set a date ("Sangatta, 27 Juni 2022"); a date
 * typed as YYYY-MM-DD is written out in id-ID form. null: the line is left out and the Bupati's office dates it.
 */
export function signatureDateLine(place: string, date: string): string | null {
  const d = date.trim();
  if (d === '') return null;
  const written = /^\d{4}-\d{2}-\d{2}$/.test(d) ? formatDate(`${d}T12:00:00+08:00`) : d;
  return place.trim() === '' ? written : `${place.trim()}, ${written}`;
}

export interface NarrativeDocument {
  paper: 'a4' | 'folio';
  /** "Kabupaten Kutai Timur". */
  regionName: string;
  periodName: string;
  years: number[];
  /** Which levels the scores use, in words. */
  basisNote: string;
  texts: NarrativeTexts;
  kabupaten: IndexFigure;
  groups: IndexFigure[];
  aspects: AspectFigure[];
  /** The aspect chart's bars and the category thresholds it marks (drawn when the document is built). */
  chart: { bars: ChartBar[]; thresholds: number[] };
  /** The instrument's categories, best first, with their lower bounds. */
  categories: { label: string; min: number }[];
  unitCategories: UnitCategories;
  /** null: the period's instrument has no kabupaten checklist. */
  conditions: ConditionLine[] | null;
  sasaran: SasaranLine[];
  signature: { dateLine: string | null; office: string; name: string; nip: string };
}
