import ExcelJS from 'exceljs';
import { buildRenaksiWorkbook, type RenaksiDocRow, type RenaksiDocument } from '../../src/renaksi/renaksi-workbook';
import { buildRenaksiXlsx } from '../../src/renaksi/renaksi-workbook.task';
import { readWorkbook } from '../helpers/workbook';
import type { RecapData } from '../../src/exports/recap-sheets';

const LEADING = ['No', 'Sasaran', 'Permasalahan / Kondisi Awal', 'Kegiatan', 'Indikator Keberhasilan (Output, Satuan)', 'Baseline'];
const TAIL = [
  'Waktu (Triwulan)',
  'Penanggung Jawab',
  'Unit Sasaran',
  'Program / Kegiatan / Sub Kegiatan (DPA)',
  'Anggaran dan Sumber Dana',
  'Dukungan Kebijakan, Kelembagaan, Sumber Daya',
  'Bukti Dukung / Cara Verifikasi',
];

function buildDocRow(tag: string, overrides: Partial<RenaksiDocRow> = {}): RenaksiDocRow {
  return {
    goal: `Sasaran ${tag}`,
    problem: `Masalah ${tag}`,
    activity: `Kegiatan ${tag}`,
    outputIndicator: `Keluaran ${tag}`,
    baseline: `21 dari 57 unit ${tag}`,
    targets: { '2022': 30, '2023': 45, '2024': 57 },
    outputTargets: { '2022': '9 SOP', '2023': '15 SOP', '2024': '12 SOP' },
    schedule: 'TW III 2022 – TW IV 2024',
    responsible: `PJ ${tag}`,
    unitScope: `20 PD, 16 kecamatan (lihat Lampiran II) ${tag}`,
    dpa: `Program ${tag}`,
    budget: 'Sesuai DPA masing-masing PD',
    support: `Dukungan ${tag}`,
    verification: `Bukti ${tag}`,
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
    basisLabel: 'Tingkat terverifikasi',
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
    // Gaps: Bappeda A1 2 → 4, Telen B2 3 → 4; Bappeda at target on B2 and Telen on A1.
    indicators: [{ code: 'A1', title: 'Judul A1', target: 4 }, { code: 'B2', title: 'Judul B2', target: 4 }],
    unitLevels: [
      { unit: 'Bappeda', group: 'Perangkat daerah', levels: [2, 4] },
      { unit: 'Telen', group: 'Kecamatan', levels: [4, 3] },
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
    decree: { nomor: '', tanggal: '' },
    closing: { office: 'BUPATI KUTAI TIMUR', name: 'Nama Penandatangan', place: 'Sangatta', date: '1 Juli 2022' },
    targetMap: {
      indicators: [{ code: 'A1', title: 'Judul A1' }, { code: 'B1', title: 'Judul B1' }],
      groups: [
        { label: 'A. PERANGKAT DAERAH', units: [{ name: 'Bappeda', cells: ['1→4', ''], notes: 'A1: catatan tim' }] },
        { label: 'B. KECAMATAN', units: [{ name: 'Busang', cells: ['0→3*', '–'], notes: '' }, { name: 'Telen', cells: ['', '2→4'], notes: '' }] },
      ],
    },
    recap: buildRecap(),
    unitTotal: 57,
    ...overrides,
  };
}

/**
 * Builds the workbook in memory, writes it to a buffer and reads it back as a fresh workbook, as Excel would open it.
 * (The worker streams it instead: buildRenaksiXlsx below reads back the same.)
 */
async function roundTrip(doc: RenaksiDocument): Promise<ExcelJS.Workbook> {
  return readWorkbook(await (await buildRenaksiWorkbook(doc, new ExcelJS.Workbook())).xlsx.writeBuffer());
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`sheet ${name} missing`);
  return ws;
}

function rowValues(ws: ExcelJS.Worksheet, row: number, from: number, to: number): ExcelJS.CellValue[] {
  return Array.from({ length: to - from + 1 }, (_, i) => ws.getCell(row, from + i).value);
}

