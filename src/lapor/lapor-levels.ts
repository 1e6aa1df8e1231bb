import { levelFromLaporFigure, type Indicator, type Instrument, type LaporMetric } from '../instrument';
import { formatInt, formatPercent } from '../shared/format';
import { DEFAULT_DEADLINE_WORKDAYS, type LaporFigures } from './lapor-figures';
import { normalizeWords } from './lapor-status';

/**
 * The level a unit's SP4N-LAPOR! figures reach on each indicator that carries thresholds in the period's instrument
 * (revision 2: D1, D2, D4, E3), read with the instrument's own levelFromLaporFigure, and the figure in words. Pure.
 */

export interface DerivedLevel {
  code: string;
  title: string;
  metric: LaporMetric;
  /** The figure (a percentage), or null when it cannot be computed. */
  value: number | null;
  level: number | 'na';
  /** The figure in words with its counts, e.g. "50,0 % laporan … (2 dari 4 laporan)". */
  text: string;
}

/** A derived level beside the level the unit claimed. */
export interface ClaimCheck extends DerivedLevel {
  /** The self-assessed level; 'na' for "tidak berlaku"; null when unanswered. */
  claim: number | 'na' | null;
  /** The claim is a level above the data's. */
  claimHigher: boolean;
  /**
   * The unit answered "tidak berlaku" where the data has a figure (it handled reports; on E3, a target was agreed), so
   * the indicator the data can judge is left out of its index.
   */
  naContradicted: boolean;
  /** The verifikator's level where one was set. */
  verified: number | null;
}

/** The figure an indicator's metric reads: a percentage, or null when there is nothing to compute it from. */
export function figureValue(metric: LaporMetric, f: LaporFigures, target: number | null): number | null {
  switch (metric) {
    case 'firstResponseWithin5Pct':
      return f.firstResponseWithin5Pct;
    case 'finishedPct':
      return f.finishedPct;
    case 'backlogPct':
      return f.backlogPct;
    case 'receivedPctOfTarget':
      return target === null ? null : (f.received / target) * 100;
  }
}

/** The figure in words, as the questionnaire, the verification page and the verifikator's reason show it. */
export function figureText(metric: LaporMetric, f: LaporFigures, target: number | null): string {
  const v = figureValue(metric, f, target);
  switch (metric) {
    case 'firstResponseWithin5Pct':
      return v === null
        ? 'belum ada laporan yang dapat dinilai ketepatan tindak lanjut pertamanya'
        : `${formatPercent(v)} laporan mendapat tindak lanjut pertama paling lambat 5 hari kerja (${formatInt(f.firstResponseWithin5)} dari ${formatInt(f.firstResponseDue)} laporan)`;
    case 'finishedPct':
      return v === null ? 'tidak ada laporan yang ditangani unit' : `${formatPercent(v)} laporan selesai (${formatInt(f.finished)} dari ${formatInt(f.handled)} laporan yang ditangani unit)`;
    case 'backlogPct':
      return v === null
        ? 'tidak ada laporan yang ditangani unit'
        : `${formatPercent(v)} laporan belum selesai dan melewati batas waktu penyelesaian (${formatInt(f.backlogCount)} dari ${formatInt(f.handled)} laporan)`;
    case 'receivedPctOfTarget':
      return target === null
        ? `${formatInt(f.received)} laporan diterima; belum ada target jumlah laporan yang disepakati`
        : `${formatInt(f.received)} laporan diterima dari target ${formatInt(target)} laporan (${formatPercent(v)})`;
  }
}

/** "tingkat 2" or "tidak berlaku". */
export const levelText = (level: number | 'na'): string => (level === 'na' ? 'tidak berlaku' : `tingkat ${level}`);

const indicatorsWithThresholds = (instrument: Instrument): Indicator[] =>
  instrument.aspects.flatMap((a) => a.indicators).filter((i) => i.laporThresholds !== undefined);

/** The indicators of this instrument that SP4N-LAPOR! data bears on (none in revision 1). */
export function laporIndicatorCodes(instrument: Instrument): string[] {
  return indicatorsWithThresholds(instrument).map((i) => i.code);
}

/** The level each thresholded indicator reaches with these figures. */
export function deriveLevels(instrument: Instrument, f: LaporFigures, target: number | null): DerivedLevel[] {
  return indicatorsWithThresholds(instrument).map((ind) => {
    const t = ind.laporThresholds as NonNullable<Indicator['laporThresholds']>;
    const value = figureValue(t.metric, f, target);
    return { code: ind.code, title: ind.title, metric: t.metric, value, level: levelFromLaporFigure(ind, value), text: figureText(t.metric, f, target) };
  });
}

/** Each derived level beside the unit's answer: flagged where the unit claimed a higher level than the data gives. */
export function checkClaims(
  levels: readonly DerivedLevel[],
  answers: Readonly<Record<string, { level: number | null; isNa: boolean; verifiedLevel: number | null } | undefined>>,
): ClaimCheck[] {
  return levels.map((d) => {
    const a = answers[d.code];
    const claim = a ? (a.isNa ? 'na' : a.level) : null;
    const claimHigher = typeof claim === 'number' && typeof d.level === 'number' && claim > d.level;
    const naContradicted = claim === 'na' && d.value !== null && typeof d.level === 'number';
    return { ...d, claim, claimHigher, naContradicted, verified: a?.verifiedLevel ?? null };
  });
}

/**
 * The settlement deadline of a report's classification: the instrument's D4 deadlines where the export's classification
 * names one of its classes (case and spacing aside), or one part of a class joined by "dan" (SP4N-LAPOR!'s own
 * "Permintaan Informasi" is the 5-day class "Permintaan informasi dan pengaduan sederhana"), else 60 hari kerja.
 */
export function deadlineLookup(instrument: Instrument): (classification: string | null) => number {
  const byClass = new Map<string, number>();
  for (const ind of indicatorsWithThresholds(instrument)) {
    for (const d of ind.laporThresholds?.deadlines ?? []) {
      const name = normalizeWords(d.classification);
      for (const part of name.split(' dan ')) if (!byClass.has(part)) byClass.set(part, d.workdays);
      byClass.set(name, d.workdays);
    }
  }
  const seen = new Map<string, number>();
  return (c) => {
    if (c === null) return DEFAULT_DEADLINE_WORKDAYS;
    let d = seen.get(c);
    if (d === undefined) seen.set(c, (d = byClass.get(normalizeWords(c)) ?? DEFAULT_DEADLINE_WORKDAYS));
    return d;
  };
}
