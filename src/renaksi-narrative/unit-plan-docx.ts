import {
  AlignmentType, Document, Footer, Packer, PageNumber, PageOrientation, Paragraph, Tab, Table, TableLayoutType, TableRow, TextRun, WidthType,
} from 'docx';
import { FONT, GROUP_FILL, PAPER_MM, TABLE_BORDERS, tableCell, twips, type CellAlign } from './docx-parts';
import { headLine, summaryLine, unitLine, type UnitPlanDocument, type UnitPlanRow } from './unit-plan-model';

/**
 * A unit's own Renaksi as a .docx in the form of the lampiran it is taken from: landscape F4 or A4 (the document
 * setting), the lampiran block of the Keputusan Bupati marked as an extract (petikan), the unit, its head and
 * narahubung, its gap indicators under their aspects with the target level per year and the activities for its level,
 * the Bupati's closing, and "Halaman 1 dari 2" at the foot of each page.
 */

type Block = Paragraph | Table;
const MARGIN_MM = { top: 15, bottom: 15, left: 20, right: 15 } as const;
/** Half-points: 11 pt text, 9 pt table. */
const TEXT_SIZE = 22;
const TABLE_SIZE = 18;
const LABEL_MM = 28;

function textWidth(doc: UnitPlanDocument): number {
  return twips(PAPER_MM[doc.paper].height - MARGIN_MM.left - MARGIN_MM.right);
}

/** "LABEL<tab>: value", the value's wrapped lines under its first word; from `left` (twips). */
function labelled(label: string, value: string, left: number, size = TEXT_SIZE): Paragraph {
  const hanging = twips(LABEL_MM);
  return new Paragraph({
    indent: { left: left + hanging, hanging },
    tabStops: [{ type: 'left', position: left + hanging }],
    spacing: { after: 40 },
    children: [new TextRun({ text: label, size }), new TextRun({ children: [new Tab(), `: ${value}`], size })],
  });
}

/** The lampiran block at the right of the first page, as an extract of the decree's Lampiran II. */
function lampiranBlock(doc: UnitPlanDocument): Paragraph[] {
  const left = Math.round(textWidth(doc) * 0.52);
  const bupati = `BUPATI ${doc.regionName.replace(/^kabupaten\s+/i, '').toUpperCase()}`;
  return [
    new Paragraph({ indent: { left }, spacing: { after: 40 }, children: [new TextRun({ text: `PETIKAN LAMPIRAN II KEPUTUSAN ${bupati}`, size: 20 })] }),
    labelled('NOMOR', doc.decree.nomor, left, 20),
    labelled('TANGGAL', doc.decree.tanggal, left, 20),
    labelled('TENTANG', doc.decree.subject, left, 20),
  ];
}

function centred(text: string, opts: { bold?: boolean; italics?: boolean; before?: number; after?: number; size?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: opts.before ?? 0, after: opts.after ?? 0 },
    children: [new TextRun({ text, bold: opts.bold, italics: opts.italics, size: opts.size ?? 24 })],
  });
}

function title(doc: UnitPlanDocument): Paragraph[] {
  return [
    centred('RENCANA AKSI PENGELOLAAN PENGADUAN PELAYANAN PUBLIK MELALUI SP4N-LAPOR!', { bold: true, before: 160 }),
    centred(doc.unit.name.toUpperCase(), { bold: true }),
    centred(`TAHUN ${doc.yearsLabel}`, { bold: true, after: doc.final ? 200 : 60 }),
    ...(doc.final ? [] : [centred('DRAF – Renaksi kabupaten belum difinalkan; isi dokumen ini dapat berubah.', { italics: true, size: 20, after: 200 })]),
  ];
}

function identity(doc: UnitPlanDocument): Paragraph[] {
  const basis = doc.unit.submitted
    ? `${doc.periodName}, tingkat hasil verifikasi (tingkat penilaian mandiri bila belum diverifikasi)`
    : `${doc.periodName}; unit belum mengajukan penilaian mandiri, sehingga setiap indikator dihitung dari tingkat 0`;
  return [
    labelled('Unit kerja', unitLine(doc.unit), 0),
    labelled('Kepala unit', headLine(doc.head), 0),
    labelled('Narahubung', doc.narahubung.length ? doc.narahubung.join(', ') : 'belum ditunjuk', 0),
    labelled('Dasar', basis, 0),
    labelled('Ringkasan', summaryLine(doc), 0),
  ];
}

/** Relative widths: No, Indikator, Sasaran, Tingkat awal, one per year, Kegiatan dan keluaran. */
function columns(doc: UnitPlanDocument): number[] {
  const rel = [4, 22, 26, 8, ...doc.years.map(() => 6.5), 42];
  const total = rel.reduce((s, w) => s + w, 0);
  return rel.map((w) => Math.floor((w / total) * textWidth(doc)));
}

function headerRows(doc: UnitPlanDocument, widths: number[]): TableRow[] {
  const h = (text: string, i: number, span: { rowSpan?: number; columnSpan?: number } = {}) =>
    tableCell(text, widths.slice(i, i + (span.columnSpan ?? 1)).reduce((s, w) => s + w, 0), { align: 'center', header: true, size: TABLE_SIZE, ...span });
  const yearsAt = 4;
  const first = [
    h('No', 0, { rowSpan: 2 }), h('Indikator', 1, { rowSpan: 2 }), h('Sasaran', 2, { rowSpan: 2 }), h('Tingkat awal', 3, { rowSpan: 2 }),
    h('Target tingkat pada akhir tahun', yearsAt, { columnSpan: doc.years.length }), h('Kegiatan dan keluaran', yearsAt + doc.years.length, { rowSpan: 2 }),
  ];
  const second = doc.years.map((y, i) => h(String(y), yearsAt + i));
  return [new TableRow({ tableHeader: true, cantSplit: true, children: first }), new TableRow({ tableHeader: true, cantSplit: true, children: second })];
}

