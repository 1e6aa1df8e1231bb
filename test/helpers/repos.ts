import type { Db } from '../../src/db/database';
import { createAssessmentsRepo } from '../../src/assessments/assessments.repo';
import { createAuditRepo } from '../../src/audit/audit.repo';
import { createEvidenceRepo } from '../../src/evidence/evidence.repo';
import { createInstrumentRepo } from '../../src/instrument/instrument.repo';
import { createPeriodsRepo } from '../../src/periods/periods.repo';
import { createRenaksiRepo } from '../../src/renaksi/renaksi.repo';
import { createRenaksiVersionsRepo } from '../../src/renaksi/renaksi-versions.repo';
import { createRenaksiUnitNotesRepo } from '../../src/renaksi/renaksi-unit-notes.repo';
import { createExportsRepo } from '../../src/exports/exports.repo';
import { createSettingsRepo } from '../../src/shared/settings.repo';
import { createUnitsRepo } from '../../src/units/units.repo';
import { createUsersRepo } from '../../src/users/users.repo';
import { createSessionsRepo } from '../../src/users/sessions.repo';
import { createLoginLimiter } from '../../src/auth/login-limiter';
import { createPasswordTokensRepo } from '../../src/users/password-tokens.repo';
import { createScoreCache } from '../../src/scoring/score-cache';
import { createVerificationRepo } from '../../src/verification/verification.repo';
import { createBoardRepo } from '../../src/board/board.repo';
import { createPeriodSetupRepo } from '../../src/period-setup/period-setup.repo';
import { createUnitImportsRepo } from '../../src/units/unit-imports.repo';
import { createSnapshotsRepo } from '../../src/dashboard/snapshots.repo';
import { createUserImportsRepo } from '../../src/users/user-imports.repo';

/**
 * TESTS ONLY: every repository on one handle, for arrange steps and assertions (`ctx.repos.units.findByCode`). The
 * app never holds them together: each module makes its own from the database handle (src/app.ts).
 */
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
