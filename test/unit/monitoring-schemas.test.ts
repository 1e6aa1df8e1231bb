import { parseReviewForm, parseRowReportForm, parseUnitReportForm, parseWindowsForm } from '../../src/monitoring/monitoring.schemas';
import { semestersOf } from '../../src/monitoring/monitoring-calc';
import { describeAudit } from '../../src/audit/audit-describe';

/** The realisasi field of a saved (not submitted) row report, as the form reads it. */
function parseRealisasi(raw: string): { value: number | null; error: string | null } {
  const r = parseRowReportForm({ version: '0', action: 'simpan', status: '', realisasi: raw });
  return { value: r.value?.realisasi ?? null, error: r.errors.realisasi ?? null };
}

describe('reading a realisasi as people type it', () => {
  it.each([
    ['12', 12],
    ['12,5', 12.5],
    ['1.234', 1234],
    ['1.234,5', 1234.5],
    ['12.5', 12.5],
    [' 7 ', 7],
    ['', null],
  ])('reads %j as %p', (raw, value) => {
    expect(parseRealisasi(raw)).toEqual({ value, error: null });
  });

  it.each([
    ['-3', 'Realisasi: tidak boleh negatif.'],
    ['−3', 'Realisasi: tidak boleh negatif.'],
    ['dua belas', 'Realisasi: isi dengan angka, mis. 12 atau 12,5.'],
    ['1e3', 'Realisasi: isi dengan angka, mis. 12 atau 12,5.'],
    ['99999999999', 'Realisasi: angkanya terlalu besar; periksa kembali.'],
    ['9'.repeat(400), 'Realisasi: angkanya terlalu besar; periksa kembali.'],
  ])('refuses %j naming the field', (raw, error) => {
    expect(parseRealisasi(raw).error).toBe(error);
  });
});

describe('the report, review and windows forms', () => {
  it('requires a status to submit a row report', () => {
    expect(parseRowReportForm({ version: '0', action: 'ajukan', status: '' }).errors.status).toBe('Status: pilih status sebelum mengajukan laporan.');
    expect(parseRowReportForm({ version: '0', action: 'simpan', status: '' }).value).toMatchObject({ status: null, action: 'simpan' });
  });

  it('requires a comment to return a report', () => {
    expect(parseReviewForm({ version: '2', decision: 'kembalikan', comment: ' ' }).errors.comment).toMatch(/^Komentar verifikator: wajib diisi/);
    expect(parseReviewForm({ version: '2', decision: 'terima', comment: '' }).value).toEqual({ decision: 'terima', comment: '', version: 2 });
  });

  it('names the indicator in each refused field of a unit report and folds a tampered version into one form message', () => {
    const r = parseUnitReportForm(['A1', 'B2'], {
      version: 'x', action: 'ajukan', status_A1: 'selesai', kendala_A1: 'k'.repeat(4001), link_A1: 'ftp://x', status_B2: '',
    });

    expect(r.value).toBeNull();
    expect(r.errors).toEqual({
      _form: 'Formulir tidak lengkap; muat ulang halaman lalu coba lagi.',
      kendala_A1: 'Indikator A1 – kendala: maksimal 4.000 karakter.',
      link_A1: 'Indikator A1 – tautan bukti dukung: tautan harus diawali http:// atau https://.',
      status_B2: 'Indikator B2 – status: pilih status sebelum mengajukan laporan.',
    });
  });

  it('reads a unit report into items, trimmed, with an empty status as none for a draft', () => {
    expect(parseUnitReportForm(['A1'], { version: '3', status_A1: '', activity_A1: ' Rapat\r\nkoordinasi ' }).value).toEqual({
      items: [{ indicatorCode: 'A1', status: null, activity: 'Rapat\nkoordinasi', kendala: '', link: '' }], version: 3, action: 'simpan',
    });
  });

  it('refuses a deadline before the opening day and a window with one date only', () => {
    const semesters = semestersOf(2022, 2022);

    expect(parseWindowsForm(semesters, { 'opens_2022-1': '2022-07-10', 'deadline_2022-1': '2022-07-01', 'opens_2022-2': '2023-01-02' }).errors).toEqual({
      'deadline_2022-1': 'Semester I 2022 – batas akhir: tidak boleh sebelum tanggal dibuka.',
      'deadline_2022-2': 'Semester II 2022 – batas akhir: isi tanggal yang valid.',
    });
  });

  it('refuses an impossible date and clears a window left empty', () => {
    const semesters = semestersOf(2022, 2022);

    expect(parseWindowsForm(semesters, { 'opens_2022-1': '2022-02-30', 'deadline_2022-1': '2022-03-10' }).errors).toEqual({ 'opens_2022-1': 'Semester I 2022 – dibuka: isi tanggal yang valid.' });
    expect(parseWindowsForm(semesters, {}).value?.map((w) => w.window)).toEqual([null, null]);
  });
});

describe('the monev in the audit log', () => {
  it('describes a saved realisasi and a returned report in Indonesian', () => {
    expect(describeAudit({ action: 'monev.row.submit', oldValue: null, newValue: JSON.stringify({ baris: 'I.1', semester: 'Semester I 2022', status: 'berjalan', realisasi: 2.5 }) }))
      .toBe('Realisasi baris I.1 Semester I 2022 diajukan: berjalan, realisasi 2,5');
    expect(describeAudit({ action: 'monev.unit.review', oldValue: null, newValue: JSON.stringify({ semester: 'Semester II 2022', status: 'dikembalikan', komentar: 'Lampirkan SK.' }) }))
      .toBe('Laporan monev unit Semester II 2022 dikembalikan: Lampirkan SK.');
  });
});
