import { boardMissing, boardState, missingParts, reminderText, whatsAppLink } from '../../src/monitoring/monev-board';

const BUSANG_URL = 'https://sp4n.kutaitimurkab.go.id/periods/2/renaksi/monev/units/45/2023-1';

describe('reminderText', () => {
  it('tells a late unit the semester, the passed deadline, what is missing and where to report', () => {
    const text = reminderText({
      unitName: 'Kecamatan Busang', semesterLabel: 'Semester I 2023', deadline: '2023-07-31', late: true,
      missing: ['bagian unit Anda (indikator Lampiran II)'], url: BUSANG_URL,
    });

    expect(text).toBe(
      'Yth. Narahubung Kecamatan Busang,\n'
      + '\n'
      + 'Laporan monev Renaksi SP4N-LAPOR! Semester I 2023 dari Kecamatan Busang belum kami terima, padahal batas pelaporannya 31 Juli 2023 sudah lewat.\n'
      + 'Yang belum dilaporkan: bagian unit Anda (indikator Lampiran II).\n'
      + 'Silakan laporkan melalui: https://sp4n.kutaitimurkab.go.id/periods/2/renaksi/monev/units/45/2023-1\n'
      + '\n'
      + 'Terima kasih.\n'
      + 'Tim Monev Renaksi SP4N-LAPOR! (Diskominfo)',
    );
  });

  it('gives the coming deadline while the window is open, and none without a window', () => {
    const base = { unitName: 'Sekretariat Daerah', semesterLabel: 'Semester II 2022', late: false, missing: ['1 dari 2 baris Renaksi yang dikoordinasikan unit Anda'], url: 'http://localhost/x' };

    expect(reminderText({ ...base, deadline: '2023-01-31' }).split('\n')[2]).toBe('Laporan monev Renaksi SP4N-LAPOR! Semester II 2022 dari Sekretariat Daerah belum kami terima. Batas pelaporan: 31 Januari 2023.');
    expect(reminderText({ ...base, deadline: null }).split('\n')[2]).toBe('Laporan monev Renaksi SP4N-LAPOR! Semester II 2022 dari Sekretariat Daerah belum kami terima.');
  });
});

describe('reminderText for a unit that reported part of what it owes', () => {
  const base = { unitName: 'Kecamatan Busang', semesterLabel: 'Semester II 2022', missing: ['2 dari 3 baris Renaksi yang dikoordinasikan unit Anda'], url: 'http://localhost/x', partial: { reported: 2, due: 4 } };

  it('says what was received and what is missing, late or not, with or without a window', () => {
    const owed = (over: { deadline: string | null; late: boolean }) => reminderText({ ...base, ...over }).split('\n').slice(2, 4);

    expect(owed({ deadline: '2023-01-31', late: true })).toEqual([
      'Laporan monev Renaksi SP4N-LAPOR! Semester II 2022 dari Kecamatan Busang baru sebagian kami terima (2 dari 4 bagian); batas pelaporannya 31 Januari 2023 sudah lewat.',
      'Yang belum dilaporkan: 2 dari 3 baris Renaksi yang dikoordinasikan unit Anda.',
    ]);
    expect(owed({ deadline: '2023-01-31', late: false })[0]).toBe('Laporan monev Renaksi SP4N-LAPOR! Semester II 2022 dari Kecamatan Busang baru sebagian kami terima (2 dari 4 bagian); batas pelaporan: 31 Januari 2023.');
    expect(owed({ deadline: null, late: false })[0]).toBe('Laporan monev Renaksi SP4N-LAPOR! Semester II 2022 dari Kecamatan Busang baru sebagian kami terima (2 dari 4 bagian).');
  });
});

describe('boardMissing', () => {
  it.each([
    [{ rowsDue: 3, rowsReported: 1, ownPartDue: true, ownPart: 'diterima' }, ['2 baris koordinasi']],
    [{ rowsDue: 2, rowsReported: 2, ownPartDue: true, ownPart: 'dikembalikan' }, ['bagian unit (Lampiran II)']],
    [{ rowsDue: 1, rowsReported: 0, ownPartDue: true, ownPart: null }, ['1 baris koordinasi', 'bagian unit (Lampiran II)']],
    [{ rowsDue: 0, rowsReported: 0, ownPartDue: true, ownPart: 'diajukan' }, []],
  ] as const)('%p lacks %p', (unit, missing) => {
    expect(boardMissing(unit)).toEqual(missing);
  });
});

describe('whatsAppLink', () => {
  it('puts the number and the URL-encoded text (new lines, &, ?, spaces) in a wa.me link', () => {
    expect(whatsAppLink('6281234567890', 'Yth. A & B,\nlihat: http://h/p?semester=2023-1'))
      .toBe('https://wa.me/6281234567890?text=Yth.%20A%20%26%20B%2C%0Alihat%3A%20http%3A%2F%2Fh%2Fp%3Fsemester%3D2023-1');
  });
});

describe('missingParts', () => {
  it.each([
    [{ rowsDue: 3, rowsReported: 1, ownPartDue: false, ownPart: null }, ['2 dari 3 baris Renaksi yang dikoordinasikan unit Anda']],
    [{ rowsDue: 0, rowsReported: 0, ownPartDue: true, ownPart: null }, ['bagian unit Anda (indikator Lampiran II)']],
    [{ rowsDue: 0, rowsReported: 0, ownPartDue: true, ownPart: 'draf' }, ['bagian unit Anda (indikator Lampiran II)']],
    [{ rowsDue: 2, rowsReported: 2, ownPartDue: true, ownPart: 'dikembalikan' }, ['bagian unit Anda (dikembalikan verifikator, perlu diperbaiki lalu diajukan lagi)']],
    [{ rowsDue: 2, rowsReported: 2, ownPartDue: true, ownPart: 'diajukan' }, []],
  ] as const)('%p owes %p', (unit, missing) => {
    expect(missingParts(unit)).toEqual(missing);
  });
});

describe('boardState', () => {
  it.each([
    [['diterima', 'diterima'], 'diterima'],
    [['diterima', 'diajukan'], 'diajukan'],
    [['diterima', 'dikembalikan'], 'dikembalikan'],
    [[null, 'dikembalikan'], 'dikembalikan'],
    [['diterima', null], 'sebagian'],
    [['diterima', 'diajukan', null, 'draf'], 'sebagian'],
    [[null, 'draf'], 'belum'],
    [['draf'], 'belum'],
    [[], 'belum'],
  ] as const)('%p is %p', (parts, state) => {
    expect(boardState([...parts])).toBe(state);
  });
});
