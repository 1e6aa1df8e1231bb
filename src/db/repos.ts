import type { Db } from './database';
import { createAssessmentsRepo } from '../assessments/assessments.repo';
import { createAuditRepo } from '../audit/audit.repo';
import { createEvidenceRepo } from '../evidence/evidence.repo';
import { createInstrumentRepo } from '../instrument/instrument.repo';
import { createPeriodsRepo } from '../periods/periods.repo';
import { createRenaksiRepo } from '../renaksi/renaksi.repo';
import { createSettingsRepo } from '../shared/settings.repo';
import { createUnitsRepo } from '../units/units.repo';
import { createUsersRepo } from '../users/users.repo';
import { createSnapshotsRepo } from '../dashboard/snapshots.repo';

/** Every repository on one handle, each preparing its statements once. */
export function createRepos(db: Db) {
  return {
    db,
    units: createUnitsRepo(db),
    users: createUsersRepo(db),
    instruments: createInstrumentRepo(db),
    periods: createPeriodsRepo(db),
    assessments: createAssessmentsRepo(db),
    evidence: createEvidenceRepo(db),
    audit: createAuditRepo(db),
    renaksi: createRenaksiRepo(db),
    settings: createSettingsRepo(db),
    snapshots: createSnapshotsRepo(db),
  };
}
export type Repos = ReturnType<typeof createRepos>;
