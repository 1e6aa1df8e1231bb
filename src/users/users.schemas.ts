import { z } from 'zod';
import { ROLES } from './users.repo';

export const PASSWORD_MIN = 8;

export const NEW_USER_SCHEMA = z
  .object({
    username: z
      .string({ error: 'Nama pengguna wajib diisi.' })
      .trim()
      .regex(/^[a-zA-Z0-9._-]{3,40}$/, 'Nama pengguna 3–40 karakter: huruf, angka, titik, garis bawah atau tanda hubung.'),
    displayName: z
      .string({ error: 'Nama lengkap wajib diisi.' })
      .trim()
      .min(1, 'Nama lengkap wajib diisi.')
      .max(120, 'Nama lengkap maksimal 120 karakter.'),
    role: z.enum(ROLES, { error: 'Pilih peran yang tersedia.' }),
    unitId: z
      .union([z.literal('').transform(() => null), z.coerce.number().int().positive()], { error: 'Pilih unit yang tersedia.' })
      .nullable()
      .default(null),
    password: z
      .string({ error: 'Kata sandi wajib diisi.' })
      .min(PASSWORD_MIN, `Kata sandi minimal ${PASSWORD_MIN} karakter.`)
      .max(200, 'Kata sandi maksimal 200 karakter.'),
  })
  .superRefine((u, ctx) => {
    if (u.role === 'narahubung' && u.unitId === null) {
      ctx.addIssue({ code: 'custom', path: ['unitId'], message: 'Narahubung harus terikat pada satu unit.' });
    }
  })
  .transform((u) => ({ ...u, unitId: u.role === 'narahubung' ? u.unitId : null }));

export type NewUserInput = z.infer<typeof NEW_USER_SCHEMA>;

/** First message per field of a zod error, keyed by the top-level field name. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '_form');
    out[key] ??= issue.message;
  }
  return out;
}
