import type { Db } from '../db/database';
export { loadInstrumentTemplates, TemplateError } from './instrument.loader';
import { createInstrumentRepo } from './instrument.repo';

export { compareVersions } from './instrument.loader';
export { activitiesForLevel, instrumentForUnit, naAllowedFor, naWithoutReports } from './instrument-rules';
export { levelFromLaporFigure } from './lapor-level';
export type {
  Activity, Aspect, Dukungan, Indicator, Instrument, KabupatenItem, LaporMetric, LaporThresholds, NaCase, ReplySample,
} from './instrument.schemas';

/** The instrument versions (aspects, indicators, levels, targets) a period is assessed with; no pages of its own. */
export function createInstrumentModule({ db }: { db: Db }) {
  const instruments = createInstrumentRepo(db);
  return { service: { findById: instruments.findById, latest: instruments.latest, ensure: instruments.ensure } };
}
export type InstrumentService = ReturnType<typeof createInstrumentModule>['service'];
