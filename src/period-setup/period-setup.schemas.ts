import { z } from 'zod';
import { formatInt } from '../shared/format';

const NAME_MIN = 3;
const NAME_MAX = 120;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD (what <input type="date"> sends). */
function isCalendarDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** The new-period form: name, year, instrument version, deadline, and optionally a period to copy answers from. */
export const NEW_PERIOD_SCHEMA = z.object({
  name: z
    .string({ error: 'Nama periode wajib diisi.' })
    .trim()
    .min(NAME_MIN, `Nama periode minimal ${formatInt(NAME_MIN)} karakter.`)
    .max(NAME_MAX, `Nama periode maksimal ${formatInt(NAME_MAX)} karakter.`),
  year: z.coerce
    .number({ error: 'Tahun harus berupa angka.' })
    .int('Tahun harus bilangan bulat.')
    .min(2000, 'Tahun antara 2000 dan 2100.')
    .max(2100, 'Tahun antara 2000 dan 2100.'),
  instrumentId: z.coerce.number({ error: 'Pilih versi instrumen.' }).int().positive('Pilih versi instrumen.'),
  deadline: z
    .string({ error: 'Batas pengisian wajib diisi.' })
    .trim()
    .min(1, 'Batas pengisian wajib diisi.')
    .refine(isCalendarDate, 'Batas pengisian harus tanggal yang valid (TTTT-BB-HH).'),
  copyFromPeriodId: z
    .union([z.literal('').transform(() => null), z.coerce.number().int().positive()], { error: 'Pilih periode sumber yang tersedia.' })
    .nullable()
    .default(null),
});
export type NewPeriodInput = z.infer<typeof NEW_PERIOD_SCHEMA>;
