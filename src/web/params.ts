import type { Request } from 'express';
import { notFound } from '../errors/app-error';

/** A positive integer route parameter; anything else is a 404 (the resource cannot exist). */
export function idParam(req: Request, name: string): number {
  const raw = req.params[name];
  const n = typeof raw === 'string' && /^[1-9][0-9]{0,9}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n)) throw notFound();
  return n;
}
