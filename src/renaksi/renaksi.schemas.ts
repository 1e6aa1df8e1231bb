import { z } from 'zod';
import { fieldMessages } from '../web/validate';
import type { Instrument } from '../instrument';
import { NOTES_LABEL, RENAKSI_FIELD_LABELS, RENAKSI_TEXT_FIELDS, RENAKSI_TEXT_MAX, type RenaksiTextField } from './renaksi-draft';
import { checkTargets, compactTargets, parseTarget } from './renaksi-targets';
import { formatInt } from '../shared/format';

/** Line breaks as \n and no surrounding blanks: how every Renaksi text is stored and compared. */
export function normalizeText(value: string): string {
  return value.replace(/\r\n?/g, '\n').trim();
}

/** Columns a row may not be saved without. */
export const REQUIRED_TEXT_FIELDS: ReadonlySet<RenaksiTextField> = new Set(['problem', 'activity']);

function boundedText(label: string) {
  return z
    .string({ error: `${label} harus berupa teks.` })
    .default('')
    .transform(normalizeText)
    .pipe(z.string().max(RENAKSI_TEXT_MAX, `${label} maksimal ${formatInt(RENAKSI_TEXT_MAX)} karakter.`));
}

function textSchema(field: RenaksiTextField) {
  const label = RENAKSI_FIELD_LABELS[field];
  const base = z
    .string({ error: `${label} harus berupa teks.` })
    .default('')
    .transform(normalizeText)
    .pipe(z.string().max(RENAKSI_TEXT_MAX, `${label} maksimal ${formatInt(RENAKSI_TEXT_MAX)} karakter.`));
  return REQUIRED_TEXT_FIELDS.has(field) ? base.pipe(z.string().min(1, `${label} wajib diisi.`)) : base;
}

const TEXT_SCHEMA = z.object(
  Object.fromEntries(RENAKSI_TEXT_FIELDS.map((f) => [f, textSchema(f)])) as Record<RenaksiTextField, ReturnType<typeof textSchema>>,
);
const NOTES_SCHEMA = boundedText(NOTES_LABEL);
const OUTPUT_TARGET_MAX = 500;

const VERSION_SCHEMA = z.coerce.number({ error: 'Versi baris tidak valid.' }).int().positive('Versi baris tidak valid.');

export interface RowFormValues {
  texts: Record<RenaksiTextField, string>;
  /** Units at target by the end of each year (empty years left out). */
  targets: Record<string, number>;
  /** Output per year as typed (empty years left out). */
  outputTargets: Record<string, string>;
  notes: string;
  isPriority: boolean;
  /** Only for manual rows. */
  aspectCode: string | null;
  indicatorCode: string | null;
}

export interface RowFormContext {
  years: number[];
  instrument: Instrument;
  /** The most units a yearly target may count (rowTargetMax). */
  targetMax: number;
  /** Manual rows also choose their aspect and (optionally) indicator. */
  manual: boolean;
}

/** Output targets as typed (`output_<year>`), each at most OUTPUT_TARGET_MAX characters; empty years left out. */
function parseOutputTargets(body: Record<string, unknown>, years: number[], errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const y of years) {
    const raw = body[`output_${y}`];
    const text = typeof raw === 'string' ? normalizeText(raw) : '';
    if (raw !== undefined && typeof raw !== 'string') errors[`output_${y}`] = `Target output ${y} harus berupa teks.`;
    else if (text.length > OUTPUT_TARGET_MAX) errors[`output_${y}`] = `Target output ${y} maksimal ${formatInt(OUTPUT_TARGET_MAX)} karakter.`;
    else if (text !== '') out[String(y)] = text;
  }
  return out;
}

/** A manual row's aspect and (optional) indicator of that aspect. */
function parseManualPlace(body: Record<string, unknown>, instrument: Instrument, errors: Record<string, string>): { aspectCode: string | null; indicatorCode: string | null } {
  const aspect = instrument.aspects.find((a) => a.code === body.aspectCode);
  if (!aspect) errors.aspectCode = 'Pilih aspek yang tersedia.';
  const ind = typeof body.indicatorCode === 'string' && body.indicatorCode !== '' ? body.indicatorCode : null;
  if (ind !== null && aspect && !aspect.indicators.some((i) => i.code === ind)) errors.indicatorCode = `Indikator harus termasuk aspek ${aspect.code}.`;
  return { aspectCode: aspect?.code ?? null, indicatorCode: ind };
}

