import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Evidence files on disk, outside public/: `<dataDir>/evidence/<sha256>`. Named by content, never by the user's
 * file name, so a name cannot reach the file system and the same content is stored once.
 */
export interface EvidenceStore {
  readonly dir: string;
  /**
   * Stores the bytes (if not already there) and resolves to their SHA-256 in hex. Hashing and writing happen off the
   * request thread, before any database transaction, which then refers to the file by that hash.
   */
  write(data: Buffer): Promise<string>;
  /** The absolute path of stored content, or null when the file is missing. */
  pathOf(sha256: string): string | null;
}

/** SHA-256 in hex, computed on libuv's thread pool (WebCrypto's digest) rather than on the request thread. */
async function sha256Hex(data: Buffer): Promise<string> {
  return Buffer.from(await crypto.subtle.digest('SHA-256', data)).toString('hex');
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.promises.access(file);
    return true;
  } catch {
    return false;
  }
}

export function createEvidenceStore(dataDir: string): EvidenceStore {
  const dir = path.join(dataDir, 'evidence');
  return {
    dir,
    async write(data: Buffer): Promise<string> {
      const sha = await sha256Hex(data);
      const target = path.join(dir, sha);
      if (await exists(target)) return sha;
      await fs.promises.mkdir(dir, { recursive: true });
      // NOTE: write then rename, so a crash never leaves a half-written file under a content name.
      const tmp = path.join(dir, `.tmp-${process.pid}-${crypto.randomBytes(6).toString('hex')}`);
      await fs.promises.writeFile(tmp, data, { mode: 0o640 });
      await fs.promises.rename(tmp, target);
      return sha;
    },
    pathOf(sha256: string): string | null {
      if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
      const p = path.join(dir, sha256);
      return fs.existsSync(p) ? p : null;
    },
  };
}
