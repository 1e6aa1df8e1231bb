import type { PaperKind } from '../shared/workbook-style';
// NOTE: the recap sheets' pure builder's type, not the exports entry (see renaksi-workbook.ts).
import type { RecapData } from '../exports/recap-sheets';
import type { RenaksiTextField } from './renaksi-draft';
import type { Closing } from './renaksi-lampiran';

/** The Renaksi document as plain data: what the workbook prints (built in a worker thread from this alone). */
export interface RenaksiDocRow extends Record<RenaksiTextField, string> {
  /** "21 dari 57 unit (36,8 %)…": the units at target now, out of the units the indicator applies to. */
  baseline: string;
  /** Units at or above the target level by the end of each plan year (counts). */
  targets: Record<string, number>;
  /** The activity's own output per plan year ("9 SOP"). */
  outputTargets: Record<string, string>;
  /** Target cells accept 0…targetMax units (the units the row's indicator applies to). */
  targetMax?: number;
  /** Row id and version in the hidden column ("R12-V3"), so an edited copy can be uploaded back. */
  rowKey?: string;
}

/** Lampiran II: units × the plan's indicators; a cell reads "1→3", blank at target, "–" N/A, "*" not submitted. */
export interface TargetMapDoc {
  indicators: { code: string; title: string }[];
  groups: { label: string; units: { name: string; cells: string[]; notes: string }[] }[];
}

export interface RenaksiDocument {
  regionName: string;
  periodName: string;
  years: number[];
  aspects: { code: string; name: string; rows: RenaksiDocRow[] }[];
  paper: PaperKind;
  /** Keputusan Bupati number and date: blank until set. */
  decree: { nomor: string; tanggal: string };
  closing: Closing;
  targetMap: TargetMapDoc;
  recap: RecapData;
  /** Target cells of a row without its own targetMax accept 0…unitTotal units. */
  unitTotal?: number;
}