// Three plan years: 6 leading columns (A–F), unit counts G–I, output targets J–L, 7 tail columns M–S, row id T.
// Header rows 8–10; group I on row 11, I.1 12, I.2 13, group II 14, II.1 15.
describe('buildRenaksiWorkbook: Lampiran I', () => {
  let wb: ExcelJS.Workbook;
  let ws: ExcelJS.Worksheet;

  beforeAll(async () => {
    wb = await roundTrip(buildDocument());
    ws = sheet(wb, 'Lampiran I');
  });

  it('puts Lampiran I, Lampiran II, then the three recap sheets', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Lampiran I', 'Lampiran II', 'Ringkasan', 'Skor per Unit', 'Kesenjangan']);
  });

  it('opens with the lampiran block of the Keputusan Bupati, number and date blank until set', () => {
    const block = [1, 2, 3, 4].map((r) => [ws.getCell(r, 14).value, ws.getCell(r, 15).value]);

    expect(block[0]?.[0]).toBe('LAMPIRAN I KEPUTUSAN BUPATI KUTAI TIMUR');
    expect(block.slice(1)).toEqual([
      ['NOMOR', ': '],
      ['TANGGAL', ': '],
      ['TENTANG', ': RENCANA AKSI PENGELOLAAN PENGADUAN PELAYANAN PUBLIK MELALUI SP4N-LAPOR! KABUPATEN KUTAI TIMUR TAHUN 2022–2024'],
    ]);
    expect(ws.model.merges).toEqual(expect.arrayContaining(['N1:S1', 'O4:S4']));
  });

  it('prints the decree number and date once the team sets them', async () => {
    const other = sheet(await roundTrip(buildDocument({ decree: { nomor: '130/K.512/2022', tanggal: '4 Agustus 2022' } })), 'Lampiran I');

    expect([other.getCell('O2').value, other.getCell('O3').value]).toEqual([': 130/K.512/2022', ': 4 Agustus 2022']);
  });

  it('writes the column headers in the SPEC order, units and output targets per year, numbered (1)…(19)', () => {
    expect(rowValues(ws, 8, 1, 6)).toEqual(LEADING);
    expect(ws.getCell('G8').value).toBe('Target per Tahun (jumlah unit yang mencapai tingkat target)');
    expect(ws.getCell('J8').value).toBe('Target Output per Tahun');
    expect(rowValues(ws, 9, 7, 12)).toEqual([2022, 2023, 2024, 2022, 2023, 2024]);
    expect(rowValues(ws, 8, 13, 19)).toEqual(TAIL);
    expect(ws.getCell('A10').value).toBe('(1)');
    expect(ws.getCell('S10').value).toBe('(19)');
    expect(ws.model.merges).toEqual(expect.arrayContaining(['A8:A9', 'G8:I8', 'J8:L8', 'S8:S9']));
  });

  it('groups the rows under sasaran I, II with rows I.1, I.2, II.1', () => {
    expect([ws.getCell('A11').value, ws.getCell('B11').value]).toEqual(['I', 'Sasaran I: Aspek A. Kebijakan dan Komitmen Pimpinan']);
    expect([ws.getCell('A12').value, ws.getCell('A13').value, ws.getCell('A14').value, ws.getCell('A15').value]).toEqual(['I.1', 'I.2', 'II', 'II.1']);
  });

  it('writes each row in the column order of the header: texts, counts as numbers, output targets, the tail', () => {
    expect(rowValues(ws, 12, 2, 19)).toEqual([
      'Sasaran A1', 'Masalah A1', 'Kegiatan A1', 'Keluaran A1', '21 dari 57 unit A1',
      30, 45, 57, '9 SOP', '15 SOP', '12 SOP',
      'TW III 2022 – TW IV 2024', 'PJ A1', '20 PD, 16 kecamatan (lihat Lampiran II) A1', 'Program A1', 'Sesuai DPA masing-masing PD', 'Dukungan A1', 'Bukti A1',
    ]);
  });

  it('keeps unit counts whole numbers that never decrease and never exceed the units', () => {
    for (const r of [12, 13, 15]) {
      const counts = rowValues(ws, r, 7, 9) as number[];
      expect(counts.every((n) => Number.isInteger(n) && n >= 0 && n <= 57)).toBe(true);
      expect(counts).toEqual([...counts].sort((a, b) => a - b));
    }
    expect(ws.getCell('H12').dataValidation).toMatchObject({ type: 'whole', operator: 'between', formulae: [0, 57] });
    expect(ws.getCell('K12').dataValidation).toBeUndefined();
  });

  it('prints landscape on F4 (paper 14) from page 1, header rows 8–10 repeated, page numbers of Lampiran I', () => {
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 14, printTitlesRow: '8:10', firstPageNumber: 1 });
    expect(ws.headerFooter.oddFooter).toContain('Lampiran I');
    expect(ws.headerFooter.oddFooter).toContain('Halaman &P');
    expect(ws.headerFooter.oddFooter).not.toContain('&N');
  });

  it('closes with place and date when set, "BUPATI KUTAI TIMUR," and the name', () => {
    const closing = [17, 18, 19, 20, 21, 22].map((r) => ws.getCell(r, 15).value);

    expect(closing).toEqual(['Sangatta, 1 Juli 2022', 'BUPATI KUTAI TIMUR,', '', '', '', 'Nama Penandatangan']);
    expect(ws.pageSetup.printArea).toBe('A1:S22');
  });

  it('leaves place and date out of the closing until the team sets a date', async () => {
    const doc = buildDocument({ closing: { office: 'BUPATI KUTAI TIMUR', name: 'Nama', place: 'Sangatta', date: '' } });

    const other = sheet(await roundTrip(doc), 'Lampiran I');

    expect([17, 18].map((r) => other.getCell(r, 15).value)).toEqual(['BUPATI KUTAI TIMUR,', '']);
  });

  it('keeps each row’s id and version in a hidden column T for uploading an edited copy', async () => {
    const doc = buildDocument({ aspects: [{ code: 'A', name: 'Aspek A', rows: [buildDocRow('A1', { rowKey: 'R12-V3' })] }] });

    const other = sheet(await roundTrip(doc), 'Lampiran I');

    expect(other.getColumn(20).hidden).toBe(true);
    expect([other.getCell('T8').value, other.getCell('T12').value]).toEqual(['ID baris (jangan diubah)', 'R12-V3']);
  });

  it('adds unit-count and output columns per plan year for a 2022–2026 plan', async () => {
    const doc = buildDocument({
      years: [2022, 2023, 2024, 2025, 2026],
      aspects: [{ code: 'A', name: 'Aspek A', rows: [buildDocRow('A1', { targets: { '2022': 1, '2023': 2, '2024': 3, '2025': 4, '2026': 4 } })] }],
    });

    const other = sheet(await roundTrip(doc), 'Lampiran I');

    // units G–K, outputs L–P, tail Q–W
    expect(rowValues(other, 12, 7, 11)).toEqual([1, 2, 3, 4, 4]);
    expect(other.getCell('L8').value).toBe('Target Output per Tahun');
    expect(rowValues(other, 8, 17, 23)).toEqual(TAIL);
    expect(other.getCell('S4').value).toContain('TAHUN 2022–2026');
  });
});

