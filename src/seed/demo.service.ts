import type { Repos } from '../db/repos';
import type { Instrument } from '../instrument/instrument.schemas';
import { DEFAULT_PERIOD_NAME } from './seed.service';
import { prng, sampleAssessment, writeSampleAssessment } from './sample-answers';

/**
 * Fills the default period with realistic sample answers for every unit and marks the period as demo data
 * (the UI labels it). Does nothing when the period already has assessments.
 */
export function seedDemo(repos: Repos): void {
  const period = repos.periods.findByName(DEFAULT_PERIOD_NAME);
  if (!period) throw new Error('Periode bawaan belum ada; jalankan seed dasar terlebih dahulu');
  const instrument = repos.instruments.findById(period.instrumentId) as Instrument;
  const admin = repos.users.findCredentials('admin');
  if (!admin) throw new Error('Akun admin belum ada');
  const units = repos.assessments.listPeriodUnits(period.id);
  if (units.some((u) => u.assessmentId !== null)) return;
  const rand = prng(2022);
  repos.db.transaction(() => {
    repos.periods.markDemo(period.id);
    units.forEach((u, i) => writeSampleAssessment(repos, period.id, u.unitId, sampleAssessment(instrument, u.group, i, rand), admin.id));
  })();
}
