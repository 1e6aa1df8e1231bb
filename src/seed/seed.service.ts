import crypto from 'node:crypto';
import type { PasswordCost } from '../config/config';
import { loadInstrumentTemplates, type InstrumentService } from '../instrument';
import type { PeriodsService } from '../periods';
import { readUnitTemplate, type UnitsService } from '../units';
import { hashPassword, type UsersService } from '../users';

/** The modules the first-start seed stores its data through. */
export interface SeedDeps {
  instruments: InstrumentService;
  units: UnitsService;
  periods: PeriodsService;
  users: UsersService;
}

export const DEFAULT_PERIOD_NAME = 'Penilaian Mandiri SP4N-LAPOR! 2022';

export interface SeedResult {
  /** Set when the admin account was created with a generated password (print it once). */
  generatedAdminPassword: string | null;
  createdAdmin: boolean;
}

/** Stores every instrument template version found in the folder; returns the id of the newest. */
export function seedInstruments(instruments: InstrumentService, templatesDir: string): number {
  const ids = loadInstrumentTemplates(templatesDir).map((inst) => instruments.ensure(inst));
  const last = ids[ids.length - 1];
  if (last === undefined) throw new Error(`Tidak ada templat instrumen di ${templatesDir}`);
  return last;
}

/**
 * Kutai Timur's units from templates/units-kutai-timur.json in their official order, only when the table is empty
 * (an existing installation takes a new list through the units import).
 */
export function seedUnits(units: UnitsService, templatesDir: string): void {
  if (units.listUnits().length > 0) return;
  units.addSeedUnits(readUnitTemplate(templatesDir));
}

/**
 * Idempotent first-start seed: instrument versions, units, the default 2022 period and the `admin` account
 * (password from ADMIN_PASSWORD, else generated and returned so the caller prints it once).
 */
export async function seedBase(deps: SeedDeps, opts: { templatesDir: string; adminPassword?: string; passwordCost: PasswordCost }): Promise<SeedResult> {
  const instrumentId = seedInstruments(deps.instruments, opts.templatesDir);
  seedUnits(deps.units, opts.templatesDir);
  if (!deps.periods.findByName(DEFAULT_PERIOD_NAME)) {
    deps.periods.insert({ name: DEFAULT_PERIOD_NAME, year: 2022, instrumentId, deadline: null });
  }
  if (deps.users.findCredentials('admin')) return { generatedAdminPassword: null, createdAdmin: false };
  const generated = opts.adminPassword ? null : crypto.randomBytes(9).toString('base64url');
  const passwordHash = await hashPassword(opts.adminPassword ?? (generated as string), opts.passwordCost);
  deps.users.insert({ username: 'admin', displayName: 'Admin Diskominfo Staper', passwordHash, role: 'admin', unitId: null });
  return { generatedAdminPassword: generated, createdAdmin: true };
}
