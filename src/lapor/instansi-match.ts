import { normalizeWords } from './lapor-status';

/**
 * Matching the instansi names of an SP4N-LAPOR! export to the kabupaten's units. Pure. "Exact" means equal once case,
 * punctuation and the regency's own name are set aside; anything else is only a suggestion the admin confirms.
 */

export interface MatchableUnit {
  id: number;
  code: string;
  name: string;
}

/**
 * How an instansi reached its unit (or was left out). 'pemerintah-lain': the name carries another government's name
 * ("Dinas Kesehatan Kabupaten Kutai Kartanegara", "… Provinsi Kalimantan Timur"), so nothing is suggested for it.
 */
export type MatchKind = 'sama' | 'dikonfirmasi' | 'dikecualikan' | 'saran' | 'pemerintah-lain' | 'tidak-ada';

export interface InstansiMatch {
  /** The unit the rows go to when applied; null when they are left out. */
  unitId: number | null;
  kind: MatchKind;
  /** The suggested unit for kinds 'saran' (and the exact one for 'sama'). */
  suggestedUnitId: number | null;
}

/** A remembered decision: the unit, or null for "not one of our units" (rows left out without asking again). */
export type InstansiDecisions = ReadonlyMap<string, number | null>;

/**
 * The ways the regency names itself inside an instansi name: "Kabupaten Kutai Timur" gives "kabupaten kutai timur",
 * "kab kutai timur", "pemerintah kabupaten kutai timur", "pemkab kutai timur" (longest first).
 */
export function regionVariants(regionName: string): string[] {
  const words = normalizeWords(regionName).split(' ').filter(Boolean);
  const [kind, ...rest] = words;
  if (!kind || rest.length === 0) return words.length ? [words.join(' ')] : [];
  const name = rest.join(' ');
  const forms = kind === 'kota' ? ['pemerintah kota', 'pemkot', 'kota'] : ['pemerintah kabupaten', 'pemkab', 'kabupaten', 'kab'];
  return forms.map((f) => `${f} ${name}`).sort((a, b) => b.length - a.length);
}

/** The comparable form of an instansi or unit name: normalized words without the regency's own name. */
export function instansiKey(name: string, variants: readonly string[]): string {
  let key = ` ${normalizeWords(name)} `;
  for (const v of variants) key = key.split(` ${v} `).join(' ');
  return key.replace(/\s+/g, ' ').trim();
}

const STOP = new Set(['dan', 'di', 'ke', 'dari', 'serta', 'daerah', 'kabupaten', 'kab', 'pemerintah']);
const tokens = (key: string): string[] => key.split(' ').filter((w) => w !== '' && !STOP.has(w));

/** Dice coefficient of the two names' word sets, 0–1. */
function similarity(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const sb = new Set(b);
  const common = new Set(a.filter((w) => sb.has(w))).size;
  return (2 * common) / (new Set(a).size + sb.size);
}

/** The acronym part of a unit code: "PD-DISDUKCAPIL" → "disdukcapil", "KEC-SANGATTA-UTARA" → "sangatta utara". */
const codeKey = (code: string): string => normalizeWords(code.replace(/^(PD|KEC)-/i, ''));

const SUGGEST_AT = 0.5;

/** Words that name a government (another regency, a city, a province) once the regency's own name is set aside. */
const GOVERNMENT_WORDS = ['kabupaten', 'kab', 'kota', 'provinsi', 'prov', 'pemkab', 'pemkot', 'pemprov', 'kementerian'];

/**
 * The government words that mark an instansi of another government: those no unit's own name uses (so a kecamatan
 * named "Kota Bangun" keeps "kota" as an ordinary word).
 */
function foreignMarkers(unitKeys: readonly string[]): Set<string> {
  const used = new Set(unitKeys.flatMap((k) => k.split(' ')));
  return new Set(GOVERNMENT_WORDS.filter((w) => !used.has(w)));
}

export interface UnitMatcher {
  /** The unit whose name equals the instansi once case and the regency's name are set aside. */
  exact(instansi: string): MatchableUnit | undefined;
  /** The closest unit by shared words or code, when close enough to suggest. */
  suggest(instansi: string): MatchableUnit | undefined;
  /** The remembered decision first, then an exact match, then a suggestion (not applied until confirmed). */
  match(instansi: string, decisions: InstansiDecisions): InstansiMatch;
  /** The key decisions are remembered under. */
  key(instansi: string): string;
  /** Whether the name, its own regency set aside, still names a government (another regency, a city, a province). */
  otherGovernment(instansi: string): boolean;
}

export function createUnitMatcher(units: readonly MatchableUnit[], regionName: string): UnitMatcher {
  const variants = regionVariants(regionName);
  const keyOf = (name: string) => instansiKey(name, variants);
  const byKey = new Map(units.map((u) => [keyOf(u.name), u]));
  const byCode = new Map(units.map((u) => [codeKey(u.code), u]));
  const unitTokens = units.map((u) => ({ u, t: tokens(keyOf(u.name)) }));
  const markers = foreignMarkers([...byKey.keys()]);
  const otherGovernment = (instansi: string) => keyOf(instansi).split(' ').some((w) => markers.has(w));
  const exact = (instansi: string) => byKey.get(keyOf(instansi));
  const suggest = (instansi: string): MatchableUnit | undefined => {
    if (otherGovernment(instansi)) return undefined;
    const key = keyOf(instansi);
    const t = tokens(key);
    const viaCode = byCode.get(key) ?? t.map((w) => byCode.get(w)).find((u) => u !== undefined);
    if (viaCode) return viaCode;
    let best: { u: MatchableUnit; s: number } | undefined;
    for (const c of unitTokens) {
      const s = similarity(t, c.t);
      if (s >= SUGGEST_AT && (!best || s > best.s)) best = { u: c.u, s };
    }
    return best?.u;
  };
  return {
    exact,
    suggest,
    key: keyOf,
    otherGovernment,
    match: (instansi, decisions) => {
      const key = keyOf(instansi);
      if (decisions.has(key)) {
        const unitId = decisions.get(key) ?? null;
        return { unitId, kind: unitId === null ? 'dikecualikan' : 'dikonfirmasi', suggestedUnitId: unitId };
      }
      const e = exact(instansi);
      if (e) return { unitId: e.id, kind: 'sama', suggestedUnitId: e.id };
      if (otherGovernment(instansi)) return { unitId: null, kind: 'pemerintah-lain', suggestedUnitId: null };
      const s = suggest(instansi);
      return { unitId: null, kind: s ? 'saran' : 'tidak-ada', suggestedUnitId: s?.id ?? null };
    },
  };
}
