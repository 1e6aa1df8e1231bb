import { formatDate, formatInt } from '../shared/format';

/**
 * The population a verifikator draws D3's reply sample from, once SP4N-LAPOR! data is imported: the unit's finished
 * reports of the period. Pure.
 */

/** FNV-1a, 32 bits: a fixed, well-spread number for a text. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const byTrackingId = (a: string, b: string): number => a.localeCompare(b, 'id', { numeric: true });

/**
 * At most `max` of the tracking IDs, drawn at random but the same for the same seed (the page shows the same draw
 * each time it opens, and a different unit or period gets a different one); in tracking-ID order for reading aloud.
 */
export function drawSample(ids: readonly string[], max: number, seed: string): string[] {
  return ids
    .map((id) => ({ id, key: hash(`${seed}|${id}`) }))
    .sort((a, b) => a.key - b.key || byTrackingId(a.id, b.id))
    .slice(0, Math.max(0, max))
    .map((x) => x.id)
    .sort(byTrackingId);
}

/** What the verification page shows under the sample table. */
export interface SampleFrame {
  /** "Data SP4N-LAPOR! per 31 Desember 2022: 36 laporan unit ini berstatus selesai." */
  text: string;
  /** The suggested draw (empty when the unit has no finished report). */
  drawn: string[];
  /** Recorded tracking IDs that are not among the unit's finished reports in the data. */
  notFound: string[];
}

export function sampleFrame(finishedIds: readonly string[], recorded: readonly string[], asOf: string, max: number, seed: string): SampleFrame {
  const finished = new Set(finishedIds);
  const count = formatInt(finishedIds.length);
  const text = finishedIds.length === 0
    ? `Data SP4N-LAPOR! per ${formatDate(asOf)}: unit ini tidak memiliki laporan berstatus selesai.`
    : `Data SP4N-LAPOR! per ${formatDate(asOf)}: ${count} laporan unit ini berstatus selesai${finishedIds.length <= max ? ', seluruhnya menjadi sampel' : ''}.`;
  return { text, drawn: drawSample(finishedIds, max, seed), notFound: recorded.filter((id) => id !== '' && !finished.has(id)) };
}
