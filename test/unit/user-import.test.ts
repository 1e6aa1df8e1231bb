import { parseRole, planUserImport, readUserRows, userPlanSummary, type UserImportRow } from '../../src/users/user-import';
import type { User } from '../../src/shared/identity';
import type { Unit } from '../../src/units/units.repo';
import { buildUnit } from './factories';

const unit = (over: Partial<Unit> & { id: number; code: string }): Unit => buildUnit({ group: 'kecamatan', ...over });
const user = (over: Partial<User> & { id: number; username: string }): User => ({
  displayName: `Pengguna ${over.username}`, role: 'fasilitator', unitId: null, unitName: null, active: true, passwordSet: true, phone: null, createdAt: '2026-01-01T00:00:00.000Z', ...over,
});
const row = (line: number, username: string, displayName: string, roleText: string, unitCode = ''): UserImportRow => ({ line, username, displayName, roleText, unitCode });

const UNITS = [unit({ id: 1, code: 'KEC-BUSANG', name: 'Kecamatan Busang' }), unit({ id: 2, code: 'KEC-TELEN', name: 'Kecamatan Telen', active: false })];
const ADMIN = user({ id: 10, username: 'admin', role: 'admin' });

describe('parseRole', () => {
  it.each([
    ['Narahubung', 'narahubung'], ['NARAHUBUNG', 'narahubung'], [' verifikator ', 'verifikator'], ['Fasilitator FGD', 'fasilitator'],
    ['fasilitator', 'fasilitator'], ['Tim Penyusun Renaksi', 'tim_renaksi'], ['tim renaksi', 'tim_renaksi'], ['tim_renaksi', 'tim_renaksi'],
    ['Admin Diskominfo', 'admin'], ['admin', 'admin'], ['Tim  Renaksi', 'tim_renaksi'], ['raja', null], ['', null], ['narahubung unit', null],
  ])('reads %p as %p', (text, role) => {
    expect(parseRole(text)).toBe(role);
  });
});

describe('readUserRows', () => {
  it('finds the header under a title, reads the columns in any order and keeps spreadsheet row numbers', () => {
    const table = [
      ['Daftar akun Kutai Timur'],
      [],
      ['Peran', 'NAMA  PENGGUNA', 'Kode Unit', 'Keterangan', 'Nama lengkap'],
      ['Narahubung', 'nara.busang', 'kec-busang', 'abaikan', 'Siti   Rahma'],
      ['', '', '', '', ''],
      ['Verifikator', 'verif', '', '', 'Budi'],
    ];

    expect(readUserRows(table)).toEqual({
      rows: [
        { line: 4, username: 'nara.busang', displayName: 'Siti Rahma', roleText: 'Narahubung', unitCode: 'KEC-BUSANG' },
        { line: 6, username: 'verif', displayName: 'Budi', roleText: 'Verifikator', unitCode: '' },
      ],
    });
  });

  it('names the missing header columns', () => {
    expect(readUserRows([['Nama pengguna', 'Peran'], ['a', 'b']])).toEqual({
      error: 'Baris judul kolom harus memuat "Nama pengguna", "Nama lengkap", "Peran" dan "Kode unit" (tidak ditemukan: "Nama lengkap", "Kode unit"). Pakai templat dari halaman impor.',
    });
  });

  it('refuses a header without rows, and more than 5.000 rows', () => {
    const header = ['Nama pengguna', 'Nama lengkap', 'Peran', 'Kode unit'];
    const many = Array.from({ length: 5001 }, (_v, i) => [`p${i}`, 'P', 'Verifikator', '']);

    expect(readUserRows([header, ['', '', '', '']])).toEqual({ error: 'Berkas tidak berisi baris pengguna di bawah baris judul kolom.' });
    expect(readUserRows([header, ...many])).toEqual({ error: 'Berkas berisi 5.001 baris pengguna; maksimal 5.000 baris dalam satu berkas. Bagi menjadi beberapa berkas.' });
    expect('rows' in readUserRows([header, ...many.slice(1)])).toBe(true);
  });
});