describe('buildRenaksiWorkbook: Lampiran II', () => {
  let ws: ExcelJS.Worksheet;

  beforeAll(async () => {
    ws = sheet(await roundTrip(buildDocument()), 'Lampiran II');
  });

  it('opens with the lampiran block II', () => {
    const first = ws.getRow(1).values as ExcelJS.CellValue[];
    expect(first).toContain('LAMPIRAN II KEPUTUSAN BUPATI KUTAI TIMUR');
  });

  it('lists units PD then kecamatan with one cell per indicator and the team’s notes', () => {
    expect(rowValues(ws, 8, 1, 5)).toEqual(['No', 'Unit', 'A1', 'B1', 'Catatan']);
    expect(ws.getCell('A9').value).toBe('A. PERANGKAT DAERAH');
    expect(rowValues(ws, 10, 1, 5)).toEqual([1, 'Bappeda', '1→4', '', 'A1: catatan tim']);
    expect(ws.getCell('A11').value).toBe('B. KECAMATAN');
    expect(rowValues(ws, 12, 1, 4)).toEqual([2, 'Busang', '0→3*', '–']);
    expect(rowValues(ws, 13, 1, 4)).toEqual([3, 'Telen', '', '2→4']);
  });

  it('explains the cells and names every indicator under the table', () => {
    expect(String(ws.getCell('A15').value)).toContain('tingkat saat ini → tingkat yang ditargetkan pada akhir tahun 2024');
    expect(String(ws.getCell('A16').value)).toContain('A1 Judul A1; B1 Judul B1');
  });

  it('prints landscape from its own page 1 with the header row repeated', () => {
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 14, printTitlesRow: '8:8', firstPageNumber: 1 });
    expect(ws.headerFooter.oddFooter).toContain('Lampiran II');
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
      ['Dasar tingkat', 'Tingkat terverifikasi'],
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

  it('numbers each recap sheet from its own page 1, with the sheet named in the footer', () => {
    const footers = ['Ringkasan', 'Skor per Unit', 'Kesenjangan'].map((name) => {
      const ws = sheet(wb, name);
      return [ws.pageSetup.firstPageNumber, ws.headerFooter.oddFooter];
    });

    expect(footers).toEqual([1, 1, 1].map((n) => [n, '&L&"Arial"&8&A&R&"Arial"&8Halaman &P']));
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
      ['Unit', 'Kelompok', 'Indikator', 'Uraian indikator', 'Tingkat saat ini', 'Target', 'Kesenjangan'],
      ['Bappeda', 'Perangkat daerah', 'A1', 'Judul A1', 2, 4, 2],
      ['Telen', 'Kecamatan', 'B2', 'Judul B2', 3, 4, 1],
    ]);
  });
});

