import type { Request } from 'express';

/**
 * The scheme and host the person is using ("https://sp4n.kutaitimurkab.go.id"), for links they pass on (set-password
 * links, WhatsApp reminders). Behind a proxy the scheme is the proxy's when TRUST_PROXY is set. No trailing slash.
 */
export function requestOrigin(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}
