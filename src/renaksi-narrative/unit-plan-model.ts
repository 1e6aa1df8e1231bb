import { formatInt } from '../shared/format';

/**
 * A unit's own Renaksi as plain data (SPEC.md "Lampiran II — Peta target per unit": each unit downloads its gap
 * indicators, the activities chosen for its current level, its yearly target levels, its narahubung and head). Pure:
 * what the .docx prints, built in a worker thread from this alone.
 */

export interface UnitPlanActivity {
  activity: string;
  output: string;
  unit: string;
  outputPerYear?: number;
}

/** One gap indicator of the unit as the service reads it (see renaksi's unitPlanItems). */
export interface UnitPlanSourceItem {
  code: string;
  aspectCode: string;
  title: string;
  sasaran: string;
  level: number;
  target: number;
  yearly: Record<string, number>;
  activities: UnitPlanActivity[];
}

export interface UnitPlanRow {
  no: number;
  code: string;
  title: string;
  sasaran: string;
  level: number;
  target: number;
  /** Target LEVEL at the end of each plan year, in the order of `years`. */
  yearly: number[];
  /** "Penyusunan SK … (keluaran: SK ditetapkan; 1 dokumen per tahun)". */
  activities: string[];
  /** The team's notes on this indicator of the unit. */
  notes: string[];
}

export interface UnitPlanDocument {
  paper: 'a4' | 'folio';
  regionName: string;
  periodName: string;
  years: number[];
  /** "2022–2024" */
  yearsLabel: string;
  /** Whether the kabupaten plan is final; a draft is marked as such on the document. */
  final: boolean;
  /** Number and date of the Keputusan Bupati (blank until set) and its subject ("RENCANA AKSI … TAHUN 2022–2024"). */
  decree: { nomor: string; tanggal: string; subject: string };
  /** The Bupati's closing: the place and date line only when the team set a date. */
  closing: { dateLine: string | null; office: string; name: string };
  unit: { code: string; name: string; groupLabel: string; submitted: boolean };
  head: { title: string; name: string; nip: string };
  narahubung: string[];
  /** The unit's gap indicators under their aspects (aspects without one left out), numbered 1… across aspects. */
  aspects: { code: string; name: string; rows: UnitPlanRow[] }[];
  /** Notes of the team on the unit as a whole, or on an indicator that is not among its gaps ("A1: …"). */
  generalNotes: string[];
}

/** "Penyusunan SK … (keluaran: SK ditetapkan; 1 dokumen per tahun)" — the per-year figure only where the instrument gives one. */
export function activityText(a: UnitPlanActivity): string {
  const perYear = a.outputPerYear === undefined ? '' : `; ${formatInt(a.outputPerYear)} ${a.unit} per tahun`;
  return `${a.activity} (keluaran: ${a.output}${perYear})`;
}

/**
 * The unit's rows under the instrument's aspects (in the instrument's order; each aspect's rows in the plan's order),
 * numbered 1… through the document; the team's notes attached to the indicator they name, the rest kept apart.
 */
export function unitPlanSections(
  items: UnitPlanSourceItem[],
  aspects: { code: string; name: string }[],
  years: number[],
  notes: { indicatorCode: string | null; note: string }[],
): Pick<UnitPlanDocument, 'aspects' | 'generalNotes'> {
  let no = 0;
  const sections = aspects.flatMap((a) => {
    const rows = items.filter((i) => i.aspectCode === a.code).map((i): UnitPlanRow => ({
      no: ++no, code: i.code, title: i.title, sasaran: i.sasaran, level: i.level, target: i.target,
      yearly: years.map((y) => i.yearly[String(y)] ?? i.target),
      activities: i.activities.map(activityText),
      notes: notes.filter((n) => n.indicatorCode === i.code).map((n) => n.note),
    }));
    return rows.length ? [{ code: a.code, name: a.name, rows }] : [];
  });
  const shown = new Set(items.map((i) => i.code));
  const generalNotes = notes
    .filter((n) => n.indicatorCode === null || !shown.has(n.indicatorCode))
    .map((n) => (n.indicatorCode ? `${n.indicatorCode}: ${n.note}` : n.note));
  return { aspects: sections, generalNotes };
}

/** "Dinas Kesehatan (Perangkat Daerah)", but "Kecamatan Busang" (not "Kecamatan Busang (Kecamatan)"). */
export function unitLine(unit: { name: string; groupLabel: string }): string {
  return unit.name.toLowerCase().startsWith(unit.groupLabel.toLowerCase()) ? unit.name : `${unit.name} (${unit.groupLabel})`;
}

/** "Kepala Dinas Kesehatan, dr. Ani, NIP 19700101 199003 1 001"; dotted places for a name or NIP not yet recorded. */
export function headLine(head: UnitPlanDocument['head']): string {
  const name = head.name.trim() || '……………………………';
  const nip = head.nip.trim() || '……………………………';
  return `${head.title}, ${name}, NIP ${nip}`;
}

/** What the unit is asked to do, in one sentence with the counts. */
export function summaryLine(doc: Pick<UnitPlanDocument, 'aspects' | 'years' | 'unit'>): string {
  const rows = doc.aspects.flatMap((a) => a.rows);
  const last = doc.years[doc.years.length - 1];
  if (rows.length === 0) {
    return `${doc.unit.name} telah mencapai tingkat target pada seluruh indikator Rencana Aksi; unit menjaga capaian tersebut sampai akhir tahun ${last}.`;
  }
  const activities = rows.reduce((s, r) => s + r.activities.length, 0);
  return `${doc.unit.name} berada di bawah tingkat target pada ${formatInt(rows.length)} indikator dalam ${formatInt(doc.aspects.length)} aspek ` +
    `dan melaksanakan ${formatInt(activities)} kegiatan untuk mencapai tingkat yang ditargetkan pada akhir setiap tahun dalam tabel berikut.`;
}
