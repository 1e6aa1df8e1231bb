import { parseGroup, planImport, planSummary, readImportLines } from '../../src/units/unit-import';
import { parseCsv } from '../../src/shared/table-file';
import type { Unit } from '../../src/units/units.repo';

const unit = (over: Partial<Unit> & { code: string }): Unit => ({ id: 1, name: `Nama ${over.code}`, group: 'pd', provisional: false, active: true, ...over });

describe('parseCsv', () => {
  it('detects a semicolon delimiter and keeps quoted delimiters, doubled quotes and CRLF line ends', () => {
    expect(parseCsv('\uFEFFkode;nama;kelompok\r\nPD-A;"Dinas ""A""; Kutim";pd\r\n')).toEqual([
      ['kode', 'nama', 'kelompok'],
      ['PD-A', 'Dinas "A"; Kutim', 'pd'],
    ]);
  });

  it('reads comma-separated text with a quoted comma and no final newline', () => {
    expect(parseCsv('kode,nama,kelompok\nKEC-X,"Telen, Kutai Timur",kecamatan')).toEqual([
      ['kode', 'nama', 'kelompok'],
      ['KEC-X', 'Telen, Kutai Timur', 'kecamatan'],
    ]);
  });
});

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
        { line: 4, code: 'KEC-A', name: 'Kecamatan A', groupText: 'kecamatan', group: 'kecamatan', error: null },
        { line: 6, code: 'PD-B', name: 'Dinas B', groupText: 'pd', group: 'pd', error: null },
      ],
    });
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
});
