import ExcelJS from 'exceljs';
import { addTitle, roman, styleCell, styleHeader, GROUP_FILL, FONT } from './workbook-style';
import { addRecapSheets, type RecapData } from './recap-sheets';

export interface RenaksiDocRow {
  aspect: string;
  problem: string;
  goal: string;
  activity: string;
  outputIndicator: string;
  targets: Record<string, number>;
  schedule: string;
  responsible: string;
  budget: string;
  support: string;
  verification: string;
  realization: string;
}

export interface RenaksiDocument {
  regionName: string;
  periodName: string;
  years: number[];
  aspects: { code: string; name: string; rows: RenaksiDocRow[] }[];
  paper: 'folio' | 'a4';
  signature: { place: string; date: string; office: string; name: string; nip: string };
  recap: RecapData;
}

/** Excel paper size codes: 9 = A4, 14 = Folio (8.5 × 13 in, the Indonesian F4). */
const PAPER_SIZE = { a4: 9, folio: 14 } as const;

const TEXT_COLUMNS: { header: string; width: number; key: keyof RenaksiDocRow }[] = [
  { header: 'Aspek', width: 18, key: 'aspect' },
  { header: 'Permasalahan / Kesenjangan', width: 34, key: 'problem' },
  { header: 'Sasaran', width: 26, key: 'goal' },
  { header: 'Kegiatan (Rencana Aksi)', width: 34, key: 'activity' },
  { header: 'Indikator Keberhasilan (Output, Satuan)', width: 26, key: 'outputIndicator' },
];
const TAIL_COLUMNS: { header: string; width: number; key: keyof RenaksiDocRow }[] = [
  { header: 'Waktu Pelaksanaan (Triwulan)', width: 12, key: 'schedule' },
  { header: 'Penanggung Jawab dan Pihak Terkait', width: 24, key: 'responsible' },
  { header: 'Anggaran dan Sumber Dana', width: 16, key: 'budget' },
  { header: 'Dukungan yang Dibutuhkan (Kebijakan, Kelembagaan, Sumber Daya)', width: 22, key: 'support' },
  { header: 'Bukti Dukung / Cara Verifikasi', width: 26, key: 'verification' },
  { header: 'Realisasi / Status', width: 16, key: 'realization' },
];

export const RENAKSI_SHEET = 'Renaksi';
/** First row of the column headers (rows above hold the title block). */
export const HEADER_ROW = 5;

function writeHeader(ws: ExcelJS.Worksheet, years: number[]): number {
  const top = HEADER_ROW;
  const heads = ['No', ...TEXT_COLUMNS.map((c) => c.header)];
  heads.forEach((h, i) => {
    ws.mergeCells(top, i + 1, top + 1, i + 1);
    ws.getCell(top, i + 1).value = h;
  });
  const yearStart = heads.length + 1;
  ws.mergeCells(top, yearStart, top, yearStart + years.length - 1);
  ws.getCell(top, yearStart).value = 'Target per Tahun (level)';
  years.forEach((y, i) => {
    ws.getCell(top + 1, yearStart + i).value = y;
  });
  const tailStart = yearStart + years.length;
  TAIL_COLUMNS.forEach((c, i) => {
    ws.mergeCells(top, tailStart + i, top + 1, tailStart + i);
    ws.getCell(top, tailStart + i).value = c.header;
  });
  const width = tailStart + TAIL_COLUMNS.length - 1;
  for (let c = 1; c <= width; c++) {
    styleHeader(ws.getCell(top, c));
    styleHeader(ws.getCell(top + 1, c));
    const num = ws.getCell(top + 2, c);
    num.value = `(${c})`;
    styleHeader(num);
  }
  return width;
}

