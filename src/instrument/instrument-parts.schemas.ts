import { z } from 'zod';

/**
 * The parts revision 2 of the instrument added (Renaksi support, SP4N-LAPOR! thresholds, the D3 sample, the
 * kabupaten checklist). Each is optional on the indicator or instrument so revision 1 parses to exactly what it
 * was stored as: nothing here has a default, since a stored version must keep its content byte for byte.
 */

export const text = z.string().trim().min(1, 'wajib diisi');

/** NOTE: the same shape as a unit code in the units form (`UNIT_CODE_PATTERN`); the instrument imports no feature. */
const UNIT_CODE = z.string().regex(/^[A-Z0-9][A-Z0-9._-]{1,39}$/, 'kode unit harus 2–40 huruf kapital, angka, titik, garis bawah atau tanda hubung');

function unique<T>(values: T[]): boolean {
  return new Set(values).size === values.length;
}

export const ACTIVITY_SCHEMA = z
  .object({
    activity: text,
    output: text,
    unit: text,
    /** Starting levels (0–3) the activity suits; absent: every level below the target. */
    forLevels: z
      .array(z.number().int().min(0, 'tingkat awal 0–3').max(3, 'tingkat awal 0–3'))
      .min(1, 'minimal satu tingkat awal')
      .refine(unique, 'tingkat awal tidak boleh ganda')
      .optional(),
    /** How many output units one unit produces in a plan year (e.g. 4 notulen), where the output has a number. */
    outputPerYear: z.number().positive('harus lebih dari 0').optional(),
  })
  .superRefine((a, ctx) => {
    if (a.unit === 'persen' && a.outputPerYear !== undefined && a.outputPerYear > 100) {
      ctx.addIssue({ code: 'custom', path: ['outputPerYear'], message: 'satuan persen paling besar 100' });
    }
  });

export const DUKUNGAN_SCHEMA = z.object({ kebijakan: text, kelembagaan: text, sumberDaya: text });

/** D3: the verifikator draws up to `maxReports` finished reports and checks each reply against the checklist. */
export const SAMPLE_SCHEMA = z.object({
  maxReports: z.number().int().min(1, 'paling sedikit 1 laporan').max(50, 'paling banyak 50 laporan'),
  population: text,
  checklist: z
    .array(z.object({ code: z.string().regex(/^[a-z][a-z0-9-]*$/, 'kode butir berupa huruf kecil dan tanda hubung'), text }))
    .min(1, 'minimal satu butir daftar periksa')
    .refine((items) => unique(items.map((i) => i.code)), 'kode butir daftar periksa ganda'),
});

/** Figures the SP4N-LAPOR! import computes per unit and period (issue 16), by the names of its API. */
const LAPOR_METRICS = ['firstResponseWithin5Pct', 'finishedPct', 'backlogPct', 'receivedPctOfTarget'] as const;
export type LaporMetric = (typeof LAPOR_METRICS)[number];
/** Shares of the unit's own reports, so never above 100; received against target can exceed it. */
const CAPPED_AT_100: ReadonlySet<LaporMetric> = new Set(['firstResponseWithin5Pct', 'finishedPct', 'backlogPct']);

const LAPOR_LEVEL_SCHEMA = z.object({
  level: z.number().int().min(1).max(4),
  /** Higher is better: the least value that reaches this level. */
  min: z.number().min(0, 'tidak boleh negatif').optional(),
  /** Lower is better: the largest value that still reaches this level. */
  max: z.number().min(0, 'tidak boleh negatif').optional(),
});

function checkBounds(t: { metric: LaporMetric; levels: z.infer<typeof LAPOR_LEVEL_SCHEMA>[] }, ctx: z.RefinementCtx): void {
  const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  if (t.levels.some((l, i) => l.level !== i + 1)) issue(['levels'], 'harus berurutan tingkat 1, 2, 3, 4');
  const kind = t.levels[0]?.min !== undefined ? 'min' : 'max';
  t.levels.forEach((l, i) => {
    if ((l.min === undefined) === (l.max === undefined)) return issue(['levels', i], 'isi tepat salah satu: min atau max');
    const value = l[kind];
    if (value === undefined) return issue(['levels', i], `semua tingkat harus memakai ${kind} yang sama`);
    if (CAPPED_AT_100.has(t.metric) && value > 100) issue(['levels', i, kind], 'persentase paling besar 100');
    const prev = i > 0 ? t.levels[i - 1]?.[kind] : undefined;
    if (prev !== undefined && (kind === 'min' ? value <= prev : value >= prev)) {
      issue(['levels', i, kind], kind === 'min' ? 'min harus naik dari tingkat ke tingkat' : 'max harus turun dari tingkat ke tingkat');
    }
  });
}

