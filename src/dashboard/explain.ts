import type { Instrument } from '../instrument';
import type { UnitScore } from '../scoring';
import { formatInt, formatScore } from '../shared/format';
import { LEVEL_KEYS, type LevelDistribution } from './aggregates';

/**
 * "Cara menghitung": the arithmetic behind a number written out with the numbers that went into it, so anyone in
 * the FGD can redo it by hand. Pure; strings in Bahasa Indonesia, numbers in id-ID form.
 */

/** A weight as people write it: 15 → "15", 12.5 → "12,50". */
function formatWeight(w: number): string {
  return Number.isInteger(w) ? formatInt(w) : formatScore(w);
}

/** "(50,00 + 70,00 + 73,50) ÷ 3 = 64,50"; a note when nothing was averaged. */
export function meanExpression(values: number[], result: number | null): string {
  if (values.length === 0 || result === null) return 'belum ada unit yang dihitung';
  return `(${values.map(formatScore).join(' + ')}) ÷ ${formatInt(values.length)} = ${formatScore(result)}`;
}

/**
 * Unit index = Σ(aspect weight × aspect score) ÷ Σ(weights of aspects with an applicable indicator), e.g.
 * "(15 × 65,00 + 85 × 75,00) ÷ 100 = 73,50"; wholly N/A aspects are named as left out.
 */
export function unitIndexExpression(instrument: Instrument, score: UnitScore): string {
  if (score.index === null) return `belum dapat dihitung: baru ${formatInt(score.answered)} dari ${formatInt(score.total)} indikator terjawab`;
  const used = instrument.aspects.filter((a) => typeof score.aspectScores[a.code] === 'number');
  const skipped = instrument.aspects.filter((a) => typeof score.aspectScores[a.code] !== 'number');
  const terms = used.map((a) => `${formatWeight(a.weight)} × ${formatScore(score.aspectScores[a.code] as number)}`);
  const weights = used.reduce((s, a) => s + a.weight, 0);
  const note = skipped.length === 0 ? '' : ` (aspek ${skipped.map((a) => a.code).join(', ')} seluruhnya tidak berlaku; bobotnya dibagi ke aspek lain)`;
  return `(${terms.join(' + ')}) ÷ ${formatWeight(weights)} = ${formatScore(score.index)}${note}`;
}

/**
 * An aspect score as the (weighted) mean of its applicable indicator scores, e.g.
 * "A1 level 1 → 25,00; A2 level 3 → 75,00 … ; (25,00 + 75,00) ÷ 2 = 50,00".
 */
export function aspectExpression(instrument: Instrument, aspectCode: string, score: UnitScore): string {
  const aspect = instrument.aspects.find((a) => a.code === aspectCode);
  if (!aspect) return '';
  const result = score.aspectScores[aspectCode] ?? null;
  const parts = aspect.indicators.map((ind) => {
    const lv = score.levels[ind.code];
    if (lv === 'na') return { text: `${ind.code} tidak berlaku`, term: null };
    if (typeof lv !== 'number') return { text: `${ind.code} belum dijawab`, term: null };
    const s = (lv / instrument.levelScaleMax) * 100;
    return { text: `${ind.code} tingkat ${lv} → ${formatScore(s)}`, term: { s, w: ind.weight ?? 1 } };
  });
  const terms = parts.flatMap((p) => (p.term ? [p.term] : []));
  const listing = parts.map((p) => p.text).join('; ');
  if (result === null || terms.length === 0) return `${listing}; skor aspek tidak dihitung`;
  const weighted = terms.some((t) => t.w !== 1);
  const sum = weighted ? terms.map((t) => `${formatWeight(t.w)} × ${formatScore(t.s)}`).join(' + ') : terms.map((t) => formatScore(t.s)).join(' + ');
  const divisor = weighted ? terms.reduce((s, t) => s + t.w, 0) : terms.length;
  return `${listing}; (${sum}) ÷ ${formatWeight(divisor)} = ${formatScore(result)}`;
}

/** An indicator's mean score from its level counts, e.g. "(1 × 0,00 + 2 × 50,00) ÷ 3 = 33,33"; N/A named as left out. */
export function indicatorMeanExpression(d: LevelDistribution, levelScaleMax: number): string {
  const terms = LEVEL_KEYS.filter((k) => k !== 'na' && d.counts[k] > 0).map(
    (k) => `${formatInt(d.counts[k])} × ${formatScore((Number(k) / levelScaleMax) * 100)}`,
  );
  const na = d.counts.na > 0 ? ` (${formatInt(d.counts.na)} unit tidak berlaku, tidak dihitung)` : '';
  if (d.mean === null) return `semua unit tidak berlaku${na}`;
  return `(${terms.join(' + ')}) ÷ ${formatInt(d.applicable)} = ${formatScore(d.mean)}${na}`;
}
