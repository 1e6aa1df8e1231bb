import { normalizeWords } from './lapor-status';

/**
 * The columns of an SP4N-LAPOR! export the tool reads, how their headers are recognised, and which columns hold
 * personal data that is never kept. Pure.
 */

export const LAPOR_FIELDS = [
  'trackingId', 'receivedOn', 'instansi', 'status', 'firstResponseOn', 'finishedOn', 'classification', 'channel', 'category',
] as const;
export type LaporField = (typeof LAPOR_FIELDS)[number];

/** Without these a file cannot be imported at all. */
export const REQUIRED_FIELDS: readonly LaporField[] = ['trackingId', 'receivedOn', 'instansi', 'status'];

export const FIELD_LABELS: Record<LaporField, string> = {
  trackingId: 'ID Tracking',
  receivedOn: 'Tanggal Laporan',
  instansi: 'Instansi',
  status: 'Status',
  firstResponseOn: 'Tanggal Tindak Lanjut Pertama',
  finishedOn: 'Tanggal Selesai',
  classification: 'Klasifikasi',
  channel: 'Kanal',
  category: 'Kategori',
};

/** Header names recognised without a mapping (compared after normalizeWords). */
const KNOWN_HEADERS: Record<LaporField, string[]> = {
  trackingId: ['id tracking', 'tracking id', 'no tracking', 'nomor tracking', 'kode tracking', 'id laporan', 'nomor laporan', 'no laporan'],
  receivedOn: ['tanggal laporan', 'tgl laporan', 'tanggal masuk', 'tanggal diterima', 'tanggal lapor', 'waktu laporan'],
  instansi: ['instansi', 'instansi tujuan', 'disposisi', 'instansi terdisposisi', 'nama instansi', 'instansi penerima'],
  status: ['status', 'status laporan'],
  firstResponseOn: ['tanggal tindak lanjut pertama', 'tgl tindak lanjut pertama', 'tanggal tanggapan pertama', 'tanggal respon pertama', 'tindak lanjut pertama'],
  finishedOn: ['tanggal selesai', 'tgl selesai', 'tanggal penyelesaian', 'waktu selesai'],
  classification: ['klasifikasi', 'klasifikasi laporan', 'jenis laporan'],
  channel: ['kanal', 'kanal laporan', 'sumber', 'sumber laporan', 'media'],
  category: ['kategori', 'kategori laporan', 'topik'],
};
const KNOWN = new Map<string, LaporField>(LAPOR_FIELDS.flatMap((f) => KNOWN_HEADERS[f].map((h) => [h, f] as const)));

/** Words of a header that mark reporter identity or the report's own text. */
const PERSONAL_WORDS = new Set([
  'nama', 'pelapor', 'nik', 'ktp', 'telepon', 'telp', 'tlp', 'hp', 'ponsel', 'whatsapp', 'wa', 'email', 'mail', 'surel',
  'alamat', 'isi', 'uraian', 'kependudukan', 'kontak', 'pengadu', 'judul', 'deskripsi', 'lampiran', 'lokasi', 'kronologi', 'tanggapan', 'balasan', 'identitas',
  // NIK written out ("Nomor Induk"), and what describes the reporter.
  'induk', 'kelamin', 'lahir', 'usia', 'umur', 'pekerjaan',
]);

/** A column whose header names a date ("Tanggal Tanggapan Akhir") holds no identity, whatever else it says. */
const DATE_WORDS = new Set(['tanggal', 'tgl', 'waktu']);

/** Words that make a date column personal all the same ("Tanggal Lahir"). */
const PERSONAL_DATE_WORDS = new Set(['lahir']);

/** A header as it is compared: see normalizeWords. */
export const headerKey = (header: string): string => normalizeWords(header);

/** The field a header names by itself (e.g. "Tracking ID" → trackingId), or undefined. */
export function knownField(header: string): LaporField | undefined {
  return KNOWN.get(headerKey(header));
}

/**
 * Whether a column not recognised as a field holds reporter identity or report text ("Nama Pelapor", "NIK", "No. HP",
 * "Isi Laporan"): such columns are dropped as soon as the file is read and cannot be mapped.
 */
export function isPersonalHeader(header: string): boolean {
  const words = headerKey(header).split(' ');
  if (words.some((w) => PERSONAL_DATE_WORDS.has(w))) return true;
  return words.some((w) => PERSONAL_WORDS.has(w)) && !words.some((w) => DATE_WORDS.has(w));
}

/** Where each field's column was found. */
export type ColumnSource = 'dipetakan' | 'diingat' | 'dikenali';

export interface ColumnPlan {
  /** 0-based column index per field found. */
  columns: Partial<Record<LaporField, number>>;
  source: Partial<Record<LaporField, ColumnSource>>;
  missing: LaporField[];
  /** 0-based indexes of the columns dropped as personal data. */
  personal: number[];
}

/**
 * Decides which column holds each field: a column the admin mapped (field → header text) first, then a header
 * remembered from an earlier mapping (header key → field), then a header recognised by name. A column serves one
 * field only; personal columns serve none.
 */
export function planColumns(
  header: readonly string[],
  mapped: Partial<Record<LaporField, string>>,
  remembered: ReadonlyMap<string, LaporField>,
): ColumnPlan {
  const keys = header.map(headerKey);
  const columns: Partial<Record<LaporField, number>> = {};
  const source: Partial<Record<LaporField, ColumnSource>> = {};
  const taken = new Set<number>();
  const take = (field: LaporField, index: number, how: ColumnSource) => {
    if (index < 0 || taken.has(index) || columns[field] !== undefined) return;
    columns[field] = index;
    source[field] = how;
    taken.add(index);
  };
  for (const f of LAPOR_FIELDS) {
    const wanted = mapped[f];
    if (wanted !== undefined && wanted !== '') take(f, keys.indexOf(headerKey(wanted)), 'dipetakan');
  }
  keys.forEach((k, i) => {
    const f = remembered.get(k);
    if (f && !mapped[f]) take(f, i, 'diingat');
  });
  keys.forEach((k, i) => {
    const f = KNOWN.get(k);
    if (f && !mapped[f]) take(f, i, 'dikenali');
  });
  const personal = header.flatMap((h, i) => (!taken.has(i) && isPersonalHeader(h) ? [i] : []));
  return { columns, source, missing: REQUIRED_FIELDS.filter((f) => columns[f] === undefined), personal };
}

/**
 * The header row: the first of the top rows naming at least two known fields (exports often start with a title), else
 * the first row with any text. 0-based; -1 for an empty table.
 */
export function findHeaderRow(table: readonly (readonly string[])[], within = 10): number {
  const top = table.slice(0, within);
  const named = top.findIndex((r) => r.filter((c) => knownField(c) !== undefined).length >= 2);
  if (named >= 0) return named;
  return table.findIndex((r) => r.some((c) => c !== ''));
}
