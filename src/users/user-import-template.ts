import ExcelJS from 'exceljs';
import { FONT, styleCell, styleHeader } from '../shared/workbook-style';
import { formatInt, GROUP_LABELS } from '../shared/format';
import type { Unit } from '../units';
import { ROLE_CHOICES, USER_IMPORT_COLUMNS, USER_IMPORT_MAX_ROWS, USER_IMPORT_SHEET } from './user-import';
import { DISPLAY_NAME_MAX } from './users.schemas';

export const UNITS_SHEET = 'Kode Unit';
export const GUIDE_SHEET = 'Petunjuk';

const GUIDE_LINES = [
  `Isi satu akun per baris pada lembar "${USER_IMPORT_SHEET}" mulai baris 2; jangan ubah judul kolom di baris 1.`,
  `${USER_IMPORT_COLUMNS.username}: 3–40 karakter (huruf, angka, titik, garis bawah, tanda hubung), tidak boleh dipakai dua kali.`,
  `${USER_IMPORT_COLUMNS.displayName}: nama orang yang memegang akun, maksimal ${formatInt(DISPLAY_NAME_MAX)} karakter.`,
  `${USER_IMPORT_COLUMNS.role}: salah satu dari ${ROLE_CHOICES.join(', ')} (huruf besar/kecil bebas; boleh juga "Admin", "Fasilitator", "Tim Renaksi").`,
  `${USER_IMPORT_COLUMNS.phone} (boleh dikosongkan): nomor ponsel/WhatsApp narahubung, diawali 08, +62 atau 62 (misalnya 0812 3456 7890), untuk pengingat pelaporan. Bila kolom ini dihapus dari berkas, nomor yang tersimpan tidak berubah; sel kosong menghapus nomor akun itu.`,
  `${USER_IMPORT_COLUMNS.unitCode}: wajib untuk narahubung, diisi kode unit yang aktif (lihat lembar "${UNITS_SHEET}"); untuk peran lain dikosongkan atau diabaikan.`,
  'Nama pengguna yang sudah ada: nama lengkap, peran dan unitnya diperbarui sesuai berkas; kata sandinya tidak berubah.',
  'Akun baru belum punya kata sandi: setelah impor diterapkan, admin mendapat tautan atur kata sandi sekali pakai untuk setiap akun baru.',
  `Ketik nilai langsung (tanpa rumus). Maksimal ${formatInt(USER_IMPORT_MAX_ROWS)} baris per berkas. Simpan sebagai .xlsx, atau sebagai CSV UTF-8.`,
];

/**
 * The template admins fill for a bulk import: the sheet the import reads (header row, drop-down lists of roles and
 * active unit codes), a guide, and the active units with their codes. Pure: units in, workbook out.
 */
export function buildUserImportTemplate(units: Unit[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'SP4N-LAPOR! Penilaian Mandiri';
  const ws = wb.addWorksheet(USER_IMPORT_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const headers = Object.values(USER_IMPORT_COLUMNS);
  ws.columns = headers.map((h, i) => ({ header: h, width: [22, 36, 24, 18, 20][i] }));
  // NOTE: typed as a number, 0812… would lose its leading 0; the column is text.
  ws.getColumn(5).numFmt = '@';
  headers.forEach((_h, i) => styleHeader(ws.getCell(1, i + 1)));
  const active = units.filter((u) => u.active);
  // NOTE: an inline list is limited to 255 characters in Excel; the role labels fit.
  const roleList: ExcelJS.DataValidation = {
    type: 'list', allowBlank: true, formulae: [`"${ROLE_CHOICES.join(',')}"`],
    showErrorMessage: true, errorStyle: 'warning', errorTitle: 'Peran', error: `Isi salah satu: ${ROLE_CHOICES.join(', ')}.`,
  };
  const unitList: ExcelJS.DataValidation = {
    type: 'list', allowBlank: true, formulae: [`'${UNITS_SHEET}'!$A$2:$A$${active.length + 1}`],
    showErrorMessage: true, errorStyle: 'warning', errorTitle: 'Kode unit', error: `Pilih kode unit dari lembar "${UNITS_SHEET}".`,
  };
  // NOTE: exceljs has worksheet.dataValidations.add(range, …) but its typings omit it; set per cell instead, the
  // writer squeezes 10.000 cells back into two ranges, which takes about a second.
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  validations.add(`C2:C${USER_IMPORT_MAX_ROWS + 1}`, roleList);
  if (active.length > 0) validations.add(`D2:D${USER_IMPORT_MAX_ROWS + 1}`, unitList);

  const guide = wb.addWorksheet(GUIDE_SHEET);
  guide.getColumn(1).width = 110;
  guide.getCell(1, 1).value = 'Petunjuk impor pengguna';
  guide.getCell(1, 1).font = { name: FONT, size: 12, bold: true };
  GUIDE_LINES.forEach((line, i) => {
    const cell = guide.getCell(i + 3, 1);
    cell.value = `${i + 1}. ${line}`;
    cell.font = { name: FONT, size: 10 };
    cell.alignment = { wrapText: true, vertical: 'top' };
  });

  const list = wb.addWorksheet(UNITS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  list.columns = [{ header: 'Kode unit', width: 18 }, { header: 'Nama unit', width: 48 }, { header: 'Kelompok', width: 20 }];
  [1, 2, 3].forEach((c) => styleHeader(list.getCell(1, c)));
  active.forEach((u, i) => {
    [u.code, u.name, GROUP_LABELS[u.group]].forEach((v, c) => {
      const cell = list.getCell(i + 2, c + 1);
      cell.value = v;
      styleCell(cell);
    });
  });
  return wb;
}
