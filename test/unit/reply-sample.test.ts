import type { Indicator } from '../../src/instrument/instrument.schemas';
import { parseSampleForm, parseSampleJson, sampleShare } from '../../src/verification/reply-sample';
import { sampleShareText } from '../../src/verification/sample-view';

const SAMPLE = {
  maxReports: 3,
  population: 'Laporan berstatus selesai.',
  checklist: [{ code: 'pokok', text: 'Pokok masalah.' }, { code: 'bukti', text: 'Bukti.' }],
};
const D3 = { code: 'D3', title: 'Kualitas jawaban', sample: SAMPLE } as unknown as Indicator;
const A1 = { code: 'A1', title: 'Kebijakan' } as unknown as Indicator;

describe('the reply sample', () => {
  it.each([
    [[], 0, 0, null],
    [[['1', ['pokok', 'bukti']]], 1, 1, 100],
    [[['1', ['pokok', 'bukti']], ['2', ['pokok']], ['3', []]], 3, 1, 100 / 3],
    [[['1', ['bukti', 'pokok']], ['2', ['pokok', 'bukti']]], 2, 2, 100],
  ] as const)('%#: counts the replies meeting every item', (rows, total, meetingAll, percent) => {
    const reports = rows.map(([trackingId, checks]) => ({ trackingId, checks: [...checks] }));

    expect(sampleShare(SAMPLE, reports)).toEqual({ total, meetingAll, percent });
  });

  it('says the share in id-ID form', () => {
    expect(sampleShareText({ total: 3, meetingAll: 2, percent: 200 / 3 })).toBe('2 dari 3 jawaban dalam sampel memenuhi seluruh butir daftar periksa (66,7 %).');
    expect(sampleShareText({ total: 0, meetingAll: 0, percent: null })).toBe('Belum ada laporan dalam sampel.');
  });

  it('reads the form rows in the checklist\'s order, dropping blank rows; nothing without the marker or a sample', () => {
    const body = { sample_D3: '1', sample_D3_1_id: ' 6110421 ', sample_D3_1_bukti: '1', sample_D3_1_pokok: '1', sample_D3_3_id: '6110577' };

    expect(parseSampleForm(D3, body)).toEqual({
      sample: { code: 'D3', reports: [{ trackingId: '6110421', checks: ['pokok', 'bukti'] }, { trackingId: '6110577', checks: [] }] },
      errors: {},
    });
    expect(parseSampleForm(D3, { sample_D3_1_id: '6110421' })).toEqual({ errors: {} });
    expect(parseSampleForm(A1, body)).toEqual({ errors: {} });
  });

  it('refuses more reports than the sample takes, unknown items and a tracking ID with spaces inside', () => {
    const four = Array.from({ length: 4 }, (_, i) => ({ trackingId: `61100${i}`, checks: [] }));

    expect(parseSampleJson(D3, four).errors).toEqual({ sample_D3: 'Indikator D3: sampel paling banyak 3 laporan.' });
    expect(parseSampleJson(D3, [{ trackingId: '6110421', checks: ['tepat-waktu'] }]).errors).toEqual({
      sample_D3_1_id: 'Indikator D3, laporan sampel ke-1: butir daftar periksa tidak dikenal.',
    });
    expect(parseSampleJson(D3, [{ trackingId: '611 0421', checks: [] }]).errors).toEqual({
      sample_D3_1_id: 'Indikator D3, laporan sampel ke-1: ID Tracking hanya berisi huruf, angka atau tanda hubung (paling banyak 40 karakter).',
    });
    expect(parseSampleJson(D3, 'semua').errors).toEqual({ sample_D3: 'Indikator D3: sampel tidak dapat dibaca.' });
  });
});