/** The level an SP4N-LAPOR! figure reaches, as data (issue 16): a unit's figure is read against these bounds. */
export const LAPOR_THRESHOLDS_SCHEMA = z
  .object({
    metric: z.enum(LAPOR_METRICS, { error: `metrik harus salah satu dari ${LAPOR_METRICS.join(', ')}` }),
    /** The figure in words, e.g. "persentase laporan yang ditindaklanjuti pertama kali paling lambat 5 hari kerja". */
    label: text,
    levels: z.array(LAPOR_LEVEL_SCHEMA).length(4, 'harus berisi tepat 4 batas (tingkat 1–4)'),
    /** The level when the figure cannot be computed: "na" (no report at all), or 0 (e.g. no agreed target). */
    noFigure: z.union([z.literal('na'), z.literal(0)], { error: 'harus "na" atau 0' }),
    /** Settlement deadline per class of report (backlogPct only): a report is past due after these hari kerja. */
    deadlines: z
      .array(z.object({ classification: text, workdays: z.number().int().min(1).max(365) }))
      .min(1)
      .optional(),
  })
  .superRefine((t, ctx) => {
    checkBounds(t, ctx);
    if (t.deadlines && t.metric !== 'backlogPct') {
      ctx.addIssue({ code: 'custom', path: ['deadlines'], message: 'batas waktu per klasifikasi hanya untuk metrik backlogPct' });
    }
  });

/** Who may answer "tidak berlaku": any unit without a report, a unit without an agreed target, or named units. */
const NA_CASES = ['no-reports', 'no-target', 'named-units'] as const;
export const NA_CASE_SCHEMA = z.enum(NA_CASES, { error: `harus salah satu dari ${NA_CASES.join(', ')}` });
export const NA_UNIT_CODES_SCHEMA = z
  .array(UNIT_CODE)
  .min(1, 'minimal satu kode unit')
  .refine(unique, 'kode unit ganda');

const KABUPATEN_BASE = {
  code: z.string().regex(/^K[0-9]{1,2}$/, 'kode kondisi kabupaten harus seperti K1'),
  title: text,
  question: text,
  evidence: text,
  coordinator: text,
};

/** A condition that belongs to the kabupaten, not to a unit; answered by the admin with evidence. */
const KABUPATEN_ITEM_SCHEMA = z.discriminatedUnion(
  'scale',
  [
    z.object({ ...KABUPATEN_BASE, scale: z.literal('tingkat'), levels: z.array(text).length(5, 'harus berisi tepat 5 kriteria (tingkat 0–4)') }),
    z.object({ ...KABUPATEN_BASE, scale: z.literal('ya-sebagian-tidak'), options: z.object({ ya: text, sebagian: text, tidak: text }) }),
  ],
  { error: 'skala harus "tingkat" atau "ya-sebagian-tidak"' },
);

export const KABUPATEN_CHECKLIST_SCHEMA = z
  .array(KABUPATEN_ITEM_SCHEMA)
  .min(1, 'minimal satu kondisi')
  .refine((items) => unique(items.map((i) => i.code)), 'kode kondisi kabupaten ganda');

export type Activity = z.infer<typeof ACTIVITY_SCHEMA>;
export type Dukungan = z.infer<typeof DUKUNGAN_SCHEMA>;
export type ReplySample = z.infer<typeof SAMPLE_SCHEMA>;
export type LaporThresholds = z.infer<typeof LAPOR_THRESHOLDS_SCHEMA>;
export type NaCase = z.infer<typeof NA_CASE_SCHEMA>;
export type KabupatenItem = z.infer<typeof KABUPATEN_ITEM_SCHEMA>;
