import type { RequestHandler } from 'express';
import type { UsersService } from '../users';

/**
 * Puts the signed-in user on the request. A session past its absolute lifetime, or of a deactivated account,
 * is signed out (idle expiry is the session store's: an idle session is simply not found).
 */
export function loadUser(users: UsersService, sessionAbsoluteMs: number): RequestHandler {
  return (req, _res, next) => {
    const id = req.session.userId;
    if (id === undefined) return next();
    const user = users.findById(id);
    const expired = req.session.loginAt === undefined || Date.now() - req.session.loginAt > sessionAbsoluteMs;
    if (user?.active && !expired) req.user = user;
    else {
      delete req.session.userId;
      req.session.flash = { kind: 'error', message: 'Sesi Anda telah berakhir. Silakan masuk kembali.' };
    }
    next();
  };
}
