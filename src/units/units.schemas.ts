import { z } from 'zod';
import { ASSESSED_FROM_MAX, ASSESSED_FROM_MIN } from '../db/period-units';
import { formatInt } from '../shared/format';

export const UNIT_CODE_PATTERN = /^[A-Z0-9][A-Z0-9._-]{1,39}$/;
export const UNIT_NAME_MAX = 150;
export const UNIT_ABBREVIATION_MAX = 40;
const UNIT_HEAD_MAX = 150;

const headText = (label: string) =>
  z.string({ error: `${label} harus berupa teks.` }).trim().max(UNIT_HEAD_MAX, `${label} maksimal ${formatInt(UNIT_HEAD_MAX)} karakter.`).default('');

/** The add/edit unit form: code (stored upper case), name, group (pd | kecamatan). */
export const UNIT_FORM_SCHEMA = z.object({
  code: z
    .string({ error: 'Kode unit wajib diisi.' })
    .trim()
    .transform((s) => s.toUpperCase())
    .pipe(z.string().min(1, 'Kode unit wajib diisi.').regex(UNIT_CODE_PATTERN, 'Kode 2–40 karakter: huruf, angka, titik, garis bawah atau tanda hubung.')),
  name: z
    .string({ error: 'Nama unit wajib diisi.' })
    .trim()
    .min(1, 'Nama unit wajib diisi.')
    .max(UNIT_NAME_MAX, `Nama unit maksimal ${formatInt(UNIT_NAME_MAX)} karakter.`),
  group: z.enum(['pd', 'kecamatan'], { error: 'Pilih kelompok: Perangkat Daerah atau Kecamatan.' }),
  abbreviation: z
    .string({ error: 'Singkatan harus berupa teks.' })
    .trim()
    .max(UNIT_ABBREVIATION_MAX, `Singkatan maksimal ${formatInt(UNIT_ABBREVIATION_MAX)} karakter.`)
    .default(''),
  /** The checkbox "perlu dikonfirmasi": sent as "1" when ticked, absent otherwise. */
  needsConfirmation: z
    .unknown()
    .optional()
    .transform((v) => v === '1' || v === 'on'),
  /** The head of the unit as its own Renaksi names them: all three may stay blank. */
  headTitle: headText('Jabatan kepala unit'),
  headName: headText('Nama kepala unit'),
  /** NIP of a civil servant: 18 digits, spaces allowed between the groups ("19700101 199003 1 001"). */
  headNip: z
    .string({ error: 'NIP kepala unit harus berupa teks.' })
    .trim()
    .default('')
    .refine((s) => s === '' || /^\d{18}$/.test(s.replace(/\s+/g, '')), 'NIP kepala unit terdiri atas 18 angka (spasi di antara kelompok angka boleh).'),
  /** "Dinilai mulai tahun": blank (every period) or the first year the unit is assessed (parseAssessedFrom). */
  assessedFrom: z
    .string({ error: 'Dinilai mulai tahun harus berupa teks.' })
    .default('')
    .transform((s, ctx) => {
      const r = parseAssessedFrom(s);
      if ('error' in r) {
        ctx.addIssue({ code: 'custom', message: r.error });
        return z.NEVER;
      }
      return r.value;
    }),
});
/** "Dinilai mulai tahun" as typed: '' → null (every period), else the year, or the message naming the field. */
export function parseAssessedFrom(text: string): { value: number | null } | { error: string } {
  const t = text.trim();
  if (t === '') return { value: null };
  const year = /^\d{4}$/.test(t) ? Number(t) : NaN;
  if (year >= ASSESSED_FROM_MIN && year <= ASSESSED_FROM_MAX) return { value: year };
  return { error: `Dinilai mulai tahun harus tahun 4 angka antara ${ASSESSED_FROM_MIN} dan ${ASSESSED_FROM_MAX}, atau kosong (dinilai di setiap periode).` };
}

export type UnitFormInput = z.infer<typeof UNIT_FORM_SCHEMA>;

export const IMPORT_EXTENSIONS = ['.xlsx', '.csv'] as const;
/** The official list is a few hundred lines at most; 2 MB leaves ample room. */
export const IMPORT_MAX_BYTES = 2 * 1024 * 1024;