describe('planUserImport', () => {
  const plan = (rows: UserImportRow[], users: User[] = [ADMIN]) => planUserImport(rows, { users, units: UNITS, actorId: ADMIN.id });

  it('plans new accounts with the unit bound only for a narahubung', () => {
    const lines = plan([row(2, 'nara.busang', 'Siti', 'narahubung', 'KEC-BUSANG'), row(3, 'verif', 'Budi', 'Verifikator', 'KEC-BUSANG')]);

    expect(lines.map((l) => [l.action, l.role, l.unitId, l.unitName, l.errors, l.details])).toEqual([
      ['baru', 'narahubung', 1, 'Kecamatan Busang', [], []],
      ['baru', 'verifikator', null, null, [], ['kode unit "KEC-BUSANG" diabaikan: hanya narahubung yang terikat pada unit']],
    ]);
  });

  it('updates an existing account matched case-insensitively, and leaves an identical one alone', () => {
    const existing = [ADMIN, user({ id: 2, username: 'Budi', displayName: 'Budi', role: 'verifikator' }), user({ id: 3, username: 'ani', displayName: 'Ani', role: 'narahubung', unitId: 1, unitName: 'Kecamatan Busang' })];

    const lines = plan([row(2, 'budi', 'Budi Santoso', 'Narahubung', 'KEC-BUSANG'), row(3, 'ANI', 'Ani', 'narahubung', 'KEC-BUSANG')], existing);

    expect(lines.map((l) => [l.action, l.userId, l.details])).toEqual([
      ['diubah', 2, ['nama: Budi → Budi Santoso', 'peran: Verifikator → Narahubung', 'unit: – → Kecamatan Busang', 'sesi akun ini diakhiri agar hak barunya langsung berlaku']],
      ['tidak berubah', 3, []],
    ]);
  });

  it('names the row and column of every problem, one message per column', () => {
    const existing = [ADMIN, user({ id: 4, username: 'pensiun', active: false })];

    const lines = plan([
      row(2, 'nara', 'Nara', 'Narahubung', 'KEC-X'),
      row(3, 'nara2', 'Nara Dua', 'Narahubung', 'KEC-TELEN'),
      row(4, 'nara3', 'Nara Tiga', 'Narahubung', ''),
      row(5, 'NARA', 'Kembar', 'Verifikator'),
      row(6, 'x', '', ''),
      row(7, 'pensiun', 'P', 'Fasilitator'),
      row(8, 'admin', 'Admin', 'Verifikator'),
      row(9, 'baik', 'Baik', 'Admin'),
    ], existing);

    expect(lines.map((l) => l.errors)).toEqual([
      ['Baris 2, kolom Kode unit: unit "KEC-X" tidak ditemukan'],
      ['Baris 3, kolom Kode unit: unit "KEC-TELEN" (Kecamatan Telen) sudah nonaktif'],
      ['Baris 4, kolom Kode unit: narahubung harus terikat pada satu unit'],
      ['Baris 5, kolom Nama pengguna: "NARA" sudah ada di baris 2 berkas ini'],
      [
        'Baris 6, kolom Nama pengguna: nama pengguna 3–40 karakter: huruf, angka, titik, garis bawah atau tanda hubung',
        'Baris 6, kolom Nama lengkap: nama lengkap wajib diisi',
        'Baris 6, kolom Peran: wajib diisi (isi salah satu: Admin Diskominfo, Verifikator, Narahubung, Fasilitator FGD, Tim Penyusun Renaksi)',
      ],
      ['Baris 7, kolom Nama pengguna: akun "pensiun" sudah ada dan nonaktif; aktifkan kembali di halaman Pengguna atau hapus baris ini'],
      ['Baris 8, kolom Peran: Anda tidak dapat mencabut peran admin dari akun Anda sendiri'],
      [],
    ]);
    expect(userPlanSummary(lines)).toEqual({ baru: 1, diubah: 0, 'tidak berubah': 0, ditolak: 7 });
  });

  it('refuses an empty user name without treating later empty names as duplicates of it', () => {
    const lines = plan([row(2, '', 'A', 'Verifikator'), row(3, '', 'B', 'Verifikator')]);

    expect(lines.map((l) => l.errors)).toEqual([
      ['Baris 2, kolom Nama pengguna: nama pengguna wajib diisi'],
      ['Baris 3, kolom Nama pengguna: nama pengguna wajib diisi'],
    ]);
  });
});
