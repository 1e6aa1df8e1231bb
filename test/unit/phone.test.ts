import { formatPhone, normalisePhone } from '../../src/shared/phone';

describe('normalisePhone', () => {
  it.each([
    ['0812-3456-7890', '6281234567890'],
    ['0812 3456 7890', '6281234567890'],
    ['+62 812 3456 7890', '6281234567890'],
    ['+62 (812) 3456.7890', '6281234567890'],
    ['6281234567890', '6281234567890'],
    ['  081234567890 ', '6281234567890'],
    ['0812345678', '62812345678'],
    ['0812345678901', '62812345678901'],
    ['81234567890', '6281234567890'],
  ])('stores %p as %p', (typed, stored) => {
    expect(normalisePhone(typed)).toEqual({ phone: stored });
  });

  it.each([[''], ['   '], [undefined], [null]])('reads %p as no number', (typed) => {
    expect(normalisePhone(typed)).toEqual({ phone: null });
  });

  it.each([
    ['0812-3456-789O', 'Nomor HP "0812-3456-789O" tidak dikenali: tulis nomor ponsel Indonesia yang diawali 08, +62 atau 62, misalnya 0812 3456 7890.'],
    ['+1 555 0100', 'Nomor HP "+1 555 0100" tidak dikenali: tulis nomor ponsel Indonesia yang diawali 08, +62 atau 62, misalnya 0812 3456 7890.'],
    ['0541 123456', 'Nomor HP "0541 123456" bukan nomor ponsel Indonesia yang lengkap (10–13 angka diawali 08): tulis nomor ponsel Indonesia yang diawali 08, +62 atau 62, misalnya 0812 3456 7890.'],
    ['0812345', 'Nomor HP "0812345" bukan nomor ponsel Indonesia yang lengkap (10–13 angka diawali 08): tulis nomor ponsel Indonesia yang diawali 08, +62 atau 62, misalnya 0812 3456 7890.'],
    ['08123456789012', 'Nomor HP "08123456789012" bukan nomor ponsel Indonesia yang lengkap (10–13 angka diawali 08): tulis nomor ponsel Indonesia yang diawali 08, +62 atau 62, misalnya 0812 3456 7890.'],
    ['62 0812 3456 7890', 'Nomor HP "62 0812 3456 7890" bukan nomor ponsel Indonesia yang lengkap (10–13 angka diawali 08): tulis nomor ponsel Indonesia yang diawali 08, +62 atau 62, misalnya 0812 3456 7890.'],
  ])('refuses %p naming the field', (typed, message) => {
    expect(normalisePhone(typed)).toEqual({ error: message });
  });
});

describe('formatPhone', () => {
  it.each([
    ['6281234567890', '0812 3456 7890'],
    ['62812345678', '0812 3456 78'],
    ['62812345678901', '0812 3456 78901'],
    [null, ''],
  ])('shows %p as %p', (stored, shown) => {
    expect(formatPhone(stored)).toBe(shown);
  });
});