function itemRow(r: UnitPlanRow, widths: number[]): TableRow {
  const kegiatan = [
    ...r.activities.map((a, i) => `${i + 1}. ${a}`),
    ...r.notes.map((n) => `Catatan tim Renaksi: ${n}`),
  ].join('\n');
  const texts = [String(r.no), `${r.code} ${r.title}`, r.sasaran, String(r.level), ...r.yearly.map(String), kegiatan];
  const align = (i: number): CellAlign => (i === 0 || (i >= 3 && i < texts.length - 1) ? 'center' : 'left');
  return new TableRow({
    cantSplit: true,
    children: texts.map((t, i) => tableCell(t, widths[i] ?? 0, { align: align(i), size: TABLE_SIZE })),
  });
}

function planTable(doc: UnitPlanDocument): Table {
  const widths = columns(doc);
  const span = widths.length;
  const rows = doc.aspects.flatMap((a) => [
    new TableRow({
      cantSplit: true,
      children: [tableCell(`Aspek ${a.code}. ${a.name}`, widths.reduce((s, w) => s + w, 0), { align: 'left', bold: true, fill: GROUP_FILL, columnSpan: span, size: TABLE_SIZE })],
    }),
    ...a.rows.map((r) => itemRow(r, widths)),
  ]);
  return new Table({
    width: { size: widths.reduce((s, w) => s + w, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
    rows: [...headerRows(doc, widths), ...rows],
  });
}

function small(text: string, opts: { italics?: boolean; before?: number; keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    keepNext: opts.keepNext,
    spacing: { before: opts.before ?? 60, after: 40 },
    children: [new TextRun({ text, italics: opts.italics, size: 18 })],
  });
}

function notesAndLegend(doc: UnitPlanDocument): Paragraph[] {
  return [
    ...(doc.generalNotes.length ? [small('Catatan tim Renaksi untuk unit ini:', { before: 160 }), ...doc.generalNotes.map((n) => small(`– ${n}`, { before: 0 }))] : []),
    small(
      'Keterangan: tingkat 0–4 menurut instrumen penilaian mandiri SP4N-LAPOR!; target per tahun adalah tingkat yang dituju pada akhir ' +
        'tahun tersebut (bukan jumlah keluaran), naik paling banyak satu tingkat setiap tahun sampai tingkat target indikator. Bukti dukung ' +
        'setiap indikator mengikuti instrumen penilaian. Rencana aksi tingkat kabupaten termuat dalam Lampiran I.',
      { italics: true, before: 160, keepNext: true },
    ),
  ];
}

/** The Bupati's closing at the right: the place and date only when set, the office, room to sign, the name. */
function closing(doc: UnitPlanDocument): Paragraph[] {
  const indent = Math.round(textWidth(doc) * 0.6);
  const line = (text: string, opts: { bold?: boolean; before?: number } = {}) => new Paragraph({
    alignment: AlignmentType.CENTER, indent: { left: indent }, keepNext: true, keepLines: true, spacing: { before: opts.before ?? 0 },
    children: [new TextRun({ text, bold: opts.bold, size: TEXT_SIZE })],
  });
  const office = doc.closing.office.trim().replace(/,$/, '');
  return [
    ...(doc.closing.dateLine ? [line(doc.closing.dateLine, { before: 200 })] : []),
    line(`${office},`, { bold: true, before: doc.closing.dateLine ? 0 : 200 }),
    line(doc.closing.name, { bold: true, before: 960 }),
  ];
}

function footer(doc: UnitPlanDocument): Footer {
  return new Footer({
    children: [new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ children: [`Rencana Aksi SP4N-LAPOR! ${doc.unit.name} – Halaman `, PageNumber.CURRENT, ' dari ', PageNumber.TOTAL_PAGES], size: 16 })],
    })],
  });
}

/** The unit's Renaksi as a .docx (see the file's comment). */
export function buildUnitPlanDocx(doc: UnitPlanDocument): Promise<Buffer> {
  const paper = PAPER_MM[doc.paper];
  const hasRows = doc.aspects.length > 0;
  const children: Block[] = [
    ...lampiranBlock(doc), ...title(doc), ...identity(doc),
    ...(hasRows ? [new Paragraph({ spacing: { after: 120 }, children: [] }), planTable(doc)] : []),
    ...notesAndLegend(doc), ...closing(doc),
  ];
  const document = new Document({
    creator: doc.regionName,
    title: `Rencana Aksi SP4N-LAPOR! ${doc.unit.name} ${doc.yearsLabel}`,
    styles: { default: { document: { run: { font: FONT, size: TEXT_SIZE } } } },
    sections: [{
      properties: {
        page: {
          // Landscape: docx swaps the given width and height itself when the orientation is landscape.
          size: { width: twips(paper.width), height: twips(paper.height), orientation: PageOrientation.LANDSCAPE },
          margin: { top: twips(MARGIN_MM.top), bottom: twips(MARGIN_MM.bottom), left: twips(MARGIN_MM.left), right: twips(MARGIN_MM.right), footer: twips(8) },
          pageNumbers: { start: 1 },
        },
      },
      footers: { default: footer(doc) },
      children,
    }],
  });
  return Packer.toBuffer(document);
}
