import { GROUP_LABELS, STATUS_LABELS } from '../shared/format';
import { AUDIT_ACTION_LABELS } from './audit-labels';

/** The stored parts of an audit row a description needs. */
export interface AuditFacts {
  action: string;
  oldValue: string | null;
  newValue: string | null;
}

type Obj = Record<string, unknown>;

function parse(v: string | null): unknown {
  if (v === null) return null;
  if (!v.startsWith('{') && !v.startsWith('[')) return v;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return v;
  }
}

const obj = (v: unknown): Obj => (v && typeof v === 'object' ? (v as Obj) : {});
const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** 3 → "Tingkat 3", 'na' → "tidak berlaku", null → "kosong". */
export function levelText(v: unknown): string {
  if (v === 'na') return 'tidak berlaku';
  if (typeof v === 'number') return `Tingkat ${v}`;
  return 'kosong';
}

/** A kabupaten condition's answer: '3' → "Tingkat 3", 'ya' → "Ya", null → "kosong". */
function kabupatenValueText(v: unknown): string {
  if (typeof v !== 'string' || v === '') return 'kosong';
  return /^[0-4]$/.test(v) ? `Tingkat ${v}` : v.charAt(0).toUpperCase() + v.slice(1);
}

function statusText(v: unknown): string {
  const key = typeof v === 'string' ? v : str(obj(v).status);
  return (STATUS_LABELS as Record<string, string>)[key] ?? (key || '–');
}

function unitText(v: Obj): string {
  const group = (GROUP_LABELS as Record<string, string>)[str(v.kelompok)] ?? str(v.kelompok);
  return `${str(v.nama)} (${str(v.kode)}, ${group})`;
}

