import type { Request } from 'express';

/** The full address of a one-time set-password link, on the host the admin is using (behind a proxy: its scheme). */
export function passwordLinkUrl(req: Request, token: string): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}/atur-sandi/${token}`;
}
