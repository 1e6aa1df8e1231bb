import fs from 'node:fs';
import path from 'node:path';

/** The project root: the nearest folder above this file holding package.json (works from src/ and dist/src/). */
function findRoot(start: string): string {
  let dir = start;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`package.json tidak ditemukan di atas ${start}`);
    dir = parent;
  }
  return dir;
}

export const PROJECT_ROOT = findRoot(__dirname);
export const TEMPLATES_DIR = path.join(PROJECT_ROOT, 'templates');
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'migrations');
export const VIEWS_DIR = path.join(PROJECT_ROOT, 'views');
export const PUBLIC_DIR = path.join(PROJECT_ROOT, 'public');
