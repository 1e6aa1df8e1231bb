import type ExcelJS from 'exceljs';
import { FONT, PAPERS, type PaperKind } from '../shared/workbook-style';

/**
 * The document form every lampiran sheet of the Renaksi shares (SPEC.md "Document form"): the lampiran block of the
 * Keputusan Bupati at the top right, the closing with the Bupati's name at the end, landscape paper with the header
 * rows repeated and page numbers that restart in each lampiran.
 */

export interface DecreeInfo {
  /** "KABUPATEN KUTAI TIMUR" as the region is set. */
  regionName: string;
  /** Number and date of the Keputusan Bupati: blank until the team sets them. */
  nomor: string;
  tanggal: string;
  years: number[];
}

export interface Closing {
  /** "BUPATI KUTAI TIMUR" */
  office: string;
  name: string;
  /** Place and date only when the team has set the date; otherwise the line is left out. */
  place: string;
  date: string;
}

/** "TAHUN 2022–2024" (or "TAHUN 2024" for a one-year plan). */
export function yearSpan(years: number[]): string {
  const first = years[0];
  const last = years[years.length - 1];
  return first === last ? `${first}` : `${first}–${last}`;
}

/** The subject of the decree, as the lampiran block and the narrative name it. */
export function decreeSubject(info: Pick<DecreeInfo, 'regionName' | 'years'>): string {
  return `RENCANA AKSI PENGELOLAAN PENGADUAN PELAYANAN PUBLIK MELALUI SP4N-LAPOR! ${info.regionName.toUpperCase()} TAHUN ${yearSpan(info.years)}`;
}

/** The Bupati's office from the region: "Kabupaten Kutai Timur" → "BUPATI KUTAI TIMUR". */
function bupatiOf(regionName: string): string {
  return `BUPATI ${regionName.replace(/^kabupaten\s+/i, '').toUpperCase()}`;
}

/** The four lines of the lampiran block ("LAMPIRAN I KEPUTUSAN BUPATI …", NOMOR, TANGGAL, TENTANG). */
function lampiranBlockLines(lampiran: string, info: DecreeInfo): [string, string][] {
  return [
    [`LAMPIRAN ${lampiran} KEPUTUSAN ${bupatiOf(info.regionName)}`, ''],
    ['NOMOR', `: ${info.nomor}`],
    ['TANGGAL', `: ${info.tanggal}`],
    ['TENTANG', `: ${decreeSubject(info)}`],
  ];
}

/**
 * Writes the lampiran block over the columns `fromCol`…`width` of rows 1–4 (the label over `labelSpan` columns, then the
 * value merged to the right edge) and returns the next free row. `valueWidth` is the width (in column units) the TENTANG
 * line wraps in.
 */
export function writeLampiranBlock(
  ws: ExcelJS.Worksheet, lampiran: string, info: DecreeInfo, at: { fromCol: number; width: number; valueWidth: number; labelSpan?: number },
): number {
  const { fromCol, width, valueWidth } = at;
  const valueCol = fromCol + (at.labelSpan ?? 1);
  const lines = lampiranBlockLines(lampiran, info);
  lines.forEach(([label, value], i) => {
    const r = i + 1;
    if (i === 0) {
      ws.mergeCells(r, fromCol, r, width);
      ws.getCell(r, fromCol).value = label;
    } else {
      if (valueCol - fromCol > 1) ws.mergeCells(r, fromCol, r, valueCol - 1);
      ws.getCell(r, fromCol).value = label;
      if (valueCol < width) ws.mergeCells(r, valueCol, r, width);
      ws.getCell(r, valueCol).value = value;
    }
    for (const c of [fromCol, valueCol]) {
      const cell = ws.getCell(r, c);
      cell.font = { name: FONT, size: 9 };
      cell.alignment = { vertical: 'top', horizontal: 'left', wrapText: true };
    }
    const chars = Math.max(1, Math.floor(valueWidth * 1.15));
    ws.getRow(r).height = Math.max(13, Math.ceil(value.length / chars) * 12 + 2);
  });
  return lines.length + 1;
}

/** Writes the closing right-aligned under the table: optional place and date, the office, space, the name. */
export function writeClosing(ws: ExcelJS.Worksheet, startRow: number, fromCol: number, width: number, closing: Closing): number {
  const lines: [string, boolean][] = [
    ...(closing.date ? ([[`${closing.place}, ${closing.date}`, false]] as [string, boolean][]) : []),
    [`${closing.office},`, true],
    ['', false],
    ['', false],
    ['', false],
    [closing.name, true],
  ];
  let r = startRow + 1;
  for (const [text, bold] of lines) {
    ws.mergeCells(r, fromCol, r, width);
    const cell = ws.getCell(r, fromCol);
    cell.value = text;
    cell.font = { name: FONT, size: 10, bold };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    r++;
  }
  return r - 1;
}

/** Landscape page setup of a lampiran: header rows repeated, page numbers counted within the sheet. */
export function lampiranPageSetup(paper: PaperKind, headerRows: [number, number], lampiran: string): Partial<ExcelJS.WorksheetProperties> & {
  pageSetup: Partial<ExcelJS.PageSetup>;
  headerFooter: Partial<ExcelJS.HeaderFooter>;
} {
  // NOTE: "dari &N" would count the pages of the whole workbook in LibreOffice, not of this lampiran.
  const footer = `&L&"${FONT}"&8Lampiran ${lampiran}&R&"${FONT}"&8Halaman &P`;
  return {
    pageSetup: {
      paperSize: PAPERS[paper].code as ExcelJS.PaperSize,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      firstPageNumber: 1,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${headerRows[0]}:${headerRows[1]}`,
    },
    headerFooter: { oddFooter: footer, evenFooter: footer },
  };
}
