import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { RequestHandler } from 'express';

/** Files the questionnaire's offline page is made of: a change in any of them installs the worker again. */
const OFFLINE_FILES = ['offline/worker.js', 'offline/questionnaire.html', 'offline/questionnaire.js', 'js/session.js', 'css/app.css', 'favicon.ico'];

/**
 * The two files browsers look for at the site's root: `/favicon.ico` (asked for by every page and download) and
 * `/sw.js`, the questionnaire's service worker (public/offline/worker.js). A service worker may only control pages
 * under its own folder, hence the root; its VERSION is a fingerprint of the offline page's files, so a new version of
 * any of them replaces the cached copies. Both are the same for everyone and hold no one's data.
 */
export function rootFiles(publicDir: string): RequestHandler {
  const hash = crypto.createHash('sha256');
  for (const f of OFFLINE_FILES) hash.update(fs.readFileSync(path.join(publicDir, f)));
  const worker = `var VERSION = '${hash.digest('hex').slice(0, 12)}';\n${fs.readFileSync(path.join(publicDir, 'offline/worker.js'), 'utf8')}`;
  const favicon = path.join(publicDir, 'favicon.ico');
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (req.path === '/favicon.ico') {
      res.sendFile(favicon, { headers: { 'Cache-Control': 'public, max-age=86400' }, cacheControl: false });
    } else if (req.path === '/sw.js') {
      // NOTE: browsers check a worker for updates on each visit (at most daily from HTTP cache); no-cache keeps
      // that check cheap and never stale.
      res.set({ 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache' }).send(worker);
    } else {
      next();
    }
  };
}
