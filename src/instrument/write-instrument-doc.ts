import fs from 'node:fs';
import path from 'node:path';
import { TEMPLATES_DIR } from '../shared/paths';
import { instrumentMarkdown } from './instrument-doc';
import { compareVersions, loadInstrumentFile } from './instrument.loader';

export const INSTRUMENT_DOC_FILE = 'README-instrumen.md';

/** The readable document of the newest instrument version in a templates folder. */
export function newestInstrumentDoc(dir: string): string {
  const files = fs.readdirSync(dir).filter((f) => /^instrument-.+\.json$/.test(f));
  const loaded = files.map((f) => ({ f, inst: loadInstrumentFile(path.join(dir, f)) }));
  const newest = loaded.sort((a, b) => compareVersions(a.inst.version, b.inst.version)).at(-1);
  if (!newest) throw new Error(`Tidak ada templat instrumen di ${dir}`);
  return instrumentMarkdown(newest.inst, `templates/${newest.f}`);
}

// `npm run instrument:doc`: rewrites templates/README-instrumen.md after the newest template changed.
if (require.main === module) {
  const target = path.join(TEMPLATES_DIR, INSTRUMENT_DOC_FILE);
  fs.writeFileSync(target, newestInstrumentDoc(TEMPLATES_DIR));
  console.log(`Ditulis: ${target}`);
}
