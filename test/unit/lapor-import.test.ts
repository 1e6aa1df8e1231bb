import { parseExportDate } from '../../src/lapor/lapor-dates';
import { parseLaporStatus } from '../../src/lapor/lapor-status';
import { findHeaderRow, isPersonalHeader, planColumns } from '../../src/lapor/lapor-columns';
import { createUnitMatcher, regionVariants } from '../../src/lapor/instansi-match';
import { readReports } from '../../src/lapor/lapor-rows';
import { planLaporImport } from '../../src/lapor/lapor-plan';

describe('parseExportDate', () => {
  it.each([
    ['27/06/2022', '2022-06-27'],
    ['2022-06-27', '2022-06-27'],
    ['27-06-2022 14:05', '2022-06-27'],
    ['27-06-2022 14.05 WITA', '2022-06-27'],
    ['2022-06-27T14:05:09.000Z', '2022-06-27'],
    ['2022-06-27 14:05:09', '2022-06-27'],
    ['5/8/2022', '2022-08-05'],
    ['27 Juni 2022', '2022-06-27'],
    ['17 Agustus 2022 08:00', '2022-08-17'],
    ['Senin, 27 Juni 2022', '2022-06-27'],
    ['27 Juni 2022 pukul 14.05', '2022-06-27'],
    ['Senin, 27 Juni 2022 pukul 14.05 WITA', '2022-06-27'],
    ['27/06/2022, 14:05', '2022-06-27'],
    ['2022/06/27', '2022-06-27'],
    ['27-Jun-2022', '2022-06-27'],
    ['44739', '2022-06-27'],
    ['44739.5833', '2022-06-27'],
  ])('reads %p as %p', (text, iso) => {
    expect(parseExportDate(text)).toBe(iso);
  });

  it.each([['31/02/2022'], ['2022-13-01'], ['kemarin'], [''], ['27 Juno 2022'], ['12345'], ['06/27/2022'], ['2022-06/27'], ['Senin']])('refuses %p', (text) => {
    expect(parseExportDate(text)).toBeNull();
  });
});

describe('parseLaporStatus', () => {
  it.each([
    ['Selesai', 'selesai'], ['  SELESAI ', 'selesai'], ['Bukan Wewenang', 'bukan_wewenang'], ['bukan-wewenang', 'bukan_wewenang'],
    ['Belum Terverifikasi', 'belum'], ['Diproses', 'proses'], ['Tindak Lanjut', 'proses'], ['Diarsipkan', 'arsip'],
    ['Entah', null], ['', null],
  ])('reads %p as %p', (text, status) => {
    expect(parseLaporStatus(text)).toBe(status);
  });
});

describe('columns', () => {
  it('recognises the usual headers whatever their case and spacing, and drops personal columns', () => {
    const header = ['No', '  id   TRACKING', 'Nama Pelapor', 'NIK', 'Tanggal Laporan', 'Instansi Tujuan', 'Isi Laporan', 'STATUS', 'No. HP', 'Kanal', 'Tanggal Tanggapan Akhir'];

    const plan = planColumns(header, {}, new Map());

    expect(plan.columns).toEqual({ trackingId: 1, receivedOn: 4, instansi: 5, status: 7, channel: 9 });
    expect(plan.source.trackingId).toBe('dikenali');
    expect(plan.missing).toEqual([]);
    expect(plan.personal).toEqual([2, 3, 6, 8]);
  });

  it('prefers the admin\'s mapping, then a remembered header, then a recognised one, one field per column', () => {
    const header = ['No. Tiket', 'Tgl Masuk', 'OPD', 'Status', 'Status Akhir'];
    const remembered = new Map([['opd', 'instansi' as const], ['tgl masuk', 'receivedOn' as const]]);

    const plan = planColumns(header, { trackingId: 'no. tiket', status: 'Status Akhir' }, remembered);

    expect(plan.columns).toEqual({ trackingId: 0, receivedOn: 1, instansi: 2, status: 4 });
    expect(plan.source).toEqual({ trackingId: 'dipetakan', receivedOn: 'diingat', instansi: 'diingat', status: 'dipetakan' });
  });

  it('names the required fields no column holds', () => {
    expect(planColumns(['Nomor', 'Waktu'], {}, new Map()).missing).toEqual(['trackingId', 'receivedOn', 'instansi', 'status']);
  });

  it('finds the header below a title', () => {
    expect(findHeaderRow([['Rekap Laporan SP4N-LAPOR! 2022'], [], ['ID Tracking', 'Tanggal Laporan', 'Status'], ['1', '2', '3']])).toBe(2);
    expect(findHeaderRow([[], ['Kolom A', 'Kolom B']])).toBe(1);
  });

  it.each([
    ['Nama Pelapor', true], ['Alamat', true], ['E-mail', true], ['Nama Instansi', true], ['Tanggal Tanggapan', false], ['Kode Wilayah', false],
    ['Nomor Induk Kependudukan', true], ['Kontak Pengadu', true], ['Nama Pengadu', true], ['Pengadu', true], ['Kontak', true],
    ['Jenis Kelamin', true], ['Tanggal Lahir', true], ['Usia', true], ['Pekerjaan Pelapor', true], ['Tanggal Selesai', false], ['Jenis Laporan', false],
  ])(
    'judges %p personal: %p',
    (header, personal) => {
      expect(isPersonalHeader(header)).toBe(personal);
    },
  );
});

