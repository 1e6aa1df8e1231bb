import type { AssessmentsService } from '../assessments';
import { naWithoutReports, type Instrument } from '../instrument';
import type { AssessmentStatus } from '../shared/assessment-status';
import type { UnitGroup } from '../units';

/** Small deterministic PRNG (mulberry32) so sample data is the same on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SAMPLE_NOTES = [
  'Sudah berjalan, dokumen terlampir.',
  'Belum ada dokumen resmi; masih dalam proses penyusunan.',
  'Dilaksanakan sebagian, perlu penguatan tahun depan.',
  '',
];
const VERIFIER_NOTE = 'Bukti dukung belum sepenuhnya memenuhi kriteria tingkat yang dipilih.';

export interface SampleAnswer {
  code: string;
  level: number | null;
  isNa: boolean;
  note: string;
  verifiedLevel: number | null;
}

export interface SampleAssessment {
  /** null: the unit has not started. */
  status: AssessmentStatus | null;
  answers: SampleAnswer[];
}

/**
 * A realistic assessment for the unit at position `index`, given the instrument as that unit answers it
 * (`instrumentForUnit`): a unit-level capacity drives the levels, remote kecamatan often had no complaints (N/A on
 * the indicators a unit without reports cannot judge), a unit named for an N/A answers N/A, most units submitted,
 * some verified with a corrected level, a few still drafting (partly answered) or not started.
 */
export function sampleAssessment(instrument: Instrument, group: UnitGroup, index: number, rand: () => number): SampleAssessment {
  if (index % 11 === 10) return { status: null, answers: [] };
  const capacity = 0.8 + rand() * 2.4;
  const noComplaints = group === 'kecamatan' && rand() < 0.35;
  const draft = index % 9 === 4;
  const status: AssessmentStatus = draft ? 'draf' : index % 4 === 0 ? 'diverifikasi' : 'diajukan';
  const indicators = instrument.aspects.flatMap((a) => a.indicators);
  const answers: SampleAnswer[] = [];
  indicators.forEach((ind, k) => {
    if (draft && k > indicators.length * 0.6) return;
    // N/A reserved for named units (F4 for Inspektorat) is open only in the instrument as that unit sees it.
    const isNa = (noComplaints && naWithoutReports(ind)) || (ind.naCase === 'named-units' && ind.allowNa);
    const level = isNa ? null : Math.max(0, Math.min(4, Math.round(capacity + (rand() - 0.5) * 2)));
    const corrected = status === 'diverifikasi' && level !== null && level > 0 && rand() < 0.2;
    answers.push({
      code: ind.code, level, isNa, verifiedLevel: corrected ? (level as number) - 1 : null,
      note: SAMPLE_NOTES[Math.floor(rand() * SAMPLE_NOTES.length)] ?? '',
    });
  });
  return { status, answers };
}

/** Stores a sample assessment through the assessments service (the caller owns the transaction). */
export function writeSampleAssessment(assessments: Pick<AssessmentsService, 'findOrCreate' | 'upsertAnswer' | 'setVerifiedLevel' | 'setStatus'>, periodId: number, unitId: number, sample: SampleAssessment, userId: number): void {
  if (sample.status === null) return;
  const assessment = assessments.findOrCreate(periodId, unitId);
  for (const a of sample.answers) {
    assessments.upsertAnswer({ assessmentId: assessment.id, code: a.code, level: a.level, isNa: a.isNa, note: a.note, userId });
    if (a.verifiedLevel !== null) {
      assessments.setVerifiedLevel({ assessmentId: assessment.id, code: a.code, level: a.verifiedLevel, note: VERIFIER_NOTE });
    }
  }
  if (sample.status !== 'draf') assessments.setStatus(assessment.id, 'diajukan');
  if (sample.status === 'diverifikasi') assessments.setStatus(assessment.id, 'diverifikasi', userId);
}
