import { parseGroup, planImport, planSummary, readImportLines, unitListRow, UNIT_LIST_HEADERS, type ImportLine } from '../../src/units/unit-import';
import { buildUnit } from './factories';

const unit = buildUnit;

describe('parseGroup', () => {
  it.each([
    ['perangkat daerah', 'pd'], ['Perangkat  Daerah', 'pd'], ['PD', 'pd'], ['OPD', 'pd'],
    ['Kecamatan', 'kecamatan'], ['kec.', 'kecamatan'], ['desa', null], ['', null],
  ])('reads %p as %p', (text, group) => {
    expect(parseGroup(text)).toBe(group);
  });
});

describe('readImportLines', () => {
  it('finds the header below a title, upper-cases codes, skips blank rows and numbers lines as in the file', () => {
    const r = readImportLines([['Daftar resmi'], [], ['Kelompok', 'Kode', 'Nama'], ['kecamatan', 'kec-a', 'Kecamatan A'], ['', '', ''], ['pd', 'PD-B', ' Dinas   B ']]);

    expect(r).toEqual({
      lines: [
        { line: 4, code: 'KEC-A', name: 'Kecamatan A', groupText: 'kecamatan', group: 'kecamatan', abbreviation: null, order: null, needsConfirmation: null, assessedFrom: null, error: null },
        { line: 6, code: 'PD-B', name: 'Dinas B', groupText: 'pd', group: 'pd', abbreviation: null, order: null, needsConfirmation: null, assessedFrom: null, error: null },
      ],
    });
  });

  it('refuses a file over the line limit, with both numbers in id-ID form', () => {
    const rows = Array.from({ length: 2001 }, (_, i) => ['pd', `PD-${i}`, `Dinas ${i}`]);

    expect(readImportLines([['kelompok', 'kode', 'nama'], ...rows])).toEqual({ error: 'Berkas berisi 2.001 baris; maksimal 2.000 baris.' });
  });

  it('gives each bad line its reason and flags the second of two equal codes', () => {
    const r = readImportLines([['kode', 'nama', 'kelompok'], ['PD-A', 'A', 'pd'], ['PD-A', 'A lagi', 'pd'], ['X', 'Satu huruf', 'pd'], ['PD-C', '', 'pd'], ['PD-D', 'D', 'dinas']]);

    expect('lines' in r && r.lines.map((l) => l.error)).toEqual([
      null,
      'kode "PD-A" ganda (sudah ada di baris 2)',
      'kode "X" tidak valid (2–40 karakter: huruf, angka, titik, garis bawah atau tanda hubung)',
      'nama kosong',
      'kelompok "dinas" tidak dikenal (isi "perangkat daerah" atau "kecamatan")',
    ]);
  });

  it('reads the optional columns urutan, singkatan and perlu dikonfirmasi in any order', () => {
    const r = readImportLines([
      ['Perlu dikonfirmasi', 'Singkatan', 'Nama', 'Kode', 'Kelompok', 'Urutan'],
      ['', 'Setda', 'Sekretariat Daerah', 'PD-SETKAB', 'Perangkat Daerah', '1'],
      ['ya', 'RSUD Kudungga', 'RSUD Kudungga', 'PD-RSUD-KUDUNGGA', 'Perangkat Daerah', '38'],
    ]);

    expect('lines' in r && r.lines.map((l) => [l.code, l.order, l.abbreviation, l.needsConfirmation, l.error])).toEqual([
      ['PD-SETKAB', 1, 'Setda', false, null],
      ['PD-RSUD-KUDUNGGA', 38, 'RSUD Kudungga', true, null],
    ]);
  });

  it('refuses an empty, non-numeric or repeated order and an unknown confirmation value', () => {
    const r = readImportLines([
      ['kode', 'nama', 'kelompok', 'urutan', 'perlu dikonfirmasi'],
      ['PD-A', 'A', 'pd', '1', ''], ['PD-B', 'B', 'pd', '', ''], ['PD-C', 'C', 'pd', 'dua', ''], ['PD-D', 'D', 'pd', '1', ''], ['PD-E', 'E', 'pd', '5', 'mungkin'],
    ]);

    expect('lines' in r && r.lines.map((l) => l.error)).toEqual([
      null,
      'urutan kosong (isi nomor urut 1, 2, 3, …)',
      'urutan "dua" bukan nomor urut (bilangan bulat 1–100000)',
      'urutan 1 ganda (sudah ada di baris 2)',
      'perlu dikonfirmasi "mungkin" tidak dikenal (isi "ya" atau kosongkan)',
    ]);
  });

  it('refuses a table without the three header columns', () => {
    expect(readImportLines([['kode', 'nama'], ['PD-A', 'A']])).toEqual({ error: 'Baris judul kolom harus memuat "kode", "nama" dan "kelompok".' });
  });
});

