import type { Db } from '../db/database';
import type { AssessmentsService } from '../assessments';
import { instrumentForUnit, type Instrument } from '../instrument';
import type { KabupatenService } from '../kabupaten';
import type { PeriodScores, ScoringService, UnitResult } from '../scoring';
import type { User } from '../shared/identity';
import { DEFAULT_PERIOD_NAME, type SeedDeps } from './seed.service';
import { prng, sampleAssessment, writeSampleAssessment, type SampleAnswer, type SampleAssessment } from './sample-answers';

export const DEMO_NEXT_PERIOD_NAME = 'Penilaian Mandiri SP4N-LAPOR! 2023';
/**
 * A perangkat daerah formed after the 2022 assessment (BRIDA, after Perpres 78/2021): the unit added in the demo,
 * assessed from 2023 ("Dinilai mulai tahun"), so the 2022 figures stay over the 57 units of that year.
 */
export const DEMO_ADDED_UNIT = { code: 'PD-BRIDA', name: 'Badan Riset dan Inovasi Daerah', group: 'pd', abbreviation: 'BRIDA', assessedFrom: '2023' } as const;

export interface DemoProgressDeps extends SeedDeps {
  db: Db;
  assessments: AssessmentsService;
  scoring: Pick<ScoringService, 'computePeriodScores'>;
  kabupaten: Pick<KabupatenService, 'writeDemo'>;
}

/** How a unit moved from 2022 to 2023 in the demo: by its position, so the story is the same on every machine. */
export type DemoMove = 'trajectory' | 'ahead' | 'partial' | 'stagnant' | 'down';

/** Two units down, a tenth each unchanged and halfway, a fifth already at target, the rest along their trajectory. */
export function demoMoveOf(index: number): DemoMove {
  if (index === 6 || index === 45) return 'down';
  if (index % 10 === 2) return 'stagnant';
  if (index % 10 === 7) return 'partial';
  if (index % 10 === 5 || index % 10 === 9) return 'ahead';
  return 'trajectory';
}

/**
 * A unit's 2023 level on one indicator from its 2022 level L (0 when it had not submitted) and the target T: on its
 * Renaksi trajectory min(T, L + 2) (the plan's second year), ahead of it at T, halfway min(T, L + 1), unchanged, or
 * one level down on every third indicator.
 */
export function movedLevel(move: DemoMove, level: number, target: number, position: number): number {
  if (move === 'ahead') return Math.max(level, target);
  if (move === 'trajectory') return Math.max(level, Math.min(target, level + 2));
  if (move === 'partial') return Math.max(level, Math.min(target, level + 1));
  if (move === 'down') return position % 3 === 0 ? Math.max(0, level - 1) : level;
  return level;
}

/** The 2023 assessment of a unit that was in 2022: its 2022 levels moved, its N/A kept. */
function movedAssessment(instrument: Instrument, before: UnitResult, index: number): SampleAssessment {
  const move = before.included ? demoMoveOf(index) : 'trajectory';
  const answers: SampleAnswer[] = instrument.aspects.flatMap((a) => a.indicators).map((ind, k) => {
    const then = before.included ? before.score.levels[ind.code] : 0;
    if (then === 'na') return { code: ind.code, level: null, isNa: true, note: '', verifiedLevel: null };
    return { code: ind.code, level: movedLevel(move, then ?? 0, ind.target, k), isNa: false, note: '', verifiedLevel: null };
  });
  const status = index % 29 === 25 ? 'draf' : index % 4 === 0 ? 'diverifikasi' : 'diajukan';
  return { status, answers };
}

function addedUnitId(deps: DemoProgressDeps, admin: User): number {
  return deps.units.findByCode(DEMO_ADDED_UNIT.code)?.id ?? deps.units.createUnit(admin, { ...DEMO_ADDED_UNIT });
}

function writeNextPeriod(deps: DemoProgressDeps, base: PeriodScores, admin: User, addedId: number): void {
  const instrument = base.instrument;
  const rand = prng(2023);
  deps.db.transaction(() => {
    const periodId = deps.periods.insert({ name: DEMO_NEXT_PERIOD_NAME, year: 2023, instrumentId: base.period.instrumentId, deadline: null });
    deps.periods.markDemo(periodId);
    base.units.forEach((u, i) => {
      writeSampleAssessment(deps.assessments, periodId, u.unitId, movedAssessment(instrumentForUnit(instrument, u.code), u, i), admin.id);
    });
    writeSampleAssessment(deps.assessments, periodId, addedId, sampleAssessment(instrumentForUnit(instrument, DEMO_ADDED_UNIT.code), 'pd', 1, rand), admin.id);
    deps.kabupaten.writeDemo(periodId, admin.id);
  })();
}

/**
 * The last part of the demo (DEMO=1, after seedDemo and seedDemoPlan signed the 2022–2024 plan): a 2023 period where most units moved along their trajectory, some halfway, some not at
 * all, two went down on some indicators, a few are still drafting, the units that had not submitted in 2022 did, and
 * a perangkat daerah formed since (BRIDA) answered for the first time. So the dashboard's comparison, the kemajuan
 * slide and the rapor's trajectory have content. Does nothing for a 2022 period that is not demo data or when the
 * 2023 period already exists.
 */
export function seedDemoProgress(deps: DemoProgressDeps): void {
  const period = deps.periods.findByName(DEFAULT_PERIOD_NAME);
  const admin = deps.users.findCredentials('admin');
  if (!period?.isDemo || !admin || deps.periods.findByName(DEMO_NEXT_PERIOD_NAME)) return;
  const base = deps.scoring.computePeriodScores(period.id, 'verified');
  writeNextPeriod(deps, base, admin, addedUnitId(deps, admin));
}
