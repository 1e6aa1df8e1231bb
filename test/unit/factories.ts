import type { Aspect, Indicator, Instrument } from '../../src/instrument/instrument.schemas';
import type { AnswerLevels } from '../../src/scoring/scoring';
import type { DraftRow } from '../../src/renaksi/renaksi-draft';
import type { Unit } from '../../src/units/units.repo';

/** The template's thresholds (SPEC.md "Scoring"): ≥ 85 Sangat Baik, ≥ 70 Baik, ≥ 50 Sedang, below Kurang. */
export const DEFAULT_CATEGORIES: Instrument['categories'] = [
  { label: 'Sangat Baik', min: 85 },
  { label: 'Baik', min: 70 },
  { label: 'Sedang', min: 50 },
  { label: 'Kurang', min: 0 },
];

/** A valid indicator; every text names its code so assertions can find it. */
export function buildIndicator(overrides: Partial<Indicator> & { code: string }): Indicator {
  const { code } = overrides;
  return {
    title: `Judul ${code}`,
    question: `Pertanyaan ${code}?`,
    levels: [0, 1, 2, 3, 4].map((l) => `Kriteria ${code} level ${l}`),
    evidence: `Bukti dukung ${code}`,
    allowNa: false,
    target: 4,
    coordinator: `Koordinator ${code}`,
    activities: [{ activity: `Kegiatan ${code}`, output: `Keluaran ${code}`, unit: 'dokumen' }],
    ...overrides,
  };
}

export interface AspectSpec extends Partial<Omit<Aspect, 'indicators'>> {
  code: string;
  weight: number;
  /** A count (codes A1…An) or per-indicator overrides (code defaults to the aspect code + position). */
  indicators: number | Partial<Indicator>[];
}

/** An instrument per instrument.schemas.ts built from a short spec, e.g. two aspects 40/60 with 2 and 3 indicators. */
export function buildInstrument(spec: { aspects: AspectSpec[]; categories?: Instrument['categories'] }): Instrument {
  return {
    code: 'SP4N-PM-UJI',
    version: 'uji.1',
    name: 'Instrumen uji',
    basis: 'Permenpan RB 46/2020',
    levelScaleMax: 4,
    categories: spec.categories ?? DEFAULT_CATEGORIES,
    aspects: spec.aspects.map(({ indicators, ...aspect }) => {
      const list = typeof indicators === 'number' ? Array.from({ length: indicators }, (): Partial<Indicator> => ({})) : indicators;
      return {
        name: `Aspek ${aspect.code}`,
        ...aspect,
        indicators: list.map((o, i) => buildIndicator({ ...o, code: o.code ?? `${aspect.code}${i + 1}` })),
      };
    }),
  };
}

/** Shorthand for one answer: a level, 'na', null (saved without a level) or a self level with a verified level. */
export type AnswerSpec = number | 'na' | null | { self: number | 'na' | null; verified: number | null };

export function buildAnswers(spec: Record<string, AnswerSpec>): Record<string, AnswerLevels> {
  return Object.fromEntries(
    Object.entries(spec).map(([code, s]) => {
      const { self, verified } = s !== null && typeof s === 'object' ? s : { self: s, verified: null };
      return [code, { level: typeof self === 'number' ? self : null, isNa: self === 'na', verifiedLevel: verified }];
    }),
  );
}

/** A generated Lampiran I draft row; values name the source key so a merge result shows where each came from. */
export function buildDraftRow(overrides: Partial<DraftRow> & { sourceKey: string }): DraftRow {
  const tag = overrides.sourceKey;
  return {
    scope: 'kabupaten',
    aspectCode: 'A',
    indicatorCode: 'A1',
    goal: `Sasaran ${tag}`,
    problem: `Masalah ${tag}`,
    activity: `Kegiatan ${tag}`,
    outputIndicator: `Keluaran ${tag}`,
    schedule: 'TW I 2022 – TW IV 2024',
    responsible: `PJ ${tag}`,
    unitScope: `Unit sasaran ${tag}`,
    dpa: '',
    budget: 'Sesuai DPA masing-masing PD',
    support: `Dukungan ${tag}`,
    verification: `Bukti ${tag}`,
    targets: { '2022': 3, '2023': 4, '2024': 5 },
    outputTargets: { '2022': '1 dokumen', '2023': '1 dokumen', '2024': '1 dokumen' },
    counts: {
      total: 5, applicable: 5, notApplicable: 0, atTarget: 2, below: 3, notSubmitted: 0,
      byGroup: { pd: { applicable: 3, below: 1 }, kecamatan: { applicable: 2, below: 2 } },
      byGap: [2, 1, 1, 1, 0], yearly: { '2022': 3, '2023': 4, '2024': 5 }, priority: 10,
    },
    priority: 10,
    ...overrides,
  };
}

/** A stored unit as the repository returns it (first in the official order, active, confirmed). */
export function buildUnit(overrides: Partial<Unit> & { code: string }): Unit {
  return {
    id: 1, name: `Nama ${overrides.code}`, group: 'pd', abbreviation: '', sortOrder: 1, needsConfirmation: false, provisional: false, active: true,
    headTitle: '', headName: '', headNip: '', assessedFrom: null,
    ...overrides,
  };
}
