import type { NextFunction, Request, Response } from 'express';
import { forbidden, unauthorized } from '../errors/app-error';
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
