import { unitHeadTitle } from '../../src/units/unit-head';
import { activityText, headLine, summaryLine, unitLine, unitPlanSections, type UnitPlanSourceItem } from '../../src/renaksi-narrative/unit-plan-model';
import { unitPlanUrl } from '../../src/renaksi-narrative/unit-plan-access';

const ASPECTS = [{ code: 'A', name: 'Kebijakan' }, { code: 'B', name: 'Kelembagaan' }, { code: 'C', name: 'Kanal' }];
const YEARS = [2022, 2023, 2024];
const item = (code: string, aspectCode: string, level: number, yearly: Record<string, number>, activities = 1): UnitPlanSourceItem => ({
  code, aspectCode, title: `Judul ${code}`, sasaran: `Sasaran ${code}`, level, target: 4, yearly,
  activities: Array.from({ length: activities }, (_v, i) => ({ activity: `Kegiatan ${code}.${i + 1}`, output: 'SK ditetapkan', unit: 'dokumen', outputPerYear: 1 })),
});

describe('unitHeadTitle', () => {
  it.each([
    [{ name: 'Kecamatan Busang', group: 'kecamatan' as const }, 'Camat Busang'],
    [{ name: 'Sekretariat Daerah', group: 'pd' as const }, 'Sekretaris Daerah'],
    [{ name: 'Sekretariat DPRD', group: 'pd' as const }, 'Sekretaris DPRD'],
    [{ name: 'Inspektorat Daerah', group: 'pd' as const }, 'Inspektur Daerah'],
    [{ name: 'RSUD Kudungga', group: 'pd' as const }, 'Direktur RSUD Kudungga'],
    [{ name: 'Dinas Kesehatan', group: 'pd' as const }, 'Kepala Dinas Kesehatan'],
    [{ name: 'Badan Pendapatan Daerah', group: 'pd' as const }, 'Kepala Badan Pendapatan Daerah'],
  ])('names the head of %o as %s', (unit, title) => {
    expect(unitHeadTitle({ ...unit, headTitle: '' })).toBe(title);
  });

  it('prints the position an admin stored instead', () => {
    expect(unitHeadTitle({ name: 'Kecamatan Busang', group: 'kecamatan', headTitle: ' Plt. Camat Busang ' })).toBe('Plt. Camat Busang');
  });
});

describe('unitPlanSections', () => {
  it('groups the rows under the instrument’s aspects, numbers them through the document and lays the levels out by year', () => {
    // Plan order B2, A1, B1 (priority); the document shows aspect A before B, each keeping the plan's order.
    const items = [item('B2', 'B', 0, { 2022: 1, 2023: 2, 2024: 3 }), item('A1', 'A', 1, { 2022: 2, 2023: 3, 2024: 4 }, 2), item('B1', 'B', 3, { 2022: 4, 2023: 4, 2024: 4 })];

    const { aspects } = unitPlanSections(items, ASPECTS, YEARS, []);

    expect(aspects.map((a) => [a.code, a.rows.map((r) => [r.no, r.code, r.level, r.yearly])])).toEqual([
      ['A', [[1, 'A1', 1, [2, 3, 4]]]],
      ['B', [[2, 'B2', 0, [1, 2, 3]], [3, 'B1', 3, [4, 4, 4]]]],
    ]);
    expect(aspects[0]?.rows[0]?.activities).toEqual([
      'Kegiatan A1.1 (keluaran: SK ditetapkan; 1 dokumen per tahun)',
      'Kegiatan A1.2 (keluaran: SK ditetapkan; 1 dokumen per tahun)',
    ]);
  });

  it('attaches each note to its indicator and keeps notes on the unit or on an indicator at target apart', () => {
    const notes = [
      { indicatorCode: 'A1', note: 'SK menunggu tanda tangan' },
      { indicatorCode: null, note: 'Didampingi Diskominfo' },
      { indicatorCode: 'C1', note: 'Sudah tercapai' },
    ];

    const { aspects, generalNotes } = unitPlanSections([item('A1', 'A', 1, { 2022: 2, 2023: 3, 2024: 4 })], ASPECTS, YEARS, notes);

    expect(aspects[0]?.rows[0]?.notes).toEqual(['SK menunggu tanda tangan']);
    expect(generalNotes).toEqual(['Didampingi Diskominfo', 'C1: Sudah tercapai']);
  });
});

