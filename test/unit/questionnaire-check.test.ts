import { checkQuestionnaire, normalizeLevel, type CheckInput } from '../../src/offline/questionnaire-check';
import { noteDigest } from '../../src/offline/questionnaire-workbook';
import { buildInstrument } from './factories';

const instrument = buildInstrument({ aspects: [{ code: 'A', weight: 50, indicators: 2 }, { code: 'D', weight: 50, indicators: [{ allowNa: true }, {}] }] });

function input(over: Partial<CheckInput> = {}): CheckInput {
  return {
    meta: {
      periodId: 1, periodName: 'Periode 2022', unitId: 7, unitCode: 'KEC-BUSANG', instrumentCode: instrument.code,
      instrumentVersion: instrument.version, generatedAt: '2026-11-01T00:00:00.000Z',
      original: { A1: { level: '', noteDigest: noteDigest('') }, A2: { level: '2', noteDigest: noteDigest('lama') }, D1: { level: '', noteDigest: noteDigest('') }, D2: { level: '', noteDigest: noteDigest('') } },
    },
    lines: [],
    period: { id: 1, name: 'Periode 2022' },
    unit: { id: 7, code: 'KEC-BUSANG', name: 'Kecamatan Busang' },
    instrument,
    status: 'draf',
    answers: { A2: { level: 2, isNa: false, note: 'lama' } },
    links: { A2: ['https://contoh.go.id/a.pdf'] },
    ...over,
  };
}

const line = (row: number, code: string, level: string, note = '', link = '') => ({ row, code, level, note, link });

describe('normalizeLevel', () => {
  it.each([['3', '3'], [' 4 ', '4'], ['2.0', '2'], ['tb', 'TB'], ['Tidak berlaku', 'TB'], ['', ''], ['5', null], ['-1', null], ['tiga', null]])('reads %p as %p', (raw, expected) => {
    expect(normalizeLevel(raw)).toBe(expected);
  });
});

describe('checkQuestionnaire', () => {
  it('takes changed lines, leaves equal ones and ignores a link already stored', () => {
    const r = checkQuestionnaire(input({ lines: [line(6, 'A1', '3', 'SK ada', 'https://contoh.go.id/sk.pdf'), line(7, 'A2', '2', 'lama', 'https://contoh.go.id/a.pdf'), line(8, 'd1', 'TB')] }));

    expect(r.valid).toBe(true);
    expect(r.lines).toEqual([
      { row: 6, code: 'A1', status: 'diambil', message: 'kosong → Tingkat 3; penjelasan diubah; tautan bukti dukung ditambahkan' },
      { row: 7, code: 'A2', status: 'tidak berubah', message: 'sama dengan jawaban tersimpan' },
      { row: 8, code: 'D1', status: 'diambil', message: 'kosong → tidak berlaku' },
    ]);
    expect(r.inputs).toEqual([
      { code: 'A1', level: 3, isNa: false, note: 'SK ada', link: 'https://contoh.go.id/sk.pdf' },
      { code: 'D1', level: null, isNa: true, note: '', link: '' },
    ]);
  });

  it.each([
    [line(6, 'Z9', '1'), 'indikator "Z9" tidak dikenal pada instrumen ini'],
    [line(6, 'A1', '5'), 'tingkat "5" di luar rentang (isi 0, 1, 2, 3, 4)'],
    [line(6, 'D1', 'x'), 'tingkat "x" di luar rentang (isi 0, 1, 2, 3, 4 atau TB)'],
    [line(6, 'A1', 'TB'), '"tidak berlaku" (TB) tidak tersedia untuk indikator ini'],
    [line(6, 'A1', '1', '', 'www.contoh.go.id'), 'tautan bukti dukung harus diawali http:// atau https://'],
    [line(6, '', '1'), 'kode indikator kosong'],
    [line(6, 'A1', '1', 'x'.repeat(4001)), 'penjelasan lebih dari 4.000 karakter'],
  ])('refuses %p: %s', (l, message) => {
    const r = checkQuestionnaire(input({ lines: [l] }));

    expect(r.valid).toBe(false);
    expect(r.lines[0]).toMatchObject({ status: 'ditolak', message });
  });

  it('refuses the second row of a repeated indicator', () => {
    const r = checkQuestionnaire(input({ lines: [line(6, 'A1', '1'), line(9, 'A1', '2')] }));

    expect(r.lines.map((l) => l.status)).toEqual(['diambil', 'ditolak']);
    expect(r.lines[1]?.message).toBe('indikator ganda (juga di baris 6)');
  });

  it('keeps a newer online answer the file left as downloaded, and refuses one changed in both places', () => {
    const online = { A1: { level: 4, isNa: false, note: '' }, A2: { level: 3, isNa: false, note: 'baru' } };

    const kept = checkQuestionnaire(input({ answers: online, lines: [line(6, 'A1', ''), line(7, 'A2', '2', 'lama')] }));
    const clash = checkQuestionnaire(input({ answers: online, lines: [line(7, 'A2', '1', 'lama')] }));

    expect(kept.valid).toBe(true);
    expect(kept.inputs).toEqual([]);
    expect(kept.lines.map((l) => l.message)).toEqual(['jawaban di aplikasi lebih baru, dipertahankan', 'jawaban di aplikasi lebih baru, dipertahankan']);
    expect(clash.valid).toBe(false);
    expect(clash.lines[0]?.message).toBe('jawaban ini juga diubah di aplikasi setelah berkas diunduh (di aplikasi: Tingkat 3, di berkas: Tingkat 1); unduh ulang kuesioner');
  });

  it.each([
    [{ period: { id: 2, name: 'Periode 2023' } }, 'Berkas ini untuk periode lain ("Periode 2022"), bukan Periode 2023. Tidak ada jawaban yang diterapkan.'],
    [{ unit: { id: 8, code: 'KEC-TELEN', name: 'Kecamatan Telen' } }, 'Berkas ini milik unit lain (kode KEC-BUSANG), bukan Kecamatan Telen. Tidak ada jawaban yang diterapkan.'],
    [{ instrument: { ...instrument, version: 'uji.9' } }, 'Berkas memakai instrumen versi uji.1, sedangkan periode ini memakai versi uji.9. Unduh ulang kuesioner.'],
    [{ status: 'diverifikasi' as const }, 'Penilaian unit ini berstatus Diverifikasi sehingga terkunci; tidak ada jawaban yang diterapkan.'],
  ])('refuses the whole file for %p', (over, message) => {
    const r = checkQuestionnaire(input({ ...over, lines: [line(6, 'A1', '1')] }));

    expect(r).toEqual({ fileError: message, lines: [], inputs: [], valid: false });
  });

  it('accepts a file whose unit code was renamed since the download (same unit id)', () => {
    const r = checkQuestionnaire(input({ unit: { id: 7, code: 'KEC-BUSANG-BARU', name: 'Kecamatan Busang' }, lines: [line(6, 'A1', '1')] }));

    expect(r.valid).toBe(true);
  });
});
