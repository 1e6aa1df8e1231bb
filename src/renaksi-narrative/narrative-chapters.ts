import { AlignmentType, ImageRun, Paragraph, type Table } from 'docx';
import { yearSpan } from '../renaksi/renaksi-lampiran';
import { formatInt, formatScore } from '../shared/format';
import type { ChartImage } from './aspect-chart';
import {
  bodyParagraph, caption, chapterHeading, dataTable, itemParagraph, note, SECTION_INDENT, sectionHeading, spacedTable, textParagraphs, textWidth,
} from './docx-parts';
import { legalBasisItems } from './narrative-texts';
import type { NarrativeDocument, UnitCategories } from './narrative-model';

type Block = Paragraph | Table;

const LETTERS = 'ABCDEFGHIJ';
/** Sections lettered in the order they appear, so a section left out (no checklist) leaves no gap. */
function lettering(): (title: string) => Paragraph {
  let i = 0;
  return (title) => sectionHeading(LETTERS[i++] ?? '?', title);
}

const tableWidth = (doc: NarrativeDocument) => textWidth(doc.paper) - SECTION_INDENT;
const scoreText = (score: number | null, category: string | null) => (score === null ? 'belum dapat dihitung' : `${formatScore(score)}, kategori ${category ?? '–'}`);

