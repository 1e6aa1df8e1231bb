import type { User } from './identity';

declare module 'express-session' {
  interface SessionData {
    userId?: number;
    /** Epoch ms of the login, for the absolute session timeout. */
    loginAt?: number;
    userAgent?: string;
    ip?: string;
    csrfToken?: string;
    flash?: { kind: 'success' | 'error'; message: string };
  }
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      user?: User;
      /** CSRF signing for anonymous pages (web/csrf.ts): the secret, and the browser's nonce once read or made. */
      csrf?: { secret: string; nonce?: string };
    }
  }
}

export {};