describe('the unit plan’s sentences', () => {
  it('writes an activity without a yearly figure when the instrument gives none', () => {
    expect(activityText({ activity: 'Sosialisasi SOP', output: 'Pegawai tersosialisasi', unit: 'orang' })).toBe('Sosialisasi SOP (keluaran: Pegawai tersosialisasi)');
    expect(activityText({ activity: 'Sosialisasi SOP', output: 'Pegawai tersosialisasi', unit: 'orang', outputPerYear: 1250 })).toBe('Sosialisasi SOP (keluaran: Pegawai tersosialisasi; 1.250 orang per tahun)');
  });

  it('leaves dotted places for a head’s name and NIP not yet recorded', () => {
    expect(headLine({ title: 'Camat Busang', name: '', nip: '' })).toBe('Camat Busang, ……………………………, NIP ……………………………');
    expect(headLine({ title: 'Kepala Dinas Kesehatan', name: 'dr. Ani', nip: '19700101 199003 1 001' })).toBe('Kepala Dinas Kesehatan, dr. Ani, NIP 19700101 199003 1 001');
  });

  it('counts the indicators, aspects and activities, or says the unit is at target everywhere', () => {
    const { aspects } = unitPlanSections(
      [item('A1', 'A', 1, { 2022: 2, 2023: 3, 2024: 4 }, 2), item('B1', 'B', 2, { 2022: 3, 2023: 4, 2024: 4 }, 3), item('B2', 'B', 2, { 2022: 3, 2023: 4, 2024: 4 })],
      ASPECTS, YEARS, [],
    );
    const unit = { code: 'KEC-BUSANG', name: 'Kecamatan Busang', groupLabel: 'Kecamatan', submitted: true };

    expect(summaryLine({ aspects, years: YEARS, unit })).toBe(
      'Kecamatan Busang berada di bawah tingkat target pada 3 indikator dalam 2 aspek dan melaksanakan 6 kegiatan untuk mencapai tingkat yang ditargetkan pada akhir setiap tahun dalam tabel berikut.',
    );
    expect(summaryLine({ aspects: [], years: YEARS, unit })).toBe('Kecamatan Busang telah mencapai tingkat target pada seluruh indikator Rencana Aksi; unit menjaga capaian tersebut sampai akhir tahun 2024.');
  });
});

describe('unitPlanUrl', () => {
  const url = '/periods/7/units/12/renaksi.docx';

  it('links the Renaksi’s readers to any unit’s once a plan is drafted', () => {
    for (const role of ['admin', 'tim_renaksi', 'verifikator', 'fasilitator']) {
      expect([null, 'draf', 'final'].map((s) => unitPlanUrl({ role, unitId: null }, s as 'draf' | 'final' | null, 7, 12))).toEqual([null, url, url]);
    }
  });

  it('links a narahubung to their own unit’s only once the plan is final', () => {
    expect(unitPlanUrl({ role: 'narahubung', unitId: 12 }, 'draf', 7, 12)).toBeNull();
    expect(unitPlanUrl({ role: 'narahubung', unitId: 12 }, 'final', 7, 12)).toBe(url);
    expect(unitPlanUrl({ role: 'narahubung', unitId: 13 }, 'final', 7, 12)).toBeNull();
  });
});

describe('unitLine', () => {
  it.each([
    ['Dinas Kesehatan', 'Perangkat Daerah', 'Dinas Kesehatan (Perangkat Daerah)'],
    ['Kecamatan Busang', 'Kecamatan', 'Kecamatan Busang'],
    ['RSUD Kudungga', 'Perangkat Daerah', 'RSUD Kudungga (Perangkat Daerah)'],
  ])('names %s of group %s as "%s"', (name, groupLabel, expected) => {
    expect(unitLine({ name, groupLabel })).toBe(expected);
  });
});
