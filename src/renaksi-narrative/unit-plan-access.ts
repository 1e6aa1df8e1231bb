import { RENAKSI_READERS } from '../renaksi';

/** The state of a period's Renaksi as the unit pages need it: none drafted yet, a draft, or final. */
export type RenaksiPlanStatus = 'draf' | 'final' | null;
/** Reads the state of a period's Renaksi (given to the modules whose pages link to a unit's own Renaksi). */
export type RenaksiPlanStatusOf = (periodId: number) => RenaksiPlanStatus;

/**
 * Where `user` downloads the unit's own Renaksi now, or null when the link would only be refused: the Renaksi's
 * readers any unit's once a plan is drafted; a narahubung their own unit's once the plan is final. The download route
 * checks the same on the server (unit-plan.service).
 */
export function unitPlanUrl(user: { role: string; unitId: number | null }, status: RenaksiPlanStatus, periodId: number, unitId: number): string | null {
  if (status === null) return null;
  const url = `/periods/${periodId}/units/${unitId}/renaksi.docx`;
  if (user.role === 'narahubung') return user.unitId === unitId && status === 'final' ? url : null;
  return (RENAKSI_READERS as readonly string[]).includes(user.role) ? url : null;
}
