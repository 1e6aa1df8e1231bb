import ExcelJS from 'exceljs';
import { buildRenaksiWorkbook, type RenaksiDocRow, type RenaksiDocument } from '../../src/renaksi/renaksi-workbook';
import type { RecapData } from '../../src/exports/recap-sheets';

const HEADERS_BEFORE_TARGETS = [
  'No',
  'Aspek',
  'Permasalahan / Kesenjangan',
  'Sasaran',
  'Kegiatan (Rencana Aksi)',
  'Indikator Keberhasilan (Output, Satuan)',
];
const HEADERS_AFTER_TARGETS = [
  'Waktu Pelaksanaan (Triwulan)',
  'Penanggung Jawab dan Pihak Terkait',
  'Anggaran dan Sumber Dana',
  'Dukungan yang Dibutuhkan (Kebijakan, Kelembagaan, Sumber Daya)',
  'Bukti Dukung / Cara Verifikasi',
  'Realisasi / Status',
];

function buildDocRow(tag: string, overrides: Partial<RenaksiDocRow> = {}): RenaksiDocRow {
  return {
    aspect: `Aspek ${tag}`,
    problem: `Masalah ${tag}`,
    goal: `Sasaran ${tag}`,
    activity: `Kegiatan ${tag}`,
    outputIndicator: `Keluaran ${tag}`,
    targets: { '2022': 2, '2023': 3, '2024': 4 },
    schedule: 'TW I–IV',
    responsible: `PJ ${tag}`,
    budget: `APBD ${tag}`,
    support: `Dukungan ${tag}`,
    verification: `Bukti ${tag}`,
    realization: `Realisasi ${tag}`,
    ...overrides,
  };
}

// Recap numbers, instrument A 40 % / B 60 %:
// Bappeda:  A 75, B 50  → (40*75 + 60*50)/100 = 60 (Sedang)
// Telen:    A 100, B 75 → (40*100 + 60*75)/100 = 85 (Sangat Baik)
// Busang:   A 50, B has an unanswered indicator → incomplete, not counted
// kabupaten: index (60 + 85)/2 = 72.5 (Baik); A (75 + 100)/2 = 87.5; B (50 + 75)/2 = 62.5
function buildRecap(overrides: Partial<RecapData> = {}): RecapData {
  return {
    periodName: 'Penilaian Mandiri 2022',
    basisLabel: 'Level terverifikasi',
    index: 72.5,
    category: 'Baik',
    includedCount: 2,
    unitTotal: 3,
    uncounted: ['1 belum mengajukan penilaian'],
    aspects: [
      { code: 'A', name: 'Kebijakan dan Komitmen Pimpinan', weight: 40, score: 87.5, pd: 75, kecamatan: 100 },
      { code: 'B', name: 'Kelembagaan dan SDM Pengelola', weight: 60, score: 62.5, pd: 50, kecamatan: 75 },
    ],
    units: [
      { code: 'PD-01', name: 'Bappeda', group: 'Perangkat daerah', status: 'Terverifikasi', index: 60, category: 'Sedang', aspectScores: { A: 75, B: 50 } },
      { code: 'KEC-15', name: 'Telen', group: 'Kecamatan', status: 'Dikirim', index: 85, category: 'Sangat Baik', aspectScores: { A: 100, B: 75 } },
      { code: 'KEC-03', name: 'Busang', group: 'Kecamatan', status: 'Draf', index: null, category: null, aspectScores: { A: 50, B: null } },
    ],
    gaps: [
      { unit: 'Bappeda', group: 'Perangkat daerah', indicator: 'A1', title: 'Judul A1', level: 2, target: 4, gap: 2 },
      { unit: 'Telen', group: 'Kecamatan', indicator: 'B2', title: 'Judul B2', level: 3, target: 4, gap: 1 },
    ],
    ...overrides,
  };
}

function buildDocument(overrides: Partial<RenaksiDocument> = {}): RenaksiDocument {
  return {
    regionName: 'Kabupaten Kutai Timur',
    periodName: 'Penilaian Mandiri 2022',
    years: [2022, 2023, 2024],
    aspects: [
      { code: 'A', name: 'Kebijakan dan Komitmen Pimpinan', rows: [buildDocRow('A1'), buildDocRow('A2', { targets: { '2022': 1, '2023': 2, '2024': 3 } })] },
      { code: 'B', name: 'Kelembagaan dan SDM Pengelola', rows: [buildDocRow('B1', { targets: { '2022': 4, '2023': 4, '2024': 4 } })] },
    ],
    paper: 'folio',
    signature: { place: 'Sangatta', date: '1 Juli 2022', office: 'BUPATI KUTAI TIMUR', name: 'Nama Penandatangan', nip: '197001012000031001' },
    recap: buildRecap(),
    unitTotal: 57,
    ...overrides,
  };
}

