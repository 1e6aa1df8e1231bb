import { homeRoutes, type HomeDeps } from './home.routes';

/**
 * The start page (/): for a narahubung their unit's assessment per period with the verifier's notice, for staff the
 * periods and where to go.
 */
export function createHomeModule(deps: HomeDeps) {
  return { router: homeRoutes(deps) };
}
