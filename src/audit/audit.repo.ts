import type { Db } from '../db/database';
import type { AuditAction } from './audit-labels';

export interface AuditEntry {
  userId: number | null;
  action: AuditAction;
  entity: string;
  entityId?: number | null;
  unitId?: number | null;
  oldValue?: unknown;
  newValue?: unknown;
}

/** A stored audit row with the actor's name and, where the entity belongs to an assessment, its period. */
export interface AuditRow {
  id: number;
  at: string;
  userName: string | null;
  action: string;
  entity: string;
  entityId: number | null;
  unitName: string | null;
  periodName: string | null;
  oldValue: string | null;
  newValue: string | null;
}

interface AuditDbRow {
  id: number;
  at: string;
  user_name: string | null;
  action: string;
  entity: string;
  entity_id: number | null;
  unit_name: string | null;
  period_name: string | null;
  old_value: string | null;
  new_value: string | null;
}

const toRow = (r: AuditDbRow): AuditRow => ({
  id: r.id,
  at: r.at,
  userName: r.user_name,
  action: r.action,
  entity: r.entity,
  entityId: r.entity_id,
  unitName: r.unit_name,
  periodName: r.period_name,
  oldValue: r.old_value,
  newValue: r.new_value,
});

// NOTE: answer and assessment rows carry the assessment id, evidence rows the evidence id; both lead to a period.
const SELECT_ROWS = `SELECT l.id, l.at, l.action, l.entity, l.entity_id, l.old_value, l.new_value,
    us.display_name AS user_name, un.name AS unit_name, p.name AS period_name
  FROM audit_log l
  LEFT JOIN users us ON us.id = l.user_id
  LEFT JOIN units un ON un.id = l.unit_id
  LEFT JOIN assessments a ON a.id = CASE
    WHEN l.entity IN ('answer', 'assessment') THEN l.entity_id
    WHEN l.entity = 'evidence' THEN (SELECT e.assessment_id FROM evidence e WHERE e.id = l.entity_id) END
  LEFT JOIN periods p ON p.id = a.period_id`;

const asText = (v: unknown): string | null => (v === undefined || v === null ? null : typeof v === 'string' ? v : JSON.stringify(v));

export interface AuditFilter {
  /** Action prefix, e.g. "auth." or "user.role_change". */
  action?: string;
  from?: string;
  to?: string;
}

export function createAuditRepo(db: Db) {
  const page = db.prepare<[{ action: string; from: string; to: string; limit: number; offset: number }], AuditDbRow>(
    `${SELECT_ROWS}
     WHERE (@action = '' OR l.action LIKE @action || '%') AND (@from = '' OR l.at >= @from) AND (@to = '' OR l.at < @to)
     ORDER BY l.id DESC LIMIT @limit OFFSET @offset`,
  );
  const insert = db.prepare(
    `INSERT INTO audit_log (at, user_id, action, entity, entity_id, unit_id, old_value, new_value)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const byUnit = db.prepare<[number, number, number], AuditDbRow>(
    `${SELECT_ROWS}
     WHERE l.unit_id = ?
     ORDER BY l.at DESC, l.id DESC
     LIMIT ? OFFSET ?`,
  );
  const countByUnit = db.prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM audit_log WHERE unit_id = ?');
  return {
    /** Newest first; `limit` rows from `offset`. */
    list(f: AuditFilter, limit: number, offset: number): AuditRow[] {
      return page.all({ action: f.action ?? '', from: f.from ?? '', to: f.to ?? '', limit, offset }).map(toRow);
    },
    record(e: AuditEntry): void {
      insert.run(new Date().toISOString(), e.userId, e.action, e.entity, e.entityId ?? null, e.unitId ?? null, asText(e.oldValue), asText(e.newValue));
    },
    /** A page of a unit's history, newest first. */
    listByUnit: (unitId: number, limit: number, offset: number): AuditRow[] =>
      byUnit.all(unitId, limit, offset).map(toRow),
    countByUnit: (unitId: number): number => countByUnit.get(unitId)?.n ?? 0,
  };
}
export type AuditRepo = ReturnType<typeof createAuditRepo>;
