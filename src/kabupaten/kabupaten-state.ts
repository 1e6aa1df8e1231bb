import type { KabupatenItem } from '../instrument';

/**
 * What a kabupaten condition's answer means, as plain functions of the checklist item (instrument data). An answer is
 * stored as text: '0'–'4' on a "tingkat" item, 'ya' | 'sebagian' | 'tidak' on a "ya-sebagian-tidak" item.
 */

/** How far the kabupaten has met a condition: what the dashboard, the deck and the Renaksi's kondisi awal say. */
export type ConditionState = 'terpenuhi' | 'sebagian' | 'belum';

export const CONDITION_STATE_LABELS: Record<ConditionState, string> = {
  terpenuhi: 'Terpenuhi',
  sebagian: 'Terpenuhi sebagian',
  belum: 'Belum terpenuhi',
};

/** Where an item stands with the verifikator. */
export type KabupatenReviewStatus = 'belum-diisi' | 'menunggu-verifikasi' | 'diterima' | 'diubah' | 'berubah';

export const REVIEW_STATUS_LABELS: Record<KabupatenReviewStatus, string> = {
  'belum-diisi': 'Belum diisi',
  'menunggu-verifikasi': 'Menunggu verifikasi',
  diterima: 'Diverifikasi (diterima)',
  diubah: 'Diverifikasi (diubah)',
  berubah: 'Jawaban berubah setelah diverifikasi',
};

const OPTION_ORDER = ['ya', 'sebagian', 'tidak'] as const;
const OPTION_LABELS: Record<(typeof OPTION_ORDER)[number], string> = { ya: 'Ya', sebagian: 'Sebagian', tidak: 'Tidak' };

/** The answers an item accepts, in the order the form lists them (best first). */
export function itemValues(item: KabupatenItem): string[] {
  return item.scale === 'tingkat' ? ['4', '3', '2', '1', '0'] : [...OPTION_ORDER];
}

export function isItemValue(item: KabupatenItem, value: string): boolean {
  return itemValues(item).includes(value);
}

/** "Tingkat 3" or "Ya"; the value itself when the item does not know it. */
export function valueLabel(item: KabupatenItem, value: string): string {
  if (!isItemValue(item, value)) return value;
  return item.scale === 'tingkat' ? `Tingkat ${value}` : OPTION_LABELS[value as keyof typeof OPTION_LABELS];
}

/** The criterion the answer stands for, in the instrument's words. */
export function valueCriterion(item: KabupatenItem, value: string): string {
  if (!isItemValue(item, value)) return '';
  return item.scale === 'tingkat' ? (item.levels[Number(value)] ?? '') : item.options[value as keyof typeof item.options];
}

/** "ya" and tingkat 4 meet the condition; "tidak" and tingkat 0 do not; everything between meets it in part. */
export function conditionState(item: KabupatenItem, value: string): ConditionState {
  if (item.scale === 'tingkat') return value === '4' ? 'terpenuhi' : value === '0' ? 'belum' : 'sebagian';
  return value === 'ya' ? 'terpenuhi' : value === 'tidak' ? 'belum' : 'sebagian';
}

/** The stored parts of an item's answer and decision that decide its status. */
export interface StoredKabupatenAnswer {
  value: string | null;
  decision: 'terima' | 'ubah' | null;
  judgedValue: string | null;
  verifiedValue: string | null;
}

/** A decision counts only while the answer it judged is unchanged. */
export function isCurrentDecision(a: StoredKabupatenAnswer | undefined): boolean {
  return !!a && a.decision !== null && a.value !== null && a.judgedValue === a.value;
}

export function reviewStatus(a: StoredKabupatenAnswer | undefined): KabupatenReviewStatus {
  if (!a || a.value === null) return 'belum-diisi';
  if (a.decision === null) return 'menunggu-verifikasi';
  if (!isCurrentDecision(a)) return 'berubah';
  return a.decision === 'terima' ? 'diterima' : 'diubah';
}

/** The value the figures use: the verified one while its decision is current, else the admin's answer. */
export function effectiveValue(a: StoredKabupatenAnswer | undefined): string | null {
  if (!a || a.value === null) return null;
  return isCurrentDecision(a) ? a.verifiedValue : a.value;
}
