import type { Db } from './database';
import { createAssessmentsRepo } from '../assessments/assessments.repo';
import { createAuditRepo } from '../audit/audit.repo';
import { createEvidenceRepo } from '../evidence/evidence.repo';
import { createInstrumentRepo } from '../instrument/instrument.repo';
import { createPeriodsRepo } from '../periods/periods.repo';
import { createRenaksiRepo } from '../renaksi/renaksi.repo';
import { createRenaksiVersionsRepo } from '../renaksi/renaksi-versions.repo';
import { createExportsRepo } from '../exports/exports.repo';
import { createSettingsRepo } from '../shared/settings.repo';
import { createUnitsRepo } from '../units/units.repo';
import { createUsersRepo } from '../users/users.repo';

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
    renaksiVersions: createRenaksiVersionsRepo(db),
    exports: createExportsRepo(db),
    settings: createSettingsRepo(db),
  };
}
export type Repos = ReturnType<typeof createRepos>;
