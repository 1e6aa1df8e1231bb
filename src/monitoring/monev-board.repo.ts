import type { Db } from '../db/database';
import type { BoardContact } from './monev-board';

/** The active narahubung of every unit with their mobile numbers, for the monev board's reminders. */
export function createMonevBoardRepo(db: Db) {
  const contacts = db.prepare<[], { unit_id: number; display_name: string; phone: string | null }>(
    `SELECT unit_id, display_name, phone FROM users
     WHERE role = 'narahubung' AND active = 1 AND unit_id IS NOT NULL ORDER BY unit_id, display_name`,
  );
  return {
    listContacts: (): BoardContact[] => contacts.all().map((r) => ({ unitId: r.unit_id, name: r.display_name, phone: r.phone })),
  };
}
