import type { NextFunction, Request, Response } from 'express';
import { AppError, forbidden, unauthorized } from '../errors/app-error';
import type { Role, User } from '../shared/identity';

/** The signed-in user; throws 401 when there is none. */
export function requireUser(req: Request): User {
  if (!req.user) throw unauthorized();
  return req.user;
}

/** Middleware: only these roles pass; anonymous users are sent to the login form, others get 403. */
export function requireRole(...roles: Role[]) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const user = requireUser(req);
    if (!roles.includes(user.role)) throw forbidden();
    next();
  };
}

/** A narahubung may reach only their own unit; the other roles that pass requireRole see every unit. */
export function requireUnitAccess(user: User, unitId: number): void {
  if (user.role === 'narahubung' && user.unitId !== unitId) throw forbidden();
}

/** The header a change from the questionnaire's browser queue carries: the id of the user who made it. */
const QUEUE_USER_HEADER = 'X-Queue-User';

/**
 * A change queued in the browser is saved only in the session of the person who made it. On a shared PC another
 * person may have signed in before an earlier person's change was sent: it is refused (403) and nothing is saved
 * under the wrong name. Requests without the header (integrations, tests) are not queued changes and pass.
 */
export function requireQueueOwner(req: Request, user: User): void {
  const madeBy = req.get(QUEUE_USER_HEADER);
  if (madeBy === undefined || madeBy === String(user.id)) return;
  throw new AppError(
    403, 'queue-other-user',
    'Tidak disimpan: perubahan ini dibuat dengan akun lain, sedangkan yang sedang masuk di peramban ini akun berbeda. Masuk dengan akun pembuatnya untuk menyimpannya.',
  );
}
