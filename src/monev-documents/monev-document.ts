import type { PaperKind } from '../shared/workbook-style';
// NOTE: the lampiran form's pure helpers (a named exception in .dependency-cruiser.cjs): this model is built in a
// worker thread, which should not load the Renaksi module's routes and services with its entry.
import type { Closing } from '../renaksi/renaksi-lampiran';

/**
 * Lampiran III (Matriks Monitoring dan Evaluasi) and the Kemajuan sheet as plain data: what the monev workbook prints,
 * built in a worker thread from this alone.
 */

/** One Lampiran I row in one semester, as the matrix prints it. */
export interface MonevDocCell {
  /**
   * Output achieved in the plan year up to the end of the semester; per output ("1) 6\n2) 4") when the year's target
   * lists several; null when not reported.
   */
  realisasi: number | string | null;
  /** realisasi ÷ the year's output target × 100, over every output (capaianOfOutputs); null when it cannot be computed. */
  capaian: number | null;
  overTarget: boolean;
  /** "Berjalan", "Selesai (belum diverifikasi)", "Belum dilaporkan"; '' for a semester that has not started. */
  status: string;
  kendala: string;
  tindakLanjut: string;
  /** The evidence as the reader should find it ("2 berkas: sk.pdf; …"), '' when none. */
  bukti: string;
}

export interface MonevDocRow {
  /** As numbered in Lampiran I (I.1, II.3). */
  no: string;
  activity: string;
  outputIndicator: string;
  responsible: string;
  /** The year's output target as typed in the plan ("9 dokumen"). */
  targetText: string;
  /** One per semester of the sheet's year (I, II). */
  cells: MonevDocCell[];
}

interface MonevDocGroup {
  /** I, II, … as in Lampiran I. */
  number: string;
  aspectCode: string;
  aspectName: string;
  rows: MonevDocRow[];
}

/** One plan year: its two semesters side by side. */
export interface MonevYearSheet {
  year: number;
  /** "Semester I" with the months it covers ("Januari–Juni"). */
  semesters: { semester: 1 | 2; label: string; months: string }[];
  groups: MonevDocGroup[];
}

/** The plan against the assessments: per Lampiran I row and plan year, units expected at target vs reached. */
export interface KemajuanDoc {
  years: { year: number; measuredBy: string | null }[];
  groups: {
    number: string;
    aspectCode: string;
    aspectName: string;
    rows: { no: string; indicator: string; cells: { expected: number | null; achieved: number | null }[] }[];
  }[];
  /** Units in the plan's period (the denominator of every count). */
  unitTotal: number;
}

/** One evidence item of a reported row, for the Bukti Dukung sheet. */
export interface MonevDocEvidence {
  year: number;
  /** "Semester I". */
  semester: string;
  no: string;
  kind: 'berkas' | 'tautan';
  /** The file's name or the link. */
  name: string;
  /** The link to open; null for a file (kept in the application). */
  url: string | null;
}

/** The units' own parts (Lampiran II): per reporting unit and semester what its report stands at. */
export interface MonevUnitReportsDoc {
  /** "Semester I 2022", … */
  semesters: string[];
  units: { no: number; name: string; indicators: number; cells: string[] }[];
}

export interface MonevDocument {
  regionName: string;
  years: number[];
  paper: PaperKind;
  decree: { nomor: string; tanggal: string };
  closing: Closing;
  /** "29 November 2026": the day the reports were read. */
  asOf: string;
  sheets: MonevYearSheet[];
  /** Every evidence item of the submitted reports, in plan order. */
  evidence: MonevDocEvidence[];
  /** null when the progress of the plan cannot be read (no final version). */
  kemajuan: KemajuanDoc | null;
  unitReports: MonevUnitReportsDoc;
}
