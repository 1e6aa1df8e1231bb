import type { Db } from '../db/database';
import { createAuditRepo } from './audit.repo';
import { createAuditService } from './audit.service';
import { auditLogRoutes } from './audit-log.routes';

export type { AuditEntry } from './audit.repo';
export type { AuditService } from './audit.service';

/**
 * The audit log: every other module records its changes here; the admin reads them at /admin/audit (the router)
 * and per unit on the unit's history page.
 */
export function createAuditModule({ db }: { db: Db }) {
  const service = createAuditService({ audit: createAuditRepo(db) });
  return { service, router: auditLogRoutes(service) };
}
