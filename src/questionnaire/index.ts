import { Router } from 'express';
import type { AssessmentsService } from '../assessments';
import type { EvidenceModule } from '../evidence';
import type { PeriodsService } from '../periods';
import type { VerificationService } from '../verification';
import type { LaporService } from '../lapor';
import { questionnaireRoutes, answersApiRoutes } from './questionnaire.routes';
import { questionnaireFormRoutes } from './questionnaire-form.routes';
import { evidenceApiRoutes, evidenceRoutes } from './evidence.routes';

export interface QuestionnaireModuleDeps {
  assessments: AssessmentsService;
  evidence: EvidenceModule;
  periods: PeriodsService;
  verification: Pick<VerificationService, 'reviewNotice'>;
  lapor: Pick<LaporService, 'questionnaireFigures'>;
}

/**
 * The questionnaire a unit fills in: the page and its no-JavaScript form with evidence uploads (`router`, mounted at
 * /periods/:periodId/units/:unitId/assessment) and the page script's autosave and link API (`apiRouter`, mounted at
 * /api/periods/:periodId/units/:unitId). The page shows the verifier's notice, asked of the verification module.
 */
export function createQuestionnaireModule(deps: QuestionnaireModuleDeps) {
  const router = Router({ mergeParams: true });
  router.use(questionnaireRoutes(deps), questionnaireFormRoutes(deps), evidenceRoutes(deps));
  const apiRouter = Router({ mergeParams: true });
  apiRouter.use(answersApiRoutes(deps), evidenceApiRoutes(deps));
  return { router, apiRouter };
}
