import { formatNumber } from '../shared/format';
import { capaianOf, outputsOf, parseTargetNumber } from './monitoring-calc';
import type { RowReport } from './monitoring.repo';

/**
 * The outputs a row's target lists for a year, with what was reported for each in a semester: part of the monev
 * progress (monitoring-progress.ts; STABLE like it). Pure.
 */

/** One output of a year's output target in one semester. */
export interface OutputProgress {
  /** As the target lists it, without its number ("9 dokumen"). */
  text: string;
  target: number | null;
  realisasi: number | null;
  /** realisasi ÷ target × 100, not capped; null when either is missing. */
  capaian: number | null;
}

/**
 * The year's outputs (outputsOf) with the realisasi reported for each. A report saved with one number (a single output,
 * or before realisasi was taken per output) gives it to the first output.
 */
export function outputProgress(targetText: string, report: RowReport | undefined): OutputProgress[] {
  const texts = outputsOf(targetText);
  const single = texts.length <= 1;
  return texts.map((text, k) => {
    const target = parseTargetNumber(text);
    const realisasi = single || !report?.outputRealisasi ? (k === 0 ? report?.realisasi ?? null : null) : report.outputRealisasi[k] ?? null;
    return { text, target, realisasi, capaian: capaianOf(realisasi, target).percent };
  });
}

/** The realisasi as people read it: "6"; "1) 6\n2) –" for several outputs; '' when nothing was reported. */
export function realisasiTextOf(outputs: OutputProgress[], realisasi: number | null): string {
  if (outputs.length <= 1) return realisasi === null ? '' : formatNumber(realisasi);
  if (outputs.every((o) => o.realisasi === null)) return '';
  return outputs.map((o, k) => `${k + 1}) ${formatNumber(o.realisasi)}`).join('\n');
}