const UNITS = [
  { id: 1, code: 'PD-DISDUKCAPIL', name: 'Dinas Kependudukan dan Pencatatan Sipil' },
  { id: 2, code: 'PD-DINKES', name: 'Dinas Kesehatan' },
  { id: 3, code: 'KEC-SANGATTA-UTARA', name: 'Kecamatan Sangatta Utara' },
];

describe('instansi matching', () => {
  const matcher = createUnitMatcher(UNITS, 'Kabupaten Kutai Timur');

  it('sets aside the regency\'s own name and case for an exact match', () => {
    expect(regionVariants('Kabupaten Kutai Timur')).toEqual(['pemerintah kabupaten kutai timur', 'kabupaten kutai timur', 'pemkab kutai timur', 'kab kutai timur']);
    expect(matcher.exact('Dinas Kependudukan dan Pencatatan Sipil Kabupaten Kutai Timur')?.id).toBe(1);
    expect(matcher.exact('DINAS KESEHATAN KAB. KUTAI TIMUR')?.id).toBe(2);
    expect(matcher.exact('Pemerintah Kabupaten Kutai Timur Kecamatan Sangatta Utara')?.id).toBe(3);
    expect(matcher.exact('Dinas Kesehatan Provinsi Kalimantan Timur')).toBeUndefined();
  });

  it('suggests by code or shared words, without applying the suggestion', () => {
    expect(matcher.suggest('Disdukcapil Kutim')?.id).toBe(1);
    expect(matcher.suggest('Kantor Kecamatan Sangatta Utara')?.id).toBe(3);
    expect(matcher.suggest('Kementerian Agama')).toBeUndefined();
    expect(matcher.match('Disdukcapil Kutim', new Map())).toEqual({ unitId: null, kind: 'saran', suggestedUnitId: 1 });
  });

  it('suggests nothing for the same office of another regency, city or province, whose rows the admin leaves out', () => {
    const other = ['Dinas Kesehatan Kabupaten Kutai Kartanegara', 'Dinas Kesehatan Kab. Kutai Kartanegara', 'Disdukcapil Kota Samarinda', 'Dinas Kesehatan Provinsi Kalimantan Timur', 'Kementerian Agama'];

    for (const name of other) {
      expect(matcher.suggest(name)).toBeUndefined();
      expect(matcher.match(name, new Map())).toEqual({ unitId: null, kind: 'pemerintah-lain', suggestedUnitId: null });
    }
    expect(matcher.match('Dinkes Kab. Kutai Timur', new Map())).toEqual({ unitId: null, kind: 'saran', suggestedUnitId: 2 });
  });

  it('keeps a government word as an ordinary word where one of the units is named with it ("Kecamatan Kota Bangun")', () => {
    const kukar = createUnitMatcher([{ id: 7, code: 'KEC-KOTA-BANGUN', name: 'Kecamatan Kota Bangun' }], 'Kabupaten Kutai Kartanegara');

    expect(kukar.otherGovernment('Kantor Kecamatan Kota Bangun')).toBe(false);
    expect(kukar.suggest('Kantor Kecamatan Kota Bangun')?.id).toBe(7);
    expect(kukar.otherGovernment('Kecamatan Kota Bangun Kabupaten Kutai Timur')).toBe(true);
  });

  it('applies a remembered decision first, including "not one of our units"', () => {
    const decisions = new Map<string, number | null>([[matcher.key('Disdukcapil Kutim'), 1], [matcher.key('Dinas Kesehatan Kab. Kutai Timur'), null]]);

    expect(matcher.match('DISDUKCAPIL  KUTIM', decisions)).toEqual({ unitId: 1, kind: 'dikonfirmasi', suggestedUnitId: 1 });
    expect(matcher.match('Dinas Kesehatan Kabupaten Kutai Timur', decisions)).toEqual({ unitId: null, kind: 'dikecualikan', suggestedUnitId: null });
    expect(matcher.match('Dinas Kesehatan', decisions).kind).toBe('dikecualikan');
    expect(matcher.match('Dinas Kesehatan', new Map())).toEqual({ unitId: 2, kind: 'sama', suggestedUnitId: 2 });
  });
});

