import type { Db } from '../db/database';
import type { AuditEntry } from '../audit';
import type { Instrument } from '../instrument';
import type { HeldUploads } from './held-uploads';
import type { LaporRepo } from './lapor.repo';

/** A unit as the SP4N-LAPOR! feature needs it. */
export interface LaporUnit {
  id: number;
  code: string;
  name: string;
  group: 'pd' | 'kecamatan';
}

export interface LaporPeriod {
  id: number;
  name: string;
  year: number;
  isDemo: boolean;
}

/** A unit's answer to an indicator: the claim and the verifikator's level. */
export interface LaporAnswer {
  level: number | null;
  isNa: boolean;
  verifiedLevel: number | null;
}

/** What the feature needs from the rest of the app, named in its own terms (wired in app.ts and the CLI). */
export interface LaporDeps {
  db: Db;
  /** The kabupaten's active units, in their usual order. */
  listUnits(): LaporUnit[];
  /**
   * The units a period's figures and targets are told for: the period's units (src/db/period-units.ts) and any other
   * unit that holds reports of the period (so its reports still count in the kabupaten totals), in the official order.
   */
  periodUnits(periodId: number): LaporUnit[];
  /** The period and its instrument; throws 404 for an unknown period. */
  loadPeriod(periodId: number): { period: LaporPeriod; instrument: Instrument };
  /** A unit's answers by indicator code ({} when it has not started). */
  answers(periodId: number, unitId: number): Record<string, LaporAnswer>;
  /** The regency's own name as instansi names carry it ("Kabupaten Kutai Timur"). */
  regionName(): string;
  audit(entry: AuditEntry): void;
}

/** A period's figures kept until anything they are computed from changes (see lapor-figures.service). */
export type FiguresCache = Map<number, { key: string; value: unknown }>;

/** The deps plus the feature's own storage: what every service function of the feature takes first. */
export interface LaporContext extends LaporDeps {
  repo: LaporRepo;
  held: HeldUploads;
  cache: FiguresCache;
}
