import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { addTitle, styleCell, styleHeader } from '../shared/workbook-style';
import { UNIT_LIST_HEADERS, unitListRow, type UnitListUnit } from './unit-import';

export const UNIT_TEMPLATE_FILE = 'units-kutai-timur.json';

/** templates/units-kutai-timur.json: the units in their official order (a unit's position is its order). */
const UNITS_FILE_SCHEMA = z.object({
  units: z.array(
    z.object({
      code: z.string().min(1),
      name: z.string().min(1),
      group: z.enum(['pd', 'kecamatan']),
      abbreviation: z.string().default(''),
      needsConfirmation: z.boolean().default(false),
      provisional: z.boolean().default(false),
    }),
  ),
});
export type TemplateUnit = z.infer<typeof UNITS_FILE_SCHEMA>['units'][number];

/** The Kutai Timur unit list shipped in templates/, in its official order. */
export function readUnitTemplate(templatesDir: string): TemplateUnit[] {
  const file = path.join(templatesDir, UNIT_TEMPLATE_FILE);
  return UNITS_FILE_SCHEMA.parse(JSON.parse(fs.readFileSync(file, 'utf8'))).units;
}

const WIDTHS = [9, 24, 58, 20, 18, 18, 14];
const HEADER_ROW = 3;

/** Row 2, above the header: how the optional columns are read back (the import skips rows above the header). */
export const UNIT_LIST_NOTE =
  'Kolom Dinilai mulai tahun: tahun pertama unit dinilai (mis. 2023 untuk unit yang dibentuk tahun 2023). Sel yang dikosongkan tidak mengubah tahun yang tersimpan; untuk menghapus tahunnya (unit dinilai di setiap periode) gunakan halaman Ubah unit.';

/**
 * A unit list as a workbook the units import reads back as it is: a title, a note on the optional columns
 * (UNIT_LIST_NOTE), then the header row (UNIT_LIST_HEADERS) and one row per unit with its position in the official order. Pure: units in, workbook out.
 */
export function buildUnitListWorkbook(title: string, units: UnitListUnit[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'SP4N-LAPOR! Penilaian Mandiri';
  const ws = wb.addWorksheet('Daftar Unit', {
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
    pageSetup: { orientation: 'portrait', paperSize: 9 as ExcelJS.PaperSize, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}` },
  });
  ws.columns = WIDTHS.map((width) => ({ width }));
  addTitle(ws, 1, WIDTHS.length, title);
  ws.mergeCells(2, 1, 2, WIDTHS.length);
  const note = ws.getCell(2, 1);
  note.value = UNIT_LIST_NOTE;
  note.alignment = { wrapText: true, vertical: 'top' };
  ws.getRow(2).height = 30;
  UNIT_LIST_HEADERS.forEach((h, i) => {
    const cell = ws.getCell(HEADER_ROW, i + 1);
    cell.value = h;
    styleHeader(cell);
  });
  units.forEach((u, i) => {
    unitListRow(u, u.sortOrder ?? i + 1).forEach((v, c) => {
      const cell = ws.getCell(HEADER_ROW + 1 + i, c + 1);
      cell.value = v;
      styleCell(cell, { align: c === 0 ? 'right' : 'left' });
    });
  });
  return wb;
}
