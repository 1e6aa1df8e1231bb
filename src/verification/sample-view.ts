import type { ReplySample } from '../instrument';
import { formatInt, formatPercent } from '../shared/format';
import { sampleShare, type SampleReport, type SampleShare } from './reply-sample';
import type { StoredSample } from './verification-samples.repo';

/** A sampled indicator's recorded sample as the verification page shows it. */
export interface SampleView extends SampleShare {
  reports: SampleReport[];
  updatedBy: string | null;
  updatedAt: string | null;
}

/** The stored sample (or an empty one) with its share. Pure. */
export function sampleView(sample: ReplySample, stored: StoredSample | undefined): SampleView {
  const reports = stored?.reports ?? [];
  return { ...sampleShare(sample, reports), reports, updatedBy: stored?.updatedBy ?? null, updatedAt: stored?.updatedAt ?? null };
}

/** "7 dari 10 jawaban dalam sampel memenuhi seluruh butir daftar periksa (70,0 %)"; a line for an empty sample. */
export function sampleShareText(s: SampleShare): string {
  if (s.total === 0 || s.percent === null) return 'Belum ada laporan dalam sampel.';
  return `${formatInt(s.meetingAll)} dari ${formatInt(s.total)} jawaban dalam sampel memenuhi seluruh butir daftar periksa (${formatPercent(s.percent)}).`;
}
