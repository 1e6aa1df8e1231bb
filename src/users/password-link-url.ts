import type { Request } from 'express';
import { requestOrigin } from '../web/request-origin';

/** The full address of a one-time set-password link: on PUBLIC_URL when set, else on the host the admin is using. */
export function passwordLinkUrl(req: Request, token: string): string {
  return `${requestOrigin(req)}/atur-sandi/${token}`;
}
