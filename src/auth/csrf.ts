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

/**
 * Throws 403 unless the `_csrf` body field or the `X-CSRF-Token` header equals the session's token. Routes that parse
 * a multipart body themselves (multer) call this after parsing, as the global middleware cannot see those fields.
 */
export function verifyCsrfToken(req: Request): void {
  const body = req.body as Record<string, unknown> | undefined;
  const sent = (typeof body?._csrf === 'string' && body._csrf) || req.get('x-csrf-token') || '';
  if (!req.session.csrfToken || !sameToken(sent, req.session.csrfToken)) {
    throw new AppError(403, 'csrf-invalid', 'Sesi formulir sudah kedaluwarsa. Muat ulang halaman lalu coba lagi.');
  }
}

/**
 * Synchronizer-token CSRF check for every unsafe request: the `_csrf` form field or the `X-CSRF-Token` header
 * must equal the session's token.
 */
export function requireCsrf(req: Request, res: Response, next: NextFunction): void {
  res.locals.csrfToken = csrfToken(req);
  if (SAFE_METHODS.has(req.method)) return next();
  verifyCsrfToken(req);
  next();
}
