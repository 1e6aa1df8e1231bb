import type { Request } from 'express';

/** The app setting that holds the configured public address (AppConfig.publicUrl), read by requestOrigin. */
export const PUBLIC_URL_SETTING = 'publicUrl';

/**
 * The scheme and host people reach the app at ("https://sp4n.kutaitimurkab.go.id"), for links they pass on
 * (set-password links, WhatsApp reminders): PUBLIC_URL when configured, else the request's own scheme and Host
 * header (behind a proxy the scheme is the proxy's when TRUST_PROXY is set). No trailing slash.
 */
export function requestOrigin(req: Request): string {
  const configured: unknown = req.app.get(PUBLIC_URL_SETTING);
  if (typeof configured === 'string' && configured !== '') return configured;
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}
