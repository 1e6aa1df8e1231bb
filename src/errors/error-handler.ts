import type { NextFunction, Request, Response } from 'express';
import { AppError } from './app-error';

function wantsJson(req: Request): boolean {
  return req.path.startsWith('/api/') || req.path.endsWith('.json') || req.accepts(['html', 'json']) === 'json';
}

/** Maps body-parser and similar HTTP errors (which carry a status) to user-facing AppErrors. */
function normalize(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  const e = err as { status?: number; type?: string };
  if (e && typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
    if (e.type === 'entity.too.large') return new AppError(413, 'payload-too-large', 'Data yang dikirim terlalu besar.');
    if (e.type === 'entity.parse.failed') return new AppError(400, 'malformed-body', 'Format data yang dikirim tidak valid.');
    return new AppError(e.status, 'bad-request', 'Permintaan tidak dapat diproses.');
  }
  return null;
}

/** Headings of refusals that say more than their status's generic heading. */
const HEADINGS_BY_CODE: Readonly<Record<string, string>> = {
  'unit-not-in-period': 'Unit tidak dinilai pada periode ini',
};

const HEADINGS_BY_STATUS: Readonly<Record<number, string>> = { 404: 'Tidak ditemukan', 403: 'Akses ditolak', 401: 'Sesi berakhir' };

/** The error page's heading: what the refusal is when its code says more, else the status's generic one. */
export function errorHeading(e: Pick<AppError, 'status' | 'code'>): string {
  return HEADINGS_BY_CODE[e.code] ?? HEADINGS_BY_STATUS[e.status] ?? 'Terjadi kesalahan';
}

const loginUrl = (next: string) => `/login?next=${encodeURIComponent(next)}`;

/** The path of the page a form was sent from (only its path: the login sends nobody off this site); else home. */
function refererPath(req: Request): string {
  try {
    const ref = new URL(req.get('referer') ?? '');
    return ref.pathname + ref.search;
  } catch {
    return '/';
  }
}

/** 404 for every route nobody answered. */
export function notFoundHandler(req: Request, _res: Response, next: NextFunction): void {
  next(new AppError(404, 'not-found', 'Halaman tidak ditemukan.'));
}

/**
 * The one error handler: expected errors become an HTML page or JSON by Accept; anything else is logged and
 * answered with a generic 500. A stack trace never reaches the user.
 */
export function errorHandler(err: unknown, req: Request, res: Response, _next: NextFunction): void {
  const known = normalize(err);
  if (!known) console.error('[error]', req.method, req.originalUrl, err);
  const appErr = known ?? new AppError(500, 'internal-error', 'Terjadi kesalahan pada server. Silakan coba lagi.');
  if (res.headersSent) return;
  if (wantsJson(req)) {
    res.status(appErr.status).json({ error: { code: appErr.code, message: appErr.message, fields: appErr.fields } });
    return;
  }
  if (appErr.status === 401 && (req.method === 'GET' || req.method === 'HEAD')) {
    res.redirect(loginUrl(req.originalUrl));
    return;
  }
  // NOTE: a form sent after the session ended is answered with a page that says so and links to the login, which
  // returns to the page the form was on; a redirect would lose both the message and (for a POST-only URL) the way back.
  const login = appErr.status === 401 ? loginUrl(refererPath(req)) : null;
  res.status(appErr.status).render(
    'error',
    { title: `Galat ${appErr.status}`, heading: errorHeading(appErr), error: appErr, login, user: res.locals.user ?? null, flash: null, errors: {}, csrfToken: res.locals.csrfToken ?? '' },
    (renderErr: Error | null, html: string) => {
      if (renderErr) {
        console.error('[error] rendering the error page failed', renderErr);
        res.type('html').send(`<!doctype html><html lang="id"><meta charset="utf-8"><title>Galat</title><p>${appErr.status === 500 ? 'Terjadi kesalahan pada server.' : 'Permintaan tidak dapat diproses.'}</p></html>`);
        return;
      }
      res.send(html);
    },
  );
}
