import { parseVerificationForm } from '../../src/verification/verification.schemas';
import { isCurrentDecision } from '../../src/verification/verification.service';
import type { Answer } from '../../src/assessments/assessments.repo';
import type { Decision } from '../../src/verification/verification.repo';
import { buildInstrument } from './factories';

const instrument = buildInstrument({ aspects: [{ code: 'A', weight: 100, indicators: 3 }] });

describe('parseVerificationForm', () => {
  it('reads decisions only for indicators present, the reason only with a changed level, and non-empty comments', () => {
    const r = parseVerificationForm(instrument, {
      decision_A1: 'terima', reason_A1: 'diabaikan', decision_A2: 'ubah', vlevel_A2: '1', reason_A2: ' Bukti belum sah ',
      comment_A2: ' Unggah SK ', comment_A3: '   ', comment_umum: 'Catatan umum',
    });

    expect(r).toEqual({
      decisions: [
        { code: 'A1', decision: 'terima', level: null, reason: '' },
        { code: 'A2', decision: 'ubah', level: 1, reason: 'Bukti belum sah' },
      ],
      comments: [{ code: 'A2', comment: 'Unggah SK' }, { code: null, comment: 'Catatan umum' }],
      errors: {},
    });
  });

  it('names every bad field', () => {
    const r = parseVerificationForm(instrument, { decision_A1: 'ubah', vlevel_A1: '', decision_A2: 'tolak', comment_A3: 'x'.repeat(2001) });

    expect(r.errors).toEqual({
      vlevel_A1: 'Indikator A1: pilih tingkat hasil verifikasi 0, 1, 2, 3 atau 4.',
      reason_A1: 'Indikator A1: alasan penetapan tingkat wajib diisi.',
      decision_A2: 'Indikator A2: pilih keputusan yang tersedia.',
      comment_A3: 'Indikator A3: catatan maksimal 2.000 karakter.',
    });
  });
});

describe('isCurrentDecision', () => {
  const answer = (level: number | null, isNa = false, selfRevision = 0): Answer => ({
    indicatorCode: 'A1', level, isNa, note: '', verifiedLevel: null, verifierNote: '', version: 1, updatedAt: '', selfRevision, returnedRevision: null, copyState: null,
  });
  const decision = (selfLevel: number | null, selfIsNa = false, selfRevision: number | null = 0): Decision => ({ indicatorCode: 'A1', decision: 'terima', selfLevel, selfIsNa, selfRevision, decidedBy: null, decidedAt: '' });

  it.each([
    [decision(3), answer(3), true],
    [decision(3), answer(2), false],
    [decision(null, true), answer(null, true), true],
    [decision(null, true), answer(0), false],
    [undefined, answer(3), false],
    [decision(3, false, 0), answer(3, false, 2), false],
    [decision(3, false, null), answer(3, false, 0), false],
  ])('decision %p on answer %p is current: %p', (d, a, expected) => {
    expect(isCurrentDecision(d, a)).toBe(expected);
  });
});