/** Writes the workbook to a buffer and reads it back as a fresh workbook, as Excel would open it. */
async function roundTrip(doc: RenaksiDocument): Promise<ExcelJS.Workbook> {
  const buffer = await buildRenaksiWorkbook(doc).xlsx.writeBuffer();
  const read = new ExcelJS.Workbook();
  await read.xlsx.load(buffer as ArrayBuffer);
  return read;
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`sheet ${name} missing`);
  return ws;
}

function rowValues(ws: ExcelJS.Worksheet, row: number, from: number, to: number): ExcelJS.CellValue[] {
  return Array.from({ length: to - from + 1 }, (_, i) => ws.getCell(row, from + i).value);
}

// With three plan years the plan sheet has 1 + 5 + 3 + 6 = 15 columns (A…O); targets in G, H, I.
describe('buildRenaksiWorkbook: plan sheet', () => {
  let wb: ExcelJS.Workbook;
  let ws: ExcelJS.Worksheet;

  beforeAll(async () => {
    wb = await roundTrip(buildDocument());
    ws = sheet(wb, 'Renaksi');
  });

  it('puts the plan sheet first, then the three recap sheets', () => {
    const names = wb.worksheets.map((w) => w.name);

    expect(names).toEqual(['Renaksi', 'Ringkasan', 'Skor per Unit', 'Kesenjangan']);
  });

  it('writes the title block merged across the whole table', () => {
    const merges = ws.model.merges;

    expect(ws.getCell('A1').value).toBe('RENCANA AKSI SP4N-LAPOR! KABUPATEN KUTAI TIMUR');
    expect(ws.getCell('A2').value).toBe('TAHUN 2022–2024');
    expect(ws.getCell('A3').value).toBe('Disusun berdasarkan hasil Penilaian Mandiri 2022');
    expect(merges).toEqual(expect.arrayContaining(['A1:O1', 'A2:O2', 'A3:O3']));
  });

  it('writes the column headers in row 5 in the SPEC order with one year cell per plan year in row 6', () => {
    const headers = rowValues(ws, 5, 1, 15);
    const years = rowValues(ws, 6, 7, 9);

    expect(headers).toEqual([
      ...HEADERS_BEFORE_TARGETS,
      'Target per Tahun (jumlah unit yang mencapai tingkat target)',
      'Target per Tahun (jumlah unit yang mencapai tingkat target)',
      'Target per Tahun (jumlah unit yang mencapai tingkat target)',
      ...HEADERS_AFTER_TARGETS,
    ]);
    expect(years).toEqual([2022, 2023, 2024]);
  });

  it('merges each header over rows 5–6 and the target header over the year columns', () => {
    const merges = ws.model.merges;

    expect(merges).toEqual(expect.arrayContaining(['G5:I5']));
    expect(merges).toEqual(expect.arrayContaining(['A5:A6', 'B5:B6', 'F5:F6', 'J5:J6', 'O5:O6']));
    expect(merges).not.toEqual(expect.arrayContaining(['G5:G6']));
  });

  it('numbers the columns (1)…(15) in row 7', () => {
    const numbers = rowValues(ws, 7, 1, 15);

    expect(numbers).toEqual(Array.from({ length: 15 }, (_, i) => `(${i + 1})`));
  });

  it('numbers aspect groups I, II and their rows I.1, I.2, II.1 in column A', () => {
    const numbering = [8, 9, 10, 11, 12].map((r) => ws.getCell(r, 1).value);

    expect(numbering).toEqual(['I', 'I.1', 'I.2', 'II', 'II.1']);
    expect(ws.getCell('B8').value).toBe('Aspek A. Kebijakan dan Komitmen Pimpinan');
    expect(ws.getCell('B11').value).toBe('Aspek B. Kelembagaan dan SDM Pengelola');
    expect(ws.model.merges).toEqual(expect.arrayContaining(['B8:O8', 'B11:O11']));
  });

  it('writes each row’s texts in the column order of the header', () => {
    const row = rowValues(ws, 9, 1, 15);

    expect(row).toEqual([
      'I.1',
      'Aspek A1',
      'Masalah A1',
      'Sasaran A1',
      'Kegiatan A1',
      'Keluaran A1',
      2,
      3,
      4,
      'TW I–IV',
      'PJ A1',
      'APBD A1',
      'Dukungan A1',
      'Bukti A1',
      'Realisasi A1',
    ]);
  });

  it('stores the yearly targets as numbers', () => {
    const targets = [9, 10, 12].map((r) => rowValues(ws, r, 7, 9));

    expect(targets).toEqual([
      [2, 3, 4],
      [1, 2, 3],
      [4, 4, 4],
    ]);
    expect(targets.flat().every((v) => typeof v === 'number')).toBe(true);
    expect(ws.getCell('G9').numFmt).toBe('0');
  });

  it('wraps and borders the table cells', () => {
    const cell = ws.getCell('C9');

    expect(cell.alignment).toMatchObject({ wrapText: true, vertical: 'top' });
    expect(cell.border).toMatchObject({ top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } });
    expect(ws.getCell('C5').font).toMatchObject({ bold: true });
  });

  it('prints landscape on Folio (paper size 14) with rows 5–7 repeated on every page', () => {
    const setup = ws.pageSetup;

    expect(setup).toMatchObject({ orientation: 'landscape', paperSize: 14, printTitlesRow: '5:7', fitToPage: true, fitToWidth: 1 });
  });

  it('freezes the view below the header rows (ySplit 7)', () => {
    const [view] = ws.views;

    expect(view).toMatchObject({ state: 'frozen', ySplit: 7 });
  });

  it('prints page numbers in the footer', () => {
    const footer = ws.headerFooter.oddFooter;

    expect(footer).toContain('&P');
  });

  it('fits the columns across landscape Folio at 100 %: 5 for No, 4,5 per year, texts by weight', () => {
    const widths = Array.from({ length: 15 }, (_, i) => ws.getColumn(i + 1).width);

    // available = (13 − 2 × 0,4) in × 96 px ÷ 7 px per unit × 0,96 = 160,62; fixed 5 + 3 × 4,5 = 18,5.
    // By weight Aspek (10,4) is below its body word "Penganggaran" (11,14 → held at 11,5) and Waktu (8,0) below its
    // header word "Pelaksanaan" (10,08 → 10,5); the rest share 120,12 over weight 130,5 = 0,9205 each, rounded down
    // to halves: Permasalahan 20 → 18, Sasaran 15 → 13,5, PJ 14 → 12,5, Anggaran 10 → 9 (written 8,5), Dukungan 12,5 → 11,5.
    expect(widths).toEqual([5, 11.5, 18, 13.5, 18, 13.5, 4.5, 4.5, 4.5, 10.5, 12.5, 8.5, 11.5, 12.5, 8.5]);
    expect(widths.reduce((s: number, w) => s + (w ?? 0), 0) * 7).toBeLessThanOrEqual((13 - 0.8) * 96);
  });

  it('adds the signature block under the table, right-aligned over the last four columns', () => {
    // table ends on row 12; the block starts on row 14 in column L (15 − 3)
    const block = [14, 15, 16, 17, 18, 19, 20].map((r) => ws.getCell(r, 12).value);

    expect(block).toEqual(['Sangatta, 1 Juli 2022', 'BUPATI KUTAI TIMUR', '', '', '', 'Nama Penandatangan', 'NIP. 197001012000031001']);
    expect(ws.model.merges).toEqual(expect.arrayContaining(['L14:O14', 'L15:O15', 'L19:O19', 'L20:O20']));
    expect(ws.getCell('L15').font).toMatchObject({ bold: true });
    expect(ws.getCell('L19').font).toMatchObject({ bold: true, underline: true });
  });
});

