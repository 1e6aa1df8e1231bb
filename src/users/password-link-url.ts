import type { Request } from 'express';
import { requestOrigin } from '../web/request-origin';

/** The full address of a one-time set-password link, on the host the admin is using (behind a proxy: its scheme). */
export function passwordLinkUrl(req: Request, token: string): string {
  return `${requestOrigin(req)}/atur-sandi/${token}`;
}
