import type { Db } from '../db/database';
import { UNSET_PASSWORD_HASH } from './passwords';
import type { Role, User } from '../shared/identity';

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  unit_id: number | null;
  unit_name: string | null;
  active: number;
  created_at: string;
  password_hash: string;
  phone: string | null;
}

const toUser = (r: UserRow): User => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  unitId: r.unit_id,
  unitName: r.unit_name,
  active: r.active === 1,
  passwordSet: r.password_hash !== UNSET_PASSWORD_HASH,
  createdAt: r.created_at,
  phone: r.phone,
});

const SELECT = 'SELECT u.*, n.name AS unit_name FROM users u LEFT JOIN units n ON n.id = u.unit_id';

export function createUsersRepo(db: Db) {
  const all = db.prepare<[], UserRow>(`${SELECT} ORDER BY u.role, u.username`);
  const byId = db.prepare<[number], UserRow>(`${SELECT} WHERE u.id = ?`);
  const byUsername = db.prepare<[string], UserRow>(`${SELECT} WHERE u.username = ?`);
  const byUnit = db.prepare<[number], UserRow>(`${SELECT} WHERE u.unit_id = ? AND u.active = 1 ORDER BY u.username`);
  const insert = db.prepare(
    `INSERT INTO users (username, display_name, password_hash, role, unit_id, phone, created_at)
     VALUES (@username, @displayName, @passwordHash, @role, @unitId, @phone, @createdAt)`,
  );
  const update = db.prepare(
    'UPDATE users SET display_name = @displayName, role = @role, unit_id = @unitId, phone = @phone WHERE id = @id',
  );
  const setActive = db.prepare(
    'UPDATE users SET active = @active, deactivated_at = CASE WHEN @active = 1 THEN NULL ELSE @now END WHERE id = @id',
  );
  const setPhone = db.prepare('UPDATE users SET phone = ? WHERE id = ?');
  const setPassword = db.prepare('UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?');
  return {
    listAll: (): User[] => all.all().map(toUser),
    update: (u: { id: number; displayName: string; role: Role; unitId: number | null; phone: string | null }): void => {
      update.run(u);
    },
    setPhone: (id: number, phone: string | null): void => {
      setPhone.run(phone, id);
    },
    setActive: (id: number, active: boolean): void => {
      setActive.run({ id, active: active ? 1 : 0, now: new Date().toISOString() });
    },
    setPassword: (id: number, passwordHash: string): void => {
      setPassword.run(passwordHash, new Date().toISOString(), id);
    },
    listByUnit: (unitId: number): User[] => byUnit.all(unitId).map(toUser),
    findById: (id: number): User | undefined => {
      const r = byId.get(id);
      return r && toUser(r);
    },
    /** The user with the stored hash, for login only. */
    findCredentials: (username: string): (User & { passwordHash: string }) | undefined => {
      const r = byUsername.get(username);
      return r && { ...toUser(r), passwordHash: r.password_hash };
    },
    insert: (u: { username: string; displayName: string; passwordHash: string; role: Role; unitId: number | null; phone?: string | null }) =>
      Number(insert.run({ ...u, phone: u.phone ?? null, createdAt: new Date().toISOString() }).lastInsertRowid),
  };
}
export type UsersRepo = ReturnType<typeof createUsersRepo>;