describe('buildRenaksiWorkbook: paper and plan years', () => {
  it('uses A4 (paper size 9) when asked', async () => {
    const wb = await roundTrip(buildDocument({ paper: 'a4' }));

    const setup = sheet(wb, 'Renaksi').pageSetup;

    expect(setup).toMatchObject({ orientation: 'landscape', paperSize: 9, printTitlesRow: '5:7' });
  });

  it('adds one target column per plan year for a 2022–2026 plan', async () => {
    const targets = { '2022': 1, '2023': 2, '2024': 3, '2025': 4, '2026': 4 };
    const doc = buildDocument({
      years: [2022, 2023, 2024, 2025, 2026],
      aspects: [{ code: 'A', name: 'Kebijakan dan Komitmen Pimpinan', rows: [buildDocRow('A1', { targets })] }],
    });

    const ws = sheet(await roundTrip(doc), 'Renaksi');

    // 1 + 5 + 5 + 6 = 17 columns (A…Q); targets in G…K, the tail starts at L
    expect(ws.getCell('A2').value).toBe('TAHUN 2022–2026');
    expect(ws.model.merges).toEqual(expect.arrayContaining(['A1:Q1', 'G5:K5', 'L5:L6', 'Q5:Q6', 'B8:Q8']));
    expect(rowValues(ws, 6, 7, 11)).toEqual([2022, 2023, 2024, 2025, 2026]);
    expect(rowValues(ws, 9, 7, 11)).toEqual([1, 2, 3, 4, 4]);
    expect(rowValues(ws, 5, 12, 17)).toEqual(HEADERS_AFTER_TARGETS);
  });

  it('leaves the NIP line empty when no NIP is given', async () => {
    const doc = buildDocument({ signature: { place: 'Sangatta', date: '1 Juli 2022', office: 'BUPATI KUTAI TIMUR', name: 'Nama', nip: '' } });

    const ws = sheet(await roundTrip(doc), 'Renaksi');

    expect(ws.getCell('L20').value).toBe('');
  });
});