/**
 * Validates the row form (every Lampiran I column; unit targets as `target_<year>`, output targets as
 * `output_<year>`). Errors are keyed by form field name (`target_2023` for a year) with messages in Bahasa
 * Indonesia naming the field and year.
 */
export function parseRowForm(body: Record<string, unknown>, ctx: RowFormContext): { values: RowFormValues | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const texts = TEXT_SCHEMA.safeParse(body);
  if (!texts.success) Object.assign(errors, fieldMessages(texts.error));
  const notes = NOTES_SCHEMA.safeParse(body.notes);
  if (!notes.success) errors.notes = notes.error.issues[0]?.message ?? `${NOTES_LABEL} tidak valid.`;
  const typed = Object.fromEntries(ctx.years.map((y) => [String(y), parseTarget(body[`target_${y}`])]));
  for (const [year, message] of Object.entries(checkTargets(typed, ctx.years, ctx.targetMax))) errors[`target_${year}`] = message;
  const outputTargets = parseOutputTargets(body, ctx.years, errors);
  const place = ctx.manual ? parseManualPlace(body, ctx.instrument, errors) : { aspectCode: null, indicatorCode: null };
  if (Object.keys(errors).length > 0 || !texts.success || !notes.success) return { values: null, errors };
  return {
    values: {
      texts: texts.data,
      targets: compactTargets(typed as Record<string, number | null>),
      outputTargets,
      notes: notes.data,
      isPriority: body.isPriority === '1' || body.isPriority === 'on',
      ...place,
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
  z.string({ error: `${label} harus berupa teks.` }).default('').transform(normalizeText).pipe(z.string().max(max, `${label} maksimal ${formatInt(max)} karakter.`));

export const DOCUMENT_SETTINGS_SCHEMA = z.object({
  'renaksi.paper': z.enum(['folio', 'a4'], { error: 'Pilih ukuran kertas F4/Folio atau A4.' }),
  'renaksi.region': settingText('Nama daerah', 80).pipe(z.string().min(1, 'Nama daerah wajib diisi.')),
  'renaksi.place': settingText('Tempat penandatanganan', 60).pipe(z.string().min(1, 'Tempat penandatanganan wajib diisi.')),
  'renaksi.date': settingText('Tanggal penandatanganan', 60),
  'renaksi.decreeNumber': settingText('Nomor Keputusan Bupati', 80),
  'renaksi.decreeDate': settingText('Tanggal Keputusan Bupati', 60),
  'renaksi.office': settingText('Jabatan penanda tangan', 120).pipe(z.string().min(1, 'Jabatan penanda tangan wajib diisi.')),
  'renaksi.signer': settingText('Nama penanda tangan', 120).pipe(z.string().min(1, 'Nama penanda tangan wajib diisi.')),
  'renaksi.nip': settingText('NIP', 30).refine((v) => v === '' || /^\d{18}$/.test(v.replace(/\s/g, '')), 'NIP terdiri atas 18 angka (boleh dikosongkan).'),
});
export type DocumentSettings = z.infer<typeof DOCUMENT_SETTINGS_SCHEMA>;

export const MOVE_SCHEMA = z.object({ direction: z.enum(['up', 'down'], { error: 'Arah pindah harus naik atau turun.' }) });
export const MERGE_SCHEMA = z.object({
  into: z.coerce.number({ error: 'Pilih baris tujuan penggabungan.' }).int('Pilih baris tujuan penggabungan.').positive('Pilih baris tujuan penggabungan.'),
});
export const PRIORITY_SCHEMA = z.object({ isPriority: z.enum(['0', '1'], { error: 'Tanda prioritas tidak valid.' }) });

const optionalChoice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values).optional().catch(undefined);

/** Filters of the plan page (GET query); unknown values are ignored rather than refused. */
export const PLAN_FILTER_SCHEMA = z.object({
  aspek: z.string().regex(/^[A-Z]$/).optional().catch(undefined),
  cakupan: optionalChoice(['kabupaten', 'manual'] as const),
  tampil: optionalChoice(['terbuka', 'tertutup', 'prioritas', 'disunting', 'baru'] as const),
  /** Page of a filter across the aspects (FILTER_PAGE_ROWS rows each). */
  hal: z.coerce.number().int().min(1).max(1000).optional().catch(undefined),
});
export type PlanFilter = z.infer<typeof PLAN_FILTER_SCHEMA>;
