import {
  AlignmentType, Document, Footer, Packer, PageNumber, PageOrientation, Paragraph, TextRun, type Table,
} from 'docx';
import { BODY_SIZE, chapterHeading, FONT, MARGIN_MM, PAPER_MM, textParagraphs, textWidth, twips } from './docx-parts';
import { chapterKondisiAwal, chapterMonev, chapterPendahuluan, chapterRencanaAksi, chapterStrategi } from './narrative-chapters';
import type { NarrativeDocument } from './narrative-model';
import { aspectChart } from './aspect-chart';
import { yearSpan } from '../renaksi/renaksi-lampiran';

type Block = Paragraph | Table;

/** The document's title, as on the lampiran block of the workbook. */
function documentTitle(doc: Pick<NarrativeDocument, 'regionName' | 'years'>): string[] {
  return ['RENCANA AKSI', 'PENGELOLAAN PENGADUAN PELAYANAN PUBLIK', 'MELALUI SP4N-LAPOR!', doc.regionName.toUpperCase(), `TAHUN ${yearSpan(doc.years)}`];
}

function centred(text: string, opts: { size?: number; bold?: boolean; before?: number; after?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: opts.before ?? 0, after: opts.after ?? 120 },
    children: [new TextRun({ text, bold: opts.bold, size: opts.size })],
  });
}

function cover(doc: NarrativeDocument): Block[] {
  const [first, ...rest] = documentTitle(doc);
  return [
    centred(first ?? '', { size: 36, bold: true, before: twips(50), after: 240 }),
    ...rest.map((line) => centred(line, { size: 28, bold: true })),
    centred(`Disusun berdasarkan hasil ${doc.periodName}`, { before: twips(30) }),
    centred(`PEMERINTAH ${doc.regionName.toUpperCase()}`, { size: 28, bold: true, before: twips(90) }),
    centred(String(doc.years[0] ?? ''), { size: 28, bold: true }),
  ];
}

/** The closing signature: right half of the page, the place and date only when set, room to sign, the name. */
function signature(doc: NarrativeDocument): Paragraph[] {
  const indent = Math.round(textWidth(doc.paper) * 0.45);
  const line = (text: string, opts: { bold?: boolean; underline?: boolean; before?: number } = {}) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      indent: { left: indent },
      keepNext: true,
      keepLines: true,
      spacing: { before: opts.before ?? 0 },
      children: [new TextRun({ text, bold: opts.bold, underline: opts.underline ? {} : undefined })],
    });
  const s = doc.signature;
  const office = s.office.trim().replace(/,$/, '');
  return [
    ...(s.dateLine ? [line(s.dateLine, { before: 480 })] : []),
    line(`${office},`, { bold: true, before: s.dateLine ? 0 : 480 }),
    line(s.name, { bold: true, underline: true, before: 1800 }),
    ...(s.nip.trim() ? [line(`NIP. ${s.nip.trim()}`)] : []),
  ];
}

function chapterPenutup(doc: NarrativeDocument): Block[] {
  return [chapterHeading('VI', 'Penutup'), ...textParagraphs(doc.texts.penutup, 0), ...signature(doc)];
}

function pageProperties(doc: NarrativeDocument, opts: { firstPage?: number } = {}) {
  const paper = PAPER_MM[doc.paper];
  return {
    page: {
      size: { width: twips(paper.width), height: twips(paper.height), orientation: PageOrientation.PORTRAIT },
      margin: {
        top: twips(MARGIN_MM.top), bottom: twips(MARGIN_MM.bottom),
        left: twips(MARGIN_MM.left), right: twips(MARGIN_MM.right),
        footer: twips(12),
      },
      ...(opts.firstPage ? { pageNumbers: { start: opts.firstPage } } : {}),
    },
  };
}

const pageNumberFooter = () =>
  new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], size: 20 })] })] });

/** The heading styles the chapters use: black Arial, not Word's coloured defaults. */
const STYLES = {
  default: { document: { run: { font: FONT, size: BODY_SIZE }, paragraph: { spacing: { after: 0 } } } },
  paragraphStyles: [
    { id: 'Heading1', name: 'Heading 1', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { font: FONT, size: BODY_SIZE, bold: true, color: '000000' } },
    { id: 'Heading2', name: 'Heading 2', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { font: FONT, size: BODY_SIZE, bold: true, color: '000000' } },
  ],
};

/**
 * The Renaksi narrative as a .docx: a cover page, then BAB I–VI on portrait A4 or F4 with page numbers from 1 at the
 * foot of each page, tables with repeated header rows, the aspect chart as a PNG, and the signature block.
 */
export function buildNarrativeDocx(doc: NarrativeDocument): Promise<Buffer> {
  const title = documentTitle(doc).join(' ');
  const document = new Document({
    creator: doc.regionName,
    title,
    description: `Rencana Aksi SP4N-LAPOR! ${doc.periodName}`,
    styles: STYLES,
    sections: [
      { properties: pageProperties(doc), children: cover(doc) },
      {
        properties: pageProperties(doc, { firstPage: 1 }),
        footers: { default: pageNumberFooter() },
        children: [
          ...chapterPendahuluan(doc), ...chapterKondisiAwal(doc, aspectChart(doc.chart.bars, doc.chart.thresholds)), ...chapterStrategi(doc), ...chapterRencanaAksi(doc), ...chapterMonev(doc), ...chapterPenutup(doc),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
