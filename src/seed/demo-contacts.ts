import type { MonitoringService } from '../monitoring';
import { normalisePhone } from '../shared/phone';
import { UNSET_PASSWORD_HASH } from '../users';
import { DEFAULT_PERIOD_NAME, type SeedDeps } from './seed.service';

/** What the demo's narahubung accounts are written with and chosen from. */
type DemoContactsDeps = Pick<SeedDeps, 'periods'> & {
  users: Pick<SeedDeps['users'], 'listAll' | 'insert'>;
  monitoring: Pick<MonitoringService, 'progress'>;
};

const FIRST = ['Rina', 'Agus', 'Siti', 'Muhammad', 'Dewi', 'Hendra', 'Nur', 'Yusuf', 'Fitri', 'Rahmat', 'Sri', 'Andi', 'Wahyu', 'Ratna', 'Syamsul', 'Lestari'];
const LAST = ['Wulandari', 'Saputra', 'Rahmawati', 'Ridwan', 'Anggraini', 'Kurniawan', 'Hasanah', 'Pratama', 'Handayani', 'Hidayat', 'Mulyani', 'Baso', 'Nugroho', 'Sari', 'Alam', 'Puspita'];

/** One demo account: the unit's narahubung, with a sample mobile number or none. */
interface DemoContact {
  username: string;
  displayName: string;
  unitId: number;
  /** Stored form 62…, or null (the board then says the unit's narahubung has no number). */
  phone: string | null;
}

/**
 * The demo's narahubung for units late in a semester (official order): every other late unit gets an account, and
 * all but every fourth of those a sample number (0812 5550 0xxx, a made-up series), so the board shows WhatsApp
 * reminders, a narahubung without a number and a unit without an account side by side. Pure.
 */
export function demoContacts(late: { unitId: number; code: string }[]): DemoContact[] {
  return late.filter((_, i) => i % 2 === 0).map((u, k) => {
    const parsed = normalisePhone(`0812 5550 ${String(101 + k * 37).padStart(4, '0')}`);
    return {
      username: `narahubung.${u.code.toLowerCase()}`,
      displayName: `${FIRST[k % FIRST.length] ?? ''} ${LAST[(k * 5) % LAST.length] ?? ''}`,
      unitId: u.unitId,
      phone: k % 4 === 3 || !('phone' in parsed) ? null : parsed.phone,
    };
  });
}

/**
 * Gives the demo narahubung accounts for some units late in the last semester whose reporting window has closed, with
 * sample mobile numbers, so the monev board's reminders carry WhatsApp links. The accounts have no usable password
 * (like imported ones: the admin issues a one-time link on Pengguna). Does nothing without a monitored demo plan or
 * once any narahubung account exists (the late units change as the demo grows, so they are chosen once).
 */
export function seedDemoContacts(deps: DemoContactsDeps): void {
  const period = deps.periods.findByName(DEFAULT_PERIOD_NAME);
  if (!period?.isDemo || deps.users.listAll().some((u) => u.role === 'narahubung')) return;
  const p = deps.monitoring.progress(period.id);
  const index = p.semesters.map((s) => s.windowState).lastIndexOf('ditutup');
  if (!p.monitored || index < 0) return;
  const late = p.units.filter((u) => u.semesters[index]?.reported === false).map((u) => ({ unitId: u.unitId, code: u.code }));
  for (const c of demoContacts(late)) {
    deps.users.insert({ username: c.username, displayName: c.displayName, passwordHash: UNSET_PASSWORD_HASH, role: 'narahubung', unitId: c.unitId, phone: c.phone });
  }
}
