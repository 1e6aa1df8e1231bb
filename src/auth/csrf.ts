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

/** True when the parsed `_csrf` body field or the `X-CSRF-Token` header equals the session's token. */
export function hasValidCsrf(req: Request): boolean {
  const body = req.body as Record<string, unknown> | undefined;
  const sent = (typeof body?._csrf === 'string' && body._csrf) || req.get('x-csrf-token') || '';
  return !!req.session.csrfToken && sameToken(sent, req.session.csrfToken);
}

/** For a route that parses its own (multipart) body: throws 403 unless the token sent with it matches. */
export function verifyCsrf(req: Request): void {
  if (!hasValidCsrf(req)) throw csrfInvalid();
}

// NOTE: a multipart body is parsed by multer inside its route, after this middleware has run. Only paths ending in
// /upload or -upload defer the check for multipart requests, and those routes call verifyCsrf after parsing.
const DEFERRED_MULTIPART_PATH = /[/-]upload$/;

/**
 * Synchronizer-token CSRF check for every unsafe request: the `_csrf` form field or the `X-CSRF-Token` header
 * must equal the session's token.
 */
export function requireCsrf(req: Request, res: Response, next: NextFunction): void {
  res.locals.csrfToken = csrfToken(req);
  if (SAFE_METHODS.has(req.method)) return next();
  if (req.is('multipart/form-data') && DEFERRED_MULTIPART_PATH.test(req.path)) return next();
  if (!hasValidCsrf(req)) return next(csrfInvalid());
  next();
}