const DESCRIBE: Record<string, (o: unknown, n: unknown) => string> = {
  'answer.update': (o, n) => {
    const before = obj(o);
    const after = obj(n);
    const parts = [`Jawaban ${str(after.indikator)}: ${o ? levelText(before.level) : 'belum ada'} → ${levelText(after.level)}`];
    if (o ? str(before.catatan) !== str(after.catatan) : str(after.catatan) !== '') parts.push('penjelasan diubah');
    return parts.join('; ');
  },
  'evidence.add': (_o, n) => `Bukti dukung ${str(obj(n).indikator)} ditambahkan: ${str(obj(n).tautan) || str(obj(n).berkas) || str(obj(n).nama)}`,
  'assessment.submit': (o) => `Penilaian diajukan (${statusText(o)} → Diajukan)`,
  'assessment.verify': (o) => `Verifikasi selesai (${statusText(o)} → Diverifikasi)`,
  'assessment.return': (o, n) => `Penilaian dikembalikan ke narahubung dengan ${str(obj(n).catatan)} catatan (${statusText(o)} → Dikembalikan)`,
  'assessment.reopen': (o, n) => `Penilaian dibuka kembali oleh admin (${statusText(o)} → ${statusText(n)}); alasan: ${str(obj(n).alasan)}`,
  'assessment.copy': (_o, n) => `Jawaban ${str(obj(n).indikator)} indikator disalin dari periode ${str(obj(n).periodeSumber)} sebagai draf`,
  'assessment.copy_confirm': (_o, n) => `Jawaban salinan dari periode ${str(obj(n).periodeSumber)} dikonfirmasi`,
  'verification.decide': (o, n) => {
    const after = obj(n);
    const code = str(after.indikator);
    const before = o ? ` (sebelumnya: ${obj(o).keputusan === 'terima' ? 'diterima' : `${levelText(obj(o).level)}`})` : '';
    if (after.keputusan === 'terima') return `Verifikasi ${code}: tingkat mandiri diterima (${levelText(after.level)})${before}`;
    if (after.keputusan === 'ubah') return `Verifikasi ${code}: tingkat hasil verifikasi ditetapkan ${levelText(after.level)}${before}; alasan: ${str(after.alasan)}`;
    return `Verifikasi ${code}: keputusan dibatalkan${before}`;
  },
  'verification.sample': (o, n) => {
    const before = o ? ` (sebelumnya ${str(obj(o).memenuhi)} dari ${str(obj(o).laporan)})` : '';
    return `Sampel ${str(obj(n).indikator)}: ${str(obj(n).memenuhi)} dari ${str(obj(n).laporan)} jawaban memenuhi seluruh butir daftar periksa${before}`;
  },
  'kabupaten.answer': (o, n) => {
    const before = obj(o);
    const after = obj(n);
    const parts = [`Kondisi kabupaten ${str(after.kondisi)}: ${o ? kabupatenValueText(before.jawaban) : 'belum ada'} → ${kabupatenValueText(after.jawaban)}`];
    if (o ? str(before.penjelasan) !== str(after.penjelasan) : str(after.penjelasan) !== '') parts.push('penjelasan diubah');
    return parts.join('; ');
  },
  'kabupaten.verify': (o, n) => {
    const after = obj(n);
    const code = str(after.kondisi);
    const before = o ? ` (sebelumnya: ${obj(o).keputusan === 'terima' ? 'diterima' : kabupatenValueText(obj(o).jawaban)})` : '';
    const note = str(after.catatan) ? `; catatan: ${str(after.catatan)}` : '';
    if (after.keputusan === 'terima') return `Verifikasi kondisi kabupaten ${code}: jawaban admin diterima (${kabupatenValueText(after.jawaban)})${before}${note}`;
    if (after.keputusan === 'ubah') return `Verifikasi kondisi kabupaten ${code}: jawaban diubah menjadi ${kabupatenValueText(after.jawaban)}${before}${note}`;
    return `Verifikasi kondisi kabupaten ${code}: keputusan dibatalkan${before}`;
  },
  'questionnaire.download': () => 'Kuesioner luring (Excel) diunduh',
  'questionnaire.import': (_o, n) => `Kuesioner luring diunggah (${str(obj(n).berkas)}): ${str(obj(n).diambil)} jawaban diambil, ${str(obj(n).tautan)} tautan bukti ditambahkan`,
  'unit.create': (_o, n) => `Unit ditambahkan: ${unitText(obj(n))}`,
  'monev.row.save': (_o, n) => monevRowText('disimpan', obj(n)),
  'monev.row.submit': (_o, n) => monevRowText('diajukan', obj(n)),
  'monev.row.review': (_o, n) => monevReviewText(`Realisasi baris ${str(obj(n).baris)}`, obj(n)),
  'monev.unit.review': (_o, n) => monevReviewText('Laporan monev unit', obj(n)),
  'unit.update': (o, n) => `Data unit diubah: ${unitText(obj(o))} → ${unitText(obj(n))}`,
  'unit.deactivate': (_o, n) => `Unit dinonaktifkan${obj(n).alasan ? ` (${str(obj(n).alasan)})` : ''}`,
  'unit.activate': () => 'Unit diaktifkan kembali',
  'unit.import': (o, n) => (o ? `Diperbarui dari impor ${str(obj(n).berkas)}: ${unitText(obj(o))} → ${unitText(obj(n))}, daftar resmi` : `Ditambahkan dari impor ${str(obj(n).berkas)}: ${unitText(obj(n))}`),
  'user.create': (_o, n) => `Akun ${str(obj(n).username)} dibuat (peran ${str(obj(n).role)})${obj(n).berkas ? ` dari impor ${str(obj(n).berkas)}` : ''}`,
  'user.import': (_o, n) => `Impor pengguna dari ${str(obj(n).berkas)}: ${str(obj(n).baru)} akun baru, ${str(obj(n).diubah)} diubah, ${str(obj(n).tidakBerubah)} tidak berubah`,
};

/** "Realisasi baris I.1 Semester I 2022 diajukan: berjalan, realisasi 2". */
function monevRowText(verb: string, n: Obj): string {
  const status = n.status === null || n.status === undefined ? 'tanpa status' : str(n.status).replace(/_/g, ' ');
  const realisasi = n.realisasi === null || n.realisasi === undefined ? '' : `, realisasi ${str(n.realisasi).replace('.', ',')}`;
  return `Realisasi baris ${str(n.baris)} ${str(n.semester)} ${verb}: ${status}${realisasi}`;
}

/** "Laporan monev unit Semester II 2022 dikembalikan: Lampirkan SK." */
function monevReviewText(what: string, n: Obj): string {
  return `${what} ${str(n.semester)} ${str(n.status)}${n.komentar ? `: ${str(n.komentar)}` : ''}`;
}

/** A readable Indonesian sentence for one audit row (old → new where the action has both). */
export function describeAudit(row: AuditFacts): string {
  const o = parse(row.oldValue);
  const n = parse(row.newValue);
  const describe = DESCRIBE[row.action];
  if (describe) return describe(o, n);
  const change = [row.oldValue, row.newValue].filter((x) => x !== null).join(' → ');
  return `${(AUDIT_ACTION_LABELS as Record<string, string>)[row.action] ?? `Perubahan (${row.action})`}${change ? `: ${change}` : ''}`;
}
