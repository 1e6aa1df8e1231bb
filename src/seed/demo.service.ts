import type { Db } from '../db/database';
import type { AssessmentsService } from '../assessments';
import type { KabupatenService } from '../kabupaten';
import { instrumentForUnit, type Instrument } from '../instrument';
import { DEFAULT_PERIOD_NAME, type SeedDeps } from './seed.service';
import { prng, sampleAssessment, writeSampleAssessment } from './sample-answers';
import { seedDemoLapor, type LaporDemoTarget } from './demo-lapor';

/**
 * Fills the default period (on the newest instrument when the database was new) with realistic sample answers for
 * every unit and, where the instrument has a kabupaten checklist, the kabupaten's own conditions; marks the period as
 * demo data (the UI labels it), and gives it an SP4N-LAPOR! export beside them. Each part does nothing when already
 * there.
 */
export function seedDemo(
  deps: SeedDeps & { db: Db; assessments: AssessmentsService; kabupaten: Pick<KabupatenService, 'writeDemo'>; lapor: LaporDemoTarget },
): void {
  const period = deps.periods.findByName(DEFAULT_PERIOD_NAME);
  if (!period) throw new Error('Periode bawaan belum ada; jalankan seed dasar terlebih dahulu');
  const inPeriod = new Set(deps.units.idsInPeriod(period.id));
  seedDemoLapor(period, deps.units.listUnits().filter((u) => inPeriod.has(u.id)), deps.lapor);
  const instrument = deps.instruments.findById(period.instrumentId) as Instrument;
  const admin = deps.users.findCredentials('admin');
  if (!admin) throw new Error('Akun admin belum ada');
  const units = deps.assessments.listPeriodUnits(period.id);
  if (units.some((u) => u.assessmentId !== null)) return;
  const rand = prng(2022);
  deps.db.transaction(() => {
    deps.periods.markDemo(period.id);
    units.forEach((u, i) => {
      const sample = sampleAssessment(instrumentForUnit(instrument, u.unitCode), u.group, i, rand);
      writeSampleAssessment(deps.assessments, period.id, u.unitId, sample, admin.id);
    });
    deps.kabupaten.writeDemo(period.id, admin.id);
  })();
}
