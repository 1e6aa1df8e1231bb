import type { Db } from './database';
import { createAssessmentsRepo } from '../assessments/assessments.repo';
import { createAuditRepo } from '../audit/audit.repo';
import { createEvidenceRepo } from '../evidence/evidence.repo';
import { createInstrumentRepo } from '../instrument/instrument.repo';
import { createPeriodsRepo } from '../periods/periods.repo';
import { createRenaksiRepo } from '../renaksi/renaksi.repo';
import { createRenaksiVersionsRepo } from '../renaksi/renaksi-versions.repo';
import { createRenaksiUnitNotesRepo } from '../renaksi/renaksi-unit-notes.repo';
import { createExportsRepo } from '../exports/exports.repo';
import { createSettingsRepo } from '../shared/settings.repo';
import { createUnitsRepo } from '../units/units.repo';
import { createUsersRepo } from '../users/users.repo';
import { createSessionsRepo } from '../users/sessions.repo';
import { createLoginLimiter } from '../auth/login-limiter';
import { createPasswordTokensRepo } from '../users/password-tokens.repo';
import { createScoreCache } from '../scoring/score-cache';
import { createVerificationRepo } from '../verification/verification.repo';
import { createBoardRepo } from '../board/board.repo';
import { createPeriodSetupRepo } from '../periods/period-setup.repo';
import { createUnitImportsRepo } from '../units/unit-imports.repo';
import { createSnapshotsRepo } from '../dashboard/snapshots.repo';
import { createUserImportsRepo } from '../users/user-imports.repo';

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
    renaksiUnitNotes: createRenaksiUnitNotesRepo(db),
    exports: createExportsRepo(db),
    settings: createSettingsRepo(db),
    sessions: createSessionsRepo(db),
    loginLimiter: createLoginLimiter(db),
    passwordTokens: createPasswordTokensRepo(db),
    scoreCache: createScoreCache(db),
    verification: createVerificationRepo(db),
    board: createBoardRepo(db),
    periodSetup: createPeriodSetupRepo(db),
    unitImports: createUnitImportsRepo(db),
    snapshots: createSnapshotsRepo(db),
    userImports: createUserImportsRepo(db),
  };
}
export type Repos = ReturnType<typeof createRepos>;
