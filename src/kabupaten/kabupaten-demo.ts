import type { KabupatenItem } from '../instrument';
import type { KabupatenRepo } from './kabupaten.repo';

interface DemoCondition {
  value: string;
  note: string;
  link?: string;
  /** The verifikator's decision, when the demo shows one. */
  decision?: { decision: 'terima' | 'ubah'; value?: string; comment: string };
}

/**
 * Kutai Timur's conditions as a newcomer should see them in the demo: one met, three met in part (one changed by the
 * verifikator), one not met, one still awaiting verification. By item code of revision 2's checklist.
 */
const DEMO: Record<string, DemoCondition> = {
  K1: {
    value: 'tidak',
    note: 'Belum ada Peraturan Bupati tentang pengelolaan pengaduan pelayanan publik; rancangannya direncanakan dalam Renaksi.',
    decision: { decision: 'terima', comment: 'Sesuai daftar produk hukum daerah yang diperiksa.' },
  },
  K2: {
    value: 'ya',
    note: 'SK Bupati tentang Pengelola SP4N-LAPOR! Kabupaten Kutai Timur berlaku; lampirannya memuat pejabat penghubung seluruh perangkat daerah dan kecamatan.',
    decision: { decision: 'terima', comment: 'Salinan SK dan lampiran pejabat penghubung lengkap.' },
  },
  K3: {
    value: '1',
    note: 'Tim penyusun sedang menyusun Renaksi 2022–2024 dari hasil penilaian mandiri ini.',
    decision: { decision: 'terima', comment: '' },
  },
  K4: {
    value: '3',
    note: 'Menurut catatan Admin Utama, hampir seluruh unit telah memiliki akun instansi.',
    link: 'https://www.lapor.go.id',
    decision: { decision: 'ubah', value: '2', comment: 'Daftar akun instansi pada SP4N-LAPOR! memuat 41 dari 57 unit (71,9 %) dengan admin aktif; tingkat 2.' },
  },
  K5: {
    value: 'sebagian',
    note: 'Anggaran koordinasi tersedia dalam DPA Diskominfo Staper 2022; bimbingan teknis dan sosialisasi belum dianggarkan.',
  },
};

/**
 * Writes the demo answers (credited to `userId`, as the demo credits unit verifications to the admin) for the items
 * of the checklist it knows; nothing when the period already has an answer. Call inside the seed's transaction.
 */
export function writeDemoConditions(repo: KabupatenRepo, items: KabupatenItem[], periodId: number, userId: number): void {
  if (Object.keys(repo.answers(periodId)).length > 0) return;
  for (const item of items) {
    const d = DEMO[item.code];
    if (!d) continue;
    repo.upsertAnswer({ periodId, code: item.code, value: d.value, note: d.note, userId });
    if (d.link) repo.insertLink(periodId, item.code, d.link, userId);
    if (!d.decision) continue;
    const verifiedValue = d.decision.decision === 'ubah' ? (d.decision.value ?? d.value) : d.value;
    repo.setDecision({ periodId, code: item.code, decision: d.decision.decision, judgedValue: d.value, verifiedValue, comment: d.decision.comment, userId });
  }
}
