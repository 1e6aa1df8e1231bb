import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { RequestHandler } from 'express';

/** How long a browser keeps a fingerprinted asset: a year, since a change of content changes its URL. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The first characters of a file's SHA-256: its fingerprint in the URL. */
function fingerprint(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex').slice(0, 12);
}

/** Every file under a folder, by its path relative to it with forward slashes ("css/app.css"). */
function filesUnder(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const abs = path.join(entry.parentPath, entry.name);
    out.set(path.relative(dir, abs).split(path.sep).join('/'), abs);
  }
  return out;
}

/** "css/app.css" + "3f2a…" → "css/app.3f2a….css" */
function withFingerprint(name: string, hash: string): string {
  const dot = name.lastIndexOf('.');
  return `${name.slice(0, dot)}.${hash}${name.slice(dot)}`;
}

export interface Assets {
  /** The URL a page links an asset by: its name with the content's fingerprint ("/static/css/app.3f2a9c1d0b7e.css"). */
  url(name: string): string;
  /** Serves fingerprinted URLs for a year (immutable); the plain names stay served by express.static. */
  serve: RequestHandler;
}

/**
 * The app's CSS and JS (public/) and the vendored Chart.js, each linked by a URL that carries a fingerprint of its
 * content: browsers on a weak link keep them for a year and fetch again only what a new version changed.
 * Fingerprints are computed once at start-up (the files do not change while the server runs).
 */
export function createAssets(publicDir: string, extra: Record<string, string>): Assets {
  const files = filesUnder(publicDir);
  for (const [name, file] of Object.entries(extra)) files.set(name, file);
  const urls = new Map<string, string>();
  const byUrl = new Map<string, string>();
  for (const [name, file] of files) {
    const url = `/static/${withFingerprint(name, fingerprint(file))}`;
    urls.set(name, url);
    byUrl.set(url, file);
  }
  return {
    url(name) {
      const url = urls.get(name);
      if (!url) throw new Error(`Aset tidak dikenal: ${name}`);
      return url;
    },
    serve(req, res, next) {
      const file = req.method === 'GET' || req.method === 'HEAD' ? byUrl.get(req.path) : undefined;
      if (!file) return next();
      res.sendFile(file, { headers: { 'Cache-Control': IMMUTABLE }, cacheControl: false });
    },
  };
}
