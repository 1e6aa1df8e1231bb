import type { Repos } from '../db/repos';
import { badInput } from '../errors/app-error';
import type { Instrument } from '../instrument/instrument.schemas';
import type { User } from '../shared/identity';
import { fieldErrors } from '../users/users.schemas';
import { NEW_PERIOD_SCHEMA, type NewPeriodInput } from './periods.schemas';

const codesOf = (inst: Instrument) => inst.aspects.flatMap((a) => a.indicators.map((i) => i.code));

/** Indicator codes two instrument versions share (answers can be carried over only for these). */
export function sharedCodes(from: Instrument, to: Instrument): string[] {
  const target = new Set(codesOf(to));
  return codesOf(from).filter((c) => target.has(c));
}

function validate(repos: Repos, raw: unknown): { input: NewPeriodInput; instrument: Instrument; shared: string[] } {
  const parsed = NEW_PERIOD_SCHEMA.safeParse(raw);
  if (!parsed.success) throw badInput(fieldErrors(parsed.error));
  const input = parsed.data;
  const instrument = repos.instruments.findById(input.instrumentId);
  if (!instrument) throw badInput({ instrumentId: 'Pilih versi instrumen yang tersedia.' });
  if (repos.periods.findByName(input.name)) throw badInput({ name: `Periode "${input.name}" sudah ada.` });
  let shared: string[] = [];
  if (input.copyFromPeriodId !== null) {
    const source = repos.periods.findById(input.copyFromPeriodId);
    const sourceInstrument = source && repos.instruments.findById(source.instrumentId);
    if (!sourceInstrument) throw badInput({ copyFromPeriodId: 'Pilih periode sumber yang tersedia.' });
    shared = sharedCodes(sourceInstrument, instrument);
    if (shared.length === 0) {
      throw badInput({ copyFromPeriodId: `Instrumen periode "${source?.name}" tidak memiliki kode indikator yang sama dengan versi ${instrument.version}; jawaban tidak dapat disalin.` });
    }
  }
  return { input, instrument, shared };
}

/**
 * Copies every active unit's answers (level, N/A, note; not the verified level nor evidence) for the shared indicator
 * codes into a new draft, flagged "disalin dari periode X" until the unit confirms. Runs in the caller's transaction.
 * Returns how many units got a draft.
 */
function copyAnswers(repos: Repos, user: User, sourceId: number, targetId: number, shared: string[]): number {
  const source = repos.periods.findById(sourceId);
  const answers = repos.assessments.answersOfPeriod(sourceId);
  const keep = new Set(shared);
  let units = 0;
  for (const u of repos.assessments.listPeriodUnits(sourceId)) {
    if (u.assessmentId === null || !repos.units.findById(u.unitId)?.active) continue;
    const list = Object.values(answers.get(u.assessmentId) ?? {}).filter(
      (a) => keep.has(a.indicatorCode) && (a.level !== null || a.isNa || a.note !== ''),
    );
    if (list.length === 0) continue;
    const target = repos.assessments.findOrCreate(targetId, u.unitId);
    for (const a of list) {
      repos.assessments.upsertAnswer({ assessmentId: target.id, code: a.indicatorCode, level: a.level, isNa: a.isNa, note: a.note, userId: user.id });
    }
    repos.periodSetup.insertCopy(target.id, sourceId, list.length);
    repos.audit.record({
      userId: user.id, action: 'assessment.copy', entity: 'assessment', entityId: target.id, unitId: u.unitId,
      newValue: { periodeSumber: source?.name ?? String(sourceId), indikator: list.length },
    });
    units++;
  }
  return units;
}

/** Creates a period (and its copied drafts) in one transaction; 422 naming each bad field, nothing written then. */
export function createPeriod(repos: Repos, user: User, raw: unknown): { periodId: number; copiedUnits: number } {
  const { input, shared } = validate(repos, raw);
  return repos.db.transaction(() => {
    const periodId = repos.periods.insert({ name: input.name, year: input.year, instrumentId: input.instrumentId, deadline: input.deadline });
    repos.audit.record({ userId: user.id, action: 'period.create', entity: 'period', entityId: periodId, newValue: { nama: input.name, tahun: input.year, batas: input.deadline, salinDari: input.copyFromPeriodId } });
    const copiedUnits = input.copyFromPeriodId !== null ? copyAnswers(repos, user, input.copyFromPeriodId, periodId, shared) : 0;
    return { periodId, copiedUnits };
  })();
}