/** What a read-back sheet shows and prints: every cell's value and style, merges, widths, heights, print and view. */
function sheetLook(ws: ExcelJS.Worksheet): unknown {
  const cells: unknown[] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    cells.push([r, row.height]);
    // NOTE: the in-memory writer keeps an empty text cell as "", the streaming one as an empty cell: both print nothing.
    row.eachCell({ includeEmpty: true }, (cell) => cells.push([cell.address, cell.value === '' ? null : cell.value, cell.style]));
  });
  const { pageSetup, headerFooter, views } = ws;
  const model = ws.model as ExcelJS.WorksheetModel & { merges: string[] };
  return { cells, pageSetup, headerFooter, views, merges: [...model.merges].sort(), columns: ws.columns.map((c) => [c.width, c.hidden]), validations: (ws as ExcelJS.Worksheet & { dataValidations: unknown }).dataValidations };
}

describe('buildRenaksiXlsx: the workbook as the worker writes it (streamed)', () => {
  it('reads back exactly as the workbook built in memory: values, styles, merges, widths, heights, print setup', async () => {
    const doc = buildDocument();
    const streamed = await readWorkbook(await buildRenaksiXlsx(doc));
    const inMemory = await roundTrip(doc);

    expect(streamed.worksheets.map((w) => w.name)).toEqual(inMemory.worksheets.map((w) => w.name));
    for (const ws of inMemory.worksheets) expect(sheetLook(sheet(streamed, ws.name))).toEqual(sheetLook(ws));
    expect(sheet(streamed, 'Lampiran I').pageSetup.horizontalCentered).toBe(true);
  });

  it('gives every cell a text a reader can take, the blank merged lines of the signature block included', async () => {
    const wb = await readWorkbook(await buildRenaksiXlsx(buildDocument()));
    const unreadable: string[] = [];

    wb.eachSheet((ws) => ws.eachRow({ includeEmpty: true }, (row) => row.eachCell({ includeEmpty: true }, (cell) => {
      try { void cell.text; } catch { unreadable.push(`${ws.name}!${cell.address}`); }
    })));

    expect(unreadable).toEqual([]);
  });

  it('gives the same bytes for the same document, whenever it is built', async () => {
    const doc = buildDocument();
    const today = await buildRenaksiXlsx(doc);
    // The zip writer dates each entry with the time of writing: a build years later must still give the same bytes.
    // Only Date is faked, so the streams still flow.
    jest.useFakeTimers({
      now: new Date('2031-07-15T03:04:05Z'),
      doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
    });
    const later = await buildRenaksiXlsx(doc).finally(() => jest.useRealTimers());

    expect(Buffer.from(today).equals(Buffer.from(later))).toBe(true);
  });

  it('fails with the error, giving no bytes, when a sheet cannot be written halfway through', async () => {
    // Kesenjangan's 401st unit cannot be read, after 400 rows have gone out.
    const unitLevels = Array.from({ length: 500 }, (_, i) => ({ unit: `Unit ${i + 1}`, group: 'Perangkat daerah', levels: [1, 4] as (number | null)[] }));
    Object.defineProperty(unitLevels[400], 'levels', { get: () => { throw new Error('tingkat unit rusak'); } });

    await expect(buildRenaksiXlsx(buildDocument({ recap: buildRecap({ unitLevels }) }))).rejects.toThrow('tingkat unit rusak');
  });

  it('writes a province: one Lampiran II row per unit and one Kesenjangan row per level below target', async () => {
    // 2.200 units, each at level 1 on A1 (target 4: a gap of 3) and at target on B2: 2.200 gaps, all on A1.
    const units = Array.from({ length: 2200 }, (_, i) => ({ name: `Unit ${i + 1}`, cells: ['1→4', ''], notes: '' }));
    const doc = buildDocument({
      targetMap: { indicators: [{ code: 'A1', title: 'Judul A1' }, { code: 'B2', title: 'Judul B2' }], groups: [{ label: 'A. PERANGKAT DAERAH', units }] },
      recap: buildRecap({ unitLevels: units.map((u) => ({ unit: u.name, group: 'Perangkat daerah', levels: [1, 4] })) }),
    });
    const wb = await readWorkbook(await buildRenaksiXlsx(doc));
    const map = sheet(wb, 'Lampiran II');
    const gaps = sheet(wb, 'Kesenjangan');

    // Lampiran II: header row 8, group row 9, units on rows 10…2209.
    expect(rowValues(map, 2209, 1, 4)).toEqual([2200, 'Unit 2200', '1→4', '']);
    expect(map.pageSetup.printArea).toMatch(/^A1:E22\d\d$/);
    // Kesenjangan: header row 3, gaps on rows 4…2203.
    expect(rowValues(gaps, 2203, 1, 7)).toEqual(['Unit 2200', 'Perangkat daerah', 'A1', 'Judul A1', 1, 4, 3]);
    expect(gaps.getCell(2204, 1).value).toBeNull();
  });
});
