import type { Repos } from '../db/repos';
import type { Instrument } from '../instrument/instrument.schemas';
import type { AssessmentStatus } from '../assessments/assessments.repo';
import { DEFAULT_PERIOD_NAME } from './seed.service';

/** Small deterministic PRNG (mulberry32) so demo data is the same on every machine. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DEMO_NOTES = [
  'Sudah berjalan, dokumen terlampir.',
  'Belum ada dokumen resmi; masih dalam proses penyusunan.',
  'Dilaksanakan sebagian, perlu penguatan tahun depan.',
  '',
];

/**
 * Fills the default period with realistic sample answers for every unit (labelled as demo data): a unit-level
 * capacity drives the levels, remote kecamatan often have no complaints (D1–D4 N/A), most units are submitted,
 * some verified with a corrected level, a few still in draft or not started.
 */
export function seedDemo(repos: Repos): void {
  const period = repos.periods.findByName(DEFAULT_PERIOD_NAME);
  if (!period) throw new Error('Periode bawaan belum ada; jalankan seed dasar terlebih dahulu');
  const instrument = repos.instruments.findById(period.instrumentId) as Instrument;
  const admin = repos.users.findCredentials('admin');
  if (!admin) throw new Error('Akun admin belum ada');
  const already = repos.assessments.listPeriodUnits(period.id).some((u) => u.assessmentId !== null);
  if (already) return;
  const rand = prng(2022);
  repos.db.transaction(() => {
    repos.periods.markDemo(period.id);
    repos.assessments.listPeriodUnits(period.id).forEach((u, i) => {
      if (i % 11 === 10) return; // belum mulai
      const capacity = 0.8 + rand() * 2.4;
      const noComplaints = u.group === 'kecamatan' && rand() < 0.35;
      const draft = i % 9 === 4;
      const status: AssessmentStatus = draft ? 'draf' : i % 4 === 0 ? 'diverifikasi' : 'diajukan';
      const assessment = repos.assessments.findOrCreate(period.id, u.unitId);
      const indicators = instrument.aspects.flatMap((a) => a.indicators);
      indicators.forEach((ind, k) => {
        if (draft && k > indicators.length * 0.6) return;
        const isNa = noComplaints && ind.allowNa;
        const level = isNa ? null : Math.max(0, Math.min(4, Math.round(capacity + (rand() - 0.5) * 2)));
        repos.assessments.upsertAnswer({
          assessmentId: assessment.id, code: ind.code, level, isNa, userId: admin.id,
          note: DEMO_NOTES[Math.floor(rand() * DEMO_NOTES.length)] ?? '',
        });
        if (status === 'diverifikasi' && level !== null && level > 0 && rand() < 0.2) {
          repos.assessments.setVerifiedLevel({
            assessmentId: assessment.id, code: ind.code, level: level - 1,
            note: 'Bukti dukung belum sepenuhnya memenuhi kriteria level yang dipilih.',
          });
        }
      });
      if (status !== 'draf') repos.assessments.setStatus(assessment.id, 'diajukan');
      if (status === 'diverifikasi') repos.assessments.setStatus(assessment.id, 'diverifikasi');
    });
  })();
}
