import type { AuditEntry, AuditFilter, AuditRepo, AuditRow } from './audit.repo';
import { auditLabel } from './audit-labels';
import { describeAudit } from './audit-describe';
import { bindDeps } from '../shared/bind-deps';

export interface AuditDeps {
  audit: AuditRepo;
}

/** Rows per page of a unit's history. */
export const HISTORY_PAGE_SIZE = 25;
/** Rows per page of the audit log. */
export const LOG_PAGE_SIZE = 50;

/** An audit row with what the pages show of it: its label and its description in words. */
export interface DescribedRow extends AuditRow {
  label: string;
  description: string;
}

/** Records one change; call it inside the transaction that makes the change. */
function record(deps: AuditDeps, entry: AuditEntry): void {
  deps.audit.record(entry);
}

/** A page of the log (newest first, 1-based); `hasNext` tells whether another page follows. */
function logPage(deps: AuditDeps, filter: AuditFilter, page: number): { rows: DescribedRow[]; hasNext: boolean } {
  const rows = deps.audit.list(filter, LOG_PAGE_SIZE + 1, (page - 1) * LOG_PAGE_SIZE);
  return {
    rows: rows.slice(0, LOG_PAGE_SIZE).map((r) => ({ ...r, label: auditLabel(r.action), description: describeAudit(r) })),
    hasNext: rows.length > LOG_PAGE_SIZE,
  };
}

/** A page of one unit's history, newest first; a page past the last shows the last. */
function unitHistory(deps: AuditDeps, unitId: number, requestedPage: number): { entries: DescribedRow[]; page: number; pages: number; total: number } {
  const total = deps.audit.countByUnit(unitId);
  const pages = Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE));
  const page = Math.min(requestedPage, pages);
  const entries = deps.audit
    .listByUnit(unitId, HISTORY_PAGE_SIZE, (page - 1) * HISTORY_PAGE_SIZE)
    .map((e) => ({ ...e, label: auditLabel(e.action), description: describeAudit(e) }));
  return { entries, page, pages, total };
}

/** The audit log as the other modules and the log page use it. */
export function createAuditService(deps: AuditDeps) {
  return bindDeps(deps, { record, logPage, unitHistory });
}
export type AuditService = ReturnType<typeof createAuditService>;
