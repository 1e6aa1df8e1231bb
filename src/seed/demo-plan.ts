import type { RenaksiService } from '../renaksi';
import type { User } from '../shared/identity';
import { DEFAULT_PERIOD_NAME, type SeedDeps } from './seed.service';

/** What the demo's signed plan is made with: the Renaksi module's own drafting, settings and finalisation. */
export type DemoPlanDeps = Pick<SeedDeps, 'periods' | 'users'> & {
  renaksi: Pick<RenaksiService, 'findPlan' | 'generateRenaksi' | 'documentSettings' | 'saveDocumentSettings' | 'finalizePlan'>;
};

/** The demo decree: a plausible number and the dates the kabupaten would have signed the 2022–2024 plan on. */
const DEMO_DECREE = {
  'renaksi.decreeNumber': '100.3.3.2/K.512/HK/XI/2022',
  'renaksi.decreeDate': '30 November 2022',
  'renaksi.date': '30 November 2022',
} as const;
const SIGNED_AT = new Date('2022-11-30T02:00:00Z');

/**
 * Gives the demo period the plan a newcomer should see signed: the Renaksi drafted from the demo answers, numbered
 * as a Keputusan Bupati and finalised on 30 November 2022 (the date the monitoring of its semesters starts from).
 * Does nothing for a period that is not demo data or already has a plan, so a team's own period is never given a
 * signed plan with a made-up decree and a team's own draft is never touched. Async because
 * finalising builds the workbook the version keeps.
 */
export async function seedDemoPlan(deps: DemoPlanDeps): Promise<void> {
  const period = deps.periods.findByName(DEFAULT_PERIOD_NAME);
  if (!period?.isDemo || deps.renaksi.findPlan(period.id)) return;
  const admin = adminUser(deps);
  deps.renaksi.generateRenaksi(admin, period.id);
  const settings = deps.renaksi.documentSettings();
  const paper = settings['renaksi.paper'] === 'a4' ? 'a4' : 'folio';
  deps.renaksi.saveDocumentSettings(admin, { ...settings, 'renaksi.paper': paper, ...DEMO_DECREE });
  await deps.renaksi.finalizePlan(admin, period.id, SIGNED_AT);
}

function adminUser(deps: DemoPlanDeps): User {
  const creds = deps.users.findCredentials('admin');
  const user = creds && deps.users.findById(creds.id);
  if (!user) throw new Error('Akun admin belum ada');
  return user;
}
