import { z } from 'zod';

const text = z.string().trim().min(1, 'wajib diisi');

export const ACTIVITY_SCHEMA = z.object({
  activity: text,
  output: text,
  unit: text,
});

export const INDICATOR_SCHEMA = z.object({
  code: z.string().regex(/^[A-Z][0-9]{1,2}$/, 'kode indikator harus seperti A1'),
  title: text,
  question: text,
  levels: z.array(text).length(5, 'harus berisi tepat 5 kriteria (level 0–4)'),
  evidence: text,
  allowNa: z.boolean(),
  naLabel: z.string().optional(),
  target: z.number().int().min(1).max(4),
  weight: z.number().positive().optional(),
  coordinator: text,
  activities: z.array(ACTIVITY_SCHEMA).min(1, 'minimal satu kegiatan rekomendasi'),
});

export const ASPECT_SCHEMA = z.object({
  code: z.string().regex(/^[A-Z]$/, 'kode aspek harus satu huruf kapital'),
  name: text,
  weight: z.number().positive(),
  indicators: z.array(INDICATOR_SCHEMA).min(1, 'minimal satu indikator'),
});

export const INSTRUMENT_SCHEMA = z
  .object({
    code: text,
    version: text,
    name: text,
    basis: text,
    levelScaleMax: z.literal(4),
    categories: z
      .array(z.object({ label: text, min: z.number().min(0).max(100) }))
      .min(1)
      .refine((cs) => cs.some((c) => c.min === 0), 'harus ada kategori dengan batas bawah 0'),
    aspects: z.array(ASPECT_SCHEMA).min(1),
  })
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