/** "a, b dan c". */
function listText(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} dan ${items[items.length - 1]}`;
}

export function chapterPendahuluan(doc: NarrativeDocument): Block[] {
  const section = lettering();
  return [
    chapterHeading('I', 'Pendahuluan'),
    section('Latar Belakang'),
    ...textParagraphs(doc.texts.latarBelakang),
    section('Dasar Hukum'),
    ...legalBasisItems(doc.texts.dasarHukum).map((item, i) => itemParagraph(`${i + 1}.`, item)),
    section('Maksud dan Tujuan'),
    ...textParagraphs(doc.texts.maksudTujuan),
  ];
}

function participation(doc: NarrativeDocument): string {
  const u = doc.unitCategories;
  const total = u.total.pd + u.total.kecamatan;
  const notSubmitted = u.notSubmitted.pd.length + u.notSubmitted.kecamatan.length;
  const incomplete = u.incomplete.pd.length + u.incomplete.kecamatan.length;
  const left = [
    notSubmitted > 0 ? `${formatInt(notSubmitted)} unit belum mengajukan penilaian` : '',
    incomplete > 0 ? `${formatInt(incomplete)} unit mengajukan penilaian yang belum lengkap` : '',
  ].filter(Boolean);
  return `${doc.periodName} mencakup seluruh ${formatInt(total)} unit Pemerintah ${doc.regionName}, terdiri atas ${formatInt(u.total.pd)} perangkat daerah dan ${formatInt(u.total.kecamatan)} kecamatan. Sebanyak ${formatInt(doc.kabupaten.counted)} dari ${formatInt(total)} unit telah mengajukan penilaian secara lengkap dan dihitung dalam indeks${left.length ? `; ${listText(left)}` : ''}.`;
}

function indexSection(doc: NarrativeDocument, t: { n: number }): Block[] {
  const k = doc.kabupaten;
  const indexLine = k.index === null
    ? `Indeks pengelolaan pengaduan ${doc.regionName} belum dapat dihitung karena belum ada unit yang mengajukan penilaian secara lengkap.`
    : `Indeks pengelolaan pengaduan ${doc.regionName} adalah ${formatScore(k.index)} dengan kategori ${k.category ?? '–'}, yaitu rata-rata indeks ${formatInt(k.counted)} unit yang dihitung.`;
  const thresholds = doc.categories.map((c, i) => (i === doc.categories.length - 1 ? `${c.label} di bawah ${formatInt(doc.categories[i - 1]?.min ?? 0)}` : `${c.label} ≥ ${formatInt(c.min)}`));
  return [
    bodyParagraph(participation(doc)),
    bodyParagraph(indexLine),
    caption(`Tabel 2.${t.n++} Indeks Pengelolaan Pengaduan per Kelompok Unit`),
    dataTable({
      width: tableWidth(doc), indent: SECTION_INDENT, widths: [34, 26, 20, 20], align: ['left', 'center', 'center', 'center'],
      header: ['Cakupan', 'Unit dihitung', 'Indeks', 'Kategori'],
      rows: [...doc.groups, doc.kabupaten].map((g) => [g.label, `${formatInt(g.counted)} dari ${formatInt(g.total)}`, formatScore(g.index), g.category ?? '–']),
      boldRows: [doc.groups.length],
    }),
    note(`${doc.basisNote} Kategori: ${thresholds.join('; ')}.`),
  ];
}

function aspectSection(doc: NarrativeDocument, chart: ChartImage, t: { n: number }): Block[] {
  const scored = doc.aspects.filter((a) => a.score !== null).sort((a, b) => (a.score as number) - (b.score as number));
  const lowest = scored[0];
  const highest = scored[scored.length - 1];
  const blocks: Block[] = [
    bodyParagraph(`Skor setiap aspek (0–100) adalah rata-rata skor aspek unit yang dihitung. ${lowest && highest && lowest !== highest ? `Skor terendah terdapat pada aspek ${lowest.name} (${formatScore(lowest.score)}) dan tertinggi pada aspek ${highest.name} (${formatScore(highest.score)}).` : ''}`.trim()),
    caption(`Tabel 2.${t.n++} Skor Kabupaten per Aspek`),
    dataTable({
      width: tableWidth(doc), indent: SECTION_INDENT, widths: [12, 38, 14, 22, 20, 25, 24],
      align: ['center', 'left', 'center', 'center', 'center', 'center', 'center'],
      header: ['Kode', 'Aspek', 'Bobot (%)', 'Skor Kabupaten', 'Kategori', 'Perangkat Daerah', 'Kecamatan'],
      rows: doc.aspects.map((a) => [a.code, a.name, formatInt(a.weight), formatScore(a.score), a.category ?? '–', formatScore(a.pd), formatScore(a.kecamatan)]),
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 240 },
      children: [new ImageRun({ type: 'png', data: chart.png, transformation: chartSize(chart), altText: { name: 'Grafik skor aspek', description: 'Skor kabupaten per aspek', title: 'Skor per aspek' } })],
    }),
    caption(`Gambar 2.1 Skor Kabupaten per Aspek`, { keepNext: false }),
    note(`Batang diwarnai menurut kategori (kuning: Sangat Baik; hijau: Baik; biru: Sedang; ungu: Kurang); garis putus-putus menandai batas kategori. Nama aspek setiap kode tercantum dalam Tabel 2.${t.n - 1}.`),
  ];
  return blocks;
}

/** The chart printed 14 cm wide (px at 96 dpi, as docx measures images). */
function chartSize(chart: ChartImage): { width: number; height: number } {
  const width = Math.round((140 / 25.4) * 96);
  return { width, height: Math.round((width * chart.height) / chart.width) };
}

function namesLine(label: string, names: UnitCategories['notSubmitted']): Paragraph[] {
  const parts = [
    names.pd.length ? `perangkat daerah (${formatInt(names.pd.length)}): ${names.pd.join(', ')}` : '',
    names.kecamatan.length ? `kecamatan (${formatInt(names.kecamatan.length)}): ${names.kecamatan.join(', ')}` : '',
  ].filter(Boolean);
  return parts.length ? [bodyParagraph(`${label} ${parts.join('; ')}.`)] : [];
}

function categorySection(doc: NarrativeDocument, t: { n: number }): Block[] {
  const u = doc.unitCategories;
  return [
    bodyParagraph('Sebaran kategori indeks unit dihitung terhadap seluruh unit; unit yang belum mengajukan penilaian atau penilaiannya belum lengkap tetap tercantum sebagai kelompok tersendiri.', SECTION_INDENT, { keepNext: true }),
    caption(`Tabel 2.${t.n++} Jumlah Unit menurut Kategori`),
    ...spacedTable({
      width: tableWidth(doc), indent: SECTION_INDENT, widths: [46, 18, 18, 18], align: ['left', 'center', 'center', 'center'],
      header: ['Kategori', 'Perangkat Daerah', 'Kecamatan', 'Jumlah'],
      rows: [
        ...u.rows.map((r) => [r.label, formatInt(r.pd), formatInt(r.kecamatan), formatInt(r.pd + r.kecamatan)]),
        ['Jumlah', formatInt(u.total.pd), formatInt(u.total.kecamatan), formatInt(u.total.pd + u.total.kecamatan)],
      ],
      boldRows: [u.rows.length],
    }),
    ...namesLine('Unit yang belum mengajukan penilaian:', u.notSubmitted),
    ...namesLine('Unit yang mengajukan penilaian tetapi belum lengkap:', u.incomplete),
  ];
}

function conditionSection(doc: NarrativeDocument, t: { n: number }): Block[] {
  const lines = doc.conditions ?? [];
  const count = (state: string) => lines.filter((c) => c.state === state).length;
  const unanswered = lines.filter((c) => c.state === '–').length;
  const summary = [`${formatInt(count('Terpenuhi'))} terpenuhi`, `${formatInt(count('Terpenuhi sebagian'))} terpenuhi sebagian`, `${formatInt(count('Belum terpenuhi'))} belum terpenuhi`];
  if (unanswered > 0) summary.push(`${formatInt(unanswered)} belum diisi`);
  return [
    bodyParagraph(`Selain penilaian unit, kondisi pengelolaan pengaduan tingkat kabupaten dinilai terhadap ${formatInt(lines.length)} kondisi: ${listText(summary)}.`, SECTION_INDENT, { keepNext: true }),
    caption(`Tabel 2.${t.n++} Kondisi Tingkat Kabupaten`),
    ...spacedTable({
      width: tableWidth(doc), indent: SECTION_INDENT, widths: [8, 44, 14, 16, 18], align: ['center', 'left', 'center', 'center', 'left'],
      header: ['No', 'Kondisi', 'Jawaban', 'Keadaan', 'Verifikasi'],
      rows: lines.map((c, i) => [formatInt(i + 1), `${c.code} ${c.title}`.trim(), c.answer, c.state, c.review]),
    }),
  ];
}

/** BAB II; `chart` is the aspect chart drawn from doc.chart. */
export function chapterKondisiAwal(doc: NarrativeDocument, chart: ChartImage): Block[] {
  const section = lettering();
  const t = { n: 1 };
  return [
    chapterHeading('II', 'Kondisi Awal'),
    section('Indeks Pengelolaan Pengaduan'),
    ...indexSection(doc, t),
    section('Skor per Aspek'),
    ...aspectSection(doc, chart, t),
    section('Kategori Unit'),
    ...categorySection(doc, t),
    ...(doc.conditions ? [section('Kondisi Tingkat Kabupaten'), ...conditionSection(doc, t)] : []),
    section('Permasalahan Utama'),
    ...textParagraphs(doc.texts.permasalahan),
  ];
}

export function chapterStrategi(doc: NarrativeDocument): Block[] {
  const section = lettering();
  const sasaran = doc.sasaran.length === 0
    ? [bodyParagraph('Sasaran belum dapat diuraikan karena matriks Rencana Aksi belum disusun dari hasil penilaian.')]
    : [
        bodyParagraph(`Sasaran Rencana Aksi tahun ${yearSpan(doc.years)} adalah bertambahnya jumlah unit yang mencapai tingkat target pada setiap indikator yang masih memiliki kesenjangan. Sasaran dikelompokkan menurut aspek penilaian dengan nomor yang sama dengan Lampiran I:`, SECTION_INDENT, { keepNext: true }),
        ...doc.sasaran.map((s) => itemParagraph(`${s.number}.`, `${s.aspectName} (skor awal ${scoreText(s.score, s.category)}): bertambahnya unit yang mencapai tingkat target pada ${formatInt(s.indicators.length)} indikator, yaitu ${s.indicators.map((i) => `${i.code} ${i.title}`.trim()).join('; ')}.`)),
      ];
  return [chapterHeading('III', 'Strategi dan Sasaran'), section('Strategi'), ...textParagraphs(doc.texts.strategi), section('Sasaran'), ...sasaran];
}

export function chapterRencanaAksi(doc: NarrativeDocument): Block[] {
  const total = doc.sasaran.reduce((s, g) => s + g.rowCount, 0);
  const summary: Block[] = doc.sasaran.length === 0
    ? [bodyParagraph('Matriks Rencana Aksi belum disusun.', 0)]
    : [
        bodyParagraph(`Rencana Aksi tahun ${yearSpan(doc.years)} memuat ${formatInt(total)} kegiatan dalam ${formatInt(doc.sasaran.length)} sasaran dengan rincian sebagai berikut.`, 0, { keepNext: true }),
        caption('Tabel 4.1 Ringkasan Rencana Aksi per Sasaran'),
        ...spacedTable({
          width: textWidth(doc.paper), widths: [11, 25, 11, 22, 31], align: ['center', 'left', 'center', 'left', 'left'],
          header: ['Sasaran', 'Aspek', 'Jumlah Kegiatan', 'Indikator', 'Penanggung Jawab'],
          rows: [
            ...doc.sasaran.map((s) => [s.number, s.aspectName, formatInt(s.rowCount), s.indicators.map((i) => i.code).join(', ') || '–', (s.responsible.length > 1 ? s.responsible.map((r) => `– ${r}`) : s.responsible).join('\n') || '–']),
            ['', 'Jumlah', formatInt(total), '', ''],
          ],
          boldRows: [doc.sasaran.length],
        }),
      ];
  return [
    chapterHeading('IV', 'Rencana Aksi'),
    ...textParagraphs(doc.texts.rencanaAksi, 0),
    ...summary,
    bodyParagraph('Rincian setiap kegiatan, yaitu permasalahan dan kondisi awal, kegiatan, indikator keberhasilan, baseline, target jumlah unit dan target output per tahun, waktu pelaksanaan, penanggung jawab, unit sasaran, program, kegiatan dan sub kegiatan, anggaran, dukungan yang dibutuhkan, serta bukti dukung, tercantum dalam Lampiran I Matriks Rencana Aksi Kabupaten. Tingkat awal dan target setiap perangkat daerah dan kecamatan pada setiap indikator tercantum dalam Lampiran II Peta Target per Unit.', 0),
  ];
}

export function chapterMonev(doc: NarrativeDocument): Block[] {
  return [
    chapterHeading('V', 'Mekanisme Monitoring dan Evaluasi'),
    ...textParagraphs(doc.texts.monev, 0),
    bodyParagraph(`Rencana Aksi berlaku untuk tahun ${yearSpan(doc.years)}, sehingga monitoring dan evaluasi dilaksanakan dalam ${formatInt(doc.years.length * 2)} semester pelaporan.`, 0),
  ];
}
