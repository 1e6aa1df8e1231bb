import { bindDeps } from '../shared/bind-deps';
import { exportNarrativeDocx, narrativeDocument } from './narrative-document.service';
import { narrativePage, saveNarrative, type NarrativeDeps } from './narrative.service';
import { exportUnitPlanDocx, unitPlanDocument } from './unit-plan.service';

/** The narrative module's service: the editor's page and save, the document and its download, each unit's own Renaksi. */
export function createNarrativeService(deps: NarrativeDeps) {
  return {
    loadPeriod: deps.renaksi.loadPeriod,
    ...bindDeps(deps, { narrativePage, saveNarrative, narrativeDocument, exportNarrativeDocx, unitPlanDocument, exportUnitPlanDocx }),
  };
}
export type NarrativeService = ReturnType<typeof createNarrativeService>;
