import { z } from 'zod';
import { fieldMessages } from '../web/validate';
import type { Instrument } from '../instrument';
import { RENAKSI_FIELD_LABELS, RENAKSI_TEXT_FIELDS, RENAKSI_TEXT_MAX, type RenaksiTextField } from './renaksi-draft';
import { checkTargets, compactTargets, parseTarget } from './renaksi-targets';

/** Line breaks as \n and no surrounding blanks: how every Renaksi text is stored and compared. */
export function normalizeText(value: string): string {
  return value.replace(/\r\n?/g, '\n').trim();
}

/** Columns a row may not be saved without. */
export const REQUIRED_TEXT_FIELDS: ReadonlySet<RenaksiTextField> = new Set(['problem', 'activity']);

function textSchema(field: RenaksiTextField) {
  const label = RENAKSI_FIELD_LABELS[field];
  const base = z
    .string({ error: `${label} harus berupa teks.` })
    .default('')
    .transform(normalizeText)
    .pipe(z.string().max(RENAKSI_TEXT_MAX, `${label} maksimal ${RENAKSI_TEXT_MAX} karakter.`));
  return REQUIRED_TEXT_FIELDS.has(field) ? base.pipe(z.string().min(1, `${label} wajib diisi.`)) : base;
}

const TEXT_SCHEMA = z.object(
  Object.fromEntries(RENAKSI_TEXT_FIELDS.map((f) => [f, textSchema(f)])) as Record<RenaksiTextField, ReturnType<typeof textSchema>>,
);

const VERSION_SCHEMA = z.coerce.number({ error: 'Versi baris tidak valid.' }).int().positive('Versi baris tidak valid.');

export interface RowFormValues {
  texts: Record<RenaksiTextField, string>;
  targets: Record<string, number>;
  isPriority: boolean;
  /** Only for manual rows. */
  aspectCode: string | null;
  indicatorCode: string | null;
}

export interface RowFormContext {
  years: number[];
  instrument: Instrument;
  /** Manual rows also choose their aspect and (optionally) indicator. */
  manual: boolean;
}

/**
 * Validates the row form (all 12 SPEC.md columns; targets as `target_<year>`). Errors are keyed by form field name
 * (`target_2023` for a year) with messages in Bahasa Indonesia.
 */
export function parseRowForm(body: Record<string, unknown>, ctx: RowFormContext): { values: RowFormValues | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const texts = TEXT_SCHEMA.safeParse(body);
  if (!texts.success) Object.assign(errors, fieldMessages(texts.error));
  const typed = Object.fromEntries(ctx.years.map((y) => [String(y), parseTarget(body[`target_${y}`])]));
  for (const [year, message] of Object.entries(checkTargets(typed, ctx.years, ctx.instrument.levelScaleMax))) errors[`target_${year}`] = message;
  let aspectCode: string | null = null;
  let indicatorCode: string | null = null;
  if (ctx.manual) {
    const aspect = ctx.instrument.aspects.find((a) => a.code === body.aspectCode);
    if (!aspect) errors.aspectCode = 'Pilih aspek yang tersedia.';
    const ind = typeof body.indicatorCode === 'string' && body.indicatorCode !== '' ? body.indicatorCode : null;
    if (ind !== null && aspect && !aspect.indicators.some((i) => i.code === ind)) errors.indicatorCode = `Indikator harus termasuk aspek ${aspect.code}.`;
    aspectCode = aspect?.code ?? null;
    indicatorCode = ind;
  }
  if (Object.keys(errors).length > 0 || !texts.success) return { values: null, errors };
  return {
    values: {
      texts: texts.data,
      targets: compactTargets(typed as Record<string, number | null>),
      isPriority: body.isPriority === '1' || body.isPriority === 'on',
      aspectCode,
      indicatorCode,
    },
    errors,
  };
}

/** The version the form was loaded with (optimistic locking). */
export function parseVersion(body: Record<string, unknown>): number {
  const r = VERSION_SCHEMA.safeParse(body.version);
  return r.success ? r.data : 0;
}

export const PLAN_YEARS_SCHEMA = z
  .object({
    startYear: z.coerce.number({ error: 'Tahun awal wajib diisi.' }).int('Tahun awal harus bilangan bulat.').min(2000, 'Tahun awal paling awal 2000.').max(2100, 'Tahun awal paling akhir 2100.'),
    endYear: z.coerce.number({ error: 'Tahun akhir wajib diisi.' }).int('Tahun akhir harus bilangan bulat.').min(2000, 'Tahun akhir paling awal 2000.').max(2100, 'Tahun akhir paling akhir 2100.'),
  })
  .superRefine((v, ctx) => {
    if (v.endYear < v.startYear) ctx.addIssue({ code: 'custom', path: ['endYear'], message: 'Tahun akhir tidak boleh sebelum tahun awal.' });
    else if (v.endYear - v.startYear > 9) ctx.addIssue({ code: 'custom', path: ['endYear'], message: 'Rencana paling lama 10 tahun.' });
  });

const settingText = (label: string, max: number) =>
  z.string({ error: `${label} harus berupa teks.` }).default('').transform(normalizeText).pipe(z.string().max(max, `${label} maksimal ${max} karakter.`));

export const DOCUMENT_SETTINGS_SCHEMA = z.object({
  'renaksi.paper': z.enum(['folio', 'a4'], { error: 'Pilih ukuran kertas F4/Folio atau A4.' }),
  'renaksi.region': settingText('Nama daerah', 80).pipe(z.string().min(1, 'Nama daerah wajib diisi.')),
  'renaksi.place': settingText('Tempat penandatanganan', 60).pipe(z.string().min(1, 'Tempat penandatanganan wajib diisi.')),
  'renaksi.date': settingText('Tanggal penandatanganan', 60),
  'renaksi.office': settingText('Jabatan penanda tangan', 120).pipe(z.string().min(1, 'Jabatan penanda tangan wajib diisi.')),
  'renaksi.signer': settingText('Nama penanda tangan', 120).pipe(z.string().min(1, 'Nama penanda tangan wajib diisi.')),
  'renaksi.nip': settingText('NIP', 30).refine((v) => v === '' || /^\d{18}$/.test(v.replace(/\s/g, '')), 'NIP terdiri atas 18 angka (boleh dikosongkan).'),
});
export type DocumentSettings = z.infer<typeof DOCUMENT_SETTINGS_SCHEMA>;

export const MOVE_SCHEMA = z.object({ direction: z.enum(['up', 'down'], { error: 'Arah pindah harus naik atau turun.' }) });
export const PRIORITY_SCHEMA = z.object({ isPriority: z.enum(['0', '1'], { error: 'Tanda prioritas tidak valid.' }) });

const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values).optional().catch(undefined);

/** Filters of the plan page (GET query); unknown values are ignored rather than refused. */
export const PLAN_FILTER_SCHEMA = z.object({
  aspek: z.string().regex(/^[A-Z]$/).optional().catch(undefined),
  cakupan: optionalChoice(['kabupaten', 'unit', 'manual'] as const),
  tampil: optionalChoice(['terbuka', 'tertutup', 'prioritas', 'disunting', 'baru'] as const),
});
export type PlanFilter = z.infer<typeof PLAN_FILTER_SCHEMA>;
