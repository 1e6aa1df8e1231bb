import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Evidence files on disk, outside public/: `<dataDir>/evidence/<sha256>`. Named by content, never by the user's
 * file name, so a name cannot reach the file system and the same content is stored once.
 */
export interface EvidenceStore {
  readonly dir: string;
  /** Stores the bytes (if not already there) and returns their SHA-256 in hex. */
  put(data: Buffer): string;
  /** The absolute path of stored content, or null when the file is missing. */
  pathOf(sha256: string): string | null;
}

export function createEvidenceStore(dataDir: string): EvidenceStore {
  const dir = path.join(dataDir, 'evidence');
  return {
    dir,
    put(data: Buffer): string {
      const sha = crypto.createHash('sha256').update(data).digest('hex');
      const target = path.join(dir, sha);
      if (fs.existsSync(target)) return sha;
      fs.mkdirSync(dir, { recursive: true });
      // NOTE: write then rename, so a crash never leaves a half-written file under a content name.
      const tmp = path.join(dir, `.tmp-${process.pid}-${crypto.randomBytes(6).toString('hex')}`);
      fs.writeFileSync(tmp, data, { mode: 0o640 });
      fs.renameSync(tmp, target);
      return sha;
    },
    pathOf(sha256: string): string | null {
      if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
      const p = path.join(dir, sha256);
      return fs.existsSync(p) ? p : null;
    },
  };
}