describe('buildRenaksiWorkbook: recap sheets', () => {
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    wb = await roundTrip(buildDocument());
  });

  it('summarises the kabupaten index, category, unit count and level basis in Ringkasan', () => {
    const ws = sheet(wb, 'Ringkasan');

    const facts = [3, 4, 5, 6].map((r) => [ws.getCell(r, 2).value, ws.getCell(r, 3).value]);

    expect(ws.getCell('A1').value).toBe('Ringkasan Hasil Penilaian Mandiri 2022');
    expect(facts).toEqual([
      ['Indeks kabupaten', 72.5],
      ['Kategori', 'Baik'],
      ['Jumlah unit yang dihitung', '2 dari 3 unit (tidak dihitung: 1 belum mengajukan penilaian)'],
      ['Dasar level', 'Level terverifikasi'],
    ]);
    expect(ws.getCell('C3').numFmt).toBe('0.00');
    expect(ws.getCell('C4').fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF5EC962' } });
  });

  it('lists each aspect with weight and kabupaten, PD and kecamatan scores as numbers in Ringkasan', () => {
    const ws = sheet(wb, 'Ringkasan');

    const table = [8, 9, 10].map((r) => rowValues(ws, r, 1, 6));

    expect(table).toEqual([
      ['Kode', 'Aspek', 'Bobot (%)', 'Skor kabupaten', 'Perangkat daerah', 'Kecamatan'],
      ['A', 'Kebijakan dan Komitmen Pimpinan', 40, 87.5, 75, 100],
      ['B', 'Kelembagaan dan SDM Pengelola', 60, 62.5, 50, 75],
    ]);
    expect(ws.getCell('D9').numFmt).toBe('0.00');
  });

  it('says the index cannot be computed yet when no unit counts', async () => {
    const doc = buildDocument({ recap: buildRecap({ index: null, category: null, includedCount: 0, uncounted: ['3 belum mengajukan penilaian'] }) });

    const ws = sheet(await roundTrip(doc), 'Ringkasan');

    expect(ws.getCell('C3').value).toBeNull();
    expect(ws.getCell('C4').value).toBe('Belum dapat dihitung');
    expect(ws.getCell('C5').value).toBe('0 dari 3 unit (tidak dihitung: 3 belum mengajukan penilaian)');
  });

  it('writes the units × aspects matrix with index and category in Skor per Unit', () => {
    const ws = sheet(wb, 'Skor per Unit');

    const table = [3, 4, 5, 6].map((r) => rowValues(ws, r, 1, 8));

    expect(table).toEqual([
      ['Kode', 'Unit', 'Kelompok', 'Status', 'Aspek A', 'Aspek B', 'Indeks', 'Kategori'],
      ['PD-01', 'Bappeda', 'Perangkat daerah', 'Terverifikasi', 75, 50, 60, 'Sedang'],
      ['KEC-15', 'Telen', 'Kecamatan', 'Dikirim', 100, 75, 85, 'Sangat Baik'],
      ['KEC-03', 'Busang', 'Kecamatan', 'Draf', 50, null, null, 'Belum lengkap'],
    ]);
    expect(ws.getCell('G4').numFmt).toBe('0.00');
  });

  it('colours the category cells of Skor per Unit by category', () => {
    const ws = sheet(wb, 'Skor per Unit');

    const fills = ['H4', 'H5', 'H6'].map((a) => {
      const fill = ws.getCell(a).fill;
      return fill && fill.type === 'pattern' ? fill.fgColor?.argb : undefined;
    });

    expect(fills).toEqual(['FF3B528B', 'FFFDE725', undefined]);
  });

  it('lists the gaps with level, target and gap as numbers in Kesenjangan', () => {
    const ws = sheet(wb, 'Kesenjangan');

    const table = [3, 4, 5].map((r) => rowValues(ws, r, 1, 7));

    expect(table).toEqual([
      ['Unit', 'Kelompok', 'Indikator', 'Uraian indikator', 'Level saat ini', 'Target', 'Kesenjangan'],
      ['Bappeda', 'Perangkat daerah', 'A1', 'Judul A1', 2, 4, 2],
      ['Telen', 'Kecamatan', 'B2', 'Judul B2', 3, 4, 1],
    ]);
  });
});

