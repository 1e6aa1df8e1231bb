import { z } from 'zod';
import {
  ACTIVITY_SCHEMA,
  DUKUNGAN_SCHEMA,
  KABUPATEN_CHECKLIST_SCHEMA,
  LAPOR_THRESHOLDS_SCHEMA,
  NA_CASE_SCHEMA,
  NA_UNIT_CODES_SCHEMA,
  SAMPLE_SCHEMA,
  text,
} from './instrument-parts.schemas';

export { ACTIVITY_SCHEMA };
export type { Activity, Dukungan, KabupatenItem, LaporMetric, LaporThresholds, NaCase, ReplySample } from './instrument-parts.schemas';

/** A misspelt field would otherwise vanish silently; the message names it. */
const STRICT = {
  error: (iss: { code?: string; keys?: string[] }) =>
    iss.code === 'unrecognized_keys' ? `field tidak dikenal: ${(iss.keys ?? []).map((k) => `"${k}"`).join(', ')}` : undefined,
};

type Issue = (path: PropertyKey[], message: string) => void;

/** Who may answer N/A must be told one way: allowNa for every unit, naUnitCodes for named units, naCase saying why. */
function checkNa(ind: { allowNa: boolean; naCase?: string; naUnitCodes?: string[]; laporThresholds?: { noFigure: 'na' | 0 } }, issue: Issue): void {
  const named = ind.naCase === 'named-units';
  if (named && !ind.naUnitCodes) issue(['naUnitCodes'], 'wajib diisi bila naCase "named-units"');
  if (ind.naUnitCodes && !named) issue(['naCase'], 'harus "named-units" bila naUnitCodes diisi');
  if (named && ind.allowNa) issue(['allowNa'], 'harus false bila "tidak berlaku" hanya untuk unit tertentu (naUnitCodes)');
  if (ind.naCase !== undefined && !named && !ind.allowNa) issue(['allowNa'], `harus true untuk naCase "${ind.naCase}"`);
  if (ind.laporThresholds?.noFigure === 'na' && !ind.allowNa) {
    issue(['laporThresholds', 'noFigure'], '"na" memerlukan allowNa true (setiap unit tanpa laporan dapat memilih "tidak berlaku")');
  }
}

/** Activities per starting level: none for a level at or above the target, and every level below it covered. */
function checkActivityLevels(ind: { target: number; activities: { forLevels?: number[] }[] }, issue: Issue): void {
  ind.activities.forEach((a, i) => {
    const high = a.forLevels?.find((l) => l >= ind.target);
    if (high !== undefined) issue(['activities', i, 'forLevels'], `tingkat awal ${high} tidak di bawah target ${ind.target}`);
  });
  if (!ind.activities.some((a) => a.forLevels)) return;
  for (let level = 0; level < ind.target; level++) {
    if (!ind.activities.some((a) => !a.forLevels || a.forLevels.includes(level))) {
      issue(['activities'], `tidak ada kegiatan untuk unit yang berada pada tingkat ${level}`);
    }
  }
}

const INDICATOR_SCHEMA = z
  .strictObject(
    {
      code: z.string().regex(/^[A-Z][0-9]{1,2}$/, 'kode indikator harus seperti A1'),
      title: text,
      question: text,
      levels: z.array(text).length(5, 'harus berisi tepat 5 kriteria (tingkat 0–4)'),
      evidence: text,
      /** N/A selectable by every unit. */
      allowNa: z.boolean(),
      naLabel: z.string().optional(),
      /** Why N/A applies (revision 2): no report at all, no agreed target, or only the units in naUnitCodes. */
      naCase: NA_CASE_SCHEMA.optional(),
      naUnitCodes: NA_UNIT_CODES_SCHEMA.optional(),
      target: z.number().int().min(1).max(4),
      weight: z.number().positive().optional(),
      coordinator: text,
      /** The Renaksi's sasaran: a sentence that reads on its own (revision 2). */
      sasaran: text.optional(),
      dukungan: DUKUNGAN_SCHEMA.optional(),
      activities: z.array(ACTIVITY_SCHEMA).min(1, 'minimal satu kegiatan rekomendasi'),
      /** D3: the reply sample the verifikator draws and its checklist. */
      sample: SAMPLE_SCHEMA.optional(),
      /** D1, D2, D4, E3: the level an SP4N-LAPOR! figure reaches. */
      laporThresholds: LAPOR_THRESHOLDS_SCHEMA.optional(),
    },
    STRICT,
  )
  .superRefine((ind, ctx) => {
    const issue: Issue = (path, message) => ctx.addIssue({ code: 'custom', path, message });
    checkNa(ind, issue);
    checkActivityLevels(ind, issue);
  });

const ASPECT_SCHEMA = z.strictObject(
  {
    code: z.string().regex(/^[A-Z]$/, 'kode aspek harus satu huruf kapital'),
    name: text,
    weight: z.number().positive(),
    indicators: z.array(INDICATOR_SCHEMA).min(1, 'minimal satu indikator'),
  },
  STRICT,
);

export const INSTRUMENT_SCHEMA = z
  .strictObject(
    {
      code: text,
      version: z.string().regex(/^[0-9A-Za-z]+(\.[0-9]+)+$/, 'versi harus seperti 2022.1'),
      name: text,
      basis: text,
      /** What changed from the previous version, in words (revision 2 onwards). */
      changes: z.array(text).min(1).optional(),
      levelScaleMax: z.literal(4),
      categories: z
        .array(z.object({ label: text, min: z.number().min(0).max(100) }))
        .min(1)
        .refine((cs) => cs.some((c) => c.min === 0), 'harus ada kategori dengan batas bawah 0'),
      aspects: z.array(ASPECT_SCHEMA).min(1),
      /** Conditions of the kabupaten itself, answered by the admin; they do not change unit indices. */
      kabupatenChecklist: KABUPATEN_CHECKLIST_SCHEMA.optional(),
    },
    STRICT,
  )
  .superRefine((inst, ctx) => {
    const total = inst.aspects.reduce((s, a) => s + a.weight, 0);
    if (Math.abs(total - 100) > 1e-9) {
      ctx.addIssue({ code: 'custom', path: ['aspects'], message: `jumlah bobot aspek harus 100, bukan ${total}` });
    }
    const seen = new Set<string>();
    inst.aspects.forEach((a, ai) =>
      a.indicators.forEach((ind, ii) => {
        if (seen.has(ind.code)) {
          ctx.addIssue({ code: 'custom', path: ['aspects', ai, 'indicators', ii, 'code'], message: `kode ${ind.code} ganda` });
        }
        seen.add(ind.code);
        if (!ind.code.startsWith(a.code)) {
          ctx.addIssue({
            code: 'custom',
            path: ['aspects', ai, 'indicators', ii, 'code'],
            message: `indikator ${ind.code} tidak diawali kode aspek ${a.code}`,
          });
        }
      }),
    );
  });

export type Instrument = z.infer<typeof INSTRUMENT_SCHEMA>;
export type Aspect = z.infer<typeof ASPECT_SCHEMA>;
export type Indicator = z.infer<typeof INDICATOR_SCHEMA>;
