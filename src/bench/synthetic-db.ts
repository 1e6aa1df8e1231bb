import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../db/database';
import { migrate } from '../db/migrate';
import { createModules } from '../app';
import { loadConfig, PRODUCTION_PASSWORD_COST } from '../config/config';
import type { Instrument } from '../instrument';
import { prng, sampleAssessment, seedInstruments, writeSampleAssessment } from '../seed';
import { TEMPLATES_DIR } from '../shared/paths';
import type { UnitGroup } from '../units';
import { hashPassword } from '../users';

export interface SyntheticSpec {
  name: string;
  /** Regencies (kabupaten/kota) in the database; each gets `unitsPerRegency` units (39 PD : 18 kecamatan). */
  regencies: number;
  unitsPerRegency: number;
  periods: number;
}

export const BENCH_PASSWORD = 'Bench-rahasia-2022';

/**
 * Builds a database through the app's own migrations and modules: units, periods, realistic answers
 * (sample generator), one account per role and a narahubung for the first unit. Returns the file and timing.
 */
export async function buildSyntheticDatabase(dir: string, spec: SyntheticSpec): Promise<{ file: string; seconds: number; units: number }> {
  const started = process.hrtime.bigint();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'sp4n.sqlite');
  const db = openDatabase(file);
  migrate(db);
  const m = createModules({ db, config: loadConfig({ DATA_DIR: dir }) });
  const instrumentId = seedInstruments(m.instrument.service, TEMPLATES_DIR);
  const instrument = m.instrument.service.findById(instrumentId) as Instrument;
  // NOTE: production cost, so the benchmark's logins cost what they cost on the server.
  const hash = await hashPassword(BENCH_PASSWORD, PRODUCTION_PASSWORD_COST);
  const list: { code: string; name: string; group: UnitGroup; abbreviation: string; needsConfirmation: boolean; provisional: boolean }[] = [];
  for (let r = 0; r < spec.regencies; r++) {
    for (let i = 0; i < spec.unitsPerRegency; i++) {
      const group = i % 57 < 39 ? 'pd' : 'kecamatan';
      list.push({ code: `R${r + 1}-${group === 'pd' ? 'PD' : 'KEC'}-${i + 1}`, name: `${group === 'pd' ? 'Perangkat Daerah' : 'Kecamatan'} ${i + 1} Kab. ${r + 1}`, group, abbreviation: '', needsConfirmation: false, provisional: false });
    }
  }
  m.units.service.addSeedUnits(list);
  const ids = new Map(m.units.service.listUnits().map((u) => [u.code, u.id]));
  const unitIds = list.map((u) => ({ id: ids.get(u.code) as number, group: u.group }));
  db.transaction(() => {
    for (const role of ['admin', 'verifikator', 'fasilitator', 'tim_renaksi'] as const) {
      m.users.service.insert({ username: `bench.${role}`, displayName: `Bench ${role}`, passwordHash: hash, role, unitId: null });
    }
    m.users.service.insert({ username: 'bench.narahubung', displayName: 'Bench narahubung', passwordHash: hash, role: 'narahubung', unitId: unitIds[0]?.id ?? null });
  })();
  const admin = m.users.service.findCredentials('bench.admin');
  const rand = prng(46);
  for (let p = 0; p < spec.periods; p++) {
    const periodId = m.periods.service.insert({ name: `Penilaian Mandiri SP4N-LAPOR! ${2022 + p}`, year: 2022 + p, instrumentId, deadline: null });
    const CHUNK = 2000;
    for (let start = 0; start < unitIds.length; start += CHUNK) {
      db.transaction(() => {
        unitIds.slice(start, start + CHUNK).forEach((u, k) => {
          // The first unit stays a draft in the newest period so the narahubung can autosave into it.
          const index = start + k === 0 ? 4 : start + k;
          writeSampleAssessment(m.assessments.service, periodId, u.id, sampleAssessment(instrument, u.group, index, rand), admin?.id ?? 1);
        });
      })();
    }
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('ANALYZE');
  db.close();
  return { file, seconds: Number(process.hrtime.bigint() - started) / 1e9, units: unitIds.length };
}
