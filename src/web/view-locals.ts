import type { NextFunction, Request, Response } from 'express';
import { formatDate, formatDateTime, formatInt, formatScore, GROUP_LABELS, ROLE_LABELS, STATUS_LABELS } from '../shared/format';
import { formatFileSize, formatNumber, formatPercent, formatTime } from '../shared/format';
import { formatPhone } from '../shared/phone';
import { csrfToken } from './csrf';

/**
 * Values every view may use: the user, the flash message, the session's CSRF token for its forms, the formatters and
 * the label tables. (Checking the token is each unsafe route's own job: formBody, or verifyCsrf after a multipart.)
 */
export function viewLocals(req: Request, res: Response, next: NextFunction): void {
  res.locals.csrfToken = csrfToken(req);
  res.locals.user = req.user ?? null;
  res.locals.flash = req.session.flash ?? null;
  if (req.session.flash) delete req.session.flash;
  res.locals.currentPath = req.path;
  res.locals.fmt = { score: formatScore, int: formatInt, date: formatDate, dateTime: formatDateTime };
  Object.assign(res.locals.fmt, { time: formatTime, fileSize: formatFileSize, percent: formatPercent, phone: formatPhone, number: formatNumber });
  res.locals.labels = { role: ROLE_LABELS, group: GROUP_LABELS, status: STATUS_LABELS };
  res.locals.errors = {};
  next();
}

/** Sets a one-time message shown on the next page. */
export function flash(req: Request, kind: 'success' | 'error', message: string): void {
  req.session.flash = { kind, message };
}
