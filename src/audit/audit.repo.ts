import type { Db } from '../db/database';

export interface AuditEntry {
  userId: number | null;
  action: string;
  entity: string;
  entityId?: number | null;
  unitId?: number | null;
  oldValue?: unknown;
  newValue?: unknown;
}

const asText = (v: unknown): string | null => (v === undefined || v === null ? null : typeof v === 'string' ? v : JSON.stringify(v));

export function createAuditRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO audit_log (at, user_id, action, entity, entity_id, unit_id, old_value, new_value)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return {
    record(e: AuditEntry): void {
      insert.run(new Date().toISOString(), e.userId, e.action, e.entity, e.entityId ?? null, e.unitId ?? null, asText(e.oldValue), asText(e.newValue));
    },
  };
}
export type AuditRepo = ReturnType<typeof createAuditRepo>;
