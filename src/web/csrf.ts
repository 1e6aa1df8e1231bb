import crypto from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { AppError } from '../errors/app-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Holds a random value for a browser that is not signed in; its form token is an HMAC of it. */
const ANONYMOUS_COOKIE = 'sp4n.csrf';
const NONCE = /^[A-Za-z0-9_-]{32}$/;

/**
 * Lets the CSRF check sign tokens for anonymous pages (the login form, the set-password link) with `secret`.
 * Mounted once, after the session middleware (the auth module's `session` handlers).
 */
export function csrfSigning(secret: string): RequestHandler {
  return (req, _res, next) => {
    req.csrf = { secret };
    next();
  };
}

function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

const sign = (secret: string, nonce: string) => crypto.createHmac('sha256', secret).update(`csrf:${nonce}`).digest('base64url');

function signing(req: Request): { secret: string; nonce?: string } {
  if (!req.csrf) throw new Error('csrfSigning middleware is not mounted');
  return req.csrf;
}

/**
 * Signed double-submit token for a browser without a signed-in session: the nonce lives in a cookie, the form
 * carries its HMAC. Nothing is stored on the server, so anonymous traffic never grows the sessions table.
 */
function anonymousToken(req: Request): string {
  const csrf = signing(req);
  if (!csrf.nonce) {
    const sent = readCookie(req, ANONYMOUS_COOKIE);
    if (sent && NONCE.test(sent)) csrf.nonce = sent;
    else {
      csrf.nonce = crypto.randomBytes(24).toString('base64url');
      req.res?.cookie(ANONYMOUS_COOKIE, csrf.nonce, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/' });
    }
  }
  return sign(csrf.secret, csrf.nonce);
}

/** The token for this request's forms: the signed-in session's own, else the anonymous signed one. */
export function csrfToken(req: Request): string {
  if (req.session.userId === undefined) return anonymousToken(req);
  if (!req.session.csrfToken) req.session.csrfToken = crypto.randomBytes(24).toString('base64url');
  return req.session.csrfToken;
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

const csrfInvalid = () => new AppError(403, 'csrf-invalid', 'Sesi formulir sudah kedaluwarsa. Muat ulang halaman lalu coba lagi.');
const sessionExpired = () => new AppError(401, 'session-expired', 'Sesi Anda berakhir, masuk lagi.');

/**
 * The browser sent the session cookie but the server no longer has that session (it expired or was ended): a live
 * signed-in session always holds its own token, since every page is rendered with it.
 */
function sessionGone(req: Request): boolean {
  return !req.session.csrfToken && readCookie(req, 'sp4n.sid') !== undefined;
}

/** The refusal for a request whose token does not match: 401 when the session itself is gone, else 403. */
const refusalFor = (req: Request): AppError => (sessionGone(req) ? sessionExpired() : csrfInvalid());

function csrfMatches(req: Request): boolean {
  const body = req.body as Record<string, unknown> | undefined;
  const sent = (typeof body?._csrf === 'string' && body._csrf) || req.get('x-csrf-token') || '';
  if (req.session.csrfToken && sameToken(sent, req.session.csrfToken)) return true;
  // NOTE: a signed-in session takes only its own token. The anonymous pair (cookie and HMAC) can be had by anyone
  // from the login page, and a site on a sibling subdomain can plant that cookie beside a victim's session.
  if (req.session.userId !== undefined) return false;
  const nonce = readCookie(req, ANONYMOUS_COOKIE);
  return !!nonce && NONCE.test(nonce) && sameToken(sent, sign(signing(req).secret, nonce));
}

/**
 * CSRF check for an unsafe request whose body is read (see formBody): the `_csrf` form field or the
 * `X-CSRF-Token` header must equal the signed-in session's token (synchronizer token) or, only for a browser that is
 * not signed in, the HMAC of its anonymous cookie (signed double submit). A request from a session that ended
 * meanwhile gets 401 `session-expired` ("Sesi Anda berakhir, masuk lagi") instead, so pages can say what happened.
 */
export function requireCsrf(req: Request, _res: Response, next: NextFunction): void {
  if (SAFE_METHODS.has(req.method)) return next();
  if (!csrfMatches(req)) return next(refusalFor(req));
  next();
}

/**
 * The same check for a route that parses its own body: a multipart form is read by multer inside its route, so
 * the route calls this once the body is read and before anything else is done with it. Throws like requireCsrf
 * refuses (403, or 401 when the session ended).
 */
export function verifyCsrf(req: Request, _res: Response): void {
  if (!csrfMatches(req)) throw refusalFor(req);
}