function writeRows(ws: ExcelJS.Worksheet, doc: RenaksiDocument, width: number): number {
  let r = HEADER_ROW + 3;
  doc.aspects.forEach((aspect, ai) => {
    const group = ws.getCell(r, 1);
    group.value = roman(ai + 1);
    styleCell(group, { bold: true, fill: GROUP_FILL, align: 'center' });
    ws.mergeCells(r, 2, r, width);
    const title = ws.getCell(r, 2);
    title.value = `Aspek ${aspect.code}. ${aspect.name}`;
    for (let c = 2; c <= width; c++) styleCell(ws.getCell(r, c), { bold: true, fill: GROUP_FILL });
    r++;
    aspect.rows.forEach((row, i) => {
      const values: (string | number | null)[] = [
        `${roman(ai + 1)}.${i + 1}`,
        ...TEXT_COLUMNS.map((c) => row[c.key] as string),
        ...doc.years.map((y) => row.targets[String(y)] ?? null),
        ...TAIL_COLUMNS.map((c) => row[c.key] as string),
      ];
      values.forEach((v, ci) => {
        const cell = ws.getCell(r, ci + 1);
        cell.value = v;
        const isTarget = ci > TEXT_COLUMNS.length && ci <= TEXT_COLUMNS.length + doc.years.length;
        styleCell(cell, { align: ci === 0 || isTarget ? 'center' : 'left', numFmt: isTarget ? '0' : undefined });
      });
      r++;
    });
  });
  return r;
}

function writeSignature(ws: ExcelJS.Worksheet, startRow: number, width: number, sig: RenaksiDocument['signature']): void {
  const col = Math.max(1, width - 3);
  const lines: [string, boolean][] = [
    [`${sig.place}, ${sig.date}`, false],
    [sig.office, true],
    ['', false],
    ['', false],
    ['', false],
    [sig.name, true],
    [sig.nip ? `NIP. ${sig.nip}` : '', false],
  ];
  lines.forEach(([text, bold], i) => {
    const r = startRow + 1 + i;
    ws.mergeCells(r, col, r, width);
    const cell = ws.getCell(r, col);
    cell.value = text;
    cell.font = { name: FONT, size: 10, bold, underline: bold && i === 5 };
    cell.alignment = { horizontal: 'center' };
  });
}

/**
 * Builds the Renaksi document: the plan sheet (title block, merged group headers, numbered rows under aspects,
 * print setup for a Keputusan Bupati attachment, signature block) and the assessment recap sheets.
 */
export function buildRenaksiWorkbook(doc: RenaksiDocument): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'SP4N-LAPOR! Penilaian Mandiri';
  wb.created = new Date();
  const ws = wb.addWorksheet(RENAKSI_SHEET, {
    pageSetup: {
      paperSize: PAPER_SIZE[doc.paper] as ExcelJS.PaperSize,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW + 2}`,
    },
    headerFooter: { oddFooter: '&CHalaman &P dari &N', evenFooter: '&CHalaman &P dari &N' },
    views: [{ state: 'frozen', ySplit: HEADER_ROW + 2, xSplit: 0 }],
  });
  const width = 1 + TEXT_COLUMNS.length + doc.years.length + TAIL_COLUMNS.length;
  const span = `${doc.years[0]}–${doc.years[doc.years.length - 1]}`;
  addTitle(ws, 1, width, `RENCANA AKSI SP4N-LAPOR! ${doc.regionName.toUpperCase()}`, 14);
  addTitle(ws, 2, width, `TAHUN ${span}`, 12);
  addTitle(ws, 3, width, `Disusun berdasarkan hasil ${doc.periodName}`, 10);
  ws.getRow(3).font = { name: FONT, size: 10, italic: true };
  ws.columns = [
    { width: 7 },
    ...TEXT_COLUMNS.map((c) => ({ width: c.width })),
    ...doc.years.map(() => ({ width: 8 })),
    ...TAIL_COLUMNS.map((c) => ({ width: c.width })),
  ];
  writeHeader(ws, doc.years);
  const end = writeRows(ws, doc, width);
  writeSignature(ws, end, width, doc.signature);
  addRecapSheets(wb, doc.recap);
  return wb;
}
