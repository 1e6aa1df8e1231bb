import type { Db } from '../db/database';

/** A section the team wrote for a plan, with who last changed it. */
export interface StoredNarrative {
  section: string;
  body: string;
  updatedAt: string;
  updatedByName: string | null;
}

interface NarrativeRecord {
  section: string;
  body: string;
  updated_at: string;
  updated_by_name: string | null;
}

/** The narrative paragraphs of each plan (only those changed from the defaults). */
export function createNarrativeRepo(db: Db) {
  const list = db.prepare<[number], NarrativeRecord>(
    `SELECT n.section, n.body, n.updated_at, u.display_name AS updated_by_name
     FROM renaksi_narratives n LEFT JOIN users u ON u.id = n.updated_by WHERE n.plan_id = ? ORDER BY n.section`,
  );
  const upsert = db.prepare(
    `INSERT INTO renaksi_narratives (plan_id, section, body, updated_at, updated_by) VALUES (@planId, @section, @body, @now, @userId)
     ON CONFLICT (plan_id, section) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  );
  const remove = db.prepare('DELETE FROM renaksi_narratives WHERE plan_id = ? AND section = ?');
  return {
    listNarratives: (planId: number): StoredNarrative[] =>
      list.all(planId).map((r) => ({ section: r.section, body: r.body, updatedAt: r.updated_at, updatedByName: r.updated_by_name })),
    saveNarrative: (n: { planId: number; section: string; body: string; userId: number; now: string }): void => {
      upsert.run(n);
    },
    /** Back to the default text. */
    removeNarrative: (planId: number, section: string): void => {
      remove.run(planId, section);
    },
  };
}
export type NarrativeRepo = ReturnType<typeof createNarrativeRepo>;