describe('readReports and planLaporImport', () => {
  const header = ['ID Tracking', 'Tanggal Laporan', 'Instansi', 'Status', 'Tanggal Tindak Lanjut Pertama', 'Tanggal Selesai', 'Klasifikasi'];
  const table = [
    header,
    ['A1', '05/08/2022', 'Dinas Kesehatan Kabupaten Kutai Timur', 'Selesai', '12/08/2022', '2022-08-20', 'Pengaduan'],
    ['A2', '2022-08-15', 'Dinas Kesehatan', 'Proses', '', '', ''],
    ['', '', '', '', '', '', ''],
    ['A3', '31/02/2022', 'Dinas Kesehatan', 'Selesai', '', '', ''],
    ['A4', '2022-08-15', 'Dinas Kesehatan', 'Entah', '', '', ''],
    ['A5', '2022-08-15', 'Disdukcapil Kutim', 'Selesai', '2022-08-14', '', ''],
    ['A6', '2021-12-30', 'Dinas Kesehatan', 'Selesai', '', '', ''],
    ['A7', '2022-09-01', 'Kementerian Agama', 'Proses', '', '', ''],
    ['A2', '2022-08-15', 'Dinas Kesehatan', 'Selesai', '', '2022-08-30', ''],
    ['B1', '2022-10-03', 'Disdukcapil Kutim', 'Bukan Wewenang', '', '', ''],
    ['B2', '2022-12-31', 'Dinas Kesehatan', 'Proses', '', '', ''],
  ];
  const columns = planColumns(header, {}, new Map()).columns;
  const read = readReports(table, 0, columns, '2022-12-30');
  const matcher = createUnitMatcher(UNITS, 'Kabupaten Kutai Timur');

  it('keeps only the fields the tool stores and refuses unreadable rows by row number', () => {
    expect(read.reports[0]).toEqual({
      row: 2, trackingId: 'A1', instansi: 'Dinas Kesehatan Kabupaten Kutai Timur', receivedOn: '2022-08-05', firstResponseOn: '2022-08-12',
      finishedOn: '2022-08-20', status: 'selesai', classification: 'Pengaduan', channel: null, category: null,
    });
    expect(read.refused).toEqual([
      { row: 5, reason: 'Tanggal Laporan "31/02/2022" tidak terbaca sebagai tanggal' },
      { row: 6, reason: 'Status "Entah" tidak dikenal' },
      { row: 7, reason: 'Tanggal Tindak Lanjut Pertama sebelum Tanggal Laporan' },
      { row: 12, reason: 'Tanggal Laporan sesudah tanggal ekspor' },
    ]);
    expect(read.blank).toBe(1);
  });

  it('plans per unit: other instansi and other years left out, duplicates keep the last row, stored IDs update', () => {
    const plan = planLaporImport({ read, matcher, decisions: new Map([[matcher.key('Disdukcapil Kutim'), 1]]), units: UNITS, existing: new Set(['A1']), periodYear: 2022 });

    expect(plan.rowsRead).toBe(10);
    expect(plan.outsidePeriod).toBe(1);
    expect(plan.leftOut).toBe(1);
    expect(plan.duplicates).toEqual([{ trackingId: 'A2', rows: [3, 10] }]);
    expect(plan.units).toEqual([
      { unitId: 1, code: 'PD-DISDUKCAPIL', name: 'Dinas Kependudukan dan Pencatatan Sipil', rows: 1, inserted: 1, updated: 0 },
      { unitId: 2, code: 'PD-DINKES', name: 'Dinas Kesehatan', rows: 2, inserted: 1, updated: 1 },
    ]);
    expect(plan.apply.map((r) => [r.trackingId, r.unitId, r.status])).toEqual([['A1', 2, 'selesai'], ['A2', 2, 'selesai'], ['B1', 1, 'bukan_wewenang']]);
    expect(plan.inserted).toBe(2);
    expect(plan.updated).toBe(1);
    expect(plan.instansi.map((i) => [i.name, i.rows, i.match.kind])).toEqual([
      ['Dinas Kesehatan Kabupaten Kutai Timur', 3, 'sama'],
      ['Disdukcapil Kutim', 1, 'dikonfirmasi'],
      ['Kementerian Agama', 1, 'pemerintah-lain'],
    ]);
  });
});
