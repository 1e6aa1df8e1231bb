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
 * Synchronizer-token CSRF check for every unsafe request: the `_csrf` form field or the `X-CSRF-Token` header
 * must equal the session's token.
 */
export function requireCsrf(req: Request, res: Response, next: NextFunction): void {
  res.locals.csrfToken = csrfToken(req);
  if (SAFE_METHODS.has(req.method)) return next();
  if (!csrfMatches(req)) return next(csrfInvalid());
  next();
}

/**
 * The same check for a route that parses its own body: a multipart form is parsed by multer inside its route,
 * after requireCsrf would have run, so such routes are mounted ahead of requireCsrf and call this once the body
 * is read. Throws 403 on a missing or wrong token; exposes the token to the views like requireCsrf does.
 */
export function verifyCsrf(req: Request, res: Response): void {
  res.locals.csrfToken = csrfToken(req);
  if (!csrfMatches(req)) throw csrfInvalid();
}
