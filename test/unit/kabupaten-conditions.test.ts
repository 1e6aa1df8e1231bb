import type { KabupatenItem } from '../../src/instrument/instrument.schemas';
import { buildConditions, summarizeConditions } from '../../src/kabupaten/kabupaten-conditions';
import type { KabupatenAnswer } from '../../src/kabupaten/kabupaten.repo';
import { conditionState, effectiveValue, itemValues, reviewStatus, valueCriterion, valueLabel } from '../../src/kabupaten/kabupaten-state';
import { parseKabupatenAnswers, parseKabupatenDecisions } from '../../src/kabupaten/kabupaten.schemas';

const BASE = { question: 'Pertanyaan?', evidence: 'Salinan dokumen.', coordinator: 'Bagian Hukum' };
const PERBUP: KabupatenItem = {
  ...BASE, code: 'K1', title: 'Peraturan Bupati', scale: 'ya-sebagian-tidak',
  options: { ya: 'Telah diundangkan.', sebagian: 'Sedang disusun.', tidak: 'Belum ada.' },
};
const RENAKSI: KabupatenItem = {
  ...BASE, code: 'K3', title: 'Rencana Aksi', scale: 'tingkat',
  levels: ['Belum disusun.', 'Sedang disusun.', 'Disusun.', 'Ditetapkan.', 'Ditetapkan dan dimonev.'],
};

function answer(code: string, over: Partial<KabupatenAnswer> = {}): KabupatenAnswer {
  return {
    itemCode: code, value: null, note: '', answeredBy: 'Admin', answeredAt: '2022-06-27T01:00:00Z', decision: null, judgedValue: null,
    verifiedValue: null, verifierComment: '', decidedBy: null, decidedAt: null, ...over,
  };
}

describe('a kabupaten condition\'s answer', () => {
  it.each([
    [PERBUP, 'ya', 'terpenuhi'], [PERBUP, 'sebagian', 'sebagian'], [PERBUP, 'tidak', 'belum'],
    [RENAKSI, '4', 'terpenuhi'], [RENAKSI, '3', 'sebagian'], [RENAKSI, '1', 'sebagian'], [RENAKSI, '0', 'belum'],
  ] as const)('%#: %s answered %s is %s', (item, value, state) => {
    expect(conditionState(item, value)).toBe(state);
  });

  it('lists each scale best first and names each value with its criterion', () => {
    expect(itemValues(PERBUP)).toEqual(['ya', 'sebagian', 'tidak']);
    expect(itemValues(RENAKSI)).toEqual(['4', '3', '2', '1', '0']);
    expect(valueLabel(RENAKSI, '3')).toBe('Tingkat 3');
    expect(valueCriterion(RENAKSI, '3')).toBe('Ditetapkan.');
    expect(valueLabel(PERBUP, 'sebagian')).toBe('Sebagian');
    expect(valueCriterion(PERBUP, 'tidak')).toBe('Belum ada.');
  });

  it('uses the verified value only while the decision judged the answer as it is now', () => {
    const accepted = answer('K3', { value: '3', decision: 'ubah', judgedValue: '3', verifiedValue: '2' });
    const stale = { ...accepted, value: '4' };

    expect([reviewStatus(accepted), effectiveValue(accepted)]).toEqual(['diubah', '2']);
    expect([reviewStatus(stale), effectiveValue(stale)]).toEqual(['berubah', '4']);
    expect([reviewStatus(answer('K3', { note: 'hanya catatan' })), effectiveValue(answer('K3'))]).toEqual(['belum-diisi', null]);
    expect(reviewStatus(answer('K3', { value: '1' }))).toBe('menunggu-verifikasi');
  });
});

describe('the conditions of a period', () => {
  it('counts answered, verified and each state over every item, unanswered ones included', () => {
    const items = [PERBUP, RENAKSI, { ...PERBUP, code: 'K5', title: 'Anggaran' }];
    const answers = {
      K1: answer('K1', { value: 'sebagian', decision: 'ubah', judgedValue: 'sebagian', verifiedValue: 'ya', verifierComment: 'Sudah diundangkan.' }),
      K3: answer('K3', { value: '2' }),
    };

    const conditions = buildConditions(items, answers, {});

    expect(conditions.map((c) => [c.item.code, c.valueLabel, c.state, c.status])).toEqual([
      ['K1', 'Ya', 'terpenuhi', 'diubah'],
      ['K3', 'Tingkat 2', 'sebagian', 'menunggu-verifikasi'],
      ['K5', null, null, 'belum-diisi'],
    ]);
    expect(summarizeConditions(conditions)).toEqual({ total: 3, answered: 2, verified: 1, byState: { terpenuhi: 1, sebagian: 1, belum: 0 } });
  });
});

describe('the checklist forms', () => {
  it('reads answers, leaves absent items out and names the condition in each refusal', () => {
    const parsed = parseKabupatenAnswers([PERBUP, RENAKSI], { value_K1: 'ya', note_K1: ' Perbup 12/2021 ', link_K1: '', value_K3: '5', link_K3: 'jdih' });

    expect(parsed.answers).toEqual([{ code: 'K1', value: 'ya', note: 'Perbup 12/2021', link: '' }]);
    expect(parsed.errors).toEqual({
      value_K3: 'Kondisi K3: pilih salah satu jawaban yang tersedia.',
      link_K3: 'Kondisi K3: tautan harus diawali http:// atau https://.',
    });
  });

  it('keeps a note typed without an answer (value null keeps the stored one)', () => {
    expect(parseKabupatenAnswers([RENAKSI], { note_K3: 'Draf di Bagian Hukum' }).answers).toEqual([{ code: 'K3', value: null, note: 'Draf di Bagian Hukum', link: '' }]);
  });

  it('reads decisions: a change needs a value of the item and a comment, a clear drops the comment', () => {
    const ok = parseKabupatenDecisions([PERBUP, RENAKSI], { decision_K1: '', comment_K1: 'x', decision_K3: 'ubah', vvalue_K3: '2', comment_K3: ' Belum ditetapkan. ' });
    const bad = parseKabupatenDecisions([PERBUP], { decision_K1: 'ubah', vvalue_K1: '3', comment_K1: '' });

    expect(ok).toEqual({ decisions: [{ code: 'K1', decision: null, value: null, comment: '' }, { code: 'K3', decision: 'ubah', value: '2', comment: 'Belum ditetapkan.' }], errors: {} });
    expect(bad.errors).toEqual({
      vvalue_K1: 'Kondisi K1: pilih jawaban hasil verifikasi (Ya, Sebagian atau Tidak).',
      comment_K1: 'Kondisi K1: alasan mengubah jawaban wajib diisi.',
    });
  });
});
