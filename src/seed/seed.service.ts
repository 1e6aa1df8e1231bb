import crypto from 'node:crypto';
import type { PasswordCost } from '../config/config';
import type { Repos } from '../db/repos';
import { hashPassword } from '../users/passwords';
import { loadInstrumentTemplates } from '../instrument/instrument.loader';
import { readUnitTemplate } from '../units/unit-template';

export const DEFAULT_PERIOD_NAME = 'Penilaian Mandiri SP4N-LAPOR! 2022';

export interface SeedResult {
  /** Set when the admin account was created with a generated password (print it once). */
  generatedAdminPassword: string | null;
  createdAdmin: boolean;
}

/** Stores every instrument template version found in the folder; returns the id of the newest. */
export function seedInstruments(repos: Repos, templatesDir: string): number {
  const ids = loadInstrumentTemplates(templatesDir).map((inst) => repos.instruments.ensure(inst));
  const last = ids[ids.length - 1];
  if (last === undefined) throw new Error(`Tidak ada templat instrumen di ${templatesDir}`);
  return last;
}

/**
 * Kutai Timur's units from templates/units-kutai-timur.json in their official order, only when the table is empty
 * (an existing installation takes a new list through the units import).
 */
export function seedUnits(repos: Repos, templatesDir: string): void {
  if (repos.units.listAll().length > 0) return;
  const units = readUnitTemplate(templatesDir);
  repos.db.transaction(() => units.forEach((u, i) => repos.units.insert({ ...u, sortOrder: i + 1 })))();
}

/**
 * Idempotent first-start seed: instrument versions, units, the default 2022 period and the `admin` account
 * (password from ADMIN_PASSWORD, else generated and returned so the caller prints it once).
 */
export async function seedBase(repos: Repos, opts: { templatesDir: string; adminPassword?: string; passwordCost: PasswordCost }): Promise<SeedResult> {
  const instrumentId = seedInstruments(repos, opts.templatesDir);
  seedUnits(repos, opts.templatesDir);
  if (!repos.periods.findByName(DEFAULT_PERIOD_NAME)) {
    repos.periods.insert({ name: DEFAULT_PERIOD_NAME, year: 2022, instrumentId, deadline: null });
  }
  if (repos.users.findCredentials('admin')) return { generatedAdminPassword: null, createdAdmin: false };
  const generated = opts.adminPassword ? null : crypto.randomBytes(9).toString('base64url');
  const passwordHash = await hashPassword(opts.adminPassword ?? (generated as string), opts.passwordCost);
  repos.users.insert({ username: 'admin', displayName: 'Admin Diskominfo Staper', passwordHash, role: 'admin', unitId: null });
  return { generatedAdminPassword: generated, createdAdmin: true };
}
