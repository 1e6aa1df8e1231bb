import { z } from 'zod';
import { ROLES } from '../shared/identity';
import { normalisePhone } from '../shared/phone';
import { formatInt } from '../shared/format';

export const PASSWORD_MIN = 8;
const PASSWORD_MAX = 200;
export const DISPLAY_NAME_MAX = 120;

/** Passwords people pick first; refused whatever the length rule says. */
const COMMON_PASSWORDS = new Set([
  'password', 'password1', 'password123', '12345678', '123456789', '1234567890', 'qwertyui', 'qwerty123',
  'katasandi', 'rahasia123', 'admin123', 'adminadmin', 'bismillah', 'indonesia', 'sangatta', 'kutaitimur',
  'lapor123', 'sp4nlapor', 'passw0rd', 'iloveyou', '11111111', '00000000', 'abcd1234', 'abc12345',
]);

export const PASSWORD_SCHEMA = z
  .string({ error: 'Kata sandi wajib diisi.' })
  .min(PASSWORD_MIN, `Kata sandi minimal ${formatInt(PASSWORD_MIN)} karakter.`)
  .max(PASSWORD_MAX, `Kata sandi maksimal ${formatInt(PASSWORD_MAX)} karakter.`)
  .refine((p) => !COMMON_PASSWORDS.has(p.toLowerCase()), 'Kata sandi terlalu umum; pilih yang lebih sulit ditebak.')
  .refine((p) => new Set(p).size >= 4, 'Kata sandi terlalu sederhana (terlalu sedikit karakter berbeda).');

/** The password rules that depend on the account: it must not contain the user name. */
export function passwordMentionsUsername(password: string, username: string): boolean {
  return username.length >= 3 && password.toLowerCase().includes(username.toLowerCase());
}

const USERNAME_SCHEMA = z
  .string({ error: 'Nama pengguna wajib diisi.' })
  .trim()
  .min(1, 'Nama pengguna wajib diisi.')
  .regex(/^[a-zA-Z0-9._-]{3,40}$/, 'Nama pengguna 3–40 karakter: huruf, angka, titik, garis bawah atau tanda hubung.');
const DISPLAY_NAME_SCHEMA = z
  .string({ error: 'Nama lengkap wajib diisi.' })
  .trim()
  .min(1, 'Nama lengkap wajib diisi.')
  .max(DISPLAY_NAME_MAX, `Nama lengkap maksimal ${formatInt(DISPLAY_NAME_MAX)} karakter.`);
const ROLE_SCHEMA = z.enum(ROLES, { error: 'Pilih peran yang tersedia.' });
const UNIT_ID_SCHEMA = z
  .union([z.literal('').transform(() => null), z.coerce.number().int().positive()], { error: 'Pilih unit yang tersedia.' })
  .nullable()
  .default(null);

/** A mobile number (optional): normalised to 62…, null when left blank; the message names the field "Nomor HP". */
const PHONE_SCHEMA = z
  .unknown()
  .optional()
  .transform((raw, ctx): string | null => {
    const parsed = normalisePhone(raw);
    if ('error' in parsed) {
      ctx.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    }
    return parsed.phone;
  });

function requireUnitForNarahubung(u: { role: string; unitId: number | null }, ctx: z.RefinementCtx): void {
  if (u.role === 'narahubung' && u.unitId === null) {
    ctx.addIssue({ code: 'custom', path: ['unitId'], message: 'Narahubung harus terikat pada satu unit.' });
  }
}

/** Only a narahubung is bound to a unit; a unit chosen for another role is dropped. */
const unitOnlyForNarahubung = <T extends { role: string; unitId: number | null }>(u: T): T => ({ ...u, unitId: u.role === 'narahubung' ? u.unitId : null });

/** The fields every account has, with the rules every way of creating one shares. */
const ACCOUNT_FIELDS = { username: USERNAME_SCHEMA, displayName: DISPLAY_NAME_SCHEMA, role: ROLE_SCHEMA, unitId: UNIT_ID_SCHEMA, phone: PHONE_SCHEMA };

export const NEW_USER_SCHEMA = z
  .object({ ...ACCOUNT_FIELDS, password: PASSWORD_SCHEMA })
  .superRefine((u, ctx) => {
    requireUnitForNarahubung(u, ctx);
    if (passwordMentionsUsername(u.password, u.username)) {
      ctx.addIssue({ code: 'custom', path: ['password'], message: 'Kata sandi tidak boleh memuat nama pengguna.' });
    }
  })
  .transform(unitOnlyForNarahubung);

/**
 * An account created without a password (bulk import: the person sets one through a one-time link). Otherwise the
 * same fields and rules as NEW_USER_SCHEMA.
 */
export const NEW_ACCOUNT_SCHEMA = z.object(ACCOUNT_FIELDS).superRefine(requireUnitForNarahubung).transform(unitOnlyForNarahubung);

export const EDIT_USER_SCHEMA = z
  .object({ displayName: DISPLAY_NAME_SCHEMA, role: ROLE_SCHEMA, unitId: UNIT_ID_SCHEMA, phone: PHONE_SCHEMA })
  .superRefine(requireUnitForNarahubung)
  .transform(unitOnlyForNarahubung);

/** One's own number on the account page. */
export const OWN_PHONE_SCHEMA = z.object({ phone: PHONE_SCHEMA });

export const SET_PASSWORD_SCHEMA = z
  .object({ password: PASSWORD_SCHEMA, confirm: z.string({ error: 'Ulangi kata sandi baru.' }) })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'Ulangan kata sandi tidak sama.' });

export const OWN_ADMIN_ROLE_MESSAGE = 'Anda tidak dapat mencabut peran admin dari akun Anda sendiri.';

/** An admin may not take the admin role away from their own account (nobody might be left to undo it). */
export function dropsOwnAdminRole(actorId: number, userId: number, role: string): boolean {
  return userId === actorId && role !== 'admin';
}

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
