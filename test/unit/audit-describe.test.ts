import { describeAudit } from '../../src/audit/audit-describe';

const j = (v: unknown) => JSON.stringify(v);

describe('describeAudit', () => {
  it.each([
    ['answer.update', j({ indikator: 'A1', level: 1, catatan: 'x' }), j({ indikator: 'A1', level: 'na', catatan: 'x' }), 'Jawaban A1: Tingkat 1 → tidak berlaku'],
    ['answer.update', null, j({ indikator: 'B2', level: null, catatan: 'catatan' }), 'Jawaban B2: belum ada → kosong; penjelasan diubah'],
    ['assessment.submit', 'dikembalikan', 'diajukan', 'Penilaian diajukan (Dikembalikan → Diajukan)'],
    ['assessment.reopen', 'diverifikasi', j({ status: 'dikembalikan', alasan: 'salah unggah' }), 'Penilaian dibuka kembali oleh admin (Diverifikasi → Dikembalikan); alasan: salah unggah'],
    ['verification.decide', null, j({ indikator: 'C1', keputusan: 'terima', level: 3, alasan: '' }), 'Verifikasi C1: tingkat mandiri diterima (Tingkat 3)'],
    ['verification.decide', j({ indikator: 'C1', keputusan: 'terima', level: 3 }), j({ indikator: 'C1', keputusan: 'ubah', level: 2, alasan: 'bukti kurang' }), 'Verifikasi C1: tingkat hasil verifikasi ditetapkan Tingkat 2 (sebelumnya: diterima); alasan: bukti kurang'],
    ['verification.decide', j({ indikator: 'C1', keputusan: 'ubah', level: 2 }), j({ indikator: 'C1', keputusan: null, level: null, alasan: '' }), 'Verifikasi C1: keputusan dibatalkan (sebelumnya: Tingkat 2)'],
    ['unit.update', j({ kode: 'PD-A', nama: 'Dinas A', kelompok: 'pd' }), j({ kode: 'PD-A', nama: 'Dinas A Baru', kelompok: 'pd' }), 'Data unit diubah: Dinas A (PD-A, Perangkat Daerah) → Dinas A Baru (PD-A, Perangkat Daerah)'],
    ['sesuatu.baru', 'lama', 'baru', 'Perubahan (sesuatu.baru): lama → baru'],
  ])('describes %s (%s → %s)', (action, oldValue, newValue, expected) => {
    expect(describeAudit({ action, oldValue, newValue })).toBe(expected);
  });
});
