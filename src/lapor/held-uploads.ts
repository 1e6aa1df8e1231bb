import crypto from 'node:crypto';

/**
 * Uploaded exports waiting for their column mapping and preview, held in the server's memory only: an export carries
 * reporters' names, NIK and report texts in columns the admin has not yet mapped, and none of it may reach the
 * database or the disk. The columns recognised as personal are emptied as soon as the file is read.
 * NOTE: a restart loses what is held (the admin uploads again); at most MAX_HELD uploads are kept, one per admin.
 */

export interface HeldUpload {
  token: string;
  userId: number;
  periodId: number;
  fileName: string;
  exportDate: string;
  /** The header row's texts and its 0-based row index in the file. */
  header: string[];
  headerRow: number;
  /** The file's rows (row index = spreadsheet row − 1), personal columns emptied. */
  table: string[][];
  /** Headers of the columns emptied as personal data. */
  dropped: string[];
  heldAt: number;
}

const TTL_MS = 2 * 60 * 60 * 1000;
const MAX_HELD = 4;
const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

export function createHeldUploads(now: () => number = Date.now) {
  const held = new Map<string, HeldUpload>();
  const purge = () => {
    for (const [t, h] of held) if (now() - h.heldAt > TTL_MS) held.delete(t);
  };
  return {
    /** Holds an upload under a new token, replacing the same admin's earlier one; the oldest goes when full. */
    hold(u: Omit<HeldUpload, 'token' | 'heldAt'>): string {
      purge();
      for (const [t, h] of held) if (h.userId === u.userId) held.delete(t);
      while (held.size >= MAX_HELD) held.delete(held.keys().next().value as string);
      const token = crypto.randomBytes(18).toString('base64url');
      held.set(token, { ...u, token, heldAt: now() });
      return token;
    },
    /** The upload behind a token, only for the admin who sent it and only for that period. */
    findOwn(token: string, userId: number, periodId: number): HeldUpload | undefined {
      purge();
      const h = TOKEN.test(token) ? held.get(token) : undefined;
      return h && h.userId === userId && h.periodId === periodId ? h : undefined;
    },
    release(token: string): void {
      held.delete(token);
    },
  };
}
export type HeldUploads = ReturnType<typeof createHeldUploads>;
