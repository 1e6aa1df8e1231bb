/**
 * Indonesian descriptions of audit actions, shared by every page that shows the log. Every action the code writes
 * has one: AuditEntry.action only takes these keys, and test/unit/audit-labels.test.ts reads src/ for codes.
 */
export const AUDIT_ACTION_LABELS = {
  'auth.login': 'Masuk',
  'auth.login_failed': 'Gagal masuk',
  'auth.login_locked': 'Masuk ditolak (terkunci)',
  'user.create': 'Akun dibuat',
  'user.update': 'Data akun diubah',
  'user.role_change': 'Peran/unit akun diubah',
  'user.deactivate': 'Akun dinonaktifkan',
  'user.restore': 'Akun diaktifkan kembali',
  'user.password_link': 'Tautan atur kata sandi dibuat',
  'user.password_set': 'Kata sandi diatur lewat tautan',
  'user.password_change': 'Kata sandi diganti',
  'user.import': 'Pengguna diimpor',
  'session.revoke': 'Sesi diakhiri',
  'answer.update': 'Jawaban diubah',
  'evidence.add': 'Bukti dukung ditambahkan',
  'evidence.delete': 'Bukti dukung dihapus',
  'assessment.submit': 'Penilaian diajukan',
  'renaksi.generate': 'Draf Renaksi disusun',
  'export.renaksi': 'Renaksi diunduh (Excel)',
  'export.renaksi.version': 'Versi final Renaksi diunduh (Excel)',
  'export.renaksi.docx': 'Dokumen narasi Renaksi diunduh (Word)',
  'export.rekap': 'Rekap penilaian diunduh (Excel)',
  'export.board': 'Status pengisian unit diunduh (Excel)',
  'assessment.verify': 'Verifikasi selesai',
  'assessment.return': 'Penilaian dikembalikan',
  'assessment.reopen': 'Penilaian dibuka kembali',
  'assessment.copy': 'Jawaban disalin dari periode lain',
  'assessment.copy_confirm': 'Salinan jawaban dikonfirmasi',
  'verification.decide': 'Keputusan verifikasi',
  'questionnaire.download': 'Kuesioner luring diunduh',
  'questionnaire.import': 'Kuesioner luring diunggah',
  'unit.create': 'Unit ditambahkan',
  'unit.update': 'Data unit diubah',
  'unit.deactivate': 'Unit dinonaktifkan',
  'unit.activate': 'Unit diaktifkan kembali',
  'unit.import': 'Unit diimpor',
  'period.create': 'Periode penilaian dibuat',
  'renaksi.years': 'Tahun rencana Renaksi diubah',
  'renaksi.settings': 'Pengaturan Renaksi diubah',
  'renaksi.narrative': 'Narasi Renaksi diubah',
  'renaksi.row.create': 'Baris Renaksi ditambahkan',
  'renaksi.row.update': 'Baris Renaksi diubah',
  'renaksi.row.delete': 'Baris Renaksi dihapus',
  'renaksi.row.restore': 'Baris Renaksi dipulihkan',
  'renaksi.row.move': 'Urutan baris Renaksi diubah',
  'renaksi.row.priority': 'Prioritas baris Renaksi diubah',
  'renaksi.row.split': 'Baris Renaksi dipecah',
  'renaksi.row.merge': 'Baris Renaksi digabungkan',
  'renaksi.upload.apply': 'Unggahan Renaksi (Excel) diterapkan',
  'renaksi.finalize': 'Renaksi difinalkan',
  'renaksi.reopen': 'Renaksi final dibuka kembali',
  'snapshot.create': 'Snapshot presentasi dibuat',
  'verification.sample': 'Sampel jawaban tindak lanjut dicatat',
  'kabupaten.answer': 'Kondisi tingkat kabupaten dijawab',
  'kabupaten.verify': 'Kondisi tingkat kabupaten diverifikasi',
} as const satisfies Record<string, string>;

/** An action the audit log records. */
export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

/** The label of an action, or the raw code when it has none yet. */
export function auditLabel(action: string): string {
  return (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? action;
}
