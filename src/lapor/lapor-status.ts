/**
 * The statuses of a report, as the tool keeps them. SP4N-LAPOR! and its exports name them in several ways; each is
 * read into one of five. Pure.
 */
export const LAPOR_STATUSES = ['belum', 'proses', 'selesai', 'bukan_wewenang', 'arsip'] as const;
export type LaporStatus = (typeof LAPOR_STATUSES)[number];

const NAMES: Record<LaporStatus, string[]> = {
  belum: [
    'belum terverifikasi', 'belum diverifikasi', 'menunggu verifikasi', 'baru', 'belum diproses', 'belum ditindaklanjuti',
    'belum di tindaklanjuti', 'belum ditanggapi', 'terverifikasi', 'diverifikasi', 'disposisi', 'didisposisikan', 'terdisposisi',
  ],
  proses: [
    'proses', 'diproses', 'dalam proses', 'sedang diproses', 'ditindaklanjuti', 'di tindaklanjuti', 'tindak lanjut',
    'sedang ditindaklanjuti', 'ditanggapi', 'ditunda', 'tunda', 'menunggu tanggapan pelapor',
  ],
  selesai: ['selesai', 'sudah selesai', 'laporan selesai', 'ditutup', 'tuntas', 'closed', 'done'],
  bukan_wewenang: ['bukan wewenang', 'bukan kewenangan', 'di luar kewenangan', 'diluar kewenangan', 'tidak berwenang'],
  arsip: ['diarsipkan', 'arsip', 'diarsip', 'arsipkan'],
};

const BY_NAME = new Map<string, LaporStatus>(LAPOR_STATUSES.flatMap((s) => NAMES[s].map((n) => [n, s] as const)));

/** Lower case, letters and digits only, single spaces: "Bukan Wewenang " and "bukan-wewenang" read alike. */
export function normalizeWords(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
}

/** The status a cell names, or null when it is none SP4N-LAPOR! uses. */
export function parseLaporStatus(text: string): LaporStatus | null {
  return BY_NAME.get(normalizeWords(text)) ?? null;
}
