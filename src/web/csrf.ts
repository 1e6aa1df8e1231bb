import crypto from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../errors/app-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The session's CSRF token, created on first use. */
export function csrfToken(req: Request): string {
  if (!req.session.csrfToken) req.session.csrfToken = crypto.randomBytes(24).toString('base64url');
  return req.session.csrfToken;
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

const csrfInvalid = () => new AppError(403, 'csrf-invalid', 'Sesi formulir sudah kedaluwarsa. Muat ulang halaman lalu coba lagi.');

function csrfMatches(req: Request): boolean {
  const body = req.body as Record<string, unknown> | undefined;
  const sent = (typeof body?._csrf === 'string' && body._csrf) || req.get('x-csrf-token') || '';
  return !!req.session.csrfToken && sameToken(sent, req.session.csrfToken);
}

/**
 * Synchronizer-token CSRF check for an unsafe request whose body is read (see formBody): the `_csrf` form field or
 * the `X-CSRF-Token` header must equal the session's token.
 */
export function requireCsrf(req: Request, _res: Response, next: NextFunction): void {
  if (SAFE_METHODS.has(req.method)) return next();
  if (!csrfMatches(req)) return next(csrfInvalid());
  next();
}

/**
 * The same check for a route that parses its own body: a multipart form is read by multer inside its route, so
 * the route calls this once the body is read and before anything else is done with it. Throws 403 on a missing or
 * wrong token.
 */
export function verifyCsrf(req: Request, _res: Response): void {
  if (!csrfMatches(req)) throw csrfInvalid();
}