describe('planImport', () => {
  it('classifies each line against the stored units by code', () => {
    const stored = [
      unit({ id: 1, code: 'PD-A', name: 'Dinas A', provisional: true }),
      unit({ id: 2, code: 'KEC-B', name: 'Kecamatan B', group: 'kecamatan' }),
      unit({ id: 3, code: 'KEC-C', name: 'Kecamatan C', group: 'kecamatan', active: false }),
    ];
    const read = readImportLines([['kode', 'nama', 'kelompok'], ['PD-A', 'Dinas A', 'pd'], ['KEC-B', 'Kecamatan B', 'kecamatan'], ['KEC-C', 'Kec. C', 'pd'], ['PD-N', 'Baru', 'pd'], ['??', 'x', 'pd']]);
    const plan = planImport('lines' in read ? read.lines : [], stored);

    expect(plan.map((p) => [p.code, p.action, p.details, p.unitId])).toEqual([
      ['PD-A', 'diubah', ['daftar sementara → daftar resmi'], 1],
      ['KEC-B', 'tidak berubah', [], 2],
      ['KEC-C', 'diubah', ['nama: Kecamatan C → Kec. C', 'kelompok: Kecamatan → Perangkat Daerah', 'diaktifkan kembali'], 3],
      ['PD-N', 'baru', [], null],
      ['??', 'ditolak', ['kode "??" tidak valid (2–40 karakter: huruf, angka, titik, garis bawah atau tanda hubung)'], null],
    ]);
    expect(planSummary(plan)).toEqual({ baru: 1, diubah: 2, 'tidak berubah': 1, ditolak: 1 });
  });

  it('reports order, abbreviation and confirmation changes only for the columns the file has', () => {
    const stored = [
      unit({ id: 1, code: 'PD-SETKAB', name: 'Sekretariat Kabupaten', sortOrder: 12, provisional: true }),
      unit({ id: 2, code: 'PD-RSUD-KUDUNGGA', name: 'RSUD Kudungga', abbreviation: 'RSUD', sortOrder: 18 }),
    ];
    const withColumns = readImportLines([
      ['urutan', 'kode', 'nama', 'singkatan', 'kelompok', 'perlu dikonfirmasi'],
      ['1', 'PD-SETKAB', 'Sekretariat Daerah', 'Setda', 'pd', ''],
      ['38', 'PD-RSUD-KUDUNGGA', 'RSUD Kudungga', 'RSUD Kudungga', 'pd', 'ya'],
    ]);
    const without = readImportLines([['kode', 'nama', 'kelompok'], ['PD-RSUD-KUDUNGGA', 'RSUD Kudungga', 'pd']]);

    const plan = planImport('lines' in withColumns ? withColumns.lines : [], stored);
    const untouched = planImport('lines' in without ? without.lines : [], stored);

    expect(plan.map((p) => [p.action, p.details])).toEqual([
      ['diubah', ['nama: Sekretariat Kabupaten → Sekretariat Daerah', 'singkatan: – → Setda', 'urutan: 12 → 1', 'daftar sementara → daftar resmi']],
      ['diubah', ['singkatan: RSUD → RSUD Kudungga', 'urutan: 18 → 38', 'perlu dikonfirmasi: tidak → ya']],
    ]);
    expect(untouched.map((p) => [p.action, p.details])).toEqual([['tidak berubah', []]]);
  });

  it('keeps a stored start year for a blank cell and names the answered years a new one stops or starts counting', () => {
    const stored = [
      unit({ id: 1, code: 'PD-BRIDA', name: 'BRIDA', assessedFrom: 2023 }),
      unit({ id: 2, code: 'PD-DINKES', name: 'Dinas Kesehatan', assessedFrom: null }),
      unit({ id: 3, code: 'PD-DISKOMINFO', name: 'Diskominfo', assessedFrom: 2024 }),
    ];
    const read = readImportLines([
      ['kode', 'nama', 'kelompok', 'dinilai mulai tahun'],
      ['PD-BRIDA', 'BRIDA', 'pd', ''], ['PD-DINKES', 'Dinas Kesehatan', 'pd', '2023'], ['PD-DISKOMINFO', 'Diskominfo', 'pd', '2022'], ['PD-BARU', 'Baru', 'pd', ' '],
    ]);
    const answered = new Map([[2, [2022, 2023]], [3, [2022, 2023]]]);

    const plan = planImport('lines' in read ? read.lines : [], stored, answered);

    expect(plan.map((p) => [p.code, p.action, p.details, p.assessedFromAfter])).toEqual([
      ['PD-BRIDA', 'tidak berubah', [], 2023],
      ['PD-DINKES', 'diubah', ['dinilai mulai tahun: setiap periode → 2023', 'penilaian tahun 2022 tidak lagi dihitung (jawabannya tetap tersimpan)'], 2023],
      ['PD-DISKOMINFO', 'diubah', ['dinilai mulai tahun: 2024 → 2022', 'penilaian tahun 2022, 2023 kembali dihitung'], 2022],
      ['PD-BARU', 'baru', [], null],
    ]);
  });

  it('reads a line staged before the optional columns existed as having none of them', () => {
    const staged = { line: 2, code: 'PD-A', name: 'Dinas A', groupText: 'pd', group: 'pd', error: null } as unknown as ImportLine;

    expect(planImport([staged], [unit({ code: 'PD-A', name: 'Dinas A', abbreviation: 'DA', sortOrder: 4 })]).map((p) => p.action)).toEqual(['tidak berubah']);
  });

  it('writes a unit list row that the import reads back as the same unit', () => {
    const row = unitListRow({ code: 'PD-RSUD-SANGKULIRANG', name: 'RSUD Sangkulirang', group: 'pd', abbreviation: 'RSUD Sangkulirang', needsConfirmation: true }, 39);

    const r = readImportLines([[...UNIT_LIST_HEADERS], row.map(String)]);

    expect('lines' in r && r.lines[0]).toMatchObject({
      code: 'PD-RSUD-SANGKULIRANG', name: 'RSUD Sangkulirang', group: 'pd', abbreviation: 'RSUD Sangkulirang', order: 39, needsConfirmation: true, error: null,
    });
  });
});
