import type { Db } from '../db/database';
import { badInput } from '../errors/app-error';
import type { AuditService } from '../audit';
import type { AssessmentsService } from '../assessments';
import type { Instrument, InstrumentService } from '../instrument';
import type { Period, PeriodsService } from '../periods';
import type { UnitsService } from '../units';
import { bindDeps } from '../shared/bind-deps';
import type { User } from '../shared/identity';
import { validate } from '../web/validate';
import type { InstrumentVersion, PeriodSetupRepo } from './period-setup.repo';
import { NEW_PERIOD_SCHEMA, type NewPeriodInput } from './period-setup.schemas';

export interface PeriodSetupDeps {
  db: Db;
  periodSetup: PeriodSetupRepo;
  periods: PeriodsService;
  instruments: InstrumentService;
  assessments: AssessmentsService;
  units: UnitsService;
  audit: AuditService;
}

const codesOf = (inst: Instrument) => inst.aspects.flatMap((a) => a.indicators.map((i) => i.code));

/** Indicator codes two instrument versions share (answers can be carried over only for these). */
export function sharedCodes(from: Instrument, to: Instrument): string[] {
  const target = new Set(codesOf(to));
  return codesOf(from).filter((c) => target.has(c));
}

function checkNewPeriod(deps: PeriodSetupDeps, raw: unknown): { input: NewPeriodInput; instrument: Instrument; shared: string[] } {
  const input = validate(NEW_PERIOD_SCHEMA, raw);
  const instrument = deps.instruments.findById(input.instrumentId);
  if (!instrument) throw badInput({ instrumentId: 'Pilih versi instrumen yang tersedia.' });
  if (deps.periods.findByName(input.name)) throw badInput({ name: `Periode "${input.name}" sudah ada.` });
  let shared: string[] = [];
  if (input.copyFromPeriodId !== null) {
    const source = deps.periods.findById(input.copyFromPeriodId);
    const sourceInstrument = source && deps.instruments.findById(source.instrumentId);
    if (!sourceInstrument) throw badInput({ copyFromPeriodId: 'Pilih periode sumber yang tersedia.' });
    shared = sharedCodes(sourceInstrument, instrument);
    if (shared.length === 0) {
      throw badInput({ copyFromPeriodId: `Instrumen periode "${source?.name}" tidak memiliki kode indikator yang sama dengan versi ${instrument.version}; jawaban tidak dapat disalin.` });
    }
  }
  return { input, instrument, shared };
}

/**
 * Copies the answers (level, N/A, note; not the verified level nor evidence) of every unit of the new period (active,
 * assessed from its year or earlier) for the shared indicator codes into a new draft, flagged "disalin dari periode X" until the unit confirms. Runs in the caller's transaction.
 * Returns how many units got a draft.
 */
function copyAnswers(deps: PeriodSetupDeps, user: User, sourceId: number, targetId: number, shared: string[]): number {
  const source = deps.periods.findById(sourceId);
  const answers = deps.assessments.answersOfPeriod(sourceId);
  const keep = new Set(shared);
  // The new period has no assessment yet: its units are the active units assessed from its year or earlier.
  const inTarget = new Set(deps.units.idsInPeriod(targetId));
  let units = 0;
  for (const u of deps.assessments.listPeriodUnits(sourceId)) {
    if (u.assessmentId === null || !inTarget.has(u.unitId)) continue;
    const list = Object.values(answers.get(u.assessmentId) ?? {}).filter(
      (a) => keep.has(a.indicatorCode) && (a.level !== null || a.isNa || a.note !== ''),
    );
    if (list.length === 0) continue;
    const target = deps.assessments.findOrCreate(targetId, u.unitId);
    for (const a of list) {
      deps.assessments.upsertAnswer({ assessmentId: target.id, code: a.indicatorCode, level: a.level, isNa: a.isNa, note: a.note, userId: user.id });
    }
    deps.periodSetup.insertCopy(target.id, sourceId, list.length);
    deps.audit.record({
      userId: user.id, action: 'assessment.copy', entity: 'assessment', entityId: target.id, unitId: u.unitId,
      newValue: { periodeSumber: source?.name ?? String(sourceId), indikator: list.length },
    });
    units++;
  }
  return units;
}

/** Creates a period (and its copied drafts) in one transaction; 422 naming each bad field, nothing written then. */
export function createPeriod(deps: PeriodSetupDeps, user: User, raw: unknown): { periodId: number; copiedUnits: number } {
  const { input, shared } = checkNewPeriod(deps, raw);
  return deps.db.transaction(() => {
    const periodId = deps.periods.insert({ name: input.name, year: input.year, instrumentId: input.instrumentId, deadline: input.deadline });
    deps.audit.record({ userId: user.id, action: 'period.create', entity: 'period', entityId: periodId, newValue: { nama: input.name, tahun: input.year, batas: input.deadline, salinDari: input.copyFromPeriodId } });
    const copiedUnits = input.copyFromPeriodId !== null ? copyAnswers(deps, user, input.copyFromPeriodId, periodId, shared) : 0;
    return { periodId, copiedUnits };
  })();
}

/** A period as the setup page lists it: with its instrument version and how many units submitted. */
export interface PeriodRow extends Period {
  instrumentVersion: string;
  submitted: number;
}

/** Every period, newest first, with its instrument version and submitted count. */
function listPeriods(deps: PeriodSetupDeps): PeriodRow[] {
  const submitted = deps.periodSetup.submittedCounts();
  return deps.periods.listAll().map((p) => ({
    ...p,
    instrumentVersion: deps.instruments.findById(p.instrumentId)?.version ?? '–',
    submitted: submitted.get(p.id) ?? 0,
  }));
}

/** Every stored instrument version, newest first (the new-period form offers them). */
function listInstruments(deps: PeriodSetupDeps): InstrumentVersion[] {
  return deps.periodSetup.listInstruments();
}

/**
 * The period setup service: the admin's period list and new-period form, and the answers copied from an earlier
 * period (the unit confirms them on its review notice).
 */
export function createPeriodSetupService(deps: PeriodSetupDeps) {
  const { findCopy, confirmCopy } = deps.periodSetup;
  return { findCopy, confirmCopy, latestInstrument: deps.instruments.latest, ...bindDeps(deps, { createPeriod, listPeriods, listInstruments }) };
}
export type PeriodSetupService = ReturnType<typeof createPeriodSetupService>;
