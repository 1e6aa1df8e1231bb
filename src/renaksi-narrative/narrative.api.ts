import { bindDeps } from '../shared/bind-deps';
import { exportNarrativeDocx, narrativeDocument } from './narrative-document.service';
import { narrativePage, saveNarrative, type NarrativeDeps } from './narrative.service';

/** The narrative module's service: the editor's page and save, the document and its download. */
export function createNarrativeService(deps: NarrativeDeps) {
  return {
    loadPeriod: deps.renaksi.loadPeriod,
    ...bindDeps(deps, { narrativePage, saveNarrative, narrativeDocument, exportNarrativeDocx }),
  };
}
export type NarrativeService = ReturnType<typeof createNarrativeService>;