describe('buildRenaksiWorkbook: print layout and the hidden row id', () => {
  let ws: ExcelJS.Worksheet;

  beforeAll(async () => {
    const long = 'Penanganan pengaduan belum dimuat dalam Standar Pelayanan maupun Maklumat Pelayanan di seluruh unit layanan. '.repeat(3);
    const doc = buildDocument({
      aspects: [
        { code: 'A', name: 'Kebijakan dan Komitmen Pimpinan', rows: [buildDocRow('A1', { rowKey: 'R12-V3' }), buildDocRow('A2', { rowKey: 'R13-V1', problem: long })] },
      ],
    });
    ws = sheet(await roundTrip(doc), 'Renaksi');
  });

  it('writes each row’s id and version in a hidden column after the document (P), headed as not to be changed', () => {
    expect(ws.getColumn(16).hidden).toBe(true);
    expect(ws.getCell('P5').value).toBe('ID baris (jangan diubah)');
    expect([ws.getCell('P9').value, ws.getCell('P10').value]).toEqual(['R12-V3', 'R13-V1']);
  });

  it('prints only the document columns and the signature block (A1:O18)', () => {
    // table rows 8–10, one blank row, signature rows 12–18
    expect(ws.pageSetup.printArea).toBe('A1:O18');
  });

  it('sizes rows by their text: a one-line row stays short, a long problem text gets a tall row', () => {
    // I.1: every text fits one line except "Realisasi A1" (12 characters) in Realisasi, 8,5 units →
    // (59,5 − 4) px ÷ 6 px = 9 characters per line → 2 lines × 11,25 pt + 4 pt
    expect(ws.getRow(9).height).toBe(2 * 11.25 + 4);
    // I.2: 330 characters in Permasalahan (18 units → 122 px ÷ 6 = 20 characters per line) → many lines
    expect(ws.getRow(10).height).toBeGreaterThan(15 * 11.25);
    // the header row holds the longest header wrapped in bold 8 pt
    expect(ws.getRow(5).height).toBeGreaterThan(30);
  });

  it('lets only whole numbers of units, 0 to the units of the period, be typed into the target cells', () => {
    expect(ws.getCell('H9').dataValidation).toMatchObject({ type: 'whole', operator: 'between', formulae: [0, 57], showErrorMessage: true });
    expect(ws.getCell('J9').dataValidation).toBeUndefined();
  });

  it('uses 9 pt Arial in the table and 8 pt bold in the headers', () => {
    expect(ws.getCell('C9').font).toMatchObject({ name: 'Arial', size: 9 });
    expect(ws.getCell('C5').font).toMatchObject({ name: 'Arial', size: 8, bold: true });
  });
});

describe('buildRenaksiWorkbook: a long plan', () => {
  it('widens the No column so "I.147" stays on one line', async () => {
    const rows = Array.from({ length: 147 }, (_, i) => buildDocRow(`A${i}`));
    const ws = sheet(await roundTrip(buildDocument({ aspects: [{ code: 'A', name: 'Kebijakan dan Komitmen Pimpinan', rows }] })), 'Renaksi');

    // "I.147" is 5 characters: (5 × 6 px + 6 px) ÷ 7 px = 5,14 → 5,5 units
    expect(ws.getCell(8 + 147, 1).value).toBe('I.147');
    expect(ws.getColumn(1).width).toBe(5.5);
  });
});
